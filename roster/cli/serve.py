"""The ``serve`` command: start the web application and its background workers."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import typer
import uvicorn

from roster.cli.common import cli_errors, log_warnings, ready_url

STOP_GRACE_SECONDS = 10.0


def worker_command(poll: float = 0.5) -> list[str]:
    """The command line of one ``roster worker`` that ends when this process ends."""
    entry = "from roster.cli import main; main()"
    options = ["--poll", str(poll), "--parent-pid", str(os.getpid())]
    return [sys.executable, "-c", entry, "worker", *options]


def stop_workers(workers: list[subprocess.Popen[bytes]], grace: float = STOP_GRACE_SECONDS) -> None:
    """Ask each worker to stop (SIGTERM), and kill the ones still running after ``grace``."""
    for process in workers:
        if process.poll() is None:
            process.terminate()
    for process in workers:
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def running_workers(count: int) -> Iterator[list[subprocess.Popen[bytes]]]:
    """``count`` worker processes running for the block, stopped when it ends."""
    workers = [subprocess.Popen(worker_command()) for _ in range(count)]
    try:
        yield workers
    finally:
        stop_workers(workers)


def serve(
    host: str = typer.Option(
        "127.0.0.1", help="Dirección en la que escucha (solo local por defecto)."
    ),
    port: int = typer.Option(8000, help="Puerto HTTP."),
    workers: int = typer.Option(
        1, min=0, help="Procesos que calculan los roles en segundo plano (0: ninguno)."
    ),
) -> None:
    """Inicia la aplicación web y sus procesos de cálculo en segundo plano.

    Con --workers 0 los cálculos esperan en cola a un 'roster worker' aparte.

    Ejemplo: roster serve --port 8000 --workers 1
    """
    log_warnings()
    with cli_errors():
        ready_url()
    typer.echo(f"Aplicación web en http://{host}:{port}/  (Ctrl+C para detener)")
    with running_workers(workers):
        uvicorn.run("web.app:create_app", factory=True, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to ``app``."""
    app.command()(serve)
