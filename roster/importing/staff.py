"""Import a shelter's staff list: one row per person, created or updated by code."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from models import StaffMember
from models.people import WorkingPattern
from roster.importing.cells import (
    CellError,
    parse_choice,
    parse_code,
    parse_hours,
    parse_member,
    parse_yes_no,
    require,
    split_list,
)
from roster.importing.common import ImportResult, lookup_table, open_sheet, read_cell
from roster.importing.table import Problems, SheetRow
from roster.services import create_staff, get_shelter, list_roles, list_staff, update_staff

REQUIRED = ["codigo", "nombre", "funcion", "horas_semanales"]
OPTIONAL = ["funciones_cubre", "trabajo_nocturno", "patron_trabajo"]
PATTERNS = {
    "rotativo": WorkingPattern.ROTATING,
    "lunes_a_viernes": WorkingPattern.WEEKDAYS_DAY,
    "lunes_a_sabado": WorkingPattern.MON_SAT_DAY,
    "solo_noches": WorkingPattern.NIGHTS,
}


def _roles(problems: Problems, row: SheetRow, roles: dict[str, str]) -> list[str]:
    primary = read_cell(problems, row, "funcion", parse_member, roles, "función")
    covered = [primary] if primary else []
    for item in split_list(row["funciones_cubre"]):
        try:
            covered.append(parse_member(item, roles, "función"))
        except CellError as error:
            problems.add(row.number, "funciones_cubre", str(error))
    return list(dict.fromkeys(covered))


def member_from_row(
    problems: Problems, row: SheetRow, shelter: str, roles: dict[str, str], old: StaffMember | None
) -> StaffMember | None:
    """The staff member of one row (active, her posts kept), or None after its problems."""
    before = len(problems.messages)
    code = read_cell(problems, row, "codigo", parse_code)
    name = read_cell(problems, row, "nombre", require)
    covered = _roles(problems, row, roles)
    hours = read_cell(problems, row, "horas_semanales", parse_hours)
    night: bool | None = True
    if row["trabajo_nocturno"]:
        night = read_cell(problems, row, "trabajo_nocturno", parse_yes_no)
    pattern = old.working_pattern if old else WorkingPattern.ROTATING
    if row["patron_trabajo"]:
        chosen = read_cell(problems, row, "patron_trabajo", parse_choice, PATTERNS, "patrón")
        pattern = WorkingPattern(chosen) if chosen else pattern
    if len(problems.messages) > before or code is None or name is None or hours is None:
        return None
    return StaffMember(
        id=code,
        shelter_code=shelter,
        name=name,
        primary_role=covered[0],
        roles=tuple(covered),
        weekly_hours=hours,
        night_work=bool(night),
        post_ids=old.post_ids if old else (),
        active=True,
        working_pattern=pattern,
    )


def import_staff(session: Session, shelter_code: str, path: str | Path) -> ImportResult:
    """Create or update the staff of a shelter from a file; on any error nothing changes.

    A listed person who was inactive becomes active again; people not listed are
    left as they are. Posts a person holds are kept.
    """
    get_shelter(session, shelter_code)
    problems, rows = open_sheet(path, REQUIRED)
    roles = lookup_table([(r.code, r.name) for r in list_roles(session)])
    stored = {m.id: m for m in list_staff(session, shelter_code, include_inactive=True)}
    members: list[StaffMember] = []
    first_row: dict[str, int] = {}
    for row in rows if not problems.messages else []:
        member = member_from_row(problems, row, shelter_code, roles, stored.get(row["codigo"]))
        if member is None:
            continue
        if member.id in first_row:
            problems.add(
                row.number,
                "codigo",
                f"código '{member.id}' repetido (ya está en la fila {first_row[member.id]})",
            )
            continue
        first_row[member.id] = row.number
        members.append(member)
    problems.raise_if_any()
    with session.begin_nested():
        for member in members:
            (update_staff if member.id in stored else create_staff)(session, member)
    updated = sum(member.id in stored for member in members)
    return ImportResult(created=len(members) - updated, updated=updated)
