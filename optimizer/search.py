"""Phase 2 with HiGHS: a full probe, a quick shape, a large-neighbourhood search, a final solve.

Fairness (S4) and patterns (S6) make good rosters hard for a MIP solver to find, while
small sub-problems solve in a fraction of a second. Once PuLP has loaded the model into
highspy, the search works on that model directly (no rebuild): it fixes the assignments
outside a neighbourhood — a few people sharing a role for the whole month, a few days
for everyone, or half the staff for two weeks — re-solves from the incumbent and keeps
improvements. The probe (the full model from phase 1's roster) gives the first bound
and proves small months optimal at once; the final full solve starts from the best
roster found and may raise the bound.
"""

from __future__ import annotations

import logging
import math
import random
from dataclasses import dataclass
from datetime import timedelta
from time import perf_counter
from typing import Any

import highspy
import numpy as np
import pulp

from models.report import FEASIBLE, NONE, OPTIMAL
from optimizer.bound import tight_bound
from optimizer.highs import dual_bound, has_solution, run_highs
from optimizer.model import Hotspot, ModelContext
from optimizer.payoff import Payoffs
from optimizer.settings import SolverSettings
from optimizer.solvers import PhaseOutcome, make_solver, relative_gap

log = logging.getLogger(__name__)
BOUND_SHARE = 0.3  # at most, for the tight bound (optimizer/bound.py); it takes 0.2-0.6 s
PROBE_SHARE, SHAPE_SHARE, SEARCH_SHARE = 0.08, 0.35, 0.37  # of phase 2's time; the rest: final
SUB_SECONDS = 0.4  # time limit of one neighbourhood
PEOPLE, DAYS, MIXED_DAYS, MIXED_SHARE = 4, 6, 14, 0.5  # neighbourhood sizes
SHAPE_GAP = 0.005  # the shape is a start: proving it to the last unit is not needed
KINDS = ("hotspot", "people", "days", "mixed")  # neighbourhood kinds, drawn by payoff
HOT_DAYS = 4  # days either side of a penalised day (a hotspot) set free
SHAPE_CODES = ("S2", "S3", "S5", "S7")  # the objective without S4 and S6: a quick first shape


@dataclass
class Incumbent:
    """The best column values found so far and their objective (without constants)."""

    values: np.ndarray
    cost: float


