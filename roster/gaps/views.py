"""Figures of one or many shelters' analyses added up, for the pages and their charts.

Pure functions over ``models.gaps``: the scenarios summed over shelters (coverage as
1 - uncovered / demand over the sum, docs/gaps.md §2), uncovered hours by day and role,
and the yearly view's roles. One shelter's figures are the same functions on a list of one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from models.calendar import month_days
from models.gaps import ShelterGapAnalysis
from models.yearly import RoleYearNeed

PROPOSAL = "proposal"  # the programme's proposal: a dedicated coordinator and an assistant


@dataclass
class ScenarioTotal:
    """A scenario summed over shelters."""

    key: str
    name: str
    demand_hours: float = 0.0
    uncovered_hours: float = 0.0
    uncovered_by_role: dict[str, float] = field(default_factory=dict)
    uncovered_by_tier: dict[str, float] = field(default_factory=dict)
    unstaffed_shifts: int = 0  # shifts with nobody on site
    coordination_by_others_hours: float = 0.0
    hours_above_contract: float = 0.0
    cost_month: Decimal = Decimal(0)
    added_cost_month: Decimal = Decimal(0)
    added: dict[str, int] = field(default_factory=dict)
    statuses: set[str] = field(default_factory=set)

    @property
    def coverage_pct(self) -> float:
        if self.demand_hours <= 0:
            return 100.0
        return 100 * (1 - self.uncovered_hours / self.demand_hours)

    @property
    def cost_year(self) -> Decimal:
        return self.cost_month * 12

    @property
    def proven(self) -> bool:
        """Every solve behind it proved optimal."""
        return self.statuses == {"optimal"}


def scenario_totals(shelters: list[ShelterGapAnalysis]) -> list[ScenarioTotal]:
    """Each scenario (in the order the analysis made them) summed over ``shelters``."""
    totals: dict[str, ScenarioTotal] = {}
    for shelter in shelters:
        for item in shelter.scenarios:
            total = totals.setdefault(item.key, ScenarioTotal(item.key, item.name))
            total.demand_hours += item.demand_hours
            total.uncovered_hours += item.uncovered_hours
            for role, hours in item.uncovered_by_role.items():
                total.uncovered_by_role[role] = total.uncovered_by_role.get(role, 0.0) + hours
            for tier, hours in item.uncovered_by_tier.items():
                total.uncovered_by_tier[tier] = total.uncovered_by_tier.get(tier, 0.0) + hours
            total.unstaffed_shifts += item.unstaffed_shifts
            total.coordination_by_others_hours += item.coordination_by_others_hours
            total.hours_above_contract += item.hours_above_contract
            total.cost_month += item.cost_month
            total.added_cost_month += item.added_cost_month
            for role, count in item.added.items():
                total.added[role] = total.added.get(role, 0) + count
            total.statuses.add(item.status)
    return list(totals.values())


@dataclass(frozen=True)
class DayRoleTable:
    """Uncovered hours of today's roster by day of the month and role."""

    days: list[date]
    roles: list[str]  # the roles with any gap, largest first
    hours: dict[str, list[float]]  # role -> hours per day, in ``days`` order

    def day_total(self, index: int) -> float:
        return sum(values[index] for values in self.hours.values())

    def role_total(self, role: str) -> float:
        return sum(self.hours[role])

    @property
    def total(self) -> float:
        return sum(sum(values) for values in self.hours.values())


def day_role_hours(shelters: list[ShelterGapAnalysis], year: int, month: int) -> DayRoleTable:
    """Today's uncovered hours of ``shelters`` by day and role, added up."""
    days = month_days(year, month)
    index = {day: k for k, day in enumerate(days)}
    hours: dict[str, list[float]] = defaultdict(lambda: [0.0] * len(days))
    for shelter in shelters:
        for item in shelter.today.days:
            if item.day in index:
                hours[item.role][index[item.day]] += item.hours
    roles = sorted(hours, key=lambda role: (-sum(hours[role]), role))
    return DayRoleTable(days, roles, {role: hours[role] for role in roles})


def year_roles(shelters: list[ShelterGapAnalysis]) -> list[RoleYearNeed]:
    """The yearly view's roles summed over shelters (people needed against people today)."""
    sums: dict[str, list[float]] = {}
    for shelter in shelters:
        for line in shelter.yearly_roles:
            found = sums.setdefault(line.role, [0.0] * 5)
            for k, value in enumerate(
                (
                    line.demand_hours,
                    line.posts_24_7,
                    line.people_needed,
                    line.people_needed_with_leave,
                    line.people_today,
                )
            ):
                found[k] += value
    return [
        RoleYearNeed(role, values[0], values[1], values[2], values[3], int(values[4]))
        for role, values in sorted(sums.items())
    ]
