"""Posts (plazas) of a shelter: create, read, update, deactivate."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Post, PostStatus
from models.people import WorkingPattern
from roster.services.errors import InvalidInput
from roster.services.lookup import post_row, role_row, roles_by_id, shelter_row
from roster.storage import PostRow


def post_from_row(row: PostRow, shelter_code: str, role_code: str) -> Post:
    """The domain post of a row."""
    return Post(
        id=row.code,
        shelter_code=shelter_code,
        role=role_code,
        regime=row.regime,
        weekly_hours=row.weekly_hours,
        monthly_cost=row.monthly_cost,
        status=PostStatus(row.status),
        working_pattern=WorkingPattern(row.working_pattern or WorkingPattern.ROTATING),
    )


def _copy_into(session: Session, row: PostRow, post: Post) -> None:
    row.role_id = role_row(session, post.role).id
    row.regime = post.regime
    row.weekly_hours = post.weekly_hours
    row.monthly_cost = post.monthly_cost
    row.status = str(post.status)
    row.working_pattern = str(post.working_pattern)


def create_post(session: Session, post: Post) -> Post:
    """Store a new post of ``post.shelter_code``."""
    shelter = shelter_row(session, post.shelter_code)
    taken = select(PostRow.id).where(PostRow.shelter_id == shelter.id, PostRow.code == post.id)
    if session.scalar(taken) is not None:
        raise InvalidInput(f"Ya existe la plaza '{post.id}' en el hogar '{shelter.code}'.")
    row = PostRow(shelter_id=shelter.id, code=post.id, active=True)
    _copy_into(session, row, post)
    session.add(row)
    session.flush()
    return post


def get_post(session: Session, shelter_code: str, post_id: str) -> Post:
    """One post of a shelter (raises ``NotFound``)."""
    row = post_row(session, shelter_row(session, shelter_code), post_id)
    return post_from_row(row, shelter_code, roles_by_id(session)[row.role_id])


def list_posts(session: Session, shelter_code: str, include_inactive: bool = False) -> list[Post]:
    """A shelter's posts by code; only the active ones unless asked."""
    shelter = shelter_row(session, shelter_code)
    query = select(PostRow).where(PostRow.shelter_id == shelter.id).order_by(PostRow.code)
    if not include_inactive:
        query = query.where(PostRow.active.is_(True))
    role_codes = roles_by_id(session)
    return [post_from_row(r, shelter_code, role_codes[r.role_id]) for r in session.scalars(query)]


def update_post(session: Session, post: Post) -> Post:
    """Overwrite the stored post of the same shelter and code."""
    row = post_row(session, shelter_row(session, post.shelter_code), post.id)
    _copy_into(session, row, post)
    session.flush()
    return post


def deactivate_post(session: Session, shelter_code: str, post_id: str) -> Post:
    """Retire a post; staff links and history stay."""
    row = post_row(session, shelter_row(session, shelter_code), post_id)
    row.active = False
    session.flush()
    return post_from_row(row, shelter_code, roles_by_id(session)[row.role_id])
