"""The ``serve`` command: start the web application."""

from __future__ import annotations

import typer
import uvicorn

from roster.cli import app


@app.command()
def serve(
    host: str = typer.Option(
        "127.0.0.1", help="Dirección en la que escucha (solo local por defecto)."
    ),
    port: int = typer.Option(8000, help="Puerto HTTP."),
) -> None:
    """Inicia la aplicación web.

    Ejemplo: roster serve --port 8000
    """
    typer.echo(f"Aplicación web en http://{host}:{port}/  (Ctrl+C para detener)")
    uvicorn.run("web.app:create_app", factory=True, host=host, port=port, log_level="warning")
