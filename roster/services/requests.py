"""Requests (preferencias) of staff members: add, list, update, delete."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from models import Request
from roster.services.errors import NotFound
from roster.services.labels import day_es
from roster.services.lookup import shelter_row, shift_row, staff_row
from roster.storage import RequestRow, ShelterRow, ShiftTypeRow, StaffRow


def _query(shelter_id: int) -> Select[RequestRow, str, str]:
    return (
        select(RequestRow, StaffRow.code, ShiftTypeRow.code)
        .join(StaffRow, StaffRow.id == RequestRow.staff_id)
        .outerjoin(ShiftTypeRow, ShiftTypeRow.id == RequestRow.shift_type_id)
        .where(StaffRow.shelter_id == shelter_id)
    )


def _copy_into(session: Session, row: RequestRow, shelter: ShelterRow, request: Request) -> None:
    row.staff_id = staff_row(session, shelter, request.staff_id).id
    row.day = request.day
    row.wants_work = request.on
    row.shift_type_id = (
        None if request.shift is None else shift_row(session, shelter, request.shift).id
    )
    row.weight = request.weight


def _find(session: Session, shelter: ShelterRow, request: Request) -> RequestRow:
    query = _query(shelter.id).where(
        StaffRow.code == request.staff_id, RequestRow.day == request.day
    )
    for row, _staff, shift in session.execute(query):
        if shift == request.shift:
            return row
    raise NotFound(
        f"No existe la preferencia de '{request.staff_id}' para el {day_es(request.day)} "
        f"en el hogar '{shelter.code}'."
    )


def add_request(session: Session, shelter_code: str, request: Request) -> Request:
    """Store a request of a staff member of the shelter."""
    shelter = shelter_row(session, shelter_code)
    row = RequestRow()
    _copy_into(session, row, shelter, request)
    session.add(row)
    session.flush()
    return request


def list_requests(
    session: Session,
    shelter_code: str,
    first: date | None = None,
    last: date | None = None,
) -> list[Request]:
    """A shelter's requests, optionally only from ``first`` to ``last``."""
    query = _query(shelter_row(session, shelter_code).id)
    if first is not None:
        query = query.where(RequestRow.day >= first)
    if last is not None:
        query = query.where(RequestRow.day <= last)
    query = query.order_by(RequestRow.id)
    return [
        Request(staff, row.day, row.wants_work, shift, row.weight)
        for row, staff, shift in session.execute(query)
    ]


def update_request(session: Session, shelter_code: str, old: Request, new: Request) -> Request:
    """Replace a stored request (found by person, day and shift) with ``new``."""
    shelter = shelter_row(session, shelter_code)
    _copy_into(session, _find(session, shelter, old), shelter, new)
    session.flush()
    return new


def delete_request(session: Session, shelter_code: str, request: Request) -> None:
    """Remove a stored request (found by person, day and shift)."""
    session.delete(_find(session, shelter_row(session, shelter_code), request))
    session.flush()
