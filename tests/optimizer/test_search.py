"""The search core (optimizer/search.py) and its neighbourhoods (optimizer/neighbourhoods.py)."""

from __future__ import annotations

import random
from time import perf_counter

import numpy as np
import pytest
from optimizer_factories import absence, curtois_folder, feb, make_problem, need, person

from models import PlanningProblem, Progress, SolveControl
from models.curtois import load_instance, to_problem
from models.validator import validate
from optimizer import SolverSettings, solve
from optimizer.build import build_model
from optimizer.neighbourhoods import (
    GROW_AFTER,
    HOT_DAYS,
    NEIGHBOURHOODS,
    NeighbourhoodSize,
    Size,
    guided,
    hotspot,
    shortfall,
)
from optimizer.payoff import Payoffs
from optimizer.plans import SHELTER, WEIGHTED
from optimizer.readout import extract_roster
from optimizer.search import Search
from optimizer.solve import QUALITY_CODES, objective_step, solve_coverage
from roster.bench.curtois import bench_settings

BEST_KNOWN_2 = 828
START = Size(3, 7)


def small_month() -> PlanningProblem:
    staff = [person("a"), person("b"), person("c"), person("p", "PSI", "CUI")]
    demand = [need(feb(day), shift) for day in range(1, 11) for shift in ("M", "N")]
    demand += [need(feb(day), "M", "PSI") for day in range(1, 6)]
    return make_problem(staff, demand, absences=[absence("b", feb(8), feb(12))])


def shelter_search(problem: PlanningProblem, settings: SolverSettings | None = None) -> Search:
    """The shelter plan's search after phase 1, on phase 2's objective."""
    settings = settings or SolverSettings()
    ctx = build_model(problem)
    solve_coverage(ctx, settings)
    objective = ctx.soft_expression(QUALITY_CODES)
    ctx.lp.setObjective(objective)
    return Search(ctx, settings, objective, SHELTER)


def full(search: Search, assignments: np.ndarray) -> np.ndarray:
    """Every column's value: ``assignments`` on the assignment columns, 0 elsewhere."""
    values = np.zeros(search.count)
    values[search.columns] = assignments
    return values


def phase_one_roster(search: Search) -> np.ndarray:
    start = search.start(1.0)
    assert start is not None
    return start


@pytest.fixture(scope="module")
def weighted() -> tuple[Search, float]:
    """The weighted search over Curtois Instance 2 after its LP relaxation, and the constant."""
    ctx = build_model(to_problem(load_instance(curtois_folder(), 2)))
    objective = ctx.soft_expression()
    ctx.lp.setObjective(objective)
    ctx.adopt_tightening()
    settings = bench_settings("highs", 10.0, threads=1)
    search = Search(ctx, settings, objective, WEIGHTED, objective_step(objective) * 0.999)
    search.relax(10.0)
    return search, float(objective.constant)


def test_the_search_only_improves_and_stays_legal() -> None:
    problem = small_month()
    search = shelter_search(problem)
    start = phase_one_roster(search)
    best = search.improve(start, perf_counter() + 0.5)
    assert search.cost(best) <= search.cost(start)
    outcome = search.finish(best, False, perf_counter())
    assert outcome.status in ("feasible", "optimal")
    assert validate(problem, extract_roster(search.ctx, solved=True)).violations == []


def test_a_hotspot_frees_the_days_around_a_penalty_and_the_people_concerned() -> None:
    search = shelter_search(small_month())
    ctx, area = search.ctx, search.area
    spot = next(spot for spot in area.hotspots if spot[2] is not None)
    values = np.zeros(search.count)
    assert hotspot(area, values, Size(4, 6), random.Random(0)) is None  # nothing penalised
    values[spot[0]] = 1.0
    free = hotspot(area, values, Size(4, 6), random.Random(0))
    assert free is not None
    freed = [cell for cell, chosen in zip(search.cells, free, strict=True) if chosen]
    day = ctx.timeline.days[spot[1]]
    assert freed and any(cell[0] == spot[2] for cell in freed)
    assert all(abs((cell[1] - day).days) <= HOT_DAYS for cell in freed)
    roles = {role for p in ctx.staff if p.id == spot[2] for role in p.roles}
    assert {cell[0] for cell in freed} <= {p.id for p in ctx.staff if set(p.roles) & roles}


