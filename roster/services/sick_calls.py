"""An unplanned absence on a published roster (a sick call): record it, and say which of the
person's published shifts it now takes away (the repair's work)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from models import Absence, AbsenceKind, Assignment, RosterStatus
from models.people import ABSENCE_LABELS_ES
from roster.services.absences import add_absence
from roster.services.audit import record
from roster.services.errors import InvalidInput
from roster.services.labels import day_es
from roster.services.lookup import shelter_row, staff_row
from roster.services.rosters import latest_row, roster_from_row

# Words the command line accepts for --kind, besides the kinds' own codes.
KIND_WORDS = {
    "sick": AbsenceKind.UNPLANNED,
    "enferma": AbsenceKind.UNPLANNED,
    "imprevista": AbsenceKind.UNPLANNED,
    "descanso-medico": AbsenceKind.MEDICAL,
    "licencia": AbsenceKind.LEAVE,
    "vacaciones": AbsenceKind.VACATION,
    "capacitacion": AbsenceKind.TRAINING,
    **{kind.value: kind for kind in AbsenceKind},
}


@dataclass(frozen=True)
class SickCall:
    """A recorded absence, the person's name, and her published shifts it falls on."""

    absence: Absence
    name: str
    shifts: list[Assignment]


def absence_kind(word: str) -> AbsenceKind:
    """The kind a word names (``sick`` is an unplanned absence); ``InvalidInput`` otherwise."""
    kind = KIND_WORDS.get(word.strip().lower())
    if kind is None:
        raise InvalidInput(
            f"Tipo de ausencia '{word}' no válido: use {', '.join(sorted(KIND_WORDS))}."
        )
    return kind


def _months(first: date, last: date) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    day = first.replace(day=1)
    while day <= last:
        found.append((day.year, day.month))
        day = (day + timedelta(days=32)).replace(day=1)
    return found


def report_absence(
    session: Session, shelter_code: str, absence: Absence, user_id: int | None = None
) -> SickCall:
    """Store the absence; each published month it touches notes it in its audit trail."""
    shelter = shelter_row(session, shelter_code)
    person = staff_row(session, shelter, absence.staff_id)
    if (absence.end - absence.start).days > 366:
        raise InvalidInput("Una ausencia no puede durar más de un año: revise las fechas.")
    add_absence(session, shelter_code, absence)
    hit: list[Assignment] = []
    for year, month in _months(absence.start, absence.end):
        row = latest_row(session, shelter, year, month, RosterStatus.PUBLISHED)
        if row is None:
            continue
        mine = [
            a
            for a in roster_from_row(session, row, shelter).assignments
            if a.staff_id == absence.staff_id and absence.covers(a.day)
        ]
        hit += mine
        note = (
            f"{ABSENCE_LABELS_ES[absence.kind]} del {day_es(absence.start)} al "
            f"{day_es(absence.end)}: {len(mine)} turno(s) publicado(s) quedan sin ella."
        )
        if absence.note:
            note += f" {absence.note}"
        record(
            session,
            shelter,
            year,
            month,
            "absence",
            user_id=user_id,
            version=row.version,
            note=note,
            staff_id=absence.staff_id,
        )
    return SickCall(absence, person.name, sorted(hit, key=lambda a: a.day))
