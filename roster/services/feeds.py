"""Calendar feed links: made, rotated and revoked; the token is shown once, stored hashed.

A staff member has at most one working link to her own feed, a shelter one to its
coordinator's feed. Rotating makes a new link and stops the old one at once; revoking
stops it without a new one. The token is 256 random bits; the database keeps only its
SHA-256, so a copy of the database opens no feed.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session

from roster.services.errors import InvalidInput, NotFound
from roster.services.lookup import shelter_row, staff_row
from roster.storage import FeedEventRow, FeedTokenRow, ShelterRow, StaffRow, utc_now

TOKEN_BYTES = 32  # 256 bits: far past the 128 the feeds must have
FEED_PATH = "/calendario/{token}.ics"


@dataclass(frozen=True)
class FeedOwner:
    """What a working link opens: a staff member's feed, or a shelter's (``staff_id`` None)."""

    token_id: int
    kind: str
    shelter_id: int
    staff_id: int | None
    created_at: datetime
    changed: datetime | None = None  # the shelter's newest feed event change, if any


def hash_token(token: str) -> str:
    """The SHA-256 (hex) of a feed token: what the database keeps."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def feed_url(base: str, token: str) -> str:
    """The feed's address under ``base`` (e.g. https://turnos.example.pe)."""
    return base.rstrip("/") + FEED_PATH.format(token=token)


def webcal_url(url: str) -> str:
    """The same address with the webcal:// scheme, which opens a phone's calendar app."""
    return "webcal://" + url.split("://", 1)[-1]


def _active(
    session: Session, shelter_id: int, staff_id: int | None, kind: str
) -> list[FeedTokenRow]:
    query = select(FeedTokenRow).where(
        FeedTokenRow.shelter_id == shelter_id,
        FeedTokenRow.kind == kind,
        FeedTokenRow.revoked_at.is_(None),
    )
    query = query.where(
        FeedTokenRow.staff_id.is_(None) if staff_id is None else FeedTokenRow.staff_id == staff_id
    )
    return list(session.scalars(query))


def _revoke(session: Session, shelter_id: int, staff_id: int | None, kind: str) -> bool:
    rows = _active(session, shelter_id, staff_id, kind)
    now = utc_now()
    for row in rows:
        row.revoked_at = now
    session.flush()
    return bool(rows)


def _new(
    session: Session, shelter_id: int, staff_id: int | None, kind: str, created_by: int | None
) -> str:
    _revoke(session, shelter_id, staff_id, kind)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    session.add(
        FeedTokenRow(
            token_hash=hash_token(token),
            kind=kind,
            shelter_id=shelter_id,
            staff_id=staff_id,
            created_by=created_by,
        )
    )
    session.flush()
    return token


def _staff(session: Session, shelter_code: str, staff_code: str) -> StaffRow:
    return staff_row(session, shelter_row(session, shelter_code), staff_code)


def rotate_staff_feed(
    session: Session, shelter_code: str, staff_code: str, created_by: int | None = None
) -> str:
    """A new link to her feed (the old one stops working); returns the token, shown once."""
    person = _staff(session, shelter_code, staff_code)
    return _new(session, person.shelter_id, person.id, "staff", created_by)


def rotate_shelter_feed(session: Session, shelter_code: str, created_by: int | None = None) -> str:
    """A new link to the shelter's coordination feed; returns the token, shown once."""
    return _new(session, shelter_row(session, shelter_code).id, None, "shelter", created_by)


def revoke_staff_feed(session: Session, shelter_code: str, staff_code: str) -> bool:
    """Stop her feed's link; False if she had none."""
    person = _staff(session, shelter_code, staff_code)
    return _revoke(session, person.shelter_id, person.id, "staff")


def revoke_shelter_feed(session: Session, shelter_code: str) -> bool:
    """Stop the shelter's coordination feed link; False if it had none."""
    return _revoke(session, shelter_row(session, shelter_code).id, None, "shelter")


def staff_feed_since(session: Session, shelter_code: str, staff_code: str) -> datetime | None:
    """When her working link was made, or None if she has none."""
    person = _staff(session, shelter_code, staff_code)
    rows = _active(session, person.shelter_id, person.id, "staff")
    return max((row.created_at for row in rows), default=None)


def shelter_feed_links(
    session: Session, shelter_code: str
) -> tuple[datetime | None, dict[str, datetime]]:
    """When the shelter's feed link was made, and each staff member's (by code) who has one."""
    shelter = shelter_row(session, shelter_code)
    rows = session.execute(
        select(FeedTokenRow, StaffRow.code)
        .outerjoin(StaffRow, StaffRow.id == FeedTokenRow.staff_id)
        .where(FeedTokenRow.shelter_id == shelter.id, FeedTokenRow.revoked_at.is_(None))
    ).all()
    own = [row.created_at for row, code in rows if row.kind == "shelter"]
    staff = {code: row.created_at for row, code in rows if row.kind == "staff" and code}
    return max(own, default=None), staff


def _owner_query() -> Select[tuple[int, str, int, int | None, datetime, datetime | None]]:
    changed = (
        select(func.max(FeedEventRow.last_modified))
        .where(FeedEventRow.shelter_id == FeedTokenRow.shelter_id)
        .scalar_subquery()
    )
    return select(
        FeedTokenRow.id,
        FeedTokenRow.kind,
        FeedTokenRow.shelter_id,
        FeedTokenRow.staff_id,
        FeedTokenRow.created_at,
        changed,
    ).where(FeedTokenRow.token_hash == bindparam("token_hash"), FeedTokenRow.revoked_at.is_(None))


OWNER_QUERY = _owner_query()  # built once: every feed request runs it


def owner_of(session: Session, token: str) -> FeedOwner | None:
    """The feed a token opens, or None when it is unknown or revoked (no difference shown).

    One indexed query, which also reads when the shelter's feed events last changed:
    a caller that saw the same moment before knows the events have not changed since.
    """
    if not token or len(token) > 128:
        return None
    row = session.execute(OWNER_QUERY, {"token_hash": hash_token(token)}).first()
    return None if row is None else FeedOwner(*row)


def staff_shelter(session: Session, staff_code: str, shelter_code: str | None = None) -> str:
    """The shelter of staff member ``staff_code`` (codes repeat across shelters: then name it)."""
    if shelter_code is not None:
        _staff(session, shelter_code, staff_code)  # NotFound if she is not there
        return shelter_code
    codes = session.scalars(
        select(ShelterRow.code)
        .join(StaffRow, StaffRow.shelter_id == ShelterRow.id)
        .where(StaffRow.code == staff_code)
        .order_by(ShelterRow.code)
    ).all()
    if not codes:
        raise NotFound(f"No existe el personal con código '{staff_code}' en ningún hogar.")
    if len(codes) > 1:
        raise InvalidInput(
            f"El código '{staff_code}' existe en varios hogares ({', '.join(codes)}): "
            "indique cuál con --shelter."
        )
    return codes[0]
