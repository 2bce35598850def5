"""S6's valid run cuts (off by default): they lift the LP bound and keep every optimum."""

from __future__ import annotations

import pulp
import pytest
from optimizer_factories import every_day, make_problem, person, solved, without

from models import PlanningProblem, RuleSet
from optimizer import SolverSettings
from optimizer.build import build_model
from optimizer.rules import soft_people
from optimizer.solvers import make_solver


def two_caregivers_every_morning() -> PlanningProblem:
    return make_problem([person("a"), person("b")], every_day("M", minimum=2))


def patterns_relaxation(problem: PlanningProblem) -> float:
    """The LP value of S6 alone when at most 8 of the 56 morning shifts go uncovered."""
    ctx = build_model(problem)
    ctx.lp += pulp.lpSum(ctx.short.values()) <= 8, "keep_most_coverage"
    ctx.lp.setObjective(ctx.soft_expression(("S6",)))
    for var in ctx.lp.variables():
        var.cat = pulp.LpContinuous
    ctx.lp.solve(make_solver(SolverSettings(threads=1), 10.0))
    assert ctx.lp.sol_status == pulp.LpSolutionOptimal
    return float(pulp.value(ctx.lp.objective) or 0.0)


def test_run_cuts_lift_the_relaxation_of_isolated_days_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    problem = two_caregivers_every_morning()
    plain = patterns_relaxation(problem)
    monkeypatch.setattr(soft_people, "RUN_CUTS", True)
    assert patterns_relaxation(problem) > plain + 1


def test_run_cuts_keep_the_optimum(monkeypatch: pytest.MonkeyPatch) -> None:
    problem = two_caregivers_every_morning()
    plain = solved(problem, threads=1, mip_gap=0.0)
    monkeypatch.setattr(soft_people, "RUN_CUTS", True)
    with_cuts = solved(problem, threads=1, mip_gap=0.0)
    assert with_cuts.report.phases[1].status == plain.report.phases[1].status == "optimal"
    assert with_cuts.report.penalties == plain.report.penalties


def test_run_cuts_only_when_switched_on_and_with_max_consecutive_days(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def cut_names(problem: PlanningProblem) -> set[str]:
        names = build_model(problem).constraint_info
        return {name for name in names if name.startswith(soft_people.CUT_PREFIX)}

    problem = two_caregivers_every_morning()
    assert not cut_names(problem)
    monkeypatch.setattr(soft_people, "RUN_CUTS", True)
    assert cut_names(problem)
    rules = without(RuleSet(), "H7")
    assert not cut_names(make_problem([person("a")], every_day("M"), rules=rules))
