"""Backups of the SQLite database: a consistent copy taken while the server runs, and restore.

``backup_database`` uses SQLite's online backup API in one step: it reads one snapshot of
the database (the write-ahead log lets the server keep writing meanwhile), so the copy
is never half a roster. The copy is a single self-contained file (no -wal beside it),
checked with ``PRAGMA integrity_check`` before it replaces the target.

``restore_database`` puts such a file in the database's place and migrates it to the
newest schema (``init_database``); the server and its workers must be stopped first.
PostgreSQL has its own tools (pg_dump, pg_restore): see docs/backups.md.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from roster.services.errors import InvalidInput, NotFound
from roster.storage import database_url, dispose_engines, init_database

POSTGRES_HINT = (
    "La base de datos no es SQLite: use las herramientas de PostgreSQL, "
    "pg_dump -Fc y pg_restore (vea docs/backups.md)."
)
REQUIRED_TABLES = ("alembic_version", "shelters", "staff_members", "rosters")


@dataclass(frozen=True)
class BackupInfo:
    """What a backup holds: its file, its size and the rows of each table."""

    path: Path
    size: int
    rows: dict[str, int]


def sqlite_file(url: str | None = None) -> Path:
    """The SQLite file of ``url`` (default: the configured database); refused for others."""
    parsed = make_url(database_url(url))
    if parsed.get_backend_name() != "sqlite":
        raise InvalidInput(POSTGRES_HINT)
    if parsed.database in (None, "", ":memory:"):
        raise InvalidInput("La base de datos está en memoria: no hay archivo que copiar.")
    return Path(str(parsed.database))


def row_counts(connection: sqlite3.Connection) -> dict[str, int]:
    """Rows of every table of a SQLite database, by table name."""
    names = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    return {
        name: connection.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] for name in names
    }


def _check(connection: sqlite3.Connection, what: str) -> dict[str, int]:
    """Integrity and the product's tables, or ``InvalidInput``; the row counts."""
    try:
        verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
        rows = row_counts(connection)
    except sqlite3.DatabaseError as error:
        raise InvalidInput(f"{what} no es una base de datos SQLite válida ({error}).") from None
    if verdict != "ok":
        raise InvalidInput(f"{what} está dañado: {verdict}.")
    missing = [name for name in REQUIRED_TABLES if name not in rows]
    if missing:
        raise InvalidInput(
            f"{what} no es una copia de esta aplicación (faltan: {', '.join(missing)})."
        )
    return rows


def _copy(source: Path, target: Path) -> dict[str, int]:
    """Copy ``source`` into a new file ``target`` in one snapshot; the copy's row counts."""
    reader = sqlite3.connect(source)
    writer = sqlite3.connect(target)
    try:
        reader.backup(writer)  # all pages in one step: one consistent snapshot
        writer.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
        return _check(writer, "La copia")
    finally:
        writer.close()
        reader.close()


def backup_database(target: Path, url: str | None = None) -> BackupInfo:
    """Write a consistent copy of the SQLite database to ``target`` (replaced if it exists)."""
    source = sqlite_file(url)
    if not source.is_file():
        raise NotFound(f"No existe la base de datos {source}: créela con 'roster init'.")
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.with_name(f".{target.name}.parcial")
    scratch.unlink(missing_ok=True)
    try:
        rows = _copy(source, scratch)
        os.replace(scratch, target)
    finally:
        scratch.unlink(missing_ok=True)
    return BackupInfo(target, target.stat().st_size, rows)


def restore_database(source: Path, url: str | None = None) -> BackupInfo:
    """Put the backup ``source`` in the database's place and migrate it to the newest schema.

    The server and its workers must be stopped: they would keep writing to the old file.
    The backup is checked before anything is replaced; a bad file changes nothing.
    """
    target = sqlite_file(url)
    source = Path(source)
    if not source.is_file():
        raise NotFound(f"No se encontró el archivo de copia {source}.")
    reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        _check(reader, f"El archivo {source.name}")
    finally:
        reader.close()
    dispose_engines()
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.with_name(f".{target.name}.restaurando")
    scratch.unlink(missing_ok=True)
    try:
        _copy(source, scratch)
        for leftover in (Path(f"{target}-wal"), Path(f"{target}-shm")):
            leftover.unlink(missing_ok=True)  # the old file's log must not replay onto the new
        os.replace(scratch, target)
    finally:
        scratch.unlink(missing_ok=True)
    init_database(database_url(url))
    connection = sqlite3.connect(target)
    try:
        rows = row_counts(connection)
    finally:
        connection.close()
    dispose_engines()
    return BackupInfo(target, target.stat().st_size, rows)
