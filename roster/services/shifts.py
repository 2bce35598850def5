"""Shift types (turnos) of a shelter: create, read, update, deactivate."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import ShiftType
from roster.services.errors import InvalidInput
from roster.services.lookup import shelter_row, shift_row
from roster.storage import ShiftTypeRow


def shift_from_row(row: ShiftTypeRow) -> ShiftType:
    """The domain shift type of a row."""
    return ShiftType(
        code=row.code,
        name=row.name,
        start=row.start,
        minutes=row.minutes,
        is_guard=row.is_guard,
        break_minutes=row.break_minutes or 0,
    )


def _copy_into(row: ShiftTypeRow, shift: ShiftType) -> None:
    row.name = shift.name
    row.start = shift.start
    row.minutes = shift.minutes
    row.is_guard = shift.is_guard
    row.break_minutes = shift.break_minutes


def create_shift_type(session: Session, shelter_code: str, shift: ShiftType) -> ShiftType:
    """Store a new shift type of a shelter."""
    shelter = shelter_row(session, shelter_code)
    taken = select(ShiftTypeRow.id).where(
        ShiftTypeRow.shelter_id == shelter.id, ShiftTypeRow.code == shift.code
    )
    if session.scalar(taken) is not None:
        raise InvalidInput(f"Ya existe el turno '{shift.code}' en el hogar '{shelter_code}'.")
    row = ShiftTypeRow(shelter_id=shelter.id, code=shift.code, active=True)
    _copy_into(row, shift)
    session.add(row)
    session.flush()
    return shift_from_row(row)


def get_shift_type(session: Session, shelter_code: str, code: str) -> ShiftType:
    """One shift type of a shelter (raises ``NotFound``)."""
    return shift_from_row(shift_row(session, shelter_row(session, shelter_code), code))


def list_shift_types(
    session: Session, shelter_code: str, include_inactive: bool = False
) -> list[ShiftType]:
    """A shelter's shift types in the order they were stored; only the active ones unless asked."""
    shelter = shelter_row(session, shelter_code)
    query = select(ShiftTypeRow).where(ShiftTypeRow.shelter_id == shelter.id)
    if not include_inactive:
        query = query.where(ShiftTypeRow.active.is_(True))
    query = query.order_by(ShiftTypeRow.id)
    return [shift_from_row(row) for row in session.scalars(query)]


def update_shift_type(session: Session, shelter_code: str, shift: ShiftType) -> ShiftType:
    """Overwrite the stored shift type of the same code."""
    row = shift_row(session, shelter_row(session, shelter_code), shift.code)
    _copy_into(row, shift)
    session.flush()
    return shift_from_row(row)


def deactivate_shift_type(session: Session, shelter_code: str, code: str) -> ShiftType:
    """Stop planning a shift type; old rosters keep it."""
    row = shift_row(session, shelter_row(session, shelter_code), code)
    row.active = False
    session.flush()
    return shift_from_row(row)
