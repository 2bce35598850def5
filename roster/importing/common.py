"""What every importer shares: opening the file, reading cells, the result."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from roster.importing.cells import CellError
from roster.importing.table import Problems, SheetRow, normalize_header, read_rows

T = TypeVar("T")


@dataclass(frozen=True)
class ImportResult:
    """How many records an import created, updated and skipped (already stored)."""

    created: int = 0
    updated: int = 0
    skipped: int = 0

    def summary_es(self) -> str:
        """E.g. '3 nuevos, 1 actualizado, 0 omitidos'."""
        return f"{self.created} nuevos, {self.updated} actualizados, {self.skipped} omitidos"


def open_sheet(path: str | Path, required: list[str]) -> tuple[Problems, list[SheetRow]]:
    """The file's problem log (named after the file) and its data rows."""
    path = Path(path)
    problems = Problems(path.name)
    return problems, read_rows(path, required, problems)


def read_cell(
    problems: Problems, row: SheetRow, column: str, parser: Callable[..., T], *args: object
) -> T | None:
    """``parser(cell, *args)``, or None after recording the reason it failed."""
    try:
        return parser(row[column], *args)
    except CellError as error:
        problems.add(row.number, column, str(error))
        return None


def lookup_table(codes_and_names: list[tuple[str, str]]) -> dict[str, str]:
    """Codes by code, by normalized code and by normalized name, for ``parse_member``."""
    table: dict[str, str] = {}
    for code, name in codes_and_names:
        table.setdefault(normalize_header(name), code)
    for code, _name in codes_and_names:
        table[normalize_header(code)] = code
        table[code] = code
    return table
