"""Solver choice (one function) and an honest reading of what the solver proved.

PuLP 3.3 may label a time-limited solution "Optimal" in ``LpProblem.status``; the
solution status (``sol_status``) tells a proven optimum from a mere incumbent.
Best bounds come from the highspy model PuLP keeps (HiGHS) or CBC's log.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from time import perf_counter
from typing import Any

import pulp

from models.report import FEASIBLE, NONE, OPTIMAL
from optimizer.cbc import run_cbc
from optimizer.highs import WarmHiGHS, dual_bound
from optimizer.settings import SolverSettings
from optimizer.watch import Watch

CBC_THREADS = 1  # whatever the settings ask: CBC's parallel search can deadlock (make_solver)


@dataclass
class PhaseOutcome:
    """Status, objective (with constants), best bound and gap of one solver run.

    ``polished``: the run already re-solved the other columns with the assignments
    fixed (solve.polish), so its penalty columns are tight.
    """

    status: str
    objective: float | None
    best_bound: float | None
    mip_gap: float | None
    seconds: float
    polished: bool = False
    gap_abs: float | None = None  # the absolute gap the run was asked to reach, if any


def cbc_path() -> str:
    """The CBC binary: the one bundled with PuLP 3.3, else a ``cbc`` on the PATH."""
    bundled = getattr(pulp.PULP_CBC_CMD, "pulp_cbc_path", None)
    if bundled and os.access(bundled, os.X_OK):
        return str(bundled)
    found = shutil.which("cbc")
    if found is None:
        raise RuntimeError("CBC is not available: install it or use solver='highs'")
    return found


def make_solver(
    settings: SolverSettings,
    time_limit: float,
    gap_rel: float | None = None,
    gap_abs: float | None = None,
    warm_start: bool = False,
    log_path: str | None = None,
    watch: Watch | None = None,
) -> pulp.LpSolver:
    """The PuLP solver object for ``settings``: HiGHS through highspy, or CBC."""
    common: dict[str, Any] = {
        "msg": settings.msg,
        "timeLimit": time_limit,
        "gapRel": gap_rel,
        "gapAbs": gap_abs,
    }
    if settings.solver == "highs":
        solver = WarmHiGHS(warm_start=warm_start, watch=watch, threads=settings.threads, **common)
        if not solver.available():
            raise RuntimeError("HiGHS (highspy) is not available: install it or use solver='cbc'")
        return solver
    # CBC on one thread whatever ``settings.threads``: its parallel search can deadlock at
    # the start ("Thread 0 used 0 times, waiting to start 10.0") and then waits out the
    # whole time limit, even on a 4-variable knapsack (about 1 run in 10 with 2 threads).
    return pulp.COIN_CMD(
        path=cbc_path(), threads=CBC_THREADS, warmStart=warm_start, logPath=log_path, **common
    )


def read_status(sol_status: int) -> str:
    """optimal (proven within the gap asked), feasible (an unproven incumbent) or none."""
    if sol_status == pulp.LpSolutionOptimal:
        return OPTIMAL
    if sol_status == pulp.LpSolutionIntegerFeasible:
        return FEASIBLE
    return NONE


def run_phase(
    lp: pulp.LpProblem,
    settings: SolverSettings,
    time_limit: float,
    gap_rel: float | None,
    gap_abs: float | None = None,
    warm_start: bool = False,
    watch: Watch | None = None,
) -> PhaseOutcome:
    """Solve ``lp`` once and read status, objective, bound and gap honestly."""
    with tempfile.TemporaryDirectory(prefix="roster_cbc_") as folder:
        log_path = os.path.join(folder, "cbc.log") if settings.solver == "cbc" else None
        solver = make_solver(settings, time_limit, gap_rel, gap_abs, warm_start, log_path, watch)
        start = perf_counter()
        if watch is not None and watch.cancelled:
            return PhaseOutcome(NONE, None, None, None, 0.0)
        if log_path is not None and watch is not None:
            run_cbc(lp, solver, folder, log_path, watch)
        else:
            lp.solve(solver)
        seconds = perf_counter() - start
        status = read_status(lp.sol_status)
        if status == NONE:
            return PhaseOutcome(NONE, None, None, None, seconds)
        objective = float(pulp.value(lp.objective) or 0.0)
        if settings.solver == "highs":
            solver_objective, bound = highs_bound(lp)
        else:
            solver_objective, bound = cbc_bound(log_path)
    constant = float(lp.objective.constant) if lp.objective is not None else 0.0
    if solver_objective is not None and not math.isclose(
        solver_objective + constant, objective, rel_tol=1e-6, abs_tol=1e-6
    ):
        # The values read back are not the solution the solver scored: claim no proof.
        status, solver_objective = FEASIBLE, None
    if status == OPTIMAL and bound is None and solver_objective is not None:
        bound = solver_objective
    best = None if bound is None else min(bound + constant, objective)
    gap = relative_gap(objective, best)
    return PhaseOutcome(status, objective, best, gap, seconds, gap_abs=gap_abs)


def highs_bound(lp: pulp.LpProblem) -> tuple[float | None, float | None]:
    """HiGHS's own objective value and dual bound (None when it has none)."""
    objective = lp.solverModel.getInfo().objective_function_value
    return objective if math.isfinite(objective) else None, dual_bound(lp.solverModel)


def cbc_bound(log_path: str | None) -> tuple[float | None, float | None]:
    """CBC's objective and lower bound, read from its log (the bound only when printed)."""
    if log_path is None or not os.path.exists(log_path):
        return None, None
    with open(log_path, encoding="utf-8", errors="replace") as log:
        text = log.read()
    objective = re.search(r"^Objective value:\s+(\S+)", text, re.MULTILINE)
    bound = re.search(r"^Lower bound:\s+(\S+)", text, re.MULTILINE)
    return (
        float(objective.group(1)) if objective else None,
        float(bound.group(1)) if bound else None,
    )


def relative_gap(objective: float | None, bound: float | None) -> float | None:
    """|objective - bound| / |objective| (0 when both agree to 1e-6)."""
    if objective is None or bound is None:
        return None
    difference = abs(objective - bound)
    if difference <= 1e-6:
        return 0.0
    return difference / abs(objective) if objective else math.inf
