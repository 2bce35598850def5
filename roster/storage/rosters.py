"""Tables of rosters: versions of a shelter's month, their assignments and gaps."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from roster.storage.base import Base


def utc_now() -> datetime:
    """The current time, time-zone aware (UTC)."""
    return datetime.now(UTC)


class RosterRow(Base):
    """One version of a shelter's month; a published version is never changed again."""

    __tablename__ = "rosters"
    __table_args__ = (
        UniqueConstraint("shelter_id", "year", "month", "version", name="uq_rosters_version"),
        CheckConstraint("status IN ('draft', 'published')", name="status"),
        CheckConstraint("month BETWEEN 1 AND 12", name="month"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    shelter_id: Mapped[int] = mapped_column(ForeignKey("shelters.id"))
    year: Mapped[int]
    month: Mapped[int]
    version: Mapped[int]
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    solve_report: Mapped[str | None] = mapped_column(Text)
    # Raised by every saved edit of a draft: a save naming an older revision is refused.
    revision: Mapped[int] = mapped_column(default=0, server_default="0")
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class AssignmentRow(Base):
    """A staff member works a shift on a day, covering a role."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    roster_id: Mapped[int] = mapped_column(ForeignKey("rosters.id", ondelete="CASCADE"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_members.id"))
    day: Mapped[date] = mapped_column(Date)
    shift_type_id: Mapped[int] = mapped_column(ForeignKey("shift_types.id"))
    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id"))
    locked: Mapped[bool] = mapped_column(default=False)
    source: Mapped[str] = mapped_column(String(16))


class GapRow(Base):
    """Demand below the minimum: people missing for a role on a shift of a day."""

    __tablename__ = "gaps"

    id: Mapped[int] = mapped_column(primary_key=True)
    roster_id: Mapped[int] = mapped_column(ForeignKey("rosters.id", ondelete="CASCADE"), index=True)
    day: Mapped[date] = mapped_column(Date)
    shift_type_id: Mapped[int] = mapped_column(ForeignKey("shift_types.id"))
    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id"))
    missing: Mapped[int]
    minutes: Mapped[int]
    reason: Mapped[str] = mapped_column(String(32))
    tier: Mapped[str] = mapped_column(String(16), default="normal", server_default="normal")
