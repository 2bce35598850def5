"""Posts sized on the year, as plain data (docs/gaps.md §12): each month's gap with and
without its leave, the posts that close the structural gap in every month (or a share of
the months), and the temporary cover a month's leave alone asks for.

Filled by roster.gaps.year (which solves), read by exports.gaps_year.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal

from models.gaps import RecommendedPost, TemporaryCover, posts_by_role


@dataclass(frozen=True)
class MonthGap:
    """One month of a shelter's year: minimum demand and the gaps (hours)."""

    month: int
    demand_hours: float
    uncovered_hours: float  # today, with the month's leave
    structural_hours: float  # today, without the month's leave: what posts must close
    after_hours: float  # with the recommended posts and the leave: temporary cover
    uncovered_by_role: dict[str, float] = field(default_factory=dict)  # today, with leave

    @property
    def leave_hours(self) -> float:
        """Hours the month's leave alone leaves uncovered (today)."""
        return max(0.0, self.uncovered_hours - self.structural_hours)


@dataclass
class YearGapAnalysis:
    """One shelter's year: the months, the posts sized on them, the temporary cover."""

    shelter_code: str
    shelter_name: str
    department: str
    year: int
    months: list[MonthGap]
    recommended: list[RecommendedPost]
    temporary_cover: list[TemporaryCover]
    months_share: float  # share of the months whose structural gap the posts close
    cost_today: Decimal  # a month of today's filled posts
    role_names: dict[str, str] = field(default_factory=dict)
    assumptions: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def uncovered_hours(self) -> float:
        return sum(month.uncovered_hours for month in self.months)

    @property
    def structural_hours(self) -> float:
        return sum(month.structural_hours for month in self.months)

    @property
    def temporary_hours(self) -> float:
        return sum(cover.hours for cover in self.temporary_cover)

    @property
    def recommended_cost(self) -> Decimal:
        """A month of the recommended posts (vacancies filled included)."""
        return sum((post.cost_month for post in self.recommended), Decimal(0))


@dataclass
class NetworkYearAnalysis:
    """Every shelter's year, ranked by the year's gap."""

    year: int
    shelters: list[YearGapAnalysis]
    wall_seconds: float = 0.0

    def ranked(self) -> list[YearGapAnalysis]:
        return sorted(self.shelters, key=lambda item: (-item.uncovered_hours, item.shelter_code))

    def total_posts(self) -> dict[str, int]:
        return posts_by_role(post for shelter in self.shelters for post in shelter.recommended)

    @property
    def total_cost(self) -> Decimal:
        return sum((shelter.recommended_cost for shelter in self.shelters), Decimal(0))

    @property
    def temporary_hours(self) -> float:
        return sum(shelter.temporary_hours for shelter in self.shelters)


def size_posts(monthly: list[dict[str, int]], months: int, share: float) -> dict[str, int]:
    """Posts per candidate that close the structural gap in at least ``share`` of the
    ``months``: for each candidate, the smallest count that month's set needs in that many
    months (months without a structural gap need none; ``monthly`` lists the others).

    With ``share`` 1 that is the largest count any month needs.
    """
    if not 0 < share <= 1:
        raise ValueError("months_share: a share above 0 and at most 1")
    wanted = math.ceil(share * months - 1e-9)
    keys = sorted({key for hires in monthly for key in hires})
    sized = {}
    for key in keys:
        counts = sorted([hires.get(key, 0) for hires in monthly] + [0] * (months - len(monthly)))
        count = counts[wanted - 1] if wanted else 0
        if count:
            sized[key] = count
    return sized
