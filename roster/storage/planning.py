"""Tables of a shelter's planning setup: shift types and coverage rules."""

from __future__ import annotations

from datetime import time

from sqlalchemy import CheckConstraint, ForeignKey, String, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from roster.storage.base import Base


class ShiftTypeRow(Base):
    """A shift pattern of a shelter (M 07:00 for 480 minutes...)."""

    __tablename__ = "shift_types"
    __table_args__ = (
        UniqueConstraint("shelter_id", "code"),
        CheckConstraint("break_minutes >= 0", name="break_minutes"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    shelter_id: Mapped[int] = mapped_column(ForeignKey("shelters.id"))
    code: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(80))
    start: Mapped[time] = mapped_column(Time)
    minutes: Mapped[int]
    is_guard: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    break_minutes: Mapped[int] = mapped_column(server_default="0")  # unpaid meal break


class CoverageRuleRow(Base):
    """How many people of a role a shift needs on a class of day (minimum, desired), in a
    tier (essential, normal, optional); one rule per tier, their minimums add up."""

    __tablename__ = "coverage_rules"
    __table_args__ = (
        UniqueConstraint(
            "shelter_id",
            "role_id",
            "shift_type_id",
            "day_class",
            "tier",
            name="uq_coverage_rules_key",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    shelter_id: Mapped[int] = mapped_column(ForeignKey("shelters.id"))
    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id"))
    shift_type_id: Mapped[int] = mapped_column(ForeignKey("shift_types.id"))
    day_class: Mapped[str] = mapped_column(String(16))
    minimum: Mapped[int]
    desired: Mapped[int]
    tier: Mapped[str] = mapped_column(String(16), default="normal", server_default="normal")
    # one more person per ratio_per residents of ratio_group beyond ratio_above (occupancy)
    ratio_group: Mapped[str | None] = mapped_column(String(16))
    ratio_per: Mapped[int | None]
    ratio_above: Mapped[int] = mapped_column(default=0, server_default="0")
