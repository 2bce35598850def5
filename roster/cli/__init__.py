"""The ``roster`` command line: a thin layer over the roster services.

Each module of this package exposes ``register(app)``; ``build_app`` calls them in
order, so the command list is written here and nothing registers on import. The
CLI speaks Spanish, framework text included (``roster.cli.language``), English when
the locale or ROSTER_LANG asks for it.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperGroup

from roster.cli import (
    backup,
    changes,
    data,
    exports,
    feeds,
    gaps,
    jobs,
    ledger,
    planning,
    repair,
    serve,
    users,
)
from roster.cli.common import configure_output
from roster.cli.language import use_language


class RosterGroup(TyperGroup):
    """The root command: picks the language of help and errors before every run."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        use_language()
        return super().main(*args, **kwargs)


def options(
    quiet: bool = typer.Option(
        False, "--quiet", "-q", help="Solo errores y los datos pedidos (archivos, --json, --csv)."
    ),
    verbose: bool = typer.Option(
        False, "--verbose", "-v", help="Muestra también el registro (log) en la salida de errores."
    ),
) -> None:
    """Planificador de personal y turnos 24/7 de la red de Hogares de Refugio Temporal.

    Cada comando explica su uso con --help, p. ej.: roster plan --help
    """
    configure_output(quiet, verbose)


def build_app() -> typer.Typer:
    """A new ``roster`` application with every command."""
    app = typer.Typer(name="roster", cls=RosterGroup, no_args_is_help=True, add_completion=False)
    app.callback()(options)
    for module in (
        data,
        ledger,
        users,
        planning,
        repair,
        changes,
        exports,
        feeds,
        gaps,
        serve,
        jobs,
        backup,
    ):
        module.register(app)
    return app


app = build_app()


def main() -> None:
    """Entry point of the ``roster`` console script."""
    app()
