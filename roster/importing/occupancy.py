"""Import expected occupancy: one row per month, the residents a shelter expects then.

Columns: mes (aaaa-mm or mm/aaaa), mujeres, ninos (girls and boys), menores_6 (children
under six, counted among the children too; empty: 0). A month already stored is replaced.
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy.orm import Session

from models.occupancy import Occupancy
from roster.importing.cells import CellError, parse_count, require
from roster.importing.common import ImportResult, open_sheet, read_cell
from roster.importing.table import Problems, SheetRow
from roster.services import get_shelter
from roster.services.occupancy import list_occupancy, set_occupancy

REQUIRED = ["mes", "mujeres", "ninos"]
OPTIONAL = ["menores_6"]


def parse_month(text: str) -> tuple[int, int]:
    """A month written aaaa-mm or mm/aaaa."""
    require(text)
    found = re.fullmatch(r"(\d{4})-(\d{1,2})", text) or re.fullmatch(r"(\d{1,2})/(\d{4})", text)
    if found is None:
        raise CellError(f"mes '{text}' no válido (use aaaa-mm, p. ej. 2027-03)")
    first, second = int(found[1]), int(found[2])
    year, month = (first, second) if first > 12 else (second, first)
    if not 1 <= month <= 12:
        raise CellError(f"mes '{text}' no válido: el mes va de 1 a 12")
    return year, month


def occupancy_from_row(problems: Problems, row: SheetRow) -> Occupancy | None:
    """The expected occupancy of one row, or None after recording its problems."""
    before = len(problems.messages)
    month = read_cell(problems, row, "mes", parse_month)
    women = read_cell(problems, row, "mujeres", parse_count)
    children = read_cell(problems, row, "ninos", parse_count)
    under_six = read_cell(problems, row, "menores_6", parse_count) if row["menores_6"] else 0
    if children is not None and under_six is not None and under_six > children:
        problems.add(
            row.number, "menores_6", f"{under_six} menores de seis años, más que niños ({children})"
        )
    if len(problems.messages) > before:
        return None
    assert month and women is not None and children is not None and under_six is not None
    return Occupancy(month[0], month[1], women, children, under_six)


def import_occupancy(session: Session, shelter_code: str, path: str | Path) -> ImportResult:
    """Store a shelter's expected occupancy month by month; on any error nothing changes."""
    get_shelter(session, shelter_code)
    problems, rows = open_sheet(path, REQUIRED)
    stored = {(o.year, o.month) for o in list_occupancy(session, shelter_code)}
    found: dict[tuple[int, int], tuple[int, Occupancy]] = {}
    for row in rows if not problems.messages else []:
        occupancy = occupancy_from_row(problems, row)
        if occupancy is None:
            continue
        key = (occupancy.year, occupancy.month)
        if key in found:
            problems.add(row.number, "mes", f"mes repetido (ya está en la fila {found[key][0]})")
            continue
        found[key] = (row.number, occupancy)
    problems.raise_if_any()
    with session.begin_nested():
        for _, occupancy in found.values():
            set_occupancy(session, shelter_code, occupancy)
    updated = len(stored & set(found))
    return ImportResult(created=len(found) - updated, updated=updated)