def test_shortfalls_below_desired_and_patterns_are_hotspots() -> None:
    demand = [need(feb(day), "M") for day in range(1, 6)] + [need(feb(6), "M", desired=2)]
    ctx = build_model(make_problem([person("a"), person("b")], demand))
    by_role = [(spot.day, spot.role) for spot in ctx.hotspots if spot.staff_id is None]
    assert by_role == [(feb(6), "CUI")]
    assert {spot.staff_id for spot in ctx.hotspots if spot.staff_id} == {"a", "b"}


def test_the_search_draws_the_neighbourhoods_that_pay_more_often() -> None:
    search = shelter_search(small_month())
    start = phase_one_roster(search)
    search.payoffs.wins["days"], search.payoffs.seconds["people"] = 20, 10.0
    draws = [search.draw(start, Size(4, 6)) for _ in range(200)]
    drawn = [draw[0] for draw in draws if draw is not None]
    assert max(set(drawn), key=drawn.count) == "days"  # when its window holds demand
    assert drawn.count("people") < drawn.count("both")


@pytest.mark.parametrize("kind", sorted(NEIGHBOURHOODS))
def test_every_neighbourhood_frees_assignments_or_says_it_does_not_apply(kind: str) -> None:
    search = shelter_search(small_month())
    start = phase_one_roster(search)
    values = np.round(start)
    for seed in range(5):
        free = NEIGHBOURHOODS[kind](search.area, values, Size(2, 4), random.Random(seed))
        assert free is None or (free.dtype == bool and free.shape == search.columns.shape)


def test_fairness_frees_the_most_and_least_loaded_of_a_role() -> None:
    search = shelter_search(small_month())
    start = phase_one_roster(search)
    values = np.round(start)
    area = search.area
    worked = values[search.columns] > 0.5
    freed = set()
    for seed in range(10):
        free = NEIGHBOURHOODS["fairness"](area, values, Size(2, 4), random.Random(seed))
        assert free is not None
        freed |= set(area.people[free])
    nights = {p: int((worked & area.nights & (area.people == p)).sum()) for p in "abc"}
    assert max(nights, key=nights.__getitem__) in freed or min(nights.values()) == max(
        nights.values()
    )


def test_a_weekend_neighbourhood_frees_only_saturdays_and_sundays() -> None:
    search = shelter_search(small_month())
    nothing = np.zeros(search.count)
    free = NEIGHBOURHOODS["weekend"](search.area, nothing, Size(2, 4), random.Random(1))
    assert free is not None and free.any()
    assert all(search.cells[index][1].weekday() >= 5 for index in np.flatnonzero(free))


@pytest.mark.slow
def test_the_same_seed_gives_the_same_roster_when_iterations_end_the_search() -> None:
    problem = small_month()
    settings = SolverSettings(
        threads=1, time_limit_phase1=60, time_limit_phase2=60, search_iterations=10, seed=7
    )
    first, second = solve(problem, settings), solve(problem, settings)
    assert first.roster.assignments == second.roster.assignments
    assert first.report.phase("quality").objective == second.report.phase("quality").objective
    assert validate(problem, first.roster).violations == []


