"""Absences of staff members: add, list, update, delete."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from models import Absence, AbsenceKind
from roster.services.errors import NotFound
from roster.services.labels import day_es
from roster.services.lookup import shelter_row, staff_row
from roster.storage import AbsenceRow, StaffRow


def _query(shelter_id: int) -> Select[AbsenceRow, str]:
    return (
        select(AbsenceRow, StaffRow.code)
        .join(StaffRow, StaffRow.id == AbsenceRow.staff_id)
        .where(StaffRow.shelter_id == shelter_id)
    )


def _absence(row: AbsenceRow, staff_code: str) -> Absence:
    kind = AbsenceKind(row.kind)
    return Absence(staff_code, kind, row.first_day, row.last_day, row.note, row.child_born)


def _find(session: Session, shelter_code: str, absence: Absence) -> AbsenceRow:
    shelter = shelter_row(session, shelter_code)
    query = _query(shelter.id).where(
        StaffRow.code == absence.staff_id,
        AbsenceRow.kind == str(absence.kind),
        AbsenceRow.first_day == absence.start,
        AbsenceRow.last_day == absence.end,
    )
    found = session.execute(query).first()
    if found is None:
        raise NotFound(
            f"No existe la ausencia de '{absence.staff_id}' del {day_es(absence.start)} "
            f"al {day_es(absence.end)} en el hogar '{shelter_code}'."
        )
    return found[0]


def add_absence(session: Session, shelter_code: str, absence: Absence) -> Absence:
    """Store an absence of a staff member of the shelter."""
    person = staff_row(session, shelter_row(session, shelter_code), absence.staff_id)
    session.add(
        AbsenceRow(
            staff_id=person.id,
            kind=str(absence.kind),
            first_day=absence.start,
            last_day=absence.end,
            note=absence.note,
            child_born=absence.child_born,
        )
    )
    session.flush()
    return absence


def list_absences(
    session: Session,
    shelter_code: str,
    staff_id: str | None = None,
    first: date | None = None,
    last: date | None = None,
) -> list[Absence]:
    """A shelter's absences, optionally of one person and touching ``first``..``last``."""
    query = _query(shelter_row(session, shelter_code).id)
    if staff_id is not None:
        query = query.where(StaffRow.code == staff_id)
    if first is not None:
        query = query.where(AbsenceRow.last_day >= first)
    if last is not None:
        query = query.where(AbsenceRow.first_day <= last)
    query = query.order_by(AbsenceRow.id)
    return [_absence(row, code) for row, code in session.execute(query)]


def update_absence(session: Session, shelter_code: str, old: Absence, new: Absence) -> Absence:
    """Replace a stored absence (found by person, kind and dates) with ``new``."""
    row = _find(session, shelter_code, old)
    row.staff_id = staff_row(session, shelter_row(session, shelter_code), new.staff_id).id
    row.kind, row.first_day, row.last_day, row.note = str(new.kind), new.start, new.end, new.note
    row.child_born = new.child_born
    session.flush()
    return new


def delete_absence(session: Session, shelter_code: str, absence: Absence) -> None:
    """Remove a stored absence (found by person, kind and dates)."""
    session.delete(_find(session, shelter_code, absence))
    session.flush()
