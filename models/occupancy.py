"""Demand from occupancy: a shelter's expected residents per month, and coverage ratios.

A coverage rule may carry a ``ResidentRatio``: one more person per ``per`` residents of a
group (women, children, children under six, or all residents) above ``above`` of them.
When the month's expected occupancy is known, the ratio's people are added to the rule's
minimum and desired level; without an occupancy the rule stays as written. Defaults and
their sources: docs/occupancy.md.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.coverage import CoverageRule


class ResidentGroup(StrEnum):
    RESIDENTS = "residents"  # women and children
    WOMEN = "women"
    CHILDREN = "children"
    UNDER_SIX = "under_six"  # children under six, counted among the children too


GROUP_LABELS_ES = {
    ResidentGroup.RESIDENTS: "residentes",
    ResidentGroup.WOMEN: "mujeres",
    ResidentGroup.CHILDREN: "niñas y niños",
    ResidentGroup.UNDER_SIX: "menores de seis años",
}


@dataclass(frozen=True)
class Occupancy:
    """The residents a shelter expects in one month (an average, not a head count)."""

    year: int
    month: int
    women: int
    children: int
    under_six: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"occupancy {self.year}-{self.month}: month must be 1 to 12")
        if min(self.women, self.children, self.under_six) < 0:
            raise ValueError(f"occupancy {self.year}-{self.month:02d}: counts cannot be negative")
        if self.under_six > self.children:
            raise ValueError(
                f"occupancy {self.year}-{self.month:02d}: more children under six than children"
            )

    def count(self, group: ResidentGroup) -> int:
        """How many residents of ``group`` the month expects."""
        if group is ResidentGroup.RESIDENTS:
            return self.women + self.children
        return int(getattr(self, str(group)))


@dataclass(frozen=True)
class ResidentRatio:
    """One more person per ``per`` residents of ``group`` beyond the first ``above``.

    E.g. ``ResidentRatio(ResidentGroup.CHILDREN, 8)``: one carer per 8 children (9 children
    ask for 2); ``ResidentRatio(ResidentGroup.RESIDENTS, 40, above=40)``: +1 once residents
    exceed 40, +2 beyond 80.
    """

    group: ResidentGroup
    per: int
    above: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "group", ResidentGroup(self.group))
        if self.per < 1 or self.above < 0:
            raise ValueError(f"ratio per {self.per} {self.group}: per >= 1 and above >= 0")

    def extra(self, occupancy: Occupancy) -> int:
        """People the ratio adds for ``occupancy``."""
        return math.ceil(max(0, occupancy.count(self.group) - self.above) / self.per)

    def label_es(self) -> str:
        """In plain Spanish: "+1 por cada 40 residentes sobre 40", "+1 por cada 8 mujeres"."""
        above = f" sobre {self.above}" if self.above else ""
        return f"+1 por cada {self.per} {GROUP_LABELS_ES[self.group]}{above}"


def month_coverage(
    rules: Iterable[CoverageRule], occupancy: Occupancy | None
) -> list[CoverageRule]:
    """The rules as the month applies them: each ratio's people added to its rule."""
    if occupancy is None:
        return list(rules)
    found = []
    for rule in rules:
        extra = rule.ratio.extra(occupancy) if rule.ratio is not None else 0
        if extra:
            rule = replace(rule, minimum=rule.minimum + extra, desired=rule.desired + extra)
        found.append(rule)
    return found


def occupancy_of(entries: Iterable[Occupancy], year: int, month: int) -> Occupancy | None:
    """The expected occupancy of one month, if recorded."""
    return next((o for o in entries if (o.year, o.month) == (year, month)), None)
