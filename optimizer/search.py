"""The search core: one HiGHS model, runs from a start, neighbourhoods around the best, one polish.

Once PuLP has built the model, the search loads it into highspy once and works on it
directly. It runs the whole model from a start (a probe first, the remaining time at
the end), and in between fixes every assignment column outside a neighbourhood at the
best roster and re-solves the rest (optimizer/neighbourhoods.py: the kinds a plan names,
drawn by payoff, optimizer/payoff.py), keeping improvements. The best roster is
polished once: its assignments fixed, every other column re-solved, so each penalty
column is tight and the per-rule totals are exact. The phase's incumbent and bound go
to the watch (the caller's SolveControl hears them at least once a second); a stop
ends the running HiGHS run at its next callback, and the search returns its best roster.

A ``SearchPlan`` (optimizer/plans.py) says how the time is spent and which
neighbourhoods are drawn: the shelters' phase 2 and the benchmark's weighted phase are
its two configurations. With
``SolverSettings.search_iterations`` the search stops after that many neighbourhoods
and every HiGHS run after a number of nodes instead of seconds: the same seed then
gives the same roster.
"""

from __future__ import annotations

import math
import random
from time import perf_counter
from typing import Any

import highspy
import numpy as np
import pulp

from models.report import FEASIBLE, NONE, OPTIMAL
from optimizer.construct import construct
from optimizer.highs import LEAVE_AFTER, LEFT, RAN, HighsRun, dual_bound, has_solution, run_highs
from optimizer.model import Cell, ModelContext
from optimizer.neighbourhoods import NEIGHBOURHOODS, NeighbourhoodSize, Size, area_of
from optimizer.payoff import Payoffs
from optimizer.plans import SearchPlan
from optimizer.settings import SolverSettings
from optimizer.solvers import PhaseOutcome, make_solver, relative_gap

SHAPE_GAP = 0.005  # the shape is a start: proving it to the last unit is not needed
COMPLETE_SECONDS = 30.0  # at least this long for HiGHS to complete a constructed roster
POLISH_SECONDS = 30.0  # at most, to re-solve the other columns with the best roster fixed
WHOLE_NODES, SUB_NODES = 200, 50  # node limits of the runs when the search counts iterations


