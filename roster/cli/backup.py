"""The ``backup`` and ``restore`` commands: copy the SQLite database safely, and put one back."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from roster.backup import backup_database, restore_database
from roster.cli.common import cli_errors, fail, say

FileArgument = Annotated[Path, typer.Argument(metavar="ARCHIVO", help="Archivo de la copia.")]


def backup(file: FileArgument) -> None:
    """Copia la base de datos SQLite a ARCHIVO, también con el servidor en marcha.

    La copia es una foto consistente de un instante (un rol a medio guardar nunca
    queda a medias) en un solo archivo, revisada antes de escribirse. Para
    PostgreSQL use pg_dump (docs/backups.md).

    Ejemplo: roster backup copias/hogares-2026-12-01.db
    """
    with cli_errors():
        info = backup_database(file)
    rosters = info.rows.get("rosters", 0)
    say(
        f"Copia escrita en {info.path} ({info.size / 1_048_576:.1f} MB; "
        f"{info.rows.get('shelters', 0)} hogares, {info.rows.get('staff_members', 0)} personas, "
        f"{rosters} versiones de roles)."
    )


def restore(
    file: FileArgument,
    yes: Annotated[bool, typer.Option("--yes", help="No pide confirmación (scripts).")] = False,
) -> None:
    """Reemplaza la base de datos SQLite por la copia ARCHIVO y la actualiza al esquema actual.

    Detenga antes el servidor y sus procesos de cálculo ('roster serve', 'roster
    worker'): seguirían escribiendo en la base anterior. Todo lo guardado después
    de la copia se pierde. Una copia dañada o ajena no reemplaza nada.

    Ejemplo: roster restore copias/hogares-2026-12-01.db
    """
    if not yes and not typer.confirm(
        "Se reemplazarán todos los datos actuales por los de la copia. ¿Continuar?", default=False
    ):
        fail("Restauración cancelada: no cambió nada.")
    with cli_errors():
        info = restore_database(file)
    say(
        f"Base de datos restaurada desde {file} y actualizada al esquema actual: "
        f"{info.rows.get('shelters', 0)} hogares, {info.rows.get('rosters', 0)} versiones de roles."
    )


def register(app: typer.Typer) -> None:
    """Add the ``backup`` and ``restore`` commands to ``app``."""
    app.command()(backup)
    app.command()(restore)
