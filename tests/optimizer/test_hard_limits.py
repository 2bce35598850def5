"""Hard rules H10 (per-person work limits) and H11 (forbidden successions) in the MILP.

Each limit binds on a tiny case and leaves a looser one alone; every roster goes through
the independent validator (zero violations). Rules other than H1, H2, H6, H8-H11 are off
so that each case is about one limit.
"""

from __future__ import annotations

from datetime import date

import pulp
import pytest
from optimizer_factories import absence, every_day, feb, history, make_problem, need, person, solved

from models import Assignment, Request, RuleSet
from models.limits import WorkLimits
from models.validator import validate
from optimizer import SolverSettings, solve
from optimizer.build import build_model
from optimizer.solvers import make_solver

OFF = {"enabled": False}
WEEK_ONE = [feb(day) for day in range(1, 8)]


def limit_rules(**changes: object) -> RuleSet:
    """Only the benchmark's kind of rules on; coverage counted in person-shifts."""
    return RuleSet().with_changes(
        min_rest=OFF,
        weekly_rest=OFF,
        max_weekly_hours=OFF,
        max_consecutive=OFF,
        contract_hours=OFF,
        fairness=OFF,
        patterns=OFF,
        coverage_unit="shifts",
        **changes,
    )


def worked(result, staff_id: str = "a") -> list[date]:  # noqa: ANN001
    return sorted(a.day for a in result.roster.assignments if a.staff_id == staff_id)


def one_person(limits: WorkLimits, demand: list, **fields: object):  # noqa: ANN201
    return make_problem([person("a")], demand, rules=limit_rules(), limits={"a": limits}, **fields)


def test_shift_type_cap_binds_and_zero_means_never() -> None:
    demand = [need(day, "C") for day in WEEK_ONE]
    assert len(worked(solved(one_person(WorkLimits({"C": 3}), demand)))) == 3
    assert worked(solved(one_person(WorkLimits({"C": 0}), demand))) == []
    assert len(worked(solved(one_person(WorkLimits({"C": 10}), demand)))) == 7


def test_max_minutes_binds() -> None:
    demand = [need(day, "C") for day in WEEK_ONE]
    assert len(worked(solved(one_person(WorkLimits(max_minutes=3 * 240), demand)))) == 3
    assert len(worked(solved(one_person(WorkLimits(max_minutes=100 * 240), demand)))) == 7


def test_min_minutes_binds() -> None:
    demand = [need(day, "C") for day in WEEK_ONE]
    wishes = [Request("a", day, True, weight=5) for day in WEEK_ONE]
    wishes += [Request("b", day, False, weight=5) for day in WEEK_ONE]

    def plan(limits: WorkLimits):  # noqa: ANN202
        problem = make_problem(
            [person("a"), person("b")],
            demand,
            rules=limit_rules(),
            limits={"b": limits},
            requests=wishes,
        )
        return solved(problem, lexicographic=False)

    assert len(worked(plan(WorkLimits(min_minutes=4 * 240)), "b")) == 4
    assert worked(plan(WorkLimits()), "b") == []


def test_longest_run_binds_with_history() -> None:
    demand = [need(day, "C") for day in WEEK_ONE]
    alone = solved(one_person(WorkLimits(max_consecutive_days=2), demand))
    assert len(worked(alone)) == 5  # e.g. on on off on on off on
    before = history("a", "C", [feb(0), feb(-1)])
    carried = solved(one_person(WorkLimits(max_consecutive_days=2), demand, history=before))
    assert feb(1) not in worked(carried) and len(worked(carried)) == 4
    assert len(worked(solved(one_person(WorkLimits(max_consecutive_days=7), demand)))) == 7


def test_shortest_work_run_binds_but_not_at_the_ends() -> None:
    middle = [need(feb(4), "C")]
    assert worked(solved(one_person(WorkLimits(min_consecutive_days=3), middle))) == []
    assert worked(solved(one_person(WorkLimits(min_consecutive_days=1), middle))) == [feb(4)]
    first_day = [need(feb(1), "C")]
    assert worked(solved(one_person(WorkLimits(min_consecutive_days=3), first_day))) == [feb(1)]


def test_shortest_days_off_run_binds() -> None:
    demand = [need(day, "C") for day in WEEK_ONE]
    away = [absence("a", feb(4), feb(4))]
    tight = solved(one_person(WorkLimits(min_consecutive_days_off=2), demand, absences=away))
    assert len(worked(tight)) == 5
    loose = solved(one_person(WorkLimits(min_consecutive_days_off=1), demand, absences=away))
    assert len(worked(loose)) == 6