class Search:
    """The highspy model of ``ctx.lp`` under ``objective``, and a search around its best roster."""

    def __init__(
        self,
        ctx: ModelContext,
        settings: SolverSettings,
        objective: Any,
        plan: SearchPlan,
        gap_abs: float | None = None,
    ) -> None:
        self.ctx, self.settings, self.objective, self.plan = ctx, settings, objective, plan
        self.gap_abs = gap_abs
        solver = make_solver(settings, 1.0, settings.mip_gap, gap_abs)
        solver.createAndConfigureSolver(ctx.lp)
        solver.buildSolverModel(ctx.lp)
        self.highs = ctx.lp.solverModel
        self.highs.setOptionValue("mip_abs_gap", gap_abs if gap_abs is not None else 1e-6)
        self.highs.setOptionValue("random_seed", settings.seed)
        self.variables = ctx.lp.variables()
        self.count = len(self.variables)
        self.every = np.arange(self.count, dtype=np.int32)
        self.costs = self.cost_vector(objective)
        self.cells: list[Cell] = list(ctx.x)
        self.columns = np.array([var.index for var in ctx.x.values()], dtype=np.int32)
        self.lower = np.array([var.lowBound or 0.0 for var in ctx.x.values()])
        self.upper = np.array([1.0 if v.upBound is None else v.upBound for v in ctx.x.values()])
        self.area = area_of(ctx, self.cells)
        self.random = random.Random(settings.seed)
        self.counting = settings.search_iterations is not None  # iterations, not seconds
        self.payoffs = Payoffs(plan.kinds, 1.0 if self.counting else plan.sub_seconds, plan.explore)
        self.bound = -math.inf  # the best bound without the objective's constant
        self.fallback: np.ndarray | None = None  # a constructed roster HiGHS did not complete
        self.ran = False  # whether the last run ran: a failed one leaves stale statuses
        self.left = False  # a stopped run still holds the model: nothing may touch it again
        self.deadline = perf_counter() + settings.time_limit_phase1 + settings.time_limit_phase2

    def cost_vector(self, expression: Any) -> np.ndarray:
        """The column costs of ``expression``."""
        costs = np.zeros(self.count)
        for var, coefficient in expression.items():
            costs[var.index] = coefficient
        return costs

    def cost(self, values: np.ndarray | None) -> float:
        """The objective of ``values`` without its constant (infinite for none)."""
        return math.inf if values is None else float(self.costs @ values)

    def better(self, best: np.ndarray | None, found: np.ndarray | None) -> np.ndarray | None:
        """The cheaper of two solutions (``best`` on a tie)."""
        return found if self.cost(found) < self.cost(best) - 1e-7 else best

    def note_bound(self, bound: float | None) -> None:
        """Keep a proven bound of the whole model (without the constant)."""
        if bound is not None and math.isfinite(bound):
            self.bound = max(self.bound, bound)
            self.ctx.watch.note(bound=bound)

    def run(
        self,
        seconds: float,
        start: np.ndarray | None,
        whole: bool = False,
        scored: bool = True,
        gap: float | None = None,
    ) -> np.ndarray | None:
        """One HiGHS run from ``start``; the column values if it holds a roster.

        ``whole``: nothing fixed, so the run's bound bounds the phase; ``scored`` False:
        the run minimises other costs (the shape), so its incumbents are not the phase's.
        """
        if self.left:
            return None
        if self.counting:  # its nodes end the run, not its seconds: all the time left
            seconds = max(seconds, self.deadline - perf_counter())
            self.highs.setOptionValue("mip_max_nodes", WHOLE_NODES if whole else SUB_NODES)
        self.highs.setOptionValue("time_limit", max(0.05, seconds))
        self.highs.setOptionValue("mip_rel_gap", self.settings.mip_gap if gap is None else gap)
        if start is not None:
            self.highs.setSolution(self.count, self.every, start)
        watched = HighsRun(self.highs, self.ctx.watch, whole and scored, scored, keep=True)
        outcome = watched.wait(LEAVE_AFTER)
        self.ran, self.left = outcome == RAN, outcome == LEFT
        if self.left:  # stopped inside a long LP: its last roster, and the model is let be
            values = watched.best
        elif not self.ran or not has_solution(self.highs):
            return None
        else:
            values = np.array(self.highs.getSolution().col_value)
        if values is None:
            return None
        assignments = values[self.columns]
        if np.abs(assignments - np.round(assignments)).max(initial=0.0) > 1e-6:
            return None  # not a roster (a relaxation's point)
        return values

    def proved(self) -> bool:
        """True when the last run ran and HiGHS proved it within its gaps."""
        status = self.highs.getModelStatus() if self.ran else None
        return status == highspy.HighsModelStatus.kOptimal

    def whole(self, seconds: float, start: np.ndarray | None) -> tuple[np.ndarray | None, bool]:
        """A run of the whole model; its bound is kept; True when it proved its roster."""
        found = self.run(seconds, start, whole=True)
        self.note_bound(dual_bound(self.highs) if self.ran else None)
        self.ctx.watch.note(self.cost(found))
        return found, self.proved()

    def closed(self, best: np.ndarray | None) -> bool:
        """True when the best roster is within the gaps of the bound."""
        if best is None:
            return False
        gap = self.cost(best) - self.bound
        return gap <= (self.gap_abs or 1e-6) or gap <= self.settings.mip_gap * abs(self.cost(best))

    def solve(self, budget: float) -> PhaseOutcome:
        """The plan: a start, a probe, a shape, neighbourhoods, a last whole run, the polish."""
        plan, started = self.plan, perf_counter()
        self.deadline = started + budget
        start = self.start(budget)
        if plan.relax_share:
            self.relax(budget * plan.relax_share)
        best, proven = self.whole(min(plan.probe_seconds, budget * plan.probe_share), start)
        if self.cost(start) < self.cost(best) - 1e-7:
            best, proven = start, False
        if not proven and best is not None:
            if plan.shape_share:
                best = self.shape(best, budget * plan.shape_share)
            end = started + budget * plan.search_end
            if plan.kinds:
                best = self.improve(best, min(perf_counter() + budget * plan.search_share, end))
            remaining = budget - (perf_counter() - started)
            if plan.final and remaining > plan.sub_seconds and not self.closed(best):
                found, proven = self.whole(remaining, best)
                best = self.better(best, found)
        return self.settle(best, proven, started)

    def start(self, budget: float) -> np.ndarray | None:
        """The roster the variables hold (phase 1's), else a constructive start if planned."""
        values = [var.varValue for var in self.variables]
        if all(value is not None for value in values):
            start = np.array(values, dtype=np.float64)
            self.ctx.watch.note(self.cost(start))
            return start
        if not self.plan.construct_share:
            return None
        return self.constructed(budget * self.plan.construct_share)

    def constructed(self, seconds: float) -> np.ndarray | None:
        """A full solution from the constructive start (optimizer/construct.py), if any.

        The assignments are fixed at the constructed roster and HiGHS completes the
        other columns (penalties, counters); None when that roster breaks a rule.
        """
        stop = perf_counter() + seconds
        chosen = construct(self.ctx, seconds * 0.8)
        values = np.array([1.0 if cell in chosen else 0.0 for cell in self.cells])
        values = np.clip(values, self.lower, self.upper)
        self.fallback = np.zeros(self.count)
        self.fallback[self.columns] = values
        found, _ = self.complete(values, max(COMPLETE_SECONDS, stop - perf_counter()), None)
        return found

    def relax(self, seconds: float) -> None:
        """Solve the LP relaxation once: its assignments guide the search, its value bounds it."""
        self.highs.setOptionValue("solve_relaxation", True)
        self.highs.setOptionValue("time_limit", max(0.05, seconds))
        self.ran = run_highs(self.highs, self.ctx.watch, incumbent=False)  # LPs call back
        if self.proved():
            self.area.relaxed = np.array(self.highs.getSolution().col_value)[self.columns]
            self.note_bound(self.highs.getInfo().objective_function_value)
        self.highs.setOptionValue("solve_relaxation", False)
        self.highs.clearSolver()  # the next runs are MIPs again, from nothing of the LP's

    def shape(self, best: np.ndarray, seconds: float) -> np.ndarray:
        """A run on the shape's costs (no S4, S6), which HiGHS proves fast: a better start."""
        self.use_costs(self.cost_vector(self.ctx.soft_expression(self.plan.shape_codes)))
        gap = max(self.settings.mip_gap, SHAPE_GAP)
        shaped = self.run(seconds, best, scored=False, gap=gap)
        self.use_costs(self.costs)
        if shaped is None or self.cost(shaped) >= self.cost(best) - 1e-7:
            return best  # kept only when cheaper under the whole objective
        return shaped

    def use_costs(self, costs: np.ndarray) -> None:
        """Give HiGHS these column costs."""
        if not self.left:
            self.highs.changeColsCost(self.count, self.every, costs)

    def bounds(self, lower: np.ndarray, upper: np.ndarray) -> None:
        """Give the assignment columns these bounds."""
        if not self.left:
            self.highs.changeColsBounds(len(self.columns), self.columns, lower, upper)

    def fix_outside(self, free: np.ndarray, best: np.ndarray) -> None:
        """Fix every assignment column outside ``free`` at its value in ``best``."""
        fixed = np.round(best[self.columns])
        self.bounds(np.where(free, self.lower, fixed), np.where(free, self.upper, fixed))

    def release(self) -> None:
        """Free every assignment column again."""
        self.bounds(self.lower, self.upper)

    def improve(self, best: np.ndarray, stop: float) -> np.ndarray:
        """Re-optimise neighbourhoods of ``best`` until ``stop``, drawn by payoff.

        With an adaptive plan their size follows what they give, and escalates after a
        while without improving (NeighbourhoodSize).
        """
        plan, horizon = self.plan, self.area.horizon
        sizes = NeighbourhoodSize(
            horizon, plan.size, plan.sub_seconds, plan.most_seconds, plan.adaptive
        )
        budget = self.settings.time_limit_phase1 + self.settings.time_limit_phase2
        patience = max(plan.stall_seconds, plan.stall_share * budget)
        limit = self.settings.search_iterations
        if limit is not None:
            patience = max(1.0, plan.stall_share * limit)
        tried, changed = 0, self.clock(0)
        while perf_counter() < stop - 0.05 and not self.closed(best) and not self.ctx.watch.tick():
            if limit is not None and tried >= limit:
                break
            if self.clock(tried) > changed + patience:
                sizes.escalate()
                changed = self.clock(tried)
            drawn = self.draw(best, sizes.size)
            if drawn is None:
                break
            kind, free = drawn
            self.fix_outside(free, best)
            began = perf_counter()
            found = self.run(min(sizes.seconds, stop - began), best)
            tried += 1
            improved = self.cost(found) < self.cost(best) - 1e-7
            spent = 1.0 if self.counting else perf_counter() - began
            self.payoffs.record(kind, spent, improved)
            if improved and found is not None:
                best, changed = found, self.clock(tried)
            sizes.after(improved, self.proved())
        self.release()
        return best

    def clock(self, tried: int) -> float:
        """Seconds, or neighbourhoods tried when the search counts iterations."""
        return float(tried) if self.counting else perf_counter()

    def draw(self, best: np.ndarray, size: Size) -> tuple[str, np.ndarray] | None:
        """A kind, drawn by payoff among those that apply to ``best``, and its mask."""
        kinds = list(self.plan.kinds)
        values = np.round(best)
        while kinds:
            kind = self.payoffs.draw(self.random, kinds)
            free = NEIGHBOURHOODS[kind](self.area, values, size, self.random)
            if free is not None and free.any():
                return kind, free
            kinds.remove(kind)
        return None

    def complete(
        self, assignments: np.ndarray, seconds: float, start: np.ndarray | None
    ) -> tuple[np.ndarray | None, bool]:
        """One run with the assignment columns fixed at ``assignments`` (the other columns
        free), then the assignments freed again; True when HiGHS proved the completion."""
        self.bounds(assignments, assignments)
        found = self.run(seconds, start, gap=0.0)
        proved = self.proved()
        self.release()
        return found, proved

    def polish(self, best: np.ndarray) -> np.ndarray | None:
        """``best`` with its other columns re-solved under every soft rule, its assignments
        fixed: each penalty column tight. None unless HiGHS proves it in time."""
        self.ctx.watch.enter("polish")
        self.use_costs(self.cost_vector(self.ctx.soft_expression()))
        found, proved = self.complete(np.round(best[self.columns]), POLISH_SECONDS, best)
        self.use_costs(self.costs)
        return found if proved else None

    def settle(self, best: np.ndarray | None, proven: bool, started: float) -> PhaseOutcome:
        """Polish the best roster (unless the caller stopped the solve) and read it out."""
        if best is None:  # the constructed assignments alone, if any: not completed
            fallback = None if self.ctx.watch.cancelled else self.fallback
            return self.finish(fallback, False, started, completed=False)
        polished = None if self.ctx.watch.cancelled else self.polish(best)
        if polished is None:
            return self.finish(best, proven, started)
        return self.finish(polished, proven, started, polished=True)

    def finish(
        self,
        best: np.ndarray | None,
        proven: bool,
        started: float,
        polished: bool = False,
        completed: bool = True,
    ) -> PhaseOutcome:
        """Load the best roster into the PuLP variables and read the outcome honestly.

        ``completed`` False: only the assignments are set (the other columns are 0), so
        the roster has no objective yet and proves nothing.
        """
        seconds = perf_counter() - started
        if best is None:
            return PhaseOutcome(NONE, None, None, None, seconds)
        for var in self.variables:
            var.varValue = float(best[var.index])
        if not completed:
            return PhaseOutcome(FEASIBLE, None, None, None, seconds, gap_abs=self.gap_abs)
        objective = float(pulp.value(self.objective) or 0.0)
        offset = objective - self.cost(best)
        bound = min(self.bound + offset, objective) if math.isfinite(self.bound) else None
        proven = proven or self.closed(best)
        if proven and bound is None:
            bound = objective
        self.ctx.lp.assignStatus(
            pulp.LpStatusOptimal,
            pulp.LpSolutionOptimal if proven else pulp.LpSolutionIntegerFeasible,
        )
        gap = relative_gap(objective, bound)
        status = OPTIMAL if proven else FEASIBLE
        return PhaseOutcome(status, objective, bound, gap, seconds, polished, self.gap_abs)
