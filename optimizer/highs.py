"""Every HiGHS run goes through ``run_highs``: on a thread of its own, watched by the caller.

HiGHS sizes its thread scheduler once per calling thread, by the first run's ``threads``
option. A later run on the same thread that asks for another count fails at once
("global scheduler has already been initialized"), leaving the model status and info
of the run before: a bound read from them is no proof. So each run starts on a fresh
thread, whose scheduler it sizes itself, while the calling thread waits in short
slices, reports progress and, when the caller stops the solve, asks the run to
interrupt (HiGHS's interrupt callbacks read the watch). A run that fails is reported
as having found nothing.
"""

from __future__ import annotations

import logging
import math
import threading
from typing import Any

import highspy
import numpy as np
import pulp

from optimizer.watch import INTERVAL, Watch

log = logging.getLogger(__name__)
Status = highspy.HighsModelStatus
HIGHS_INTERRUPT = getattr(Status, "kHighsInterrupt", Status.kInterrupt)  # not in the stubs
BOUNDED = {  # statuses after which a MIP's dual bound holds for the model that was run
    Status.kOptimal,
    Status.kTimeLimit,
    Status.kInterrupt,
    HIGHS_INTERRUPT,
    Status.kIterationLimit,
    Status.kSolutionLimit,
    Status.kObjectiveBound,
    Status.kObjectiveTarget,
    Status.kMemoryLimit,
}
UNKNOWN_TO_PULP = (HIGHS_INTERRUPT, Status.kSolutionLimit, Status.kMemoryLimit)


def run_highs(
    highs: highspy.Highs,
    watch: Watch | None = None,
    bound: bool = True,
    incumbent: bool = True,
) -> bool:
    """Run ``highs`` on its own thread, ticking ``watch``; False when HiGHS failed or was
    not started because the caller had stopped the solve.

    ``bound``/``incumbent`` False keep the run's dual bound or incumbents out of the
    watch (a neighbourhood's bound proves nothing for the whole model; a run on another
    objective has no incumbent of this phase).
    """
    watch = watch or Watch()
    if watch.cancelled:
        return False
    watch.attach(highs, bound, incumbent)
    outcome: dict[str, Any] = {}
    worker = threading.Thread(target=_run, args=(highs, outcome), daemon=True)
    worker.start()
    try:
        while worker.is_alive():
            worker.join(INTERVAL / 2)
            watch.tick()
    finally:
        if worker.is_alive():  # the caller's hook raised: stop HiGHS before leaving
            watch.cancelled = True
            worker.join()
        watch.detach(highs)
    if "error" in outcome:
        raise outcome["error"]
    if outcome.get("status") == highspy.HighsStatus.kError:
        log.warning("HiGHS failed to run (model status %s)", highs.getModelStatus())
        return False
    return True


def _run(highs: highspy.Highs, outcome: dict[str, Any]) -> None:
    """The worker thread: run, then free this thread's scheduler (as highspy's own does)."""
    try:
        outcome["status"] = highs.run()
    except BaseException as error:  # noqa: BLE001 - handed to the calling thread
        outcome["error"] = error
    finally:
        highspy.Highs.resetThreadScheduler(False)


def dual_bound(highs: highspy.Highs) -> float | None:
    """The last MIP run's dual bound (without the objective's constant), if it proves one."""
    if highs.getModelStatus() not in BOUNDED:
        return None
    value = float(highs.getInfo().mip_dual_bound)
    return value if math.isfinite(value) else None


def has_solution(highs: highspy.Highs) -> bool:
    """True when the last run left a feasible primal solution."""
    return bool(highs.getInfo().primal_solution_status == 2)


class WarmHiGHS(pulp.HiGHS):  # type: ignore[misc]
    """pulp.HiGHS that runs through ``run_highs`` (watched) and can start from the
    variables' current values (a MIP start).

    ``notes`` False: the model is not the phase's (a person's own schedule), so its
    incumbents and bounds stay out of the watch.
    """

    def __init__(
        self,
        warm_start: bool = False,
        watch: Watch | None = None,
        notes: bool = True,
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)
        self.warm_start, self.watch, self.notes = warm_start, watch, notes

    def callSolver(self, lp: pulp.LpProblem) -> None:  # noqa: N802 - PuLP's hook name
        if self.warm_start:
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
        if not run_highs(lp.solverModel, self.watch, self.notes, self.notes):
            lp.solverModel.clearSolver()  # nothing found: PuLP reads "not solved"

    def findSolutionValues(self, lp: pulp.LpProblem) -> tuple[int, int]:  # noqa: N802
        """PuLP's reading, except that a run without a solution never reads as one."""
        highs = lp.solverModel
        status = highs.getModelStatus()
        if status in (Status.kInfeasible, Status.kUnboundedOrInfeasible, Status.kUnbounded):
            return super().findSolutionValues(lp)  # type: ignore[no-any-return]
        if not has_solution(highs):
            return pulp.LpStatusNotSolved, pulp.LpSolutionNoSolutionFound
        if status in UNKNOWN_TO_PULP:  # PuLP 3.3 has no entry for these: an incumbent
            values = highs.getSolution().col_value
            for var in lp.variables():
                var.varValue = values[var.index]
            return pulp.LpStatusOptimal, pulp.LpSolutionIntegerFeasible
        return super().findSolutionValues(lp)  # type: ignore[no-any-return]
