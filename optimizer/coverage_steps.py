"""Phase 1's goals in order, and how one step solves one or two of them exactly.

The goals, most important first: the essential shortfall, the time with nobody on site
(optimizer/rules/on_site.py), the normal shortfall. The essential goal and the time
alone share one solve, an exact lexicographic tie-break: the objective is
K x essential + alone with K x (essential's smallest change) above the most time alone
can be, so no roster trades essential cover for time with someone on site, and the
step's bound splits into a proof for each (``split``). Measured on the demo network, one
solve took about half the time of two in a row (docs/benchmarks.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from math import ceil, gcd

import pulp

from models.coverage import Tier
from models.report import FEASIBLE, NONE, OPTIMAL
from optimizer.model import ModelContext
from optimizer.settings import SolverSettings
from optimizer.solvers import PhaseOutcome, relative_gap, run_phase
from optimizer.tiers import UNSTAFFED, TierStep

EPSILON = 1e-9


@dataclass(frozen=True, eq=False)  # its expression's == builds a constraint
class Goal:
    """One figure phase 1 minimises, in coverage units (hours, or shifts)."""

    name: str  # a tier, or UNSTAFFED
    units: pulp.LpAffineExpression
    weight: float  # one unit's price in the report's S1 (1 for the time alone)
    step: float  # the smallest change of ``units`` between two rosters
    most: float  # the largest value ``units`` can take


def coverage_goals(ctx: ModelContext) -> list[list[Goal]]:
    """Phase 1's steps: [essential, time alone] solved together, then [normal]."""
    return [[tier_goal(ctx, Tier.ESSENTIAL), alone_goal(ctx)], [tier_goal(ctx, Tier.NORMAL)]]


def tier_goal(ctx: ModelContext, tier: Tier) -> Goal:
    """A tier's shortfall (none when its weight is 0: nothing to rank)."""
    weight = ctx.rules.coverage_tier_weight(tier)
    units = ctx.tier_expression((tier,), weighted=False) if weight else pulp.LpAffineExpression()
    minutes = [
        ctx.problem.shifts[need.shift].minutes
        for need in ctx.problem.demand
        if need.tier_minimum(tier)
    ]
    return Goal(str(tier), units, weight, smallest(ctx, minutes), largest(units))


def alone_goal(ctx: ModelContext) -> Goal:
    """The time with nobody on site (no rows when the rule is off)."""
    units = ctx.unstaffed_expression()
    minutes = [ctx.problem.shifts[code].minutes for _, code in ctx.empty]
    return Goal(UNSTAFFED, units, 1.0, smallest(ctx, minutes), largest(units))


def smallest(ctx: ModelContext, minutes: list[int]) -> float:
    """The coverage size of the gcd of shift lengths: the units move in such steps."""
    return ctx.rules.coverage_size(reduce(gcd, minutes, 0)) if minutes else 1.0


def largest(units: pulp.LpAffineExpression) -> float:
    """The most ``units`` can be: every column at its upper bound."""
    return float(sum(coef * (var.upBound or 0) for var, coef in units.items() if coef > 0))


def solve_step(
    ctx: ModelContext, goals: list[Goal], settings: SolverSettings, limit: float
) -> list[TierStep]:
    """Minimise one goal (weighted, as S1 prices it) or two (the tie-break), proven to
    half the objective's smallest change (relative gap 0) unless the time runs out."""
    first, *rest = goals
    if not rest:
        objective, half = first.units * first.weight, first.weight * first.step / 2
    else:
        scale = tie_scale(first, rest[0])
        objective, half = first.units * scale + rest[0].units, rest[0].step / 2
    ctx.watch.enter("coverage", float(objective.constant))
    ctx.lp.setObjective(objective)
    # No MIP start: from the essential step's roster HiGHS (1.16) proved the normal
    # optimum in its reduced space but handed back the start, 75 % worse (HRT-HVC-01).
    outcome = run_phase(ctx.lp, settings, limit, 0.0, half, watch=ctx.watch)
    if not rest:
        return [TierStep(first.name, outcome, first.weight)]
    return split(outcome, first, rest[0], scale)


def tie_scale(first: Goal, second: Goal) -> float:
    """K: the first goal's weight when one of its steps outweighs all of the second and
    stays on the second's grid (so half the second's step proves the sum); else the
    smallest such multiple of the second's step, per unit of the first."""
    if first.weight * first.step > second.most and on_grid(first.weight * first.step, second):
        return first.weight
    least = second.step * (int(second.most / second.step + EPSILON) + 1)
    return least / first.step


def on_grid(value: float, goal: Goal) -> bool:
    """True when ``value`` is a whole number of ``goal``'s steps."""
    steps = value / goal.step
    return abs(steps - round(steps)) <= 1e-6


def split(outcome: PhaseOutcome, first: Goal, second: Goal, scale: float) -> list[TierStep]:
    """The tie-break's outcome as one step per goal, each with its own bound.

    With B the run's bound, every roster has K x first + second >= B and second <= most,
    so first >= (B - most) / K, rounded up to its grid; once that reaches the roster's
    own value, the first goal is proven and second >= B - K x first. The run's seconds
    are the first goal's.
    """
    if outcome.status == NONE or outcome.objective is None:
        missing = PhaseOutcome(NONE, None, None, None, 0.0)
        return [TierStep(first.name, outcome, first.weight), TierStep(second.name, missing, 1.0)]
    value1 = float(pulp.value(first.units) or 0.0)
    value2 = float(pulp.value(second.units) or 0.0)
    bound1 = bound2 = None
    if outcome.best_bound is not None:
        least = (outcome.best_bound - second.most) / scale
        bound1 = min(value1, max(0.0, ceil(least / first.step - EPSILON) * first.step))
        if bound1 >= value1 - EPSILON:
            bound2 = min(value2, max(0.0, outcome.best_bound - scale * value1))
    return [
        TierStep(first.name, goal_outcome(first, value1, bound1, outcome.seconds), first.weight),
        TierStep(second.name, goal_outcome(second, value2, bound2, 0.0), second.weight),
    ]


def goal_outcome(goal: Goal, value: float, bound: float | None, seconds: float) -> PhaseOutcome:
    """One goal's part of a run, weighted: proven when its bound is within half a step."""
    proven = bound is not None and value - bound <= goal.step / 2 + EPSILON
    weighted = None if bound is None else bound * goal.weight
    objective = value * goal.weight
    gap_abs = goal.weight * goal.step / 2
    status = OPTIMAL if proven else FEASIBLE
    return PhaseOutcome(
        status, objective, weighted, relative_gap(objective, weighted), seconds, gap_abs=gap_abs
    )


def keep_goal(ctx: ModelContext, goal: Goal, value: float, settings: SolverSettings) -> None:
    """Keep a goal at ``value`` (units): exactly 0 by bounds, else within the tolerance."""
    if value <= EPSILON:
        for var in goal.units:
            var.upBound = 0  # the goal's best is 0: keep it exactly
        return
    limit = value * (1 + settings.gap_tolerance) + 1e-6
    name = "keep_on_site" if goal.name == UNSTAFFED else ctx.name("keep_coverage", goal.name)
    ctx.add_constraint(goal.units <= limit, name, "S1", None, None)
