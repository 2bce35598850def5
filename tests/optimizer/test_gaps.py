"""More demand than staff: the optimiser returns a roster whose gaps carry honest reasons."""

from __future__ import annotations

from dataclasses import replace

import pytest
from optimizer_factories import (
    SOLVERS,
    absence,
    feb,
    make_problem,
    need,
    person,
    solved,
)

from models import Assignment, Roster
from models.roster import GapReason
from models.validator import validate
from optimizer import explain_gaps

RULE_OF = {
    GapReason.MIN_REST: "H3",
    GapReason.WEEKLY_REST: "H4",
    GapReason.WEEKLY_HOURS: "H5",
    GapReason.CONSECUTIVE: "H7",
}


def understaffed():  # noqa: ANN201
    """Two caregivers for 24/7 care over 12 days, a psychologist on vacation, no coordinator."""
    staff = [person("a"), person("b"), person("p", "PSI")]
    days = range(1, 13)
    demand = [need(feb(day), shift) for day in days for shift in ("M", "T", "N")]
    demand += [need(feb(day), "M", "PSI") for day in days if feb(day).weekday() < 6]
    demand += [need(feb(day), "M", "COO") for day in (1, 2)]
    return make_problem(staff, demand, absences=[absence("p", feb(8), feb(14))])


@pytest.mark.parametrize("solver", SOLVERS)
def test_more_demand_than_staff_gives_gaps_with_reasons(solver: str) -> None:
    problem = understaffed()
    result = solved(problem, solver)
    gaps = result.roster.gaps
    assert result.report.phase("coverage").status == "optimal"
    assert sum(gap.hours for gap in gaps) == result.report.units["S1"] > 0
    reasons = {gap.reason for gap in gaps}
    assert GapReason.UNKNOWN not in reasons
    assert {GapReason.NOBODY_QUALIFIED, GapReason.ALL_ABSENT} <= reasons
    assert {gap.reason for gap in gaps if gap.role == "COO"} == {GapReason.NOBODY_QUALIFIED}
    psi = {gap.day for gap in gaps if gap.reason == GapReason.ALL_ABSENT}
    assert psi == {feb(day) for day in range(8, 13) if feb(day).weekday() < 6}


def test_each_rule_reason_is_confirmed_by_the_validator() -> None:
    problem = understaffed()
    result = solved(problem)
    checked = 0
    for gap in result.roster.gaps:
        rule = RULE_OF.get(GapReason(gap.reason))
        if rule is None:
            continue
        # someone qualified breaks exactly that rule by taking the shift (moving her own)
        broken = []
        for staff_id in ("a", "b"):
            kept = [
                a
                for a in result.roster.assignments
                if not (a.staff_id == staff_id and a.day == gap.day)
            ]
            extra = Assignment(staff_id, gap.day, gap.shift, gap.role)
            trial = replace(result.roster, assignments=[*kept, extra])
            broken.append(validate(problem, trial).rules_broken())
        assert any(rule in found for found in broken), (gap, broken)
        checked += 1
    assert checked > 0


def test_a_free_qualified_person_makes_the_reason_unknown() -> None:
    problem = make_problem([person("a")], [need(feb(3), "M")])
    [gap] = explain_gaps(problem, Roster("T01", 2027, 2))
    assert gap.reason == GapReason.UNKNOWN


def test_explain_gaps_names_busy_people() -> None:
    problem = make_problem([person("a")], [need(feb(3), "M"), need(feb(3), "T")])
    roster = Roster("T01", 2027, 2, [Assignment("a", feb(3), "M", "CUI")])
    [gap] = explain_gaps(problem, roster)
    assert (gap.shift, gap.missing, gap.reason) == ("T", 1, GapReason.BUSY)
