"""The solve itself: both solvers, the lexicographic order, honest statuses, the report, names."""

from __future__ import annotations

import json
import math
import re
from time import perf_counter

import numpy as np
import pulp
import pytest
from optimizer_factories import SOLVERS, absence, feb, make_problem, need, person, solved

from models import RuleSet
from models.validator import validate
from optimizer import SolverSettings
from optimizer.build import build_model
from optimizer.rules import HARD_RULES, SOFT_RULES
from optimizer.search import HOT_DAYS, HighsSearch, finish
from optimizer.solve import QUALITY_CODES, extract_roster, solve_coverage
from optimizer.solvers import make_solver, read_status, relative_gap


def small_month():  # noqa: ANN201
    staff = [person("a"), person("b"), person("c"), person("p", "PSI", "CUI")]
    demand = [need(feb(day), shift) for day in range(1, 11) for shift in ("M", "N")]
    demand += [need(feb(day), "M", "PSI") for day in range(1, 6)]
    return make_problem(staff, demand, absences=[absence("b", feb(8), feb(12))])


@pytest.mark.parametrize("solver", SOLVERS)
def test_both_solvers_prove_the_same_coverage(solver: str) -> None:
    result = solved(small_month(), solver, time_limit_phase2=2)
    coverage = result.report.phase("coverage")
    assert result.report.solver == solver
    assert coverage.status == "optimal" and coverage.objective == pytest.approx(0.0)
    assert coverage.best_bound == pytest.approx(coverage.objective)
    assert result.report.status in ("optimal", "feasible")


@pytest.mark.parametrize("solver", SOLVERS)
def test_phase_two_never_worsens_the_gap(solver: str) -> None:
    staff = [person("a"), person("b")]
    demand = [need(feb(day), "M", minimum=2) for day in range(1, 11)]
    problem = make_problem(staff, demand + [need(feb(day), "N") for day in range(1, 11)])
    result = solved(problem, solver, time_limit_phase2=3)
    coverage = result.report.phase("coverage")
    assert coverage.objective > 0
    assert result.report.penalties["S1"] == pytest.approx(coverage.objective)
    assert result.report.phase("quality").objective == pytest.approx(
        sum(value for code, value in result.report.penalties.items() if code != "S1")
    )


def test_status_reads_the_solution_status_not_the_label() -> None:
    assert read_status(pulp.LpSolutionOptimal) == "optimal"
    assert read_status(pulp.LpSolutionIntegerFeasible) == "feasible"  # PuLP's status says Optimal
    assert read_status(pulp.LpSolutionNoSolutionFound) == "none"
    assert read_status(pulp.LpSolutionInfeasible) == "none"


def test_relative_gap() -> None:
    assert relative_gap(100.0, 99.0) == pytest.approx(0.01)
    assert relative_gap(0.0, 0.0) == 0.0
    assert relative_gap(5.0, None) is None


def test_make_solver_chooses_the_solver() -> None:
    assert isinstance(make_solver(SolverSettings(solver="highs"), 5), pulp.HiGHS)
    cbc = make_solver(SolverSettings(solver="cbc", threads=2), 5, gap_rel=0.01)
    assert isinstance(cbc, pulp.COIN_CMD) and cbc.available()
    assert cbc.optionsDict["threads"] == 1  # CBC's parallel search can deadlock at the start


def test_unknown_solver_is_refused() -> None:
    with pytest.raises(ValueError, match="gurobi"):
        SolverSettings(solver="gurobi")


def test_report_is_json_ready() -> None:
    result = solved(small_month(), time_limit_phase2=2)
    data = json.loads(json.dumps(result.report.to_dict()))
    assert [phase["name"] for phase in data["phases"]] == ["coverage", "quality"]
    assert data["variables"] > 0 and data["constraints"] > 0
    assert data["build_seconds"] >= 0 and data["solve_seconds"] > 0
    assert set(data["penalties"]) == {f"S{k}" for k in range(1, 8)}


def test_no_minimum_coverage_skips_phase_one() -> None:
    rules = RuleSet().with_changes(coverage_minimum={"enabled": False, "hard": False})
    problem = make_problem([person("a")], [need(feb(3), "M", minimum=1, desired=2)], rules=rules)
    result = solved(problem)
    assert result.report.phase("coverage").status == "skipped"
    assert result.report.penalties["S1"] == 0 and len(result.roster.assignments) == 1


