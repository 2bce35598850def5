"""S6's run paths (rules/soft_runs.py): a stronger bound that no integral roster breaks."""

from __future__ import annotations

import pulp
import pytest
from optimizer_factories import every_day, feb, history, make_problem, need, person, solved, without

from models import PlanningProblem, RuleSet, WorkLimits
from optimizer import SolverSettings
from optimizer.bound import tight_bound
from optimizer.build import build_model
from optimizer.model import ModelContext
from optimizer.rules.soft_runs import RunLimits, run_states, start_state
from optimizer.solvers import make_solver

SETTINGS = SolverSettings(threads=1, mip_gap=0.0)


def two_caregivers_every_morning() -> PlanningProblem:
    return make_problem([person("a"), person("b")], every_day("M", minimum=2))


def patterns_context(problem: PlanningProblem) -> tuple[ModelContext, pulp.LpAffineExpression]:
    """The model with at most 8 of its morning shifts uncovered, and S6 as objective."""
    ctx = build_model(problem)
    ctx.lp += pulp.lpSum(ctx.short.values()) <= 8, "keep_most_coverage"
    objective = ctx.soft_expression(("S6",))
    ctx.lp.setObjective(objective)
    return ctx, objective


def plain_relaxation(ctx: ModelContext) -> float:
    relaxed = ctx.lp.copy()
    for var in relaxed.variables():
        var.cat = pulp.LpContinuous
    relaxed.solve(make_solver(SETTINGS, 10.0))
    assert relaxed.sol_status == pulp.LpSolutionOptimal
    return float(pulp.value(relaxed.objective) or 0.0)


def test_run_paths_lift_the_relaxation_of_isolated_days_off() -> None:
    ctx, objective = patterns_context(two_caregivers_every_morning())
    plain = plain_relaxation(ctx)
    tight = tight_bound(ctx, SETTINGS, objective, 10.0)
    assert tight is not None and tight.bound > plain + 1
    assert len(tight.assignments) == len(ctx.x)


def test_run_paths_bound_stays_below_the_proved_optimum() -> None:
    problem = two_caregivers_every_morning()
    ctx, objective = patterns_context(problem)
    tight = tight_bound(ctx, SETTINGS, objective, 10.0)
    ctx.lp.solve(make_solver(SETTINGS, 30.0, 0.0))
    assert ctx.lp.sol_status == pulp.LpSolutionOptimal
    assert tight is not None and tight.bound <= pulp.value(objective) + 1e-6


def test_every_solved_roster_satisfies_the_run_paths() -> None:
    """Fixing x to a solved roster, the bound model is feasible and prices it exactly."""
    problem = two_caregivers_every_morning()
    result = solved(problem, threads=1)
    ctx = build_model(problem)
    chosen = {(a.staff_id, a.day, a.shift, a.role) for a in result.roster.assignments}
    for cell, var in ctx.x.items():
        var.lowBound = var.upBound = 1 if cell in chosen else 0
    objective = ctx.soft_expression(("S6",))
    tight = tight_bound(ctx, SETTINGS, objective, 10.0)
    assert tight is not None
    assert tight.bound == pytest.approx(result.report.penalties["S6"], abs=1e-3)


def test_phase_two_reports_the_tighter_bound() -> None:
    problem = two_caregivers_every_morning()
    result = solved(problem, threads=1, time_limit_phase2=5.0)
    quality = result.report.phase("quality")
    assert quality.best_bound is not None and quality.objective is not None
    assert quality.best_bound <= quality.objective + 1e-6


def test_the_path_starts_from_the_history_run() -> None:
    rules = RuleSet()
    worked = history("a", "M", [feb(day) for day in range(-3, 1)])  # 28/01..31/01
    problem = make_problem([person("a")], every_day("M"), rules=rules, history=worked)
    ctx = build_model(problem)
    assert start_state(ctx, "a", RunLimits(rules.max_consecutive_days)) == "W4"
    fresh = build_model(make_problem([person("a")], every_day("M"), rules=rules))
    assert start_state(fresh, "a", RunLimits(rules.max_consecutive_days)) == "O2"


def test_the_path_forbids_a_run_longer_than_the_limit() -> None:
    states, arcs = run_states(RunLimits(3))
    assert states == ["O1", "O2", "W1", "W2", "W3"]
    assert ("W3", "W4") not in arcs and ("W3", "O1") in arcs
    assert {target for source, target in arcs if source == "W3"} == {"O1"}


def test_no_run_paths_without_the_consecutive_days_rule() -> None:
    problem = make_problem([person("a")], every_day("M"), rules=without(RuleSet(), "H7"))
    assert not build_model(problem).tightening
    assert build_model(two_caregivers_every_morning()).tightening


def test_minimum_runs_get_their_own_states_and_the_first_run_is_exempt() -> None:
    states, arcs = run_states(RunLimits(None, shortest=2, shortest_off=3))
    assert ("W1", "O1") not in arcs and ("W2", "O1") in arcs and ("W2", "W2") in arcs
    assert ("O2", "W1") not in arcs and ("O3", "W1") in arcs
    assert ("I1", "O1") in arcs and ("J1", "W1") in arcs  # runs touching the first day
    assert ("U", "I1") in arcs and "U" not in states


def test_a_roster_under_minimum_runs_satisfies_the_run_paths() -> None:
    """With shortest runs (H10), a solved roster still fits the bound model exactly."""
    limits = {"a": WorkLimits(min_consecutive_days=2, min_consecutive_days_off=2)}
    problem = make_problem(
        [person("a"), person("b")], every_day("M"), rules=without(RuleSet(), "H7"), limits=limits
    )
    result = solved(problem, threads=1, mip_gap=0.0)
    ctx = build_model(problem)
    assert ctx.name("run_0", "a") in {name for _, name in ctx.tightening}
    chosen = {(a.staff_id, a.day, a.shift, a.role) for a in result.roster.assignments}
    for cell, var in ctx.x.items():
        var.lowBound = var.upBound = 1 if cell in chosen else 0
    objective = ctx.soft_expression()
    expected = sum(result.report.penalties.values())
    tight = tight_bound(ctx, SETTINGS, objective, 10.0)
    assert tight is not None and tight.bound == pytest.approx(expected, abs=1e-3)


@pytest.mark.parametrize("worked_before", [[], [feb(-1)], [feb(0)]])
def test_the_first_run_stays_exempt_when_the_history_is_known(worked_before: list) -> None:
    """H10's minimums ignore history: a one-day run on the 1st fits the paths whatever came before.

    feb(0) is 31/01 (the run continues from history), feb(-1) is 30/01 (an off day between).
    """
    limits = {"a": WorkLimits(min_consecutive_days=2, min_consecutive_days_off=2)}
    problem = make_problem(
        [person("a")],
        [need(feb(1), "M", minimum=1)],
        rules=without(RuleSet(), "H7"),
        limits=limits,
        history=history("a", "M", worked_before),
    )
    ctx = build_model(problem)
    assert ctx.timeline.known_from < feb(1)
    for (_, day, shift, _), var in ctx.x.items():
        var.lowBound = var.upBound = 1 if (day, shift) == (feb(1), "M") else 0
    objective = ctx.soft_expression()
    assert tight_bound(ctx, SETTINGS, objective, 10.0) is not None
