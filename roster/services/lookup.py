"""Finding rows by their codes, raising ``NotFound`` with a Spanish message."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from roster.services.errors import NotFound
from roster.storage import PostRow, RoleRow, ShelterRow, ShiftTypeRow, StaffRow


def shelter_row(session: Session, code: str) -> ShelterRow:
    """The shelter with ``code``."""
    row = session.scalar(select(ShelterRow).where(ShelterRow.code == code))
    if row is None:
        raise NotFound(f"No existe el hogar con código '{code}'.")
    return row


def role_row(session: Session, code: str) -> RoleRow:
    """The role with ``code``."""
    row = session.scalar(select(RoleRow).where(RoleRow.code == code))
    if row is None:
        raise NotFound(f"No existe la función con código '{code}'.")
    return row


def roles_by_code(session: Session) -> dict[str, RoleRow]:
    """Every role (active or not) by code."""
    return {row.code: row for row in session.scalars(select(RoleRow))}


def roles_by_id(session: Session) -> dict[int, str]:
    """Every role's code by its row id."""
    return {row.id: row.code for row in session.scalars(select(RoleRow))}


def staff_row(session: Session, shelter: ShelterRow, code: str) -> StaffRow:
    """The staff member ``code`` of ``shelter``."""
    row = session.scalar(
        select(StaffRow).where(StaffRow.shelter_id == shelter.id, StaffRow.code == code)
    )
    if row is None:
        raise NotFound(f"No existe el personal con código '{code}' en el hogar '{shelter.code}'.")
    return row


def staff_by_code(session: Session, shelter: ShelterRow) -> dict[str, StaffRow]:
    """Every staff member of ``shelter`` (active or not) by code."""
    rows = session.scalars(select(StaffRow).where(StaffRow.shelter_id == shelter.id))
    return {row.code: row for row in rows}


def shift_row(session: Session, shelter: ShelterRow, code: str) -> ShiftTypeRow:
    """The shift type ``code`` of ``shelter``."""
    row = session.scalar(
        select(ShiftTypeRow).where(ShiftTypeRow.shelter_id == shelter.id, ShiftTypeRow.code == code)
    )
    if row is None:
        raise NotFound(f"No existe el turno '{code}' en el hogar '{shelter.code}'.")
    return row


def shifts_by_code(session: Session, shelter: ShelterRow) -> dict[str, ShiftTypeRow]:
    """Every shift type of ``shelter`` (active or not) by code."""
    rows = session.scalars(select(ShiftTypeRow).where(ShiftTypeRow.shelter_id == shelter.id))
    return {row.code: row for row in rows}


def post_row(session: Session, shelter: ShelterRow, code: str) -> PostRow:
    """The post ``code`` of ``shelter``."""
    row = session.scalar(
        select(PostRow).where(PostRow.shelter_id == shelter.id, PostRow.code == code)
    )
    if row is None:
        raise NotFound(f"No existe la plaza '{code}' en el hogar '{shelter.code}'.")
    return row
