"""Import absences: one row per absence of a staff member of the shelter."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from models import Absence, AbsenceKind
from models.leave import leave_problems
from roster.importing.cells import parse_choice, parse_date, parse_member
from roster.importing.common import ImportResult, lookup_table, open_sheet, read_cell
from roster.importing.table import Problems, SheetRow
from roster.services import add_absence, get_shelter, list_absences, list_staff
from roster.services.labels import day_es

REQUIRED = ["codigo_personal", "tipo", "desde", "hasta"]
OPTIONAL = ["nota", "nacimiento"]
KINDS = {
    "vacaciones": AbsenceKind.VACATION,
    "descanso_medico": AbsenceKind.MEDICAL,
    "maternidad": AbsenceKind.MATERNITY,
    "paternidad": AbsenceKind.PATERNITY,
    "lactancia": AbsenceKind.BREASTFEEDING,
    "capacitacion": AbsenceKind.TRAINING,
    "descanso_compensatorio": AbsenceKind.COMPENSATORY,
    "licencia": AbsenceKind.LEAVE,
    "imprevista": AbsenceKind.UNPLANNED,
}


def absence_from_row(problems: Problems, row: SheetRow, staff: dict[str, str]) -> Absence | None:
    """The absence of one row, or None after recording its problems."""
    before = len(problems.messages)
    person = read_cell(problems, row, "codigo_personal", parse_member, staff, "personal")
    kind = read_cell(problems, row, "tipo", parse_choice, KINDS, "tipo")
    start = read_cell(problems, row, "desde", parse_date)
    end = read_cell(problems, row, "hasta", parse_date)
    born = read_cell(problems, row, "nacimiento", parse_date) if row["nacimiento"] else None
    if start and end and end < start:
        problems.add(
            row.number, "hasta", f"termina el {day_es(end)}, antes de empezar el {day_es(start)}"
        )
    if len(problems.messages) > before or not (person and kind and start and end):
        return None
    absence = Absence(person, AbsenceKind(kind), start, end, row["nota"], born)
    for column, reason in leave_problems(absence):
        problems.add(row.number, column, reason)
    return None if len(problems.messages) > before else absence


def overlapping(absence: Absence, others: list[Absence]) -> Absence | None:
    """The first of ``others`` of the same person sharing a day with ``absence``, if any.

    The breastfeeding hour is not a day off: it may run beside any day-off absence, but
    not beside another breastfeeding period.
    """
    for other in others:
        same_person = other.staff_id == absence.staff_id
        same_nature = other.day_off == absence.day_off
        if (
            same_person
            and same_nature
            and other.start <= absence.end
            and absence.start <= other.end
        ):
            return other
    return None


def import_absences(session: Session, shelter_code: str, path: str | Path) -> ImportResult:
    """Add absences from a file; on any error nothing changes.

    A row equal to a stored absence is skipped, so a file can be imported again;
    a row overlapping another absence of the same person is an error.
    """
    get_shelter(session, shelter_code)
    problems, rows = open_sheet(path, REQUIRED)
    staff = lookup_table([(m.id, m.id) for m in list_staff(session, shelter_code, True)])
    stored = list_absences(session, shelter_code)
    new: list[tuple[int, Absence]] = []
    skipped = 0
    for row in rows if not problems.messages else []:
        absence = absence_from_row(problems, row, staff)
        if absence is None:
            continue
        if absence in stored:
            skipped += 1
            continue
        earlier = overlapping(absence, [a for _, a in new])
        clash = overlapping(absence, stored)
        if earlier is not None:
            number = next(n for n, a in new if a is earlier)
            problems.add(row.number, "desde", f"se superpone con la ausencia de la fila {number}")
        elif clash is not None:
            problems.add(
                row.number,
                "desde",
                f"se superpone con una ausencia ya registrada ({day_es(clash.start)} "
                f"a {day_es(clash.end)})",
            )
        else:
            new.append((row.number, absence))
    problems.raise_if_any()
    with session.begin_nested():
        for _, absence in new:
            add_absence(session, shelter_code, absence)
    return ImportResult(created=len(new), skipped=skipped)
