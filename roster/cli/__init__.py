"""The ``roster`` command line: a thin layer over the roster services."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="roster",
    help="Planificador de personal y turnos 24/7 de la red de Hogares de Refugio Temporal.",
    no_args_is_help=True,
    add_completion=False,
)


def _register_commands() -> None:
    # Each module adds its commands to ``app`` when imported.
    from roster.cli import bench_curtois, data, gaps, planning, serve, users  # noqa: F401


def main() -> None:
    """Entry point of the ``roster`` console script."""
    _register_commands()
    app()