@pytest.mark.slow
def test_a_search_reports_each_second_and_stops_within_a_second_with_its_best() -> None:
    """The shelter plan on a month it cannot prove soon (nine people, four weeks)."""
    staff = [person(f"c{index}") for index in range(9)]
    days, shifts = range(1, 29), ("M", "T", "N")
    demand = [need(feb(d), s, minimum=2, desired=3) for d in days for s in shifts]
    problem = make_problem(staff, demand)
    seen: list[Progress] = []
    asked: list[float] = []

    def stop() -> bool:
        searching = [p for p in seen if p.phase == "quality" and p.incumbent is not None]
        if searching and searching[-1].elapsed > 2.0 and not asked:
            asked.append(searching[-1].elapsed)
        return bool(asked)

    control = SolveControl(on_progress=seen.append, should_stop=stop)
    settings = SolverSettings(threads=1, time_limit_phase1=30, time_limit_phase2=30)
    result = solve(problem, settings, control)
    assert result.report.cancelled and result.roster.assignments
    assert seen[-1].elapsed - asked[0] < 1.5
    gaps = [b.elapsed - a.elapsed for a, b in zip(seen, seen[1:], strict=False)]
    assert max(gaps) < 1.5
    assert validate(problem, result.roster).violations == []


@pytest.mark.slow
def test_the_relaxation_bounds_the_optimum_and_guides(weighted: tuple[Search, float]) -> None:
    search, constant = weighted
    assert search.area.relaxed is not None
    assert len(search.area.relaxed) == len(search.columns)
    assert 0.5 * BEST_KNOWN_2 < search.bound + constant <= BEST_KNOWN_2 + 1e-6


@pytest.mark.slow
def test_a_guided_neighbourhood_frees_what_the_lp_leaves_open(
    weighted: tuple[Search, float],
) -> None:
    search, _ = weighted
    area = search.area
    assert area.relaxed is not None
    rounded = np.round(area.relaxed)
    fractional = np.abs(area.relaxed - rounded) > 1e-6
    free = guided(area, full(search, rounded), Size(3, 4), random.Random(0))
    assert free is not None
    if fractional.mean() <= 0.2:
        assert (free == fractional).all()
    else:
        assert (free <= fractional).all()


@pytest.mark.slow
def test_a_guided_neighbourhood_is_windowed_when_the_incumbent_differs_everywhere(
    weighted: tuple[Search, float],
) -> None:
    search, _ = weighted
    area = search.area
    assert area.relaxed is not None
    opposite = full(search, 1.0 - np.round(area.relaxed))
    free = guided(area, opposite, Size(3, 2), random.Random(0))
    assert free is not None and free.any()
    first = int(area.days[free].min())
    assert (area.days[free] < first + 4).all()


@pytest.mark.slow
def test_a_fractional_point_is_never_taken_for_a_roster(weighted: tuple[Search, float]) -> None:
    search, _ = weighted
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


@pytest.mark.slow
def test_a_shortfall_neighbourhood_frees_everyone_around_it_and_some_who_could_fill_it(
    weighted: tuple[Search, float],
) -> None:
    search, _ = weighted
    area = search.area
    nobody = np.zeros(search.count)
    assert shortfall(area, nobody, Size(2, 5), random.Random(0)) is None
    everyone = set(area.staff)
    column, day, qualified = next(
        short for short in area.shortfalls if set(short[2]) < everyone and short[1] >= 3
    )
    nobody[column] = 1.0
    freed_ever: set[str] = set()
    rng = random.Random(0)
    for _ in range(20):
        free = shortfall(area, nobody, Size(2, 5), rng)
        assert free is not None
        window = (area.days >= day - 2) & (area.days < day + 3)
        assert free[window].all()  # everyone over five days centred on it
        months = set(area.people[free & ~window])
        assert 0 < len(months) <= 2 and months <= set(qualified)
        assert (free == window | np.isin(area.people, list(months))).all()  # whole months
        freed_ever |= months
    assert len(freed_ever) > 2  # drawn at random among the qualified


