"""Soft rules on coverage: S1 shortfall below the minimum (the gap), S2 desired level and excess."""

from __future__ import annotations

from collections import Counter
from datetime import date

from models.coverage import Tier
from models.problem import PlanningProblem
from models.roster import Gap, GapReason, Roster
from models.validator.report import SoftResult

CoverageKey = tuple[date, str, str]  # (day, shift code, role code)


def coverage_counts(roster: Roster) -> Counter[CoverageKey]:
    """How many roster assignments each (day, shift, role) has."""
    return Counter((a.day, a.shift, a.role) for a in roster.assignments)


def coverage_gaps(problem: PlanningProblem, roster: Roster) -> list[Gap]:
    """Every (day, shift, role) of ``problem.demand`` with fewer people than its minimum,
    one gap per tier short.

    With n the roster's assignments of that day, shift and role, the n people fill the
    essential minimum first, then the normal, then the optional one; each tier's
    ``missing`` is what is left of its own minimum. ``minutes`` is the shift's length;
    the reason is left UNKNOWN (the optimiser's gap analysis finds it). Computed
    whether or not S1 is enabled.
    """
    counts = coverage_counts(roster)
    gaps = []
    for need in problem.demand:
        minutes = problem.shifts[need.shift].minutes
        short = need.shortfall_by_tier(counts[(need.day, need.shift, need.role)])
        for tier, missing in short.items():
            if missing > 0:
                gaps.append(
                    Gap(need.day, need.shift, need.role, missing, minutes, GapReason.UNKNOWN, tier)
                )
    return gaps


def score_coverage_minimum(problem: PlanningProblem, roster: Roster) -> SoftResult:
    """S1: person-hours below each demand's minimum, priced by tier.

    For each Demand and tier: ``shortfall`` = the tier's people missing when the n
    assigned fill essential, then normal, then optional need; units = sum of
    ``shortfall * shift hours`` (missing person-hours), or of ``shortfall`` (missing
    person-shifts) when ``rules.coverage_unit`` is "shifts"; penalty = sum of units
    x ``rules.coverage_tier_weight(tier)`` (normal 1000 per person-hour, essential 10
    times that, optional 0.5). Never a hard failure: the roster shows its gaps.
    Reported as a penalty even if configured hard (the optimiser decides what hard
    means for it). Source: R.M. 150-2016-MIMP; DOMAIN.md default coverage and tiers.
    """
    if not problem.rules.coverage_minimum.enabled:
        return SoftResult()
    size = problem.rules.coverage_size
    units = penalty = 0.0
    for gap in coverage_gaps(problem, roster):
        amount = gap.missing * size(gap.minutes)
        units += amount
        penalty += amount * problem.rules.coverage_tier_weight(gap.tier)
    return SoftResult(units, penalty)


def tier_units(problem: PlanningProblem, roster: Roster) -> dict[Tier, float]:
    """Missing units (person-hours, or person-shifts) per tier, every tier present."""
    size = problem.rules.coverage_size
    units = dict.fromkeys(Tier, 0.0)
    for gap in coverage_gaps(problem, roster):
        units[Tier(gap.tier)] += gap.missing * size(gap.minutes)
    return units


def score_coverage_desired(problem: PlanningProblem, roster: Roster) -> SoftResult:
    """S2: person-hours below the desired level, and above it (over-coverage).

    For each Demand with n assignments: under = ``max(0, desired - max(n, minimum)) *
    hours`` (the part below the minimum is S1's), weighted by ``coverage_desired.weight``;
    over = ``max(0, n - desired) * hours``, weighted by ``rules.over_coverage_weight``.
    With ``rules.coverage_unit`` "shifts" each person counts 1 instead of the shift's hours.
    Assignments of a (day, shift, role) with no demand at all are over-coverage
    (assignments with an unknown shift code are H1's and count nothing). Units = under
    + over; penalty = the weighted sum. Reported as a penalty even if configured hard.
    Source: DOMAIN.md default coverage (minimum and desired levels).
    """
    setting = problem.rules.coverage_desired
    if not setting.enabled:
        return SoftResult()
    counts = coverage_counts(roster)
    under = over = 0.0
    size = problem.rules.coverage_size
    for need in problem.demand:
        count = counts.pop((need.day, need.shift, need.role), 0)
        each = size(problem.shifts[need.shift].minutes)
        under += max(0, need.desired - max(count, need.minimum)) * each
        over += max(0, count - need.desired) * each
    for (_, shift_code, _), count in counts.items():
        shift = problem.shifts.get(shift_code)
        if shift is not None:
            over += count * size(shift.minutes)
    penalty = under * setting.weight + over * problem.rules.over_coverage_weight
    return SoftResult(under + over, penalty)
