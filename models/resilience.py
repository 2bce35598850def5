"""Sick-call resilience: drawing unplanned absences and reading what a repair left (pure).

A shelter's sick calls come from its rates, shelter settings in ``RuleSet.extra`` (DOMAIN.md:
the sick-call rate defaults to the yearly arithmetic's sick allowance, models.yearly):

- ``sick_days_per_year`` (default 15: ``LeaveAllowance.sick_leave_days``): days a person is
  away sick in a year, so a day's rate is ``sick_days_per_year / 365``;
- ``sick_days_per_call`` (default 2): the mean length of one unplanned absence, in days.

A draw is one sick call: a planned shift of the month picked at random (a call is a person
who cannot come to a shift she was due at), from that day on for a length drawn evenly
between 1 and ``2 x sick_days_per_call - 1`` days (mean ``sick_days_per_call``), cut at the
month's end. Draws come from a seeded ``random.Random``: the same seed, roster and settings
give the same calls.

A month expects ``people x days x rate / sick_days_per_call`` calls; its **expected
uncovered hours** are that many calls times the mean hours a call leaves uncovered after its
repair. **Resilience** is the share of calls whose repair leaves no more uncovered minimum
demand than the plan had (docs/gaps.md §7b). Only essential and normal cover counts: optional
cover (workshops, the nurse) is priced, not owed, so a sick call there is no gap.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from models.coverage import Tier
from models.people import Absence, AbsenceKind
from models.problem import PlanningProblem
from models.roster import Assignment, Roster
from models.validator.soft_coverage import coverage_gaps

SICK_DAYS_PER_YEAR = 15.0  # LeaveAllowance.sick_leave_days: the yearly arithmetic's allowance
SICK_DAYS_PER_CALL = 2.0


@dataclass(frozen=True)
class SickRates:
    """A shelter's unplanned absences: days a year per person, days per call."""

    days_per_year: float = SICK_DAYS_PER_YEAR
    days_per_call: float = SICK_DAYS_PER_CALL

    def __post_init__(self) -> None:
        if not 0 <= self.days_per_year <= 365:
            raise ValueError("sick_days_per_year: between 0 and 365")
        if self.days_per_call < 1:
            raise ValueError("sick_days_per_call: at least 1")

    @classmethod
    def of(cls, problem: PlanningProblem) -> SickRates:
        """The shelter's rates (settings ``sick_days_per_year``, ``sick_days_per_call``)."""
        extra = problem.rules.extra
        return cls(
            float(extra.get("sick_days_per_year", SICK_DAYS_PER_YEAR)),
            float(extra.get("sick_days_per_call", SICK_DAYS_PER_CALL)),
        )

    def expected_calls(self, problem: PlanningProblem) -> float:
        """Sick calls a month of ``problem`` expects: people x days x daily rate / length."""
        people = sum(1 for person in problem.staff if person.active)
        return people * len(problem.days) * self.days_per_year / 365 / self.days_per_call


@dataclass(frozen=True)
class SickCall:
    """One drawn unplanned absence: who, from which day, to which day."""

    staff_id: str
    first: date
    last: date

    def absence(self) -> Absence:
        return Absence(self.staff_id, AbsenceKind.UNPLANNED, self.first, self.last, "simulada")


def draw_sick_calls(
    problem: PlanningProblem,
    planned: list[Assignment],
    rates: SickRates,
    draws: int,
    seed: int,
) -> list[SickCall]:
    """``draws`` sick calls on the planned shifts of ``problem``'s days (none if none)."""
    days = set(problem.days)
    shifts = sorted(
        (a for a in planned if a.day in days),
        key=lambda a: (a.day, a.staff_id, a.shift, a.role),
    )
    if not shifts or rates.days_per_year <= 0:
        return []
    chance = random.Random(seed)
    longest = max(1, round(2 * rates.days_per_call) - 1)
    calls = []
    for _ in range(draws):
        hit = chance.choice(shifts)
        length = chance.randint(1, longest)
        last = min(hit.day + timedelta(days=length - 1), problem.last_day)
        calls.append(SickCall(hit.staff_id, hit.day, last))
    return calls


def owed_uncovered_hours(
    problem: PlanningProblem, assignments: list[Assignment], since: date
) -> float:
    """Essential and normal minimum demand ``assignments`` leave uncovered from ``since``."""
    roster = Roster(problem.shelter.code, problem.year, problem.month, list(assignments))
    return sum(
        gap.hours
        for gap in coverage_gaps(problem, roster)
        if gap.day >= since and gap.tier != Tier.OPTIONAL
    )


@dataclass(frozen=True)
class CallOutcome:
    """What a repaired sick call left: hours uncovered beyond the plan's own gap."""

    call: SickCall
    added_hours: float
    method: str  # greedy (a quick repair sufficed) or the repair's own

    @property
    def covered(self) -> bool:
        return self.added_hours <= 1e-6


@dataclass(frozen=True)
class Resilience:
    """A scenario's simulated sick calls, summed up."""

    outcomes: list[CallOutcome]
    expected_calls: float  # calls a month expects from the shelter's rates

    @property
    def draws(self) -> int:
        return len(self.outcomes)

    @property
    def covered_pct(self) -> float | None:
        """Share of the calls covered without a gap, in % (None without calls)."""
        if not self.outcomes:
            return None
        return 100 * sum(o.covered for o in self.outcomes) / len(self.outcomes)

    @property
    def expected_uncovered_hours(self) -> float | None:
        """A month's expected calls times the mean hours a call leaves uncovered."""
        if not self.outcomes:
            return None
        mean = sum(o.added_hours for o in self.outcomes) / len(self.outcomes)
        return self.expected_calls * mean