def test_names_are_pulp_safe_and_mapped_to_rules() -> None:
    ctx = build_model(small_month())
    names = [constraint.name for constraint in ctx.lp.constraints()]
    assert names and all(re.fullmatch(r"[A-Za-z0-9_]+", name) for name in names)
    assert set(names) <= set(ctx.constraint_info)
    assert {info.rule for info in ctx.constraint_info.values()} >= {"H2", "H3", "H5", "S1"}
    assert all(re.fullmatch(r"[A-Za-z0-9_]+", var.name) for var in ctx.lp.variables())


def test_variables_only_where_a_person_may_work() -> None:
    ctx = build_model(small_month())
    assert not any(staff == "b" and feb(8) <= day <= feb(12) for staff, day, _, _ in ctx.x)
    assert not any(role == "PSI" and staff != "p" for staff, _, _, role in ctx.x)


def test_registries_follow_design_codes() -> None:
    codes = sorted((entry.code for entry in HARD_RULES), key=lambda code: int(code[1:]))
    assert codes == [f"H{k}" for k in range(1, 12)]
    assert [entry.code for entry in SOFT_RULES] == [f"S{k}" for k in range(1, 8)]
    for entry in HARD_RULES + SOFT_RULES:
        function = entry.add or entry.allows
        assert function is not None and function.__doc__ and "Source" in function.__doc__


def test_a_change_of_thread_count_between_solves_still_solves() -> None:
    problem = make_problem([person("a")], [need(feb(3), "M")])
    for threads in (2, 1, 2):
        result = solved(problem, threads=threads)
        assert result.report.status == "optimal" and result.roster.gaps == []


def test_the_neighbourhood_search_only_improves_and_stays_legal() -> None:
    problem = small_month()
    ctx = build_model(problem)
    coverage, _ = solve_coverage(ctx, SolverSettings())
    objective = ctx.soft_expression(QUALITY_CODES)
    ctx.lp.setObjective(objective)
    search = HighsSearch(ctx, SolverSettings(), objective)
    start = search.offer(None, np.array([var.varValue for var in search.variables]))
    assert start is not None
    best = search.improve(start, perf_counter() + 0.5)
    assert best.cost <= start.cost
    outcome = finish(ctx, search, best, perf_counter(), -math.inf)
    assert outcome.status == "feasible" and outcome.best_bound is None
    roster = extract_roster(ctx, solved=True)
    assert validate(problem, roster).violations == []


def test_a_hotspot_frees_the_days_around_a_penalty_and_the_people_concerned() -> None:
    problem = small_month()
    ctx = build_model(problem)
    solve_coverage(ctx, SolverSettings())
    objective = ctx.soft_expression(QUALITY_CODES)
    search = HighsSearch(ctx, SolverSettings(), objective)
    spot = next(spot for spot in ctx.hotspots if spot.staff_id is not None)
    free = search.around(spot)
    freed = [cell for cell, chosen in zip(search.cells, free, strict=True) if chosen]
    assert freed and any(cell[0] == spot.staff_id for cell in freed)
    assert all(abs((cell[1] - spot.day).days) <= HOT_DAYS for cell in freed)
    roles = {role for p in ctx.staff if p.id == spot.staff_id for role in p.roles}
    mates = {p.id for p in ctx.staff if set(p.roles) & roles}
    assert {cell[0] for cell in freed} <= mates


def test_shortfalls_below_desired_and_patterns_are_hotspots() -> None:
    demand = [need(feb(day), "M") for day in range(1, 6)] + [need(feb(6), "M", desired=2)]
    ctx = build_model(make_problem([person("a"), person("b")], demand))
    by_role = [(spot.day, spot.role) for spot in ctx.hotspots if spot.staff_id is None]
    assert by_role == [(feb(6), "CUI")]
    assert {spot.staff_id for spot in ctx.hotspots if spot.staff_id} == {"a", "b"}


def test_the_search_draws_the_neighbourhoods_that_pay_more_often() -> None:
    ctx = build_model(small_month())
    solve_coverage(ctx, SolverSettings())
    search = HighsSearch(ctx, SolverSettings(), ctx.soft_expression(QUALITY_CODES))
    start = search.offer(None, np.array([var.varValue for var in search.variables]))
    assert start is not None
    search.payoffs.wins["days"], search.payoffs.seconds["people"] = 20, 10.0
    drawn = [search.neighbourhood(start)[0] for _ in range(200)]
    assert drawn.count("days") > 100 and drawn.count("people") < drawn.count("mixed")
