"""The weighted search's LP guide (optimizer/lns.py): relaxation-induced neighbourhoods."""

from __future__ import annotations

import numpy as np
import pytest
from optimizer_factories import curtois_folder

from models.curtois import load_instance, to_problem
from optimizer.build import build_model
from optimizer.lns import FixAndOptimise, objective_step
from optimizer.neighbourhoods import (
    GROW_AFTER,
    MAX_SUB_SECONDS,
    START_DAYS,
    START_PEOPLE,
    SUB_SECONDS,
    NeighbourhoodSize,
)
from roster.bench.curtois import bench_settings

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


def test_neighbourhoods_grow_when_proved_without_improving() -> None:
    size = NeighbourhoodSize(horizon=28)
    for _ in range(GROW_AFTER - 1):
        size.after(improved=False, proved=True)
    assert (size.people, size.days) == (START_PEOPLE, START_DAYS)
    size.after(improved=False, proved=True)
    assert (size.people, size.days) == (START_PEOPLE + 1, START_DAYS + 2)


def test_an_improvement_keeps_the_size_and_restarts_the_count() -> None:
    size = NeighbourhoodSize(horizon=28)
    for _ in range(GROW_AFTER - 1):
        size.after(improved=False, proved=True)
    size.after(improved=True, proved=True)
    for _ in range(GROW_AFTER - 1):
        size.after(improved=False, proved=True)
    assert (size.people, size.days) == (START_PEOPLE, START_DAYS)


def test_neighbourhoods_shrink_when_out_of_time_but_never_below_the_start() -> None:
    size = NeighbourhoodSize(horizon=28)
    for _ in range(2 * GROW_AFTER):
        size.after(improved=False, proved=True)
    assert (size.people, size.days) == (START_PEOPLE + 2, START_DAYS + 4)
    size.after(improved=False, proved=False)
    assert (size.people, size.days) == (START_PEOPLE + 1, START_DAYS + 2)
    for _ in range(3):
        size.after(improved=False, proved=False)
    assert (size.people, size.days) == (START_PEOPLE, START_DAYS)


def test_the_window_never_outgrows_the_horizon() -> None:
    size = NeighbourhoodSize(horizon=START_DAYS + 1)
    for _ in range(3 * GROW_AFTER):
        size.after(improved=False, proved=True)
    assert size.days == START_DAYS + 1


def test_a_stalled_search_escalates_to_larger_and_longer_neighbourhoods() -> None:
    size = NeighbourhoodSize(horizon=28)
    size.escalate()
    assert (size.people, size.days) == (START_PEOPLE + 2, START_DAYS + 4)
    assert size.seconds == 2 * SUB_SECONDS
    size.after(improved=False, proved=False)  # out of time: no smaller than the new floor
    assert (size.people, size.days) == (START_PEOPLE + 2, START_DAYS + 4)
    for _ in range(10):
        size.escalate()
    assert size.days == 28 and size.seconds == MAX_SUB_SECONDS
    size.after(improved=True, proved=True)  # back to the start's time and floor
    assert size.seconds == SUB_SECONDS and size.floor() == (START_PEOPLE, START_DAYS)
    size.after(improved=False, proved=False)
    assert size.people == START_PEOPLE + 2 * 11 - 1


def test_a_shortfall_neighbourhood_frees_everyone_around_it_and_some_who_could_fill_it(
    search: FixAndOptimise,
) -> None:
    nobody = np.zeros(search.count)
    assert search.short_of(nobody) == []
    everyone = {person.id for person in search.ctx.staff}
    column, day, qualified = next(
        short for short in search.shortfalls if set(short[2]) < everyone and short[1] >= 3
    )
    nobody[column] = 1.0
    assert search.short_of(nobody) == [(day, qualified)]
    freed_ever: set[str] = set()
    for _ in range(20):
        free = search.around_shortfall(2, 5, search.short_of(nobody))
        window = (search.days >= day - 2) & (search.days < day + 3)
        assert (free[window]).all()  # everyone over five days centred on it
        months = set(search.people[free & ~window])
        assert 0 < len(months) <= 2 and months <= set(qualified)
        assert (free == window | np.isin(search.people, list(months))).all()  # whole months
        freed_ever |= months
    assert len(freed_ever) > 2  # drawn at random among the qualified


def test_guided_and_shortfall_neighbourhoods_are_drawn_only_where_they_apply(
    search: FixAndOptimise,
) -> None:
    nobody = np.zeros(search.count)
    assert search.kinds(nobody) == ["people", "days", "mixed", "guided"]
    nobody[next(index for index, _, people in search.shortfalls if people)] = 1.0
    assert search.kinds(nobody)[-1] == "shortfall"
    relaxed, search.relaxed = search.relaxed, None
    try:
        assert "guided" not in search.kinds(nobody)
    finally:
        search.relaxed = relaxed


def test_polish_makes_penalty_columns_tight_and_keeps_the_roster(search: FixAndOptimise) -> None:
    found = search.run(10.0, None)
    assert found is not None
    slack = found.copy()
    column = next(index for index, _, _ in search.shortfalls if found[index] < 0.5)
    slack[column] = 1.0  # a shortfall on a covered shift: allowed, but not the roster's own
    assert search.cost(slack) > search.cost(found)
    polished = search.polish(slack)
    assert polished is not None
    assert polished[column] < 0.5
    assert search.cost(polished) <= search.cost(found) + 1e-7
    assert np.array_equal(np.round(polished[search.columns]), np.round(found[search.columns]))
    lower = np.array(search.highs.getLp().col_lower_)
    assert (lower[search.columns] == search.lower).all()  # the assignments are free again
