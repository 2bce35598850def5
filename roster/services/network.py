"""A shelter's standing data as one bundle, and loading or clearing a whole network."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models import NetworkData, ShelterData
from roster.services.absences import list_absences
from roster.services.coverage import list_coverage
from roster.services.errors import InvalidInput
from roster.services.loading import load_shelter
from roster.services.lookup import roles_by_code, shelter_row
from roster.services.occupancy import list_occupancy
from roster.services.posts import list_posts
from roster.services.requests import list_requests
from roster.services.roles import create_role, update_role
from roster.services.rules import get_rule_set
from roster.services.shelters import shelter_from_row
from roster.services.shifts import list_shift_types
from roster.services.staff import list_staff
from roster.storage import Base, RoleRow, ShelterRow


def get_shelter_data(session: Session, code: str) -> ShelterData:
    """Everything a shelter keeps between months; all staff, active shifts, posts and roles."""
    row = shelter_row(session, code)
    return ShelterData(
        shelter=shelter_from_row(row),
        posts=list_posts(session, code),
        staff=list_staff(session, code, include_inactive=True),
        shift_types=list_shift_types(session, code),
        coverage=list_coverage(session, code),
        absences=list_absences(session, code),
        requests=list_requests(session, code),
        rules=get_rule_set(session, code),
        occupancy=list_occupancy(session, code),
    )


def database_is_empty(session: Session) -> bool:
    """True when no shelter and no role is stored yet."""
    has_shelter = session.scalar(select(ShelterRow.id).limit(1)) is not None
    return not has_shelter and session.scalar(select(RoleRow.id).limit(1)) is None


def _check_new(session: Session, network: NetworkData) -> None:
    codes = [data.shelter.code for data in network.shelters]
    repeated = sorted({code for code in codes if codes.count(code) > 1})
    if repeated:
        raise InvalidInput(f"Códigos de hogar repetidos: {', '.join(repeated)}.")
    taken = session.scalars(select(ShelterRow.code).where(ShelterRow.code.in_(codes))).all()
    if taken:
        raise InvalidInput(f"Ya existen los hogares: {', '.join(sorted(taken))}.")


def load_network(session: Session, network: NetworkData) -> None:
    """Store a whole network: roles (existing codes are renamed), then every shelter's data.

    All or nothing (a savepoint): an existing shelter code or any invalid item
    raises and leaves the database as it was.
    """
    _check_new(session, network)
    with session.begin_nested():
        existing = roles_by_code(session)
        for role in network.roles:
            if role.code in existing:
                update_role(session, role)
            else:
                create_role(session, role)
        for data in network.shelters:
            load_shelter(session, data)


def clear_database(session: Session) -> None:
    """Delete every row of every table (``roster demo --replace``); the schema stays."""
    for table in reversed(Base.metadata.sorted_tables):
        session.execute(delete(table))
    session.flush()
