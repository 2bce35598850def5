"""Staff members of a shelter: create, read, update, deactivate (never deleted)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import StaffMember
from models.people import WorkingPattern
from roster.services.errors import InvalidInput
from roster.services.lookup import post_row, role_row, roles_by_id, shelter_row, staff_row
from roster.storage import PostRow, ShelterRow, StaffPostRow, StaffRoleRow, StaffRow


def staff_from_row(
    row: StaffRow,
    shelter_code: str,
    role_codes: dict[int, str],
    post_codes: dict[int, str],
    post_patterns: dict[int, str] | None = None,
) -> StaffMember:
    """The domain staff member of a row, given role and post codes (and patterns) by row id.

    Her working pattern is her own, else her first post's, else rotating.
    """
    first_post = row.post_links[0].post_id if row.post_links else None
    pattern = row.working_pattern or (post_patterns or {}).get(first_post or 0)
    return StaffMember(
        id=row.code,
        shelter_code=shelter_code,
        name=row.name,
        primary_role=role_codes[row.primary_role_id],
        roles=tuple(role_codes[link.role_id] for link in row.role_links),
        weekly_hours=row.weekly_hours,
        night_work=row.night_work,
        post_ids=tuple(post_codes[link.post_id] for link in row.post_links),
        active=row.active,
        working_pattern=WorkingPattern(pattern or WorkingPattern.ROTATING),
    )


def post_patterns_of(session: Session, shelter: ShelterRow) -> dict[int, str]:
    """Every post's working pattern of a shelter by row id."""
    query = select(PostRow.id, PostRow.working_pattern).where(PostRow.shelter_id == shelter.id)
    return {post_id: pattern for post_id, pattern in session.execute(query)}


def own_pattern(member: StaffMember, post_pattern: str | None) -> str | None:
    """What a staff row stores: None when she follows her (first) post's pattern."""
    pattern = str(member.working_pattern)
    return None if pattern == (post_pattern or WorkingPattern.ROTATING) else pattern


def post_codes_of(session: Session, shelter: ShelterRow) -> dict[int, str]:
    """Every post code of a shelter by row id."""
    rows = session.execute(select(PostRow.id, PostRow.code).where(PostRow.shelter_id == shelter.id))
    return {post_id: code for post_id, code in rows}


def _link_roles(session: Session, row: StaffRow, roles: tuple[str, ...]) -> None:
    wanted = [role_row(session, code).id for code in dict.fromkeys(roles)]
    existing = {link.role_id: link for link in row.role_links}
    row.role_links = [
        existing.get(role_id) or StaffRoleRow(role_id=role_id, position=position)
        for position, role_id in enumerate(wanted)
    ]
    for position, link in enumerate(row.role_links):
        link.position = position


def _link_posts(
    session: Session, row: StaffRow, shelter: ShelterRow, posts: tuple[str, ...]
) -> None:
    wanted = [post_row(session, shelter, code).id for code in dict.fromkeys(posts)]
    existing = {link.post_id: link for link in row.post_links}
    row.post_links = [
        existing.get(post_id) or StaffPostRow(post_id=post_id, position=position)
        for position, post_id in enumerate(wanted)
    ]
    for position, link in enumerate(row.post_links):
        link.position = position


def _copy_into(session: Session, row: StaffRow, shelter: ShelterRow, member: StaffMember) -> None:
    row.name = member.name
    row.primary_role_id = role_row(session, member.primary_role).id
    row.weekly_hours = member.weekly_hours
    row.night_work = member.night_work
    row.active = member.active
    _link_roles(session, row, member.roles)
    _link_posts(session, row, shelter, member.post_ids)
    first = post_row(session, shelter, member.post_ids[0]) if member.post_ids else None
    row.working_pattern = own_pattern(member, first.working_pattern if first else None)


def _member(session: Session, row: StaffRow, shelter: ShelterRow) -> StaffMember:
    posts, patterns = post_codes_of(session, shelter), post_patterns_of(session, shelter)
    return staff_from_row(row, shelter.code, roles_by_id(session), posts, patterns)


def create_staff(session: Session, member: StaffMember) -> StaffMember:
    """Store a new staff member of ``member.shelter_code``."""
    shelter = shelter_row(session, member.shelter_code)
    taken = select(StaffRow.id).where(StaffRow.shelter_id == shelter.id, StaffRow.code == member.id)
    if session.scalar(taken) is not None:
        raise InvalidInput(f"Ya existe el personal '{member.id}' en el hogar '{shelter.code}'.")
    row = StaffRow(shelter_id=shelter.id, code=member.id, role_links=[], post_links=[])
    _copy_into(session, row, shelter, member)
    session.add(row)
    session.flush()
    return _member(session, row, shelter)


def get_staff(session: Session, shelter_code: str, staff_id: str) -> StaffMember:
    """One staff member of a shelter (raises ``NotFound``)."""
    shelter = shelter_row(session, shelter_code)
    return _member(session, staff_row(session, shelter, staff_id), shelter)


def list_staff(
    session: Session, shelter_code: str, include_inactive: bool = False
) -> list[StaffMember]:
    """A shelter's staff by code; only the active ones unless asked."""
    shelter = shelter_row(session, shelter_code)
    query = select(StaffRow).where(StaffRow.shelter_id == shelter.id).order_by(StaffRow.code)
    if not include_inactive:
        query = query.where(StaffRow.active.is_(True))
    role_codes, post_codes = roles_by_id(session), post_codes_of(session, shelter)
    patterns = post_patterns_of(session, shelter)
    return [
        staff_from_row(r, shelter.code, role_codes, post_codes, patterns)
        for r in session.scalars(query)
    ]


def active_staff_counts(session: Session) -> dict[str, int]:
    """Active staff per shelter code, in one query (shelters without staff are absent)."""
    query = (
        select(ShelterRow.code, func.count(StaffRow.id))
        .join(StaffRow, StaffRow.shelter_id == ShelterRow.id)
        .where(StaffRow.active.is_(True))
        .group_by(ShelterRow.code)
    )
    return {code: count for code, count in session.execute(query)}


def update_staff(session: Session, member: StaffMember) -> StaffMember:
    """Overwrite the stored staff member of the same shelter and code."""
    shelter = shelter_row(session, member.shelter_code)
    row = staff_row(session, shelter, member.id)
    _copy_into(session, row, shelter, member)
    session.flush()
    return _member(session, row, shelter)


def deactivate_staff(session: Session, shelter_code: str, staff_id: str) -> StaffMember:
    """Mark a staff member inactive: she is no longer planned; her history stays."""
    shelter = shelter_row(session, shelter_code)
    row = staff_row(session, shelter, staff_id)
    row.active = False
    session.flush()
    return _member(session, row, shelter)
