"""The jobs table: long work (a month's solve) run by the worker process, with its progress."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from roster.storage.base import Base
from roster.storage.rosters import utc_now

JOB_STATES = ("queued", "running", "done", "failed", "cancelled", "interrupted")


class JobRow(Base):
    """One background job: what to do, where it stands, what it produced or why it failed."""

    __tablename__ = "jobs"
    __table_args__ = (
        CheckConstraint(
            "state IN ('queued', 'running', 'done', 'failed', 'cancelled', 'interrupted')",
            name="state",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    shelter_id: Mapped[int | None] = mapped_column(ForeignKey("shelters.id"), index=True)
    year: Mapped[int | None]
    month: Mapped[int | None]
    params: Mapped[str] = mapped_column(Text, default="{}")
    state: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    phase: Mapped[str | None] = mapped_column(String(32))
    fraction: Mapped[float] = mapped_column(default=0.0)
    elapsed: Mapped[float] = mapped_column(default=0.0)
    incumbent: Mapped[float | None]
    bound: Mapped[float | None]
    cancel_requested: Mapped[bool] = mapped_column(default=False)
    result: Mapped[str | None] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    heartbeat_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
