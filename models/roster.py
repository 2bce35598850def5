"""A roster (rol de turnos): one shelter, one month of assignments and gaps."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from models.coverage import Tier


class AssignmentSource(StrEnum):
    OPTIMIZER = "optimizer"
    MANUAL = "manual"
    HISTORY = "history"
    IMPORT = "import"


@dataclass(frozen=True)
class Assignment:
    """Staff member ``staff_id`` works shift ``shift`` starting on ``day``, covering ``role``."""

    staff_id: str
    day: date
    shift: str
    role: str
    locked: bool = False
    source: str = AssignmentSource.OPTIMIZER


class GapReason(StrEnum):
    """Why a unit of demand stayed uncovered, from the most to the least fundamental."""

    NOBODY_QUALIFIED = "nobody_qualified"
    ALL_ABSENT = "all_absent"
    WEEKLY_HOURS = "weekly_hours"
    MIN_REST = "min_rest"
    WEEKLY_REST = "weekly_rest"
    CONSECUTIVE = "consecutive"
    WORK_LIMITS = "work_limits"  # a person's own limits (H10) or a forbidden succession (H11)
    BUSY = "busy"  # everyone able to take it is already on a shift the model judged more needed
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Gap:
    """Demand below the minimum: ``missing`` people of ``role`` on ``shift`` of ``day``,
    of one coverage tier (a shift short in two tiers has one gap per tier)."""

    day: date
    shift: str
    role: str
    missing: int
    minutes: int
    reason: str = GapReason.UNKNOWN
    tier: str = Tier.NORMAL

    @property
    def hours(self) -> float:
        return self.missing * self.minutes / 60


@dataclass(frozen=True)
class UnstaffedShift:
    """A shift of a day with demand and nobody at all on site: the report's headline.

    ``role`` and ``reason`` are those of its most important gap (essential first): the
    rule that made covering it impossible.
    """

    day: date
    shift: str
    role: str
    reason: str


def tier_hours(gaps: list[Gap]) -> dict[str, float]:
    """Uncovered person-hours per tier, every tier present (0 when none)."""
    hours = dict.fromkeys((str(tier) for tier in Tier), 0.0)
    for gap in gaps:
        hours[str(gap.tier)] = hours.get(str(gap.tier), 0.0) + gap.hours
    return hours


class RosterStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"


@dataclass
class Roster:
    """One shelter's month: assignments, gaps, status and version."""

    shelter_code: str
    year: int
    month: int
    assignments: list[Assignment] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    status: RosterStatus = RosterStatus.DRAFT
    version: int = 1

    @property
    def month_key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def by_staff_day(self) -> dict[tuple[str, date], list[Assignment]]:
        """Assignments grouped by (staff, day)."""
        grouped: dict[tuple[str, date], list[Assignment]] = {}
        for assignment in self.assignments:
            grouped.setdefault((assignment.staff_id, assignment.day), []).append(assignment)
        return grouped