def test_max_weekends_binds() -> None:
    demand = every_day("C")
    assert len(worked(solved(one_person(WorkLimits(max_weekends=2), demand)))) == 24
    assert len(worked(solved(one_person(WorkLimits(max_weekends=4), demand)))) == 28


def test_forbidden_succession_binds_inside_the_month_and_from_history() -> None:
    demand = [need(feb(1), "M"), need(feb(2), "N"), need(feb(3), "M")]
    banned = limit_rules(forbidden_successions=(("N", "M"),))
    problem = make_problem([person("a")], demand, rules=banned)
    assert worked(solved(problem)) in ([feb(1), feb(2)], [feb(1), feb(3)])
    carried = make_problem(
        [person("a")], [need(feb(1), "M")], rules=banned, history=history("a", "N", [feb(0)])
    )
    assert worked(solved(carried)) == []
    allowed = make_problem(
        [person("a")], demand, rules=limit_rules(forbidden_successions=(("M", "N"),))
    )
    assert len(worked(solved(allowed))) == 2
    free = make_problem([person("a")], demand, rules=limit_rules())
    assert len(worked(solved(free))) == 3


def test_conflicting_lock_relaxes_the_limit_and_is_reported() -> None:
    demand = [need(day, "C") for day in WEEK_ONE]
    lock = Assignment("a", feb(4), "C", "CUI", locked=True)
    problem = one_person(
        WorkLimits(min_consecutive_days=3),
        demand,
        absences=[absence("a", feb(3), feb(3)), absence("a", feb(5), feb(5))],
        locks=[lock],
    )
    result = solve(problem, SolverSettings())
    assert feb(4) in worked(result)
    assert {item.rule for item in result.report.infeasibilities} == {"H10"}
    assert validate(problem, result.roster).rules_broken() == {"H10"}


def test_weighted_mode_trades_the_gap_against_requests() -> None:
    rules = limit_rules(
        coverage_minimum={"enabled": True, "hard": False, "weight": 100.0},
        requests={"enabled": True, "hard": False, "weight": 1.0},
    )
    problem = make_problem(
        [person("a")],
        [need(feb(1), "C")],
        rules=rules,
        requests=[Request("a", feb(1), False, weight=200)],
    )
    assert worked(solved(problem)) == [feb(1)]  # lexicographic: the gap comes first
    weighted = solved(problem, lexicographic=False)
    assert worked(weighted) == []  # one sum: 100 for the gap beats 200 for the request
    assert [phase.name for phase in weighted.report.phases] == ["weighted"]
    assert weighted.report.objective == 100


def test_a_gap_left_by_her_own_limits_names_them() -> None:
    demand = [need(day, "C") for day in WEEK_ONE]
    result = solved(one_person(WorkLimits(max_minutes=3 * 240), demand))
    assert len(result.roster.gaps) == 4
    assert {gap.reason for gap in result.roster.gaps} == {"work_limits"}


def test_a_gap_her_limits_did_not_cause_names_its_own_reason() -> None:
    demand = [need(day, "C", minimum=2) for day in WEEK_ONE]
    result = solved(one_person(WorkLimits(max_minutes=100 * 240), demand))
    assert len(result.roster.gaps) == 7
    assert {gap.reason for gap in result.roster.gaps} == {"busy"}


def test_the_weekend_limit_counts_a_day_once_in_the_relaxation() -> None:
    """y >= the day's whole work, not each shift apart: half a morning and half an
    afternoon on a Saturday is a whole worked weekend, also in the LP relaxation."""
    weekend_days = [feb(6), feb(7), feb(13), feb(14)]
    demand = [need(day, shift) for day in weekend_days for shift in ("M", "T")]
    problem = make_problem([person("a")], demand, limits={"a": WorkLimits(max_weekends=1)})
    ctx = build_model(problem)
    ctx.lp.setObjective(ctx.soft_expression(("S1",)))
    relaxed = ctx.lp.copy()
    for var in relaxed.variables():
        var.cat = pulp.LpContinuous
    relaxed.solve(make_solver(SolverSettings(threads=1), 10.0))
    short_shifts = sum(var.varValue for var in ctx.short.values())
    assert short_shifts == pytest.approx(6.0)  # one weekend's two days, one shift each
