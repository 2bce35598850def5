"""The single weighted phase: every soft term at once, with a fix-and-optimise search.

Used when ``SolverSettings.lexicographic`` is False (e.g. the Curtois & Qu benchmark,
whose objective is one weighted sum). Below ``CONSTRUCT_FROM`` assignment columns the
run paths (rules/soft_runs.py) join the MIP itself: their relaxation is much tighter
and HiGHS proves far sooner with them. Below ``SEARCH_FROM`` columns HiGHS then solves
the model alone, uninterrupted: its tree is its strength, and stopping it for a search
cost more than the search gave (docs/benchmarks.md). From ``SEARCH_FROM`` up, with
HiGHS and ``neighbourhood_search`` on: a constructive start (optimizer/construct.py:
each person's schedule on her own, then sweeps; HiGHS completes the other columns with
the assignments fixed), the LP relaxation once (not on the largest models, where it
takes minutes), a short full solve from the start for an incumbent and a bound; then,
for a share of the time, the assignments outside a neighbourhood (a few people for the
whole horizon, everyone over a window of days, everyone around a shift left short with
some who could fill it, or those the LP leaves fractional or sets apart from the
incumbent, as RINS does) are fixed at the incumbent and the rest re-optimised from it,
keeping improvements. Neighbourhoods grow when HiGHS proves them without improving,
shrink when it runs out of time, and escalate when the search stalls. A last full solve
starts from the best roster and proves it or improves it.
"""

from __future__ import annotations

import math
import random
from fractions import Fraction
from functools import reduce
from math import gcd
from time import perf_counter
from typing import Any

import highspy
import numpy as np
import pulp

from models.report import FEASIBLE, NONE, OPTIMAL
from optimizer.construct import construct
from optimizer.highs import dual_bound, has_solution, run_highs
from optimizer.model import ModelContext
from optimizer.neighbourhoods import Neighbourhoods, NeighbourhoodSize
from optimizer.settings import SolverSettings
from optimizer.solvers import PhaseOutcome, make_solver, relative_gap, run_phase

FIRST_SHARE, SEARCH_SHARE = 0.1, 0.8  # of the phase's time: a first probe, the search
FIRST_SECONDS = 15.0  # at most this long for the first probe; the last full solve gets the rest
STALL_SHARE, STALL_SECONDS = 0.1, 10.0  # the search escalates after this long without improving
RELAX_SHARE = 0.05  # at most, for the LP relaxation that guides the search
SEARCH_FROM = 1_500  # assignment columns from which the search helps (below: HiGHS alone)
CONSTRUCT_FROM = 20_000  # assignment columns from which a constructive start comes first
CONSTRUCT_SHARE = 0.6  # about this share of the phase's time for the constructive start
CONSTRUCT_SHARE_BELOW = 0.1  # at most, for it below CONSTRUCT_FROM columns (seconds there)
SEARCH_END = 0.9  # the search ends by this share of the phase's time, whatever came before
COMPLETE_SECONDS = 30.0  # at least this long for HiGHS to complete the constructed roster
POLISH_SECONDS = 30.0  # at most, to re-solve the other columns with the best roster fixed


def solve_weighted(ctx: ModelContext, settings: SolverSettings) -> PhaseOutcome:
    """Minimise the weighted sum of every soft term (one phase), proven when time allows."""
    objective = ctx.soft_expression()
    ctx.lp.setObjective(objective)
    budget = settings.time_limit_phase1 + settings.time_limit_phase2
    step = objective_step(objective)
    gap_abs = step * 0.999 if step else None
    if len(ctx.x) < CONSTRUCT_FROM:  # on the largest models their LP alone takes minutes
        ctx.adopt_tightening()  # the run paths join the MIP: a much stronger tree
    searched = settings.neighbourhood_search and len(ctx.x) >= SEARCH_FROM
    if settings.solver != "highs" or not searched:
        return run_phase(ctx.lp, settings, budget, settings.mip_gap, gap_abs, watch=ctx.watch)
    started = perf_counter()
    search = FixAndOptimise(ctx, settings, objective, gap_abs)
    return search.solve(budget - (perf_counter() - started))