@pytest.mark.slow
def test_polish_makes_penalty_columns_tight_and_keeps_the_roster(
    weighted: tuple[Search, float],
) -> None:
    search, _ = weighted
    found = search.run(10.0, None)
    assert found is not None
    slack = found.copy()
    column = next(index for index, _, _ in search.area.shortfalls if found[index] < 0.5)
    slack[column] = 1.0  # a shortfall on a covered shift: allowed, but not the roster's own
    assert search.cost(slack) > search.cost(found)
    polished = search.polish(slack)
    assert polished is not None
    assert polished[column] < 0.5
    assert search.cost(polished) <= search.cost(found) + 1e-7
    assert np.array_equal(np.round(polished[search.columns]), np.round(found[search.columns]))
    lower = np.array(search.highs.getLp().col_lower_)
    assert (lower[search.columns] == search.lower).all()  # the assignments are free again


def test_neighbourhoods_grow_when_proved_without_improving() -> None:
    size = NeighbourhoodSize(28, START, 3.0, 24.0)
    for _ in range(GROW_AFTER - 1):
        size.after(improved=False, proved=True)
    assert size.size == START
    size.after(improved=False, proved=True)
    assert size.size == Size(START.people + 1, START.days + 2)


def test_an_improvement_keeps_the_size_and_restarts_the_count() -> None:
    size = NeighbourhoodSize(28, START, 3.0, 24.0)
    for _ in range(GROW_AFTER - 1):
        size.after(improved=False, proved=True)
    size.after(improved=True, proved=True)
    for _ in range(GROW_AFTER - 1):
        size.after(improved=False, proved=True)
    assert size.size == START


def test_neighbourhoods_shrink_when_out_of_time_but_never_below_the_start() -> None:
    size = NeighbourhoodSize(28, START, 3.0, 24.0)
    for _ in range(2 * GROW_AFTER):
        size.after(improved=False, proved=True)
    assert size.size == Size(START.people + 2, START.days + 4)
    size.after(improved=False, proved=False)
    assert size.size == Size(START.people + 1, START.days + 2)
    for _ in range(3):
        size.after(improved=False, proved=False)
    assert size.size == START


def test_the_window_never_outgrows_the_horizon() -> None:
    size = NeighbourhoodSize(START.days + 1, START, 3.0, 24.0)
    for _ in range(3 * GROW_AFTER):
        size.after(improved=False, proved=True)
    assert size.days == START.days + 1


def test_a_stalled_search_escalates_to_larger_and_longer_neighbourhoods() -> None:
    size = NeighbourhoodSize(28, START, 3.0, 24.0)
    size.escalate()
    assert size.size == Size(START.people + 2, START.days + 4) and size.seconds == 6.0
    size.after(improved=False, proved=False)  # out of time: no smaller than the new floor
    assert size.size == Size(START.people + 2, START.days + 4)
    for _ in range(10):
        size.escalate()
    assert size.days == 28 and size.seconds == 24.0
    size.after(improved=True, proved=True)  # back to the start's time and floor
    assert size.seconds == 3.0 and size.floor() == (START.people, START.days)
    size.after(improved=False, proved=False)
    assert size.people == START.people + 2 * 11 - 1


def test_a_fixed_size_never_changes() -> None:
    size = NeighbourhoodSize(28, Size(4, 6), 0.4, 0.4, adaptive=False)
    for improved, proved in [(False, True)] * 5 + [(False, False), (True, True)]:
        size.after(improved, proved)
    size.escalate()
    assert size.size == Size(4, 6) and size.seconds == 0.4


def test_an_exploring_draw_gives_every_kind_its_turns_whatever_it_paid() -> None:
    kinds = ("people", "shortfall")
    paid = Payoffs(kinds, 3.0)
    paid.record("people", 1.0, True)
    paid.record("shortfall", 60.0, False)
    even = Payoffs(kinds, 3.0, explore=1.0)
    even.wins, even.seconds = dict(paid.wins), dict(paid.seconds)
    rng = random.Random(0)
    by_payoff = [paid.draw(rng, kinds) for _ in range(400)]
    evenly = [even.draw(rng, kinds) for _ in range(400)]
    assert by_payoff.count("shortfall") < 20
    assert 150 < evenly.count("shortfall") < 250
