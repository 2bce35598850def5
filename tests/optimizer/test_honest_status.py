"""A report says "optimal" only when its bound proves its objective, on every path.

PhaseReport checks each claim in one place (models/report.py); these tests hold every
phase (coverage, quality, weighted, with and without the neighbourhood search) to it,
with both solvers and one or two threads.
"""

from __future__ import annotations

import pytest
from optimizer_factories import (
    SOLVERS,
    assert_validated,
    curtois_folder,
    feb,
    make_problem,
    need,
    person,
)

import optimizer.plans as plans
from models import PlanningProblem
from models.curtois import BEST_KNOWN, load_instance, to_problem
from models.report import SKIPPED, honest_status, within_gap
from models.validator import validate
from optimizer import PhaseReport, SolverSettings, solve
from optimizer.build import build_model

CURTOIS_SEARCHED = 8  # the smallest Curtois instance with at least plans.SEARCH_FROM columns


def short_month() -> PlanningProblem:
    """Three people, a week of mornings and nights, two needed on some mornings."""
    staff = [person("a"), person("b"), person("c")]
    demand = [need(feb(day), "M", minimum=2 if day % 3 == 0 else 1) for day in range(1, 8)]
    demand += [need(feb(day), "N") for day in range(1, 8)]
    return make_problem(staff, demand)


def assert_honest(report_phases: list[PhaseReport], status: str) -> None:
    """Every "optimal" phase is proven by its bound; "optimal" overall needs every phase."""
    for phase in report_phases:
        if phase.status == "optimal":
            assert within_gap(phase.objective, phase.best_bound, phase.gap_limit, phase.gap_abs)
        if phase.best_bound is not None and phase.objective is not None:
            assert phase.best_bound <= phase.objective + 1e-6
    if status == "optimal":
        assert all(phase.status in ("optimal", SKIPPED) for phase in report_phases)


def test_a_claim_the_bound_does_not_prove_reads_feasible() -> None:
    false = PhaseReport("weighted", "optimal", objective=5735, best_bound=191, gap_limit=0.0)
    assert false.status == "feasible"
    unbounded = PhaseReport("quality", "optimal", objective=10.0, best_bound=None, gap_limit=0.1)
    assert unbounded.status == "feasible"
    assert PhaseReport("coverage", "optimal", objective=8.0, best_bound=8.0).status == "optimal"


def test_the_gap_proves_relatively_or_in_whole_steps() -> None:
    assert within_gap(100.0, 99.6, 0.005)
    assert not within_gap(100.0, 99.4, 0.005)
    assert within_gap(7.0, 6.2, 0.0, gap_abs=0.999)  # the objective moves in steps of 1
    assert not within_gap(7.0, 6.0, 0.0, gap_abs=0.999)
    assert honest_status("feasible", 7.0, 7.0, 0.0) == "feasible"  # never promoted
    assert honest_status("none", None, None, 0.0) == "none"


def test_floating_point_noise_on_a_large_objective_is_no_gap() -> None:
    """A tight bound a millionth below a 5,620 objective (seen on a 600-s shelter run)."""
    assert within_gap(5619.857142857143, 5619.857141857143, 0.0)
    assert not within_gap(5619.857142857143, 5619.85, 0.0)


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("solver", SOLVERS)
@pytest.mark.parametrize("lexicographic", [True, False], ids=["lexicographic", "weighted"])
def test_every_phase_is_honest(solver: str, lexicographic: bool, threads: int) -> None:
    problem = short_month()
    settings = SolverSettings(
        solver=solver,
        threads=threads,
        lexicographic=lexicographic,
        time_limit_phase1=5,
        time_limit_phase2=5,
    )
    result = solve(problem, settings)
    assert_validated(problem, result)
    assert_honest(result.report.phases, result.report.status)
    assert result.report.phases[-1].status in ("optimal", "feasible")


@pytest.mark.parametrize("threads", [1, 2])
def test_the_searched_weighted_phase_is_honest(
    threads: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole search (constructive start on one thread, then ``threads``) on a tiny month."""
    monkeypatch.setattr(plans, "SEARCH_FROM", 0)
    problem = short_month()
    settings = SolverSettings(
        threads=threads, lexicographic=False, time_limit_phase1=2, time_limit_phase2=2
    )
    result = solve(problem, settings)
    assert_validated(problem, result)
    assert_honest(result.report.phases, result.report.status)
    weighted = result.report.phase("weighted")
    judged = sum(validate(problem, result.roster).penalties.values())
    assert weighted.objective == pytest.approx(judged)  # the roster's own cost, not a stale one


@pytest.mark.slow
def test_a_searched_curtois_instance_on_two_threads_claims_only_what_it_proves() -> None:
    """The weighted search on a Curtois instance of more than plans.SEARCH_FROM columns."""
    instance = load_instance(curtois_folder(), CURTOIS_SEARCHED)
    problem = to_problem(instance)
    assert len(build_model(problem).x) >= plans.SEARCH_FROM
    settings = SolverSettings(
        threads=2,
        lexicographic=False,
        mip_gap=0.0,
        time_limit_phase1=10,
        time_limit_phase2=10,
        explain_gaps=False,
    )
    result = solve(problem, settings)
    weighted = result.report.phase("weighted")
    assert_honest(result.report.phases, result.report.status)
    assert weighted.objective == pytest.approx(result.report.objective)
    assert weighted.best_bound is None or weighted.best_bound <= BEST_KNOWN[CURTOIS_SEARCHED]
    if weighted.status == "optimal":
        assert weighted.objective == pytest.approx(BEST_KNOWN[CURTOIS_SEARCHED])