def objective_step(objective: pulp.LpAffineExpression) -> float:
    """The smallest change of an objective with integer coefficients (0 when not integral)."""
    coefficients = [Fraction(value).limit_denominator(1000) for value in objective.values()]
    if not coefficients or any(
        abs(float(c) - v) > 1e-9 for c, v in zip(coefficients, objective.values(), strict=True)
    ):
        return 0.0
    if any(c.denominator != 1 for c in coefficients):
        return 0.0
    return float(reduce(gcd, (int(c) for c in coefficients), 0))


class FixAndOptimise(Neighbourhoods):
    """The highspy model of ``ctx.lp`` and a fix-and-optimise search over its assignments."""

    def __init__(
        self, ctx: ModelContext, settings: SolverSettings, objective: Any, gap_abs: float | None
    ) -> None:
        self.ctx, self.settings, self.gap_abs = ctx, settings, gap_abs
        solver = make_solver(settings, 1.0, settings.mip_gap, gap_abs)
        solver.createAndConfigureSolver(ctx.lp)
        solver.buildSolverModel(ctx.lp)
        self.highs = ctx.lp.solverModel
        self.highs.setOptionValue("mip_abs_gap", gap_abs if gap_abs is not None else 1e-6)
        self.variables = ctx.lp.variables()
        self.count = len(self.variables)
        self.every = np.arange(self.count, dtype=np.int32)
        self.costs = np.zeros(self.count)
        for var, coefficient in objective.items():
            self.costs[var.index] = coefficient
        cells = list(ctx.x.items())
        self.people = np.array([cell[0] for cell, _ in cells])
        days = {day: index for index, day in enumerate(ctx.timeline.days)}
        self.days = np.array([days.get(cell[1], -1) for cell, _ in cells])
        qualified: dict[tuple, set[str]] = {}
        for cell, _ in cells:
            qualified.setdefault(cell[1:], set()).add(cell[0])
        # each cover shortfall column, its day's index and the people who could fill it
        self.shortfalls = [
            (var.index, days.get(key[0], -1), sorted(qualified.get(key, ())))
            for key, var in ctx.short.items()
        ]
        self.columns = np.array([var.index for _, var in cells], dtype=np.int32)
        self.lower = np.array([var.lowBound or 0.0 for _, var in cells])
        self.upper = np.array([1.0 if var.upBound is None else var.upBound for _, var in cells])
        self.random = random.Random(0)
        self.bound = -math.inf
        self.fallback: np.ndarray | None = None  # the constructed assignments, not completed
        self.relaxed: np.ndarray | None = None  # the LP relaxation's assignments
        self.ran = False  # whether the last run ran: a failed one leaves stale statuses

    def run(
        self, seconds: float, start: np.ndarray | None, whole: bool = False
    ) -> np.ndarray | None:
        """One HiGHS run from ``start``; the column values if it holds a solution.

        ``whole``: the model runs with no column fixed, so its bound bounds the phase.
        """
        self.highs.setOptionValue("time_limit", max(0.05, seconds))
        if start is not None:
            self.highs.setSolution(self.count, self.every, start)
        self.ran = run_highs(self.highs, self.ctx.watch, bound=whole)
        if not self.ran or not has_solution(self.highs):
            return None
        values = np.array(self.highs.getSolution().col_value)
        assignments = values[self.columns]
        if np.abs(assignments - np.round(assignments)).max(initial=0.0) > 1e-6:
            return None  # not a roster (e.g. a relaxation's point)
        return values

    def cost(self, values: np.ndarray | None) -> float:
        """The objective of ``values`` without its constant (infinite for none)."""
        return math.inf if values is None else float(self.costs @ values)

    def full_run(self, seconds: float, start: np.ndarray | None) -> tuple[np.ndarray | None, bool]:
        """A run of the whole model; records its bound; True when it proved optimality."""
        found = self.run(seconds, start, whole=True)
        bound = dual_bound(self.highs) if self.ran else None
        if bound is not None:
            self.bound = max(self.bound, bound)
        self.ctx.watch.note(self.cost(found), bound)
        return found, self.proved()

    def proved(self) -> bool:
        """True when the last run ran and HiGHS proved it within its gaps."""
        return self.ran and self.highs.getModelStatus() == highspy.HighsModelStatus.kOptimal

    def solve(self, budget: float) -> PhaseOutcome:
        """A short full probe, neighbourhoods for a share, then one long full solve from the best.

        The last solve runs uninterrupted, so its proof is not cut short; it starts from the
        best roster the search found, which prunes its tree early.
        """
        started = perf_counter()
        start = self.current()
        if start is None:  # far better than a first probe's roster, in seconds
            large = len(self.columns) >= CONSTRUCT_FROM
            share = CONSTRUCT_SHARE if large else CONSTRUCT_SHARE_BELOW
            start = self.constructed(budget * share)
        if len(self.columns) < CONSTRUCT_FROM:  # the LP of the largest takes minutes
            self.relax(budget * RELAX_SHARE)
        best, proven = self.full_run(min(FIRST_SECONDS, budget * FIRST_SHARE), start)
        if self.cost(start) < self.cost(best) - 1e-7:
            best, proven = start, False
        if not proven and best is not None:
            stop = min(perf_counter() + budget * SEARCH_SHARE, started + budget * SEARCH_END)
            best = self.improve(best, stop)
            remaining = budget - (perf_counter() - started)
            if remaining > 1.0 and not self.closed(best):
                found, proven = self.full_run(remaining, best)
                best = found if self.cost(found) < self.cost(best) - 1e-7 else best
        if best is None:  # the assignments alone: solve.polish completes and scores them
            fallback = None if self.ctx.watch.cancelled else self.fallback
            return self.finish(fallback, False, perf_counter() - started, completed=False)
        polished = self.polish(best)  # None when HiGHS did not finish: solve.polish does it
        if polished is None:
            return self.finish(best, proven, perf_counter() - started)
        return self.finish(polished, proven, perf_counter() - started, polished=True)

    def constructed(self, seconds: float) -> np.ndarray | None:
        """A full solution from the constructive start (optimizer/construct.py), if any.

        The assignments are fixed at the constructed roster and HiGHS completes the
        other columns (penalties, counters); None when that roster breaks a rule.
        """
        stop = perf_counter() + seconds
        chosen = construct(self.ctx, seconds * 0.8)
        values = np.array([1.0 if cell in chosen else 0.0 for cell in self.ctx.x])
        values = np.clip(values, self.lower, self.upper)
        self.fallback = np.zeros(self.count)
        self.fallback[self.columns] = values
        found, _ = self.complete(values, max(COMPLETE_SECONDS, stop - perf_counter()), None)
        return found

    def polish(self, best: np.ndarray) -> np.ndarray | None:
        """``best`` with its other columns re-solved, its assignments fixed: every penalty
        column tight, as solve.polish does, without PuLP rebuilding the solver's model
        (minutes on the largest models). None unless HiGHS proves it in time."""
        found, proved = self.complete(np.round(best[self.columns]), POLISH_SECONDS, best)
        return found if proved else None

    def complete(
        self, assignments: np.ndarray, seconds: float, start: np.ndarray | None
    ) -> tuple[np.ndarray | None, bool]:
        """One run with the assignment columns fixed at ``assignments`` (the other columns
        free), then the assignments freed again; True when HiGHS proved the completion."""
        self.highs.changeColsBounds(len(self.columns), self.columns, assignments, assignments)
        found = self.run(seconds, start)
        proved = self.proved()
        self.highs.changeColsBounds(len(self.columns), self.columns, self.lower, self.upper)
        return found, proved

    def relax(self, seconds: float) -> None:
        """Solve the LP relaxation once: its assignments guide the search, its value bounds it."""
        self.highs.setOptionValue("solve_relaxation", True)
        self.highs.setOptionValue("time_limit", max(0.05, seconds))
        self.ran = run_highs(self.highs, self.ctx.watch, incumbent=False)
        if self.proved():
            self.relaxed = np.array(self.highs.getSolution().col_value)[self.columns]
            self.bound = max(self.bound, self.highs.getInfo().objective_function_value)
            self.ctx.watch.note(bound=self.bound)
        self.highs.setOptionValue("solve_relaxation", False)
        self.highs.clearSolver()  # the next runs are MIPs again, from nothing of the LP's

    def current(self) -> np.ndarray | None:
        """The PuLP variables' values as columns, when every one has a value."""
        if any(var.varValue is None for var in self.variables):
            return None
        return np.array([var.varValue for var in self.variables], dtype=np.float64)

    def closed(self, best: np.ndarray) -> bool:
        """True when the best roster is within the gaps of the bound."""
        gap = self.cost(best) - self.bound
        return gap <= (self.gap_abs or 1e-6) or gap <= self.settings.mip_gap * abs(self.cost(best))

    def improve(self, best: np.ndarray, stop: float) -> np.ndarray:
        """Re-optimise neighbourhoods of ``best`` until ``stop``, adapting their size.

        After a while without improving, the neighbourhoods escalate (NeighbourhoodSize).
        """
        size = NeighbourhoodSize(len(self.ctx.timeline.days))
        patience = max(
            STALL_SECONDS,
            STALL_SHARE * (self.settings.time_limit_phase1 + self.settings.time_limit_phase2),
        )
        changed = perf_counter()  # the last improvement or escalation
        while perf_counter() < stop - 0.1 and not self.closed(best) and not self.ctx.watch.tick():
            if perf_counter() > changed + patience:
                size.escalate()
                changed = perf_counter()
            fixed = np.round(best[self.columns])
            kind = self.random.choice(self.kinds(best))
            free = self.neighbourhood(kind, size.people, size.days, best)
            self.highs.changeColsBounds(
                len(self.columns),
                self.columns,
                np.where(free, self.lower, fixed),
                np.where(free, self.upper, fixed),
            )
            found = self.run(min(size.seconds, stop - perf_counter()), best)
            better = self.cost(found) < self.cost(best) - 1e-7
            if better:
                best, changed = found, perf_counter()  # type: ignore[assignment]
            size.after(better, self.proved())
        self.highs.changeColsBounds(len(self.columns), self.columns, self.lower, self.upper)
        return best

    def finish(
        self,
        best: np.ndarray | None,
        proven: bool,
        seconds: float,
        polished: bool = False,
        completed: bool = True,
    ) -> PhaseOutcome:
        """Load the best roster into the PuLP variables and read the outcome honestly.

        ``completed`` False: only the assignments are set (the other columns are 0), so
        the roster has no objective yet and proves nothing.
        """
        if best is None:
            return PhaseOutcome(NONE, None, None, None, seconds)
        for var in self.variables:
            var.varValue = float(best[var.index])
        if not completed:
            return PhaseOutcome(FEASIBLE, None, None, None, seconds, gap_abs=self.gap_abs)
        self.ctx.watch.note(self.cost(best))
        objective = float(pulp.value(self.ctx.lp.objective) or 0.0)
        offset = objective - self.cost(best)
        bound = min(self.bound + offset, objective) if math.isfinite(self.bound) else None
        proven = proven or self.closed(best)
        if proven:
            bound = objective if bound is None else bound
        status = OPTIMAL if proven else FEASIBLE
        self.ctx.lp.assignStatus(
            pulp.LpStatusOptimal,
            pulp.LpSolutionOptimal if proven else pulp.LpSolutionIntegerFeasible,
        )
        gap = relative_gap(objective, bound)
        return PhaseOutcome(status, objective, bound, gap, seconds, polished, self.gap_abs)
