"""Soft rules S1-S7: each pulls the roster its way, and the model's per-rule totals equal the
validator's on a case where every rule is active (requests, reference, tallies, feriados)."""

from __future__ import annotations

from datetime import date

import pytest
from optimizer_factories import (
    SOLVERS,
    absence,
    every_day,
    feb,
    make_problem,
    need,
    person,
    solved,
    without,
    works,
)

from models import Assignment, FairnessTally, Request, RuleSet


def test_s1_gap_is_minimised_before_anything_else() -> None:
    # b asked to be off every day: she still covers the minimum when a cannot.
    staff = [person("a"), person("b")]
    demand = [need(feb(3), "M", minimum=2)]
    requests = [Request("b", feb(3), on=False, weight=5)]
    result = solved(make_problem(staff, demand, requests=requests))
    assert result.roster.gaps == [] and result.report.units["S5"] == 5


def test_s2_fills_to_the_desired_level_but_not_beyond() -> None:
    staff = [person("a"), person("b"), person("c")]
    result = solved(make_problem(staff, [need(feb(3), "M", minimum=1, desired=2)]))
    assert len(result.roster.assignments) == 2
    assert result.report.units["S2"] == 0


def test_s3_half_time_contract_works_fewer_hours() -> None:
    staff = [person("a"), person("b", weekly_hours=24)]
    result = solved(make_problem(staff, every_day("M")))
    hours = {p: sum(8 for a in result.roster.assignments if a.staff_id == p) for p in "ab"}
    assert hours["a"] > hours["b"] > 0


def test_s5_requests_are_honoured_when_someone_else_can_cover() -> None:
    staff = [person("a"), person("b")]
    requests = [Request("a", feb(10), on=False), Request("b", feb(11), on=True, shift="N")]
    demand = [need(feb(10), "M"), need(feb(11), "N")]
    result = solved(make_problem(staff, demand, requests=requests))
    assert not works(result, "a", feb(10)) and works(result, "b", feb(11), "N")
    assert result.report.units["S5"] == 0


def test_s6_prefers_blocks_to_isolated_days() -> None:
    # Four mornings to share between two people: two blocks of two, not alternating days.
    staff = [person("a"), person("b")]
    demand = [need(feb(day), "M") for day in (2, 3, 4, 5)]
    result = solved(make_problem(staff, demand))
    assert result.report.units["S6"] == 0


def test_s7_replanning_after_a_sick_call_changes_little() -> None:
    staff = [person("a"), person("b"), person("c")]
    demand = [need(feb(day), "M") for day in range(1, 15)]
    first = solved(make_problem(staff, demand))
    sick = first.roster.assignments[3].staff_id
    replanned = make_problem(
        staff,
        demand,
        reference=first.roster.assignments,
        absences=[absence(sick, feb(4), feb(4))],
    )
    again = solved(replanned)
    assert not works(again, sick, feb(4))
    assert again.report.units["S7"] <= 3  # her day, and at most a swap around it
    same = solved(make_problem(staff, demand, reference=first.roster.assignments))
    assert same.report.units["S7"] == 0


def everything() -> RuleSet:
    return RuleSet().with_changes(averaging_weeks=2)


def busy_march(rules: RuleSet):  # noqa: ANN201
    """Ten days of March 2027 around its feriados (25, 26) with every soft rule in play."""
    staff = [
        person("a"),
        person("b"),
        person("c", "CUI", "PSI"),
        person("p", "PSI", night_work=False),
    ]
    days = [date(2027, 3, day) for day in range(20, 30)]
    demand = [need(day, shift) for day in days for shift in ("M", "N")]
    demand += [need(day, "T", "PSI", minimum=0, desired=1) for day in days]
    requests = [
        Request("a", days[1], on=False, weight=3),
        Request("b", days[4], on=True, shift="N"),
    ]
    reference = [Assignment("a", day, "M", "CUI") for day in days[:5]]
    reference += [Assignment("c", day, "N", "CUI") for day in days[1:4]]
    return make_problem(
        staff,
        demand,
        rules=rules,
        year=2027,
        month=3,
        requests=requests,
        reference=reference,
        tallies={"a": FairnessTally(nights=4, weekend_days=2, holidays=1)},
        absences=[absence("b", days[6], days[7])],
    )


@pytest.mark.parametrize("solver", SOLVERS)
def test_penalties_match_the_validator_with_every_rule_on(solver: str) -> None:
    problem = busy_march(everything())
    result = solved(problem, solver)  # checks every S-total against the validator
    assert set(result.report.penalties) == {f"S{k}" for k in range(1, 8)}
    assert result.report.units["S4"] >= 0 and result.report.penalties["S7"] >= 0


@pytest.mark.parametrize("code", ["S2", "S3", "S4", "S5", "S6", "S7"])
def test_a_disabled_soft_rule_adds_nothing(code: str) -> None:
    problem = busy_march(without(RuleSet(), code))
    result = solved(problem)
    assert result.report.penalties[code] == 0


@pytest.mark.parametrize("solver", SOLVERS)
def test_coverage_counted_in_shifts(solver: str) -> None:
    rules = RuleSet().with_changes(coverage_unit="shifts")
    staff = [person("a")]
    demand = [need(feb(3), "N"), need(feb(4), "M", minimum=1, desired=2), need(feb(5), "T")]
    result = solved(make_problem(staff, demand, rules=rules), solver)
    assert result.report.units["S1"] == 1  # the morning after the night: one person-shift
    assert result.report.phase("coverage").objective == pytest.approx(1000)
