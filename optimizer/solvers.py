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

import pulp

from optimizer.report import FEASIBLE, NONE, OPTIMAL
from optimizer.settings import SolverSettings

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


_SCHEDULER_THREADS: dict[str, int] = {}  # the thread count HiGHS's global scheduler runs with


class WarmHiGHS(pulp.HiGHS):  # type: ignore[misc]
    """pulp.HiGHS that can start from the variables' current values (a MIP start).

    HiGHS keeps one global thread scheduler per process: a later solve asking for
    another thread count fails ("global scheduler has already been initialized"), so
    the scheduler is reset whenever the count changes.
    """

    def __init__(self, warm_start: bool = False, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.warm_start = warm_start

    def createAndConfigureSolver(self, lp: pulp.LpProblem) -> None:  # noqa: N802 - PuLP's hook
        import highspy

        previous = _SCHEDULER_THREADS.get("threads")
        if self.threads is not None and previous is not None and previous != self.threads:
            highspy.Highs.resetGlobalScheduler(True)
        super().createAndConfigureSolver(lp)
        if self.threads is not None:
            _SCHEDULER_THREADS["threads"] = self.threads

    def callSolver(self, lp: pulp.LpProblem) -> None:  # noqa: N802 - PuLP's hook name
        if self.warm_start:
            import numpy as np

            variables = [var for var in lp.variables() if var.varValue is not None]
            indices = np.array([var.index for var in variables], dtype=np.int32)
            values = np.array(
                [
                    round(var.varValue) if var.cat == pulp.LpInteger else var.varValue
                    for var in variables
                ],
                dtype=np.float64,
            )
            lp.solverModel.setSolution(len(variables), indices, values)
        lp.solverModel.run()


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
) -> pulp.LpSolver:
    """The PuLP solver object for ``settings``: HiGHS through highspy, or CBC."""
    common = {"msg": settings.msg, "timeLimit": time_limit, "gapRel": gap_rel, "gapAbs": gap_abs}
    if settings.solver == "highs":
        solver = WarmHiGHS(warm_start=warm_start, threads=settings.threads, **common)
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
) -> PhaseOutcome:
    """Solve ``lp`` once and read status, objective, bound and gap honestly."""
    with tempfile.TemporaryDirectory(prefix="roster_cbc_") as folder:
        log_path = os.path.join(folder, "cbc.log") if settings.solver == "cbc" else None
        solver = make_solver(settings, time_limit, gap_rel, gap_abs, warm_start, log_path)
        start = perf_counter()
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
    return PhaseOutcome(status, objective, best, relative_gap(objective, best), seconds)


def highs_bound(lp: pulp.LpProblem) -> tuple[float | None, float | None]:
    """HiGHS's own objective value and dual bound (None when it has none)."""
    info = lp.solverModel.getInfo()
    objective, bound = info.objective_function_value, info.mip_dual_bound
    return (
        objective if math.isfinite(objective) else None,
        bound if math.isfinite(bound) else None,
    )


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