class HighsSearch:
    """The highspy model of ``ctx.lp`` and the neighbourhoods of its assignment columns."""

    def __init__(self, ctx: ModelContext, settings: SolverSettings, objective: Any) -> None:
        self.ctx, self.settings = ctx, settings
        solver = make_solver(settings, settings.time_limit_phase2, settings.mip_gap)
        solver.createAndConfigureSolver(ctx.lp)
        solver.buildSolverModel(ctx.lp)
        self.highs = ctx.lp.solverModel
        self.variables = ctx.lp.variables()
        self.count = len(self.variables)
        self.every = np.arange(self.count, dtype=np.int32)
        self.costs = self.cost_vector(objective)
        cells = list(ctx.x.items())
        self.cells = [cell for cell, _ in cells]
        self.columns = np.array([var.index for _, var in cells], dtype=np.int32)
        self.lower = np.array([var.lowBound or 0.0 for _, var in cells])
        self.upper = np.array([1.0 if var.upBound is None else var.upBound for _, var in cells])
        self.random = random.Random(0)
        self.payoffs = Payoffs(KINDS, SUB_SECONDS)
        self.ran = False  # whether the last run ran: a failed one leaves stale statuses

    def cost_vector(self, expression: Any) -> np.ndarray:
        """The column costs of ``expression``."""
        costs = np.zeros(self.count)
        for var, coefficient in expression.items():
            costs[var.index] = coefficient
        return costs

    def use_costs(self, costs: np.ndarray) -> None:
        """Give HiGHS these column costs."""
        self.highs.changeColsCost(self.count, self.every, costs)

    def run(
        self,
        seconds: float,
        start: Incumbent | None,
        gap: float,
        whole: bool = False,
        scored: bool = True,
    ) -> np.ndarray | None:
        """One HiGHS run from ``start``; the column values if it holds a solution.

        ``whole``: nothing fixed, so the run's bound bounds the phase; ``scored`` False:
        the run minimises other costs (the shape), so its incumbents are not the phase's.
        """
        self.highs.setOptionValue("time_limit", max(0.05, seconds))
        self.highs.setOptionValue("mip_rel_gap", gap)
        if start is not None:
            self.highs.setSolution(self.count, self.every, start.values)
        self.ran = run_highs(self.highs, self.ctx.watch, bound=whole and scored, incumbent=scored)
        if not self.ran or not has_solution(self.highs):
            return None
        return np.array(self.highs.getSolution().col_value)

    def proven(self) -> bool:
        """True when the last run ran and HiGHS proved it within its gap."""
        return self.ran and self.highs.getModelStatus() == highspy.HighsModelStatus.kOptimal

    def bound(self) -> float:
        """The last run's dual bound (-inf when it proves nothing)."""
        bound = dual_bound(self.highs) if self.ran else None
        return -math.inf if bound is None else bound

    def offer(self, best: Incumbent | None, values: np.ndarray | None) -> Incumbent | None:
        """The better of ``best`` and ``values`` under the full objective."""
        if values is None:
            return best
        cost = float(self.costs @ values)
        return Incumbent(values, cost) if best is None or cost < best.cost - 1e-7 else best

    def fix_outside(self, free: np.ndarray, best: Incumbent) -> None:
        """Fix every assignment column outside ``free`` to its incumbent value."""
        fixed = np.round(best.values[self.columns])
        lower = np.where(free, self.lower, fixed)
        upper = np.where(free, self.upper, fixed)
        self.highs.changeColsBounds(len(self.columns), self.columns, lower, upper)

    def release(self) -> None:
        """Free every assignment column again."""
        self.highs.changeColsBounds(len(self.columns), self.columns, self.lower, self.upper)

    def neighbourhood(self, best: Incumbent) -> tuple[str, np.ndarray]:
        """A random kind and set of assignment columns to re-optimise (a mask over cells)."""
        staff, days = self.ctx.staff, self.ctx.timeline.days
        kind = self.payoffs.draw(self.random, KINDS)
        if kind == "hotspot":
            hot = [spot for spot in self.ctx.hotspots if best.values[spot.var.index] > 0.5]
            if hot:
                return kind, self.around(self.random.choice(hot))
            kind = "people"
        if kind == "people":
            anchor = self.random.choice(staff)
            chosen = {anchor.id, *self.mates(set(anchor.roles), anchor.id, PEOPLE - 1)}
            return kind, np.array([cell[0] in chosen for cell in self.cells])
        first = self.random.randrange(len(days))
        span = set(days[first : first + (DAYS if kind == "days" else MIXED_DAYS)])
        if kind == "days":
            return kind, np.array([cell[1] in span for cell in self.cells])
        size = max(1, int(len(staff) * MIXED_SHARE))
        chosen = set(self.random.sample([p.id for p in staff], size))
        return kind, np.array([cell[0] in chosen and cell[1] in span for cell in self.cells])

    def mates(self, roles: set[str], anchor: str | None, count: int) -> list[str]:
        """Up to ``count`` random people other than ``anchor`` holding one of ``roles``."""
        mates = [p.id for p in self.ctx.staff if p.id != anchor and set(p.roles) & roles]
        return self.random.sample(mates, min(len(mates), count))

    def around(self, spot: Hotspot) -> np.ndarray:
        """The cells near a penalised day: its role's people, or the person and a few mates."""
        if spot.staff_id is not None:
            person = next(p for p in self.ctx.staff if p.id == spot.staff_id)
            chosen = {person.id, *self.mates(set(person.roles), person.id, PEOPLE - 1)}
        else:
            chosen = set(self.mates({spot.role or ""}, None, 2 * PEOPLE))
        near = {spot.day + timedelta(days=offset) for offset in range(-HOT_DAYS, HOT_DAYS + 1)}
        return np.array([cell[0] in chosen and cell[1] in near for cell in self.cells])

    def improve(self, best: Incumbent, stop: float) -> Incumbent:
        """Re-optimise random neighbourhoods of ``best`` until ``stop``."""
        while perf_counter() < stop and not self.ctx.watch.tick():
            kind, free = self.neighbourhood(best)
            self.fix_outside(free, best)
            began = perf_counter()
            found = self.run(min(SUB_SECONDS, stop - began), best, self.settings.mip_gap)
            better = self.offer(best, found) or best
            self.payoffs.record(kind, perf_counter() - began, better is not best)
            if better is not best:
                log.debug("phase 2 %s neighbourhood: %.1f", kind, better.cost)
            best = better
        self.release()
        return best


