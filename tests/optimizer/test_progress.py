"""A running solve reports where it stands and stops when its caller asks (models.SolveControl).

Times are read from the reports themselves; nothing here sleeps. A stopped solve must
still hand back a roster the independent validator accepts.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from optimizer_factories import SOLVERS, feb, make_problem, need, person

from models import PlanningProblem, Progress, SolveControl
from models.progress import PHASES
from models.validator import validate
from optimizer import PlanResult, SolverSettings, solve
from optimizer.watch import Watch

LONG = 30.0  # seconds per phase: far more than any of these solves is let run


def busy_month() -> PlanningProblem:
    """Nine caregivers on three shifts a day for four weeks: phase 2 cannot prove it soon."""
    staff = [person(f"c{index}") for index in range(9)]
    demand = [
        need(feb(day), shift, minimum=2, desired=3)
        for day in range(1, 29)
        for shift in ("M", "T", "N")
    ]
    return make_problem(staff, demand)


def quiet_month() -> PlanningProblem:
    """Two caregivers, ten mornings: proven optimal in a fraction of a second."""
    return make_problem([person("a"), person("b")], [need(feb(day), "M") for day in range(1, 11)])


def watched(
    problem: PlanningProblem,
    stop_when: Callable[[list[Progress]], bool] | None = None,
    **settings: object,
) -> tuple[PlanResult, list[Progress]]:
    """Solve with a control that records every report and stops once ``stop_when`` holds."""
    seen: list[Progress] = []
    control = SolveControl(
        on_progress=seen.append,
        should_stop=None if stop_when is None else lambda: stop_when(seen),
    )
    return solve(problem, SolverSettings(**settings), control), seen  # type: ignore[arg-type]


def assert_valid_roster(problem: PlanningProblem, result: PlanResult) -> None:
    """No hard rule broken, by the independent validator."""
    assert validate(problem, result.roster).violations == []


def after(count: int) -> Callable[[list[Progress]], bool]:
    """Stop once ``count`` reports have come."""
    return lambda seen: len(seen) >= count


def first_incumbent(seen: list[Progress]) -> bool:
    """Stop once phase 2 (or the weighted phase) has a roster."""
    return any(p.incumbent is not None and p.phase in ("quality", "weighted") for p in seen)


@pytest.mark.slow
def test_progress_comes_at_least_once_a_second() -> None:
    result, seen = watched(busy_month(), time_limit_phase1=3, time_limit_phase2=3)
    total = seen[-1].elapsed
    assert not result.report.cancelled
    assert len(seen) >= int(total)  # at least one report per second of the solve
    assert max(b.elapsed - a.elapsed for a, b in zip(seen, seen[1:], strict=False)) < 1.5
    assert [p.elapsed for p in seen] == sorted(p.elapsed for p in seen)
    assert all(0.0 <= p.fraction <= 1.0 and p.phase in PHASES for p in seen)
    order = list(dict.fromkeys(p.phase for p in seen))
    assert order == ["build", "coverage", "quality", "polish", "gaps"]
    quality = [p for p in seen if p.phase == "quality" and p.incumbent is not None]
    assert quality, "phase 2 reports its incumbent"
    assert quality[-1].bound is None or quality[-1].bound <= quality[-1].incumbent + 1e-6
    final = result.report.phase("quality").objective
    assert final is not None and final <= quality[-1].incumbent + 1e-6  # the polish may tighten


@pytest.mark.parametrize("stop_when", [after(6), first_incumbent], ids=["reports", "incumbent"])
def test_a_stopped_solve_returns_soon_with_a_valid_roster(
    stop_when: Callable[[list[Progress]], bool],
) -> None:
    problem = busy_month()
    result, seen = watched(problem, stop_when, time_limit_phase1=LONG, time_limit_phase2=LONG)
    report = result.report
    assert report.cancelled and report.to_dict()["cancelled"] is True
    assert report.status == "feasible"
    assert seen[-1].elapsed < LONG / 3  # the whole solve: far under its first phase's limit
    assert_valid_roster(problem, result)
    assert report.phase("coverage").status == "optimal"  # honest: it ran to its proof
    assert report.phase("quality").status in ("feasible", "none", "skipped")
    assert result.roster.assignments


@pytest.mark.slow
@pytest.mark.parametrize("solver", SOLVERS)
@pytest.mark.parametrize("lexicographic", [True, False], ids=["lexicographic", "weighted"])
def test_both_solvers_report_and_stop_in_every_path(solver: str, lexicographic: bool) -> None:
    problem = busy_month()
    result, seen = watched(
        problem,
        after(6),
        solver=solver,
        lexicographic=lexicographic,
        time_limit_phase1=LONG,
        time_limit_phase2=LONG,
    )
    assert result.report.cancelled and result.report.status in ("feasible", "none")
    assert seen[-1].elapsed < LONG  # HiGHS may finish a root LP first (docs/model.md)
    assert_valid_roster(problem, result)
    assert all(phase.status != "optimal" for phase in result.report.phases[-1:])


def test_a_solve_stopped_before_it_starts_returns_no_roster_but_the_locks() -> None:
    problem = quiet_month()
    result, seen = watched(problem, lambda seen: True, time_limit_phase1=LONG)
    assert result.report.cancelled and result.report.status == "none"
    assert result.roster.assignments == []
    assert seen[0].phase == "build" and seen[-1].elapsed < LONG


def test_watching_changes_nothing_when_the_time_limit_does_not_bind() -> None:
    problem = quiet_month()
    plain = solve(problem, SolverSettings())
    first, seen = watched(problem)
    second, _ = watched(problem)
    assert plain.report.status == first.report.status == "optimal"
    assert plain.roster.assignments == first.roster.assignments == second.roster.assignments
    assert not first.report.cancelled and seen


def test_the_watch_reports_at_most_twice_a_second_and_stays_stopped() -> None:
    seen: list[Progress] = []
    asks = iter([False, True, False])
    watch = Watch(SolveControl(seen.append, lambda: next(asks)), budget=10.0)
    watch.enter("weighted", offset=5.0)
    watch.note(incumbent=20.0, bound=float("-inf"))
    watch.note(incumbent=30.0, bound=12.0)
    assert watch.tick() is False  # within the interval: no report, no question
    assert watch.tick(force=True) is True
    assert watch.tick(force=True) is True  # once stopped, stopped
    assert len(seen) == 3
    assert (seen[-1].incumbent, seen[-1].bound) == (25.0, 17.0)  # best of each, with offset
    assert seen[-1].phase == "weighted" and 0.0 <= seen[-1].fraction <= 1.0


def test_a_control_without_hooks_does_nothing() -> None:
    control = SolveControl()
    control.report(Progress("build", 0.0, None, None, 0.0))
    assert control.stopped() is False
