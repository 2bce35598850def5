"""Absences entered, changed or removed by hand, each noted in the audit trail.

The record itself is stored by the same services as the command line (``add_absence``,
``update_absence``, ``delete_absence``); this module adds one ``absence`` entry to the
trail of every month the absence touches, before or after the change, naming the
month's published version when there is one, so HR can see who moved whose absence.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from models import Absence, RosterStatus
from models.people import ABSENCE_LABELS_ES
from roster.services.absences import add_absence, delete_absence, update_absence
from roster.services.audit import record
from roster.services.labels import day_es
from roster.services.lookup import shelter_row
from roster.services.rosters import latest_row


def months_touched(*absences: Absence) -> list[tuple[int, int]]:
    """(year, month) of every month sharing a day with one of ``absences``, in order."""
    found: set[tuple[int, int]] = set()
    for absence in absences:
        day = absence.start.replace(day=1)
        while day <= absence.end:
            found.add((day.year, day.month))
            day = (day + timedelta(days=32)).replace(day=1)
    return sorted(found)


def describe(absence: Absence) -> str:
    """E.g. 'Vacaciones del 09/06/2027 al 11/06/2027'."""
    return f"{ABSENCE_LABELS_ES[absence.kind]} del {day_es(absence.start)} al {day_es(absence.end)}"


def _note_in_trail(
    session: Session, shelter_code: str, note: str, user_id: int | None, *absences: Absence
) -> None:
    shelter = shelter_row(session, shelter_code)
    for year, month in months_touched(*absences):
        published = latest_row(session, shelter, year, month, RosterStatus.PUBLISHED)
        record(
            session,
            shelter,
            year,
            month,
            "absence",
            user_id=user_id,
            version=None if published is None else published.version,
            note=note,
            staff_id=absences[0].staff_id,
        )


def enter_absence(
    session: Session, shelter_code: str, absence: Absence, user_id: int | None = None
) -> Absence:
    """Store a new absence and note it."""
    add_absence(session, shelter_code, absence)
    _note_in_trail(
        session, shelter_code, f"Ausencia agregada: {describe(absence)}.", user_id, absence
    )
    return absence


def change_absence(
    session: Session, shelter_code: str, old: Absence, new: Absence, user_id: int | None = None
) -> Absence:
    """Replace ``old`` (found by person, kind and dates) with ``new`` and note both."""
    update_absence(session, shelter_code, old, new)
    note = f"Ausencia cambiada: {describe(old)} pasa a {describe(new)}."
    if old.note != new.note:
        note += " Cambió la nota."
    _note_in_trail(session, shelter_code, note, user_id, new, old)
    return new


def remove_absence(
    session: Session, shelter_code: str, absence: Absence, user_id: int | None = None
) -> None:
    """Delete a stored absence (found by person, kind and dates) and note it."""
    delete_absence(session, shelter_code, absence)
    _note_in_trail(
        session, shelter_code, f"Ausencia quitada: {describe(absence)}.", user_id, absence
    )
