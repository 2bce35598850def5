"""The figures of a solved month, read from the problem and the roster (no solver here).

Every figure is defined in docs/gaps.md so a finance officer can trace it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from models.gaps import CarrierLoad, ContractLine, DayGap, GapBreakdown, GapLine, HeatCell
from models.problem import PlanningProblem
from models.roster import Roster, tier_hours
from models.staffing import minimum_demand_hours
from models.validator.unstaffed import unstaffed_shifts


def shift_hours(problem: PlanningProblem, code: str) -> float:
    """Hours of one shift type."""
    return problem.shifts[code].minutes / 60


def gap_breakdown(problem: PlanningProblem, roster: Roster) -> GapBreakdown:
    """Uncovered minimum demand by role, shift type, class of day and reason, by tier; the
    heat map; the shifts with nobody on site."""
    shifts: Counter[tuple[str, str, str, str, str]] = Counter()
    hours: dict[tuple[str, str, str, str, str], float] = defaultdict(float)
    daily: dict[tuple[date, str], float] = defaultdict(float)
    for gap in roster.gaps:
        day_class = str(problem.day_class(gap.day))
        key = (gap.role, gap.shift, day_class, str(gap.reason), str(gap.tier))
        shifts[key] += gap.missing
        hours[key] += gap.hours
        daily[(gap.day, gap.role)] += gap.hours
    lines = [GapLine(*key[:4], shifts[key], hours[key], key[4]) for key in sorted(shifts)]
    days = [DayGap(day, role, daily[(day, role)]) for day, role in sorted(daily)]
    heat = heat_map(problem, roster)
    unstaffed = unstaffed_shifts(problem, roster, roster.gaps)
    tiers = tier_hours(roster.gaps)
    return GapBreakdown(minimum_demand_hours(problem), lines, heat, days, tiers, unstaffed)


def heat_map(problem: PlanningProblem, roster: Roster) -> list[HeatCell]:
    """Per day and shift type: the minimum people required (all roles) and those covered."""
    assigned = Counter((a.day, a.shift, a.role) for a in roster.assignments)
    required: Counter[tuple[date, str]] = Counter()
    covered: Counter[tuple[date, str]] = Counter()
    for need in problem.demand:
        if need.minimum <= 0:
            continue
        required[(need.day, need.shift)] += need.minimum
        covered[(need.day, need.shift)] += min(
            need.minimum, assigned[need.day, need.shift, need.role]
        )
    order = {shift.code: index for index, shift in enumerate(problem.shift_types)}
    return [
        HeatCell(day, shift, required[(day, shift)], covered[(day, shift)])
        for day in problem.days
        for shift in sorted({s for d, s in required if d == day}, key=order.__getitem__)
    ]


def coordination_carriers(
    problem: PlanningProblem, roster: Roster, coordinator_role: str
) -> list[CarrierLoad]:
    """People whose own post is not coordination but who carry coordination shifts.

    own_role_uncovered_hours counts the hours of her coordination shifts on a (day, shift)
    where her own role had uncovered minimum demand at the same time.
    """
    uncovered = {(gap.day, gap.shift, gap.role) for gap in roster.gaps if gap.missing > 0}
    carried: dict[str, float] = defaultdict(float)
    displaced: dict[str, float] = defaultdict(float)
    for item in roster.assignments:
        person = problem.staff_by_id.get(item.staff_id)
        if person is None or item.role != coordinator_role:
            continue
        if person.primary_role == coordinator_role:
            continue
        hours = shift_hours(problem, item.shift)
        carried[person.id] += hours
        if (item.day, item.shift, person.primary_role) in uncovered:
            displaced[person.id] += hours
    return [
        CarrierLoad(
            staff_id, problem.staff_by_id[staff_id].primary_role, hours, displaced[staff_id]
        )
        for staff_id, hours in sorted(carried.items())
    ]


def contract_lines(problem: PlanningProblem, roster: Roster) -> list[ContractLine]:
    """Each active person's worked hours in the month against her contracted hours (S3)."""
    worked: dict[str, float] = defaultdict(float)
    for item in roster.assignments:
        if item.shift in problem.shifts:
            worked[item.staff_id] += shift_hours(problem, item.shift)
    return [
        ContractLine(
            person.id,
            person.primary_role,
            worked[person.id],
            problem.contract_target_minutes(person) / 60,
        )
        for person in problem.staff
        if person.active
    ]
