"""Tables of the calendar feeds: their secret links, their events' identities, synced months.

A feed's link carries a random token; only its SHA-256 is stored. Every published shift
(and, for the coordinator's feed, every uncovered one) has one event row whose random
``uid`` stays the same across republishing; ``sequence`` rises and ``last_modified``
moves when it changes, and a removed one keeps its row with ``cancelled_at`` set.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from roster.storage.base import Base
from roster.storage.rosters import utc_now

FEED_KINDS = ("staff", "shelter")


class FeedTokenRow(Base):
    """A feed's secret link: a staff member's own, or a shelter's for its coordination."""

    __tablename__ = "feed_tokens"
    __table_args__ = (CheckConstraint("kind IN ('staff', 'shelter')", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    shelter_id: Mapped[int] = mapped_column(ForeignKey("shelters.id"), index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class FeedEventRow(Base):
    """One calendar event of a shelter: a person's published shift, or an uncovered one.

    ``key`` names what the event is about (a person's day, or a role's shift on a day:
    ``missing`` > 0); ``starts`` is the wall-clock start in America/Lima.
    """

    __tablename__ = "feed_events"
    __table_args__ = (
        UniqueConstraint("shelter_id", "key"),
        # A feed's request reads its shelter's newest change through this index alone.
        Index("ix_feed_events_shelter_id_last_modified", "shelter_id", "last_modified"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    shelter_id: Mapped[int] = mapped_column(ForeignKey("shelters.id"))
    key: Mapped[str] = mapped_column(String(80))
    uid: Mapped[str] = mapped_column(String(64), unique=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"), index=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    starts: Mapped[datetime] = mapped_column(DateTime(timezone=False))
    minutes: Mapped[int]
    shift_type_id: Mapped[int] = mapped_column(ForeignKey("shift_types.id"))
    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id"))
    missing: Mapped[int] = mapped_column(default=0)
    fingerprint: Mapped[str] = mapped_column(String(200))
    sequence: Mapped[int] = mapped_column(default=0)
    last_modified: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    cancelled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class FeedMonthRow(Base):
    """The published version of a shelter's month that its feed events last followed."""

    __tablename__ = "feed_months"

    shelter_id: Mapped[int] = mapped_column(
        ForeignKey("shelters.id", ondelete="CASCADE"), primary_key=True
    )
    year: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int]
    synced_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
