"""Shifts with nobody on site: the headline of a roster's gaps (DOMAIN.md, coverage tiers)."""

from __future__ import annotations

from models.coverage import TIERS
from models.problem import PlanningProblem
from models.roster import Gap, Roster, UnstaffedShift


def unstaffed_shifts(
    problem: PlanningProblem, roster: Roster, gaps: list[Gap]
) -> list[UnstaffedShift]:
    """Each (day, shift) with a gap whose hours no assignment overlaps, whatever its role.

    Assignments of the roster and of the history window count (a night of the last day
    before the month is on site in the early hours of the 1st). The shift's role and
    reason are those of its gap of the highest tier (essential first), ``gaps`` being
    the roster's gaps with their reasons.
    """
    present = []
    for assignment in [*problem.history_window(), *roster.assignments]:
        shift = problem.shifts.get(assignment.shift)
        if shift is not None:
            present.append((shift.starts_at(assignment.day), shift.ends_at(assignment.day)))
    rank = {str(tier): index for index, tier in enumerate(TIERS)}
    worst: dict[tuple, Gap] = {}
    for gap in gaps:
        key = (gap.day, gap.shift)
        if key not in worst or rank.get(str(gap.tier), 9) < rank.get(str(worst[key].tier), 9):
            worst[key] = gap
    found = []
    for (day, code), gap in sorted(worst.items()):
        shift = problem.shifts.get(code)
        if shift is None:
            continue
        start, end = shift.starts_at(day), shift.ends_at(day)
        if not any(begin < end and start < until for begin, until in present):
            found.append(UnstaffedShift(day, code, gap.role, str(gap.reason)))
    return found
