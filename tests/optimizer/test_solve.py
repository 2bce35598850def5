"""The solve itself: both solvers, the lexicographic order, honest statuses, the report, names."""

from __future__ import annotations

import json
import re

import pulp
import pytest
from optimizer_factories import SOLVERS, absence, feb, make_problem, need, person, solved

from models import RuleSet
from optimizer import SolverSettings
from optimizer.build import build_model
from optimizer.rules import HARD_RULES, SOFT_RULES
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
    assert codes == [f"H{k}" for k in range(1, 13)]
    assert [entry.code for entry in SOFT_RULES] == [f"S{k}" for k in range(1, 8)]
    for entry in HARD_RULES + SOFT_RULES:
        function = entry.add or entry.allows
        assert function is not None and function.__doc__ and "Source" in function.__doc__


def test_a_change_of_thread_count_between_solves_still_solves() -> None:
    problem = make_problem([person("a")], [need(feb(3), "M")])
    for threads in (2, 1, 2):
        result = solved(problem, threads=threads)
        assert result.report.status == "optimal" and result.roster.gaps == []
