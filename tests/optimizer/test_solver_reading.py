"""Reading what the solver proved: objective constants and values that disagree with it."""

from __future__ import annotations

import pulp
import pytest

from models.report import FEASIBLE, OPTIMAL
from optimizer import SolverSettings, solvers


def _knapsack() -> pulp.LpProblem:
    lp = pulp.LpProblem("knapsack", pulp.LpMinimize)
    x = [lp.add_variable(f"x{i}", cat=pulp.LpBinary) for i in range(4)]
    lp.setObjective(100 + pulp.lpSum([-5 * x[0], -4 * x[1], -3 * x[2], -2 * x[3]]))
    lp += pulp.lpSum([3 * x[0], 2 * x[1], 2 * x[2], 1 * x[3]]) <= 4
    return lp


@pytest.mark.parametrize("solver", ["highs", "cbc"])
def test_the_bound_carries_the_objective_constant(solver: str) -> None:
    outcome = solvers.run_phase(_knapsack(), SolverSettings(solver=solver), 10.0, 0.0)
    assert outcome.status == OPTIMAL
    assert outcome.objective == pytest.approx(100 - 7)  # x1 + x2, or x0 + x3
    assert outcome.best_bound == pytest.approx(93)
    assert outcome.mip_gap == 0.0


def test_values_the_solver_did_not_score_prove_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(solvers, "highs_bound", lambda lp: (-1.0, -7.0))  # not what the values say
    outcome = solvers.run_phase(_knapsack(), SolverSettings(solver="highs"), 10.0, 0.0)
    assert outcome.status == FEASIBLE
    assert outcome.best_bound == pytest.approx(93)
