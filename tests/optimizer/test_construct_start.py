"""The constructive start (optimizer/construct.py) and its use by the weighted phase."""

from __future__ import annotations

from pathlib import Path

import pytest
from optimizer_factories import curtois_folder

import optimizer.plans as plans
import optimizer.search as search
from models import Assignment, PlanningProblem, Roster
from models.curtois import CURTOIS_START, evaluate, load_instance, roster_rows, to_problem
from models.validator import validate
from optimizer import solve
from optimizer.build import build_model
from optimizer.construct import construct
from roster.bench.curtois import bench_settings
from roster.demo import generate_network


def network_problem(code: str) -> PlanningProblem:
    """A demo shelter's December 2026."""
    network = generate_network()
    data = next(item for item in network.shelters if item.shelter.code == code)
    return data.problem(network.roles, 2026, 12)


@pytest.fixture(scope="module")
def folder() -> Path:
    return curtois_folder()


@pytest.mark.parametrize("number", [1, 3, 5])
def test_constructed_roster_breaks_no_hard_rule(folder: Path, number: int) -> None:
    instance = load_instance(folder, number)
    ctx = build_model(to_problem(instance))
    cells = construct(ctx, 10.0)
    rows = [(staff, (day - CURTOIS_START).days, shift) for staff, day, shift, _ in cells]
    judged = evaluate(instance, rows)
    assert judged.violations == []
    assert cells <= set(ctx.x)
    assert judged.breakdown["under"] < 100 * sum(cover.requirement for cover in instance.cover)


def test_every_searched_model_starts_from_the_constructed_roster(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[float] = []

    def counted(ctx: object, seconds: float) -> object:
        calls.append(seconds)
        return construct(ctx, seconds)  # type: ignore[arg-type]

    monkeypatch.setattr(plans, "SEARCH_FROM", 0)  # searched, but far below CONSTRUCT_FROM
    monkeypatch.setattr(search, "construct", counted)
    instance = load_instance(folder, 2)
    result = solve(to_problem(instance), bench_settings("highs", 10.0, threads=1))
    judged = evaluate(instance, roster_rows(result.roster))
    assert len(calls) == 1
    assert result.report.status in ("optimal", "feasible")
    assert judged.violations == []
    assert judged.objective == pytest.approx(result.report.objective)


@pytest.mark.slow
def test_a_shelter_month_built_person_by_person_keeps_every_hard_rule() -> None:
    """The person models come from the rule registry: rest, weekly rest, weekly hours and
    consecutive days hold too, which the benchmark's rules never exercise."""
    problem = network_problem("HRT-LIM-01")
    ctx = build_model(problem)
    cells = construct(ctx, 5.0)
    assignments = [Assignment(*cell) for cell in sorted(cells)]
    roster = Roster(problem.shelter.code, problem.year, problem.month, assignments)
    assert len(assignments) > 100
    assert validate(problem, roster).violations == []