def search_quality(ctx: ModelContext, settings: SolverSettings, objective: Any) -> PhaseOutcome:
    """Phase 2 with HiGHS: tight bound, probe, shape, neighbourhood search, final solve."""
    started, budget = perf_counter(), settings.time_limit_phase2
    tight = tight_bound(ctx, settings, objective, budget * BOUND_SHARE)
    search = HighsSearch(ctx, settings, objective)
    start = search.offer(None, np.array([var.varValue or 0.0 for var in search.variables]))
    ctx.watch.note(start.cost if start is not None else None)
    probe = search.run(budget * PROBE_SHARE, start, settings.mip_gap, whole=True)
    best = search.offer(start, probe)
    bound = search.bound()
    if tight is not None:
        bound = max(bound, tight - float(objective.constant))
    ctx.watch.note(best.cost if best is not None else None, bound)
    trace(started, "probe", best, bound)
    if search.proven() or best is None:
        return finish(ctx, search, best, started, bound)
    search.use_costs(search.cost_vector(ctx.soft_expression(SHAPE_CODES)))
    shaped = search.run(budget * SHAPE_SHARE, best, max(settings.mip_gap, SHAPE_GAP), scored=False)
    search.use_costs(search.costs)
    best = search.offer(best, shaped) or best
    trace(started, "shape", best, bound)
    best = search.improve(best, started + budget * (PROBE_SHARE + SHAPE_SHARE + SEARCH_SHARE))
    trace(started, "search", best, bound)
    remaining = budget - (perf_counter() - started)
    if remaining > SUB_SECONDS:
        final = search.run(remaining, best, settings.mip_gap, whole=True)
        best = search.offer(best, final) or best
        bound = max(bound, search.bound())
    trace(started, "final", best, bound)
    return finish(ctx, search, best, started, bound)


def trace(started: float, step: str, best: Incumbent | None, bound: float) -> None:
    """Log a step of phase 2 (objective and bound without the objective's constant)."""
    cost = best.cost if best is not None else math.nan
    seconds = perf_counter() - started
    log.debug("phase 2 %s at %.2f s: %.1f (bound %.1f)", step, seconds, cost, bound)


def finish(
    ctx: ModelContext, search: HighsSearch, best: Incumbent | None, started: float, bound: float
) -> PhaseOutcome:
    """Load the best roster into the PuLP variables; proven when the bound is within the gap."""
    seconds = perf_counter() - started
    if best is None:
        return PhaseOutcome(NONE, None, None, None, seconds)
    ctx.watch.note(best.cost, bound if math.isfinite(bound) else None)
    for var in search.variables:
        var.varValue = float(best.values[var.index])
    objective = float(pulp.value(ctx.lp.objective) or 0.0)
    best_bound = min(bound + objective - best.cost, objective) if math.isfinite(bound) else None
    gap = relative_gap(objective, best_bound)
    proven = gap is not None and gap <= search.settings.mip_gap + 1e-9
    ctx.lp.assignStatus(
        pulp.LpStatusOptimal, pulp.LpSolutionOptimal if proven else pulp.LpSolutionIntegerFeasible
    )
    return PhaseOutcome(OPTIMAL if proven else FEASIBLE, objective, best_bound, gap, seconds)
