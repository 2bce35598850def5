"""The ``roster`` command line: a thin layer over the roster services.

Each module of this package exposes ``register(app)``; ``build_app`` calls them in
order, so the command list is written here and nothing registers on import.
"""

from __future__ import annotations

import typer

from roster.cli import data, gaps, jobs, planning, serve, users


def build_app() -> typer.Typer:
    """A new ``roster`` application with every command."""
    app = typer.Typer(
        name="roster",
        help="Planificador de personal y turnos 24/7 de la red de Hogares de Refugio Temporal.",
        no_args_is_help=True,
        add_completion=False,
    )
    for module in (data, users, planning, gaps, serve, jobs):
        module.register(app)
    return app


app = build_app()


def main() -> None:
    """Entry point of the ``roster`` console script."""
    app()
