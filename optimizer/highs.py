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
from time import perf_counter
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
LEAVE_AFTER = 1.0  # seconds a stopped run may take to notice before it is left running
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
    return HighsRun(highs, watch or Watch(), bound, incumbent).wait() == RAN


RAN, FAILED, LEFT = "ran", "failed", "left"


class HighsRun:
    """One HiGHS run on a worker thread while the calling thread reports progress.

    ``wait(leave_after)``: once the caller has stopped the solve, HiGHS is interrupted
    at its next callback; HiGHS calls none while it solves an LP inside its MIP (the
    root LP of a large model may take many seconds), so after ``leave_after`` seconds
    the run is left to end on its own and its last improving roster (``best``) stands.
    """

    def __init__(
        self, highs: highspy.Highs, watch: Watch, bound: bool, incumbent: bool, keep: bool = False
    ) -> None:
        self.highs, self.watch, self.keep = highs, watch, keep
        self.best: np.ndarray | None = None
        self.outcome: dict[str, Any] = {}
        self.worker = threading.Thread(target=self._run, daemon=True)
        if not watch.cancelled:
            watch.attach(highs, bound, incumbent)
            if keep:
                highs.cbMipImprovingSolution.subscribe(self._keep)
            self.worker.start()

    def _keep(self, event: Any) -> None:
        """Keep HiGHS's improving roster (original columns), for a run that is left."""
        self.best = np.array(event.data_out.mip_solution, dtype=np.float64)

    def _run(self) -> None:
        """The worker thread: run, detach, free this thread's scheduler (as highspy does)."""
        try:
            self.outcome["status"] = self.highs.run()
        except BaseException as error:  # noqa: BLE001 - handed to the calling thread
            self.outcome["error"] = error
        finally:
            self.watch.detach(self.highs)
            if self.keep:
                self.highs.cbMipImprovingSolution.unsubscribe(self._keep)
            highspy.Highs.resetThreadScheduler(False)

    def wait(self, leave_after: float | None = None) -> str:
        """ "ran", "failed" (HiGHS failed, or the solve was stopped before) or "left"."""
        if not self.worker.is_alive() and "status" not in self.outcome:
            return FAILED
        asked: float | None = None
        try:
            while self.worker.is_alive():
                self.worker.join(INTERVAL / 2)
                if self.watch.tick():
                    asked = asked or perf_counter()
                    if leave_after is not None and perf_counter() - asked > leave_after:
                        return LEFT
        finally:
            if self.worker.is_alive() and asked is None:  # the caller's hook raised
                self.watch.cancelled = True  # HiGHS stops at its next callback
                if leave_after is None:
                    self.worker.join()
        if "error" in self.outcome:
            raise self.outcome["error"]
        if self.outcome.get("status") == highspy.HighsStatus.kError:
            log.warning("HiGHS failed to run (model status %s)", self.highs.getModelStatus())
            return FAILED
        return RAN


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
        self.left: np.ndarray | None = None  # the last roster of a run left running

    def callSolver(self, lp: pulp.LpProblem) -> None:  # noqa: N802 - PuLP's hook name
        """Run the model PuLP built, from the current values when ``warm_start``."""
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
        run = HighsRun(lp.solverModel, self.watch or Watch(), self.notes, self.notes, keep=True)
        self.left = None
        outcome = run.wait(LEAVE_AFTER)
        if outcome == LEFT:  # PuLP reads a fresh model: the left run's last roster, if any
            lp.solverModel, self.left = highspy.Highs(), run.best
        elif outcome == FAILED:
            lp.solverModel.clearSolver()  # nothing found: PuLP reads "not solved"

    def findSolutionValues(self, lp: pulp.LpProblem) -> tuple[int, int]:  # noqa: N802
        """PuLP's reading, except that a run without a solution never reads as one."""
        highs = lp.solverModel
        if self.left is not None:
            return self.read_values(lp, self.left)
        status = highs.getModelStatus()
        if status in (Status.kInfeasible, Status.kUnboundedOrInfeasible, Status.kUnbounded):
            return super().findSolutionValues(lp)  # type: ignore[no-any-return]
        if not has_solution(highs):
            return pulp.LpStatusNotSolved, pulp.LpSolutionNoSolutionFound
        if status in UNKNOWN_TO_PULP:  # PuLP 3.3 has no entry for these: an incumbent
            return self.read_values(lp, highs.getSolution().col_value)
        return super().findSolutionValues(lp)  # type: ignore[no-any-return]

    @staticmethod
    def read_values(lp: pulp.LpProblem, values: Any) -> tuple[int, int]:
        """Set the variables to ``values`` (by column): an unproven incumbent."""
        for var in lp.variables():
            var.varValue = float(values[var.index])
        return pulp.LpStatusOptimal, pulp.LpSolutionIntegerFeasible
