"""Shifts with nobody on site: the headline of a roster's gaps (DOMAIN.md, coverage tiers).

"Nobody on site" is models.on_site's one definition; here it is read from a finished
roster's assignments, independently of the optimiser's model.
"""

from __future__ import annotations

from models.coverage import TIERS
from models.on_site import nobody_on_site, owed, present_spans
from models.problem import PlanningProblem
from models.roster import Gap, Roster, UnstaffedShift
from models.validator.soft_coverage import coverage_gaps


def unstaffed_shifts(
    problem: PlanningProblem, roster: Roster, gaps: list[Gap]
) -> list[UnstaffedShift]:
    """Each (day, shift) with a gap in owed cover (essential or normal) whose hours no
    assignment overlaps, whatever its role.

    Assignments of the roster and of the history window count (a night of the last day
    before the month is on site in the early hours of the 1st). The shift's role and
    reason are those of its gap of the highest tier (essential first), ``gaps`` being
    the roster's gaps with their reasons.
    """
    spans = present_spans(problem, roster.assignments)
    rank = {str(tier): index for index, tier in enumerate(TIERS)}
    worst: dict[tuple, Gap] = {}
    for gap in (gap for gap in gaps if owed(gap.tier)):
        key = (gap.day, gap.shift)
        if key not in worst or rank.get(str(gap.tier), 9) < rank.get(str(worst[key].tier), 9):
            worst[key] = gap
    found = []
    for (day, code), gap in sorted(worst.items()):
        if code in problem.shifts and nobody_on_site(problem, spans, day, code):
            found.append(UnstaffedShift(day, code, gap.role, str(gap.reason)))
    return found


def unstaffed_units(problem: PlanningProblem, roster: Roster) -> float:
    """The roster's time with nobody on site: each unstaffed shift's hours (1 per shift
    with ``coverage_unit`` "shifts"), the gaps counted here from the roster itself."""
    found = unstaffed_shifts(problem, roster, coverage_gaps(problem, roster))
    size = problem.rules.coverage_size
    return sum(size(problem.shifts[item.shift].minutes) for item in found)
