"""Shelters: create, read, update, deactivate (never deleted)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import RuleSet, Shelter
from roster.services.errors import InvalidInput
from roster.services.lookup import shelter_row
from roster.storage import RuleSetRow, ShelterHolidayRow, ShelterRow

_FIELDS = (
    "name",
    "department",
    "province",
    "operator",
    "capacity",
    "women",
    "children",
    "companions",
    "active",
)


def shelter_from_row(row: ShelterRow) -> Shelter:
    """The domain shelter of a row."""
    return Shelter(
        code=row.code,
        extra_holidays=tuple(sorted(holiday.day for holiday in row.holidays)),
        **{name: getattr(row, name) for name in _FIELDS},
    )


def _copy_into(row: ShelterRow, shelter: Shelter) -> None:
    for name in _FIELDS:
        setattr(row, name, getattr(shelter, name))
    wanted = set(shelter.extra_holidays)
    for holiday in list(row.holidays):
        if holiday.day not in wanted:
            row.holidays.remove(holiday)
    kept = {holiday.day for holiday in row.holidays}
    row.holidays.extend(ShelterHolidayRow(day=day) for day in sorted(wanted - kept))


def create_shelter(session: Session, shelter: Shelter, rules: RuleSet | None = None) -> Shelter:
    """Store a new shelter with its rule set (the defaults unless given)."""
    if session.scalar(select(ShelterRow.id).where(ShelterRow.code == shelter.code)) is not None:
        raise InvalidInput(f"Ya existe un hogar con código '{shelter.code}'.")
    row = ShelterRow(code=shelter.code, holidays=[])
    _copy_into(row, shelter)
    session.add(row)
    session.flush()
    session.add(RuleSetRow(shelter_id=row.id, settings=(rules or RuleSet()).to_dict()))
    session.flush()
    return shelter_from_row(row)


def get_shelter(session: Session, code: str) -> Shelter:
    """The shelter with ``code`` (raises ``NotFound``)."""
    return shelter_from_row(shelter_row(session, code))


def list_shelters(session: Session, include_inactive: bool = False) -> list[Shelter]:
    """Every shelter by code; only the active ones unless asked."""
    query = select(ShelterRow).order_by(ShelterRow.code)
    if not include_inactive:
        query = query.where(ShelterRow.active.is_(True))
    return [shelter_from_row(row) for row in session.scalars(query)]


def update_shelter(session: Session, shelter: Shelter) -> Shelter:
    """Overwrite the stored shelter of the same code with ``shelter``."""
    row = shelter_row(session, shelter.code)
    _copy_into(row, shelter)
    session.flush()
    return shelter_from_row(row)


def deactivate_shelter(session: Session, code: str) -> Shelter:
    """Mark a shelter inactive; its data and rosters stay."""
    row = shelter_row(session, code)
    row.active = False
    session.flush()
    return shelter_from_row(row)
