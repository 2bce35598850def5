"""The weighted search's LP guide (optimizer/lns.py): relaxation-induced neighbourhoods."""

from __future__ import annotations

import numpy as np
import pytest
from optimizer_factories import curtois_folder

from models.curtois import load_instance, to_problem
from optimizer.build import build_model
from optimizer.lns import FixAndOptimise, objective_step
from roster.curtois_bench import bench_settings

BEST_KNOWN_2 = 828


@pytest.fixture(scope="module")
def solved_relaxation() -> tuple[FixAndOptimise, float]:
    """The search over Instance 2 after its LP relaxation, and the objective's constant."""
    ctx = build_model(to_problem(load_instance(curtois_folder(), 2)))
    objective = ctx.soft_expression()
    ctx.lp.setObjective(objective)
    ctx.adopt_tightening()
    settings = bench_settings("highs", 10.0, threads=1)
    found = FixAndOptimise(ctx, settings, objective, objective_step(objective) * 0.999)
    found.relax(10.0)
    return found, float(objective.constant)


@pytest.fixture
def search(solved_relaxation: tuple[FixAndOptimise, float]) -> FixAndOptimise:
    return solved_relaxation[0]


def test_the_relaxation_bounds_the_optimum_and_guides(
    solved_relaxation: tuple[FixAndOptimise, float],
) -> None:
    search, constant = solved_relaxation
    assert search.relaxed is not None and len(search.relaxed) == len(search.columns)
    assert 0.5 * BEST_KNOWN_2 < search.bound + constant <= BEST_KNOWN_2 + 1e-6


def test_a_guided_neighbourhood_frees_what_the_lp_leaves_open(search: FixAndOptimise) -> None:
    assert search.relaxed is not None
    rounded = np.round(search.relaxed)
    fractional = np.abs(search.relaxed - rounded) > 1e-6
    free = search.guided(rounded, 0, 7)
    if fractional.mean() <= 0.2:
        assert (free == fractional).all()
    else:
        assert (free <= fractional).all() and (search.days[free] < 7).all()


def test_a_guided_neighbourhood_is_windowed_when_the_incumbent_differs_everywhere(
    search: FixAndOptimise,
) -> None:
    assert search.relaxed is not None
    opposite = 1.0 - np.round(search.relaxed)
    free = search.guided(opposite, 3, 4)
    assert free.any()
    assert ((search.days[free] >= 3) & (search.days[free] < 7)).all()
    assert free.sum() == ((search.days >= 3) & (search.days < 7)).sum()


def test_a_fractional_point_is_never_taken_for_a_roster(search: FixAndOptimise) -> None:
    search.highs.setOptionValue("solve_relaxation", True)
    try:
        assert search.run(10.0, None) is None
    finally:
        search.highs.setOptionValue("solve_relaxation", False)
        search.highs.clearSolver()
    found = search.run(10.0, None)
    assert found is not None
    assignments = found[search.columns]
    assert np.allclose(assignments, np.round(assignments))
