"""The solve: phase 1 minimises the gap (S1) tier by tier, phase 2 the other soft rules.

Phase 1 is lexicographic by coverage tier: the essential shortfall is minimised and
proved, and with it, as an exact tie-break, the time with nobody on site (the
"unstaffed" figure, ``RuleSet.someone_on_site``); both are kept while the normal
shortfall is minimised and proved. Optional cover
is not in phase 1: its shortfall joins phase 2's objective at a weight below one
request's (S5). Phase 2 keeps phase 1's values (``gap_tolerance`` relative slack) and
starts from phase 1's solution; with HiGHS it is the search core's shelter plan
(optimizer/search.py).
With ``SolverSettings.lexicographic`` False one phase, "weighted", minimises every soft
term at once, with the core's weighted plan. The result is always a roster: coverage
is elastic and locks that break a hard rule relax it for that person only (reported in
the report). A ``SolveControl`` watches the solve and may stop it (optimizer/watch.py):
the best roster found by then is returned, its report cancelled.
"""

from __future__ import annotations

from fractions import Fraction
from functools import reduce
from math import gcd
from time import perf_counter

import pulp

from models.coverage import Tier
from models.problem import PlanningProblem
from models.progress import SolveControl
from models.report import (
    FEASIBLE,
    NONE,
    OPTIMAL,
    SKIPPED,
    PhaseReport,
    PlanResult,
    SolveReport,
)
from optimizer.bound import tight_bound
from optimizer.build import build_model
from optimizer.coverage_steps import coverage_goals, keep_goal, solve_step
from optimizer.model import ModelContext
from optimizer.plans import CONSTRUCT_FROM, SHELTER, weighted_plan
from optimizer.readout import (
    SOFT_CODES,
    extract_roster,
    overall_status,
    phase_report,
    restore,
    rule_totals,
    snapshot,
)
from optimizer.reasons import explain_gaps
from optimizer.search import Search
from optimizer.settings import SolverSettings
from optimizer.solvers import PhaseOutcome, relative_gap, run_phase
from optimizer.tiers import TierStep, combine_steps, tier_reports, unstaffed_report
from optimizer.watch import Watch

__all__ = ["phase_report", "restore", "snapshot", "solve"]
QUALITY_CODES = SOFT_CODES[1:]
BOUND_SHARE = 0.1  # of phase 2's time at most, for the tight bound (optimizer/bound.py)
PRICED_TIERS = (Tier.OPTIONAL,)  # priced in phase 2's objective instead
STEP_SHARE = 0.25  # of phase 1's time, the least a later tier step gets once the first ran


def solve(
    problem: PlanningProblem,
    settings: SolverSettings | None = None,
    control: SolveControl | None = None,
) -> PlanResult:
    """Plan one shelter's month: a roster with its gaps explained, and the solve report.

    ``control`` receives progress at least once a second and may stop the solve: the
    result is then the best roster found so far, its report ``cancelled``.
    """
    settings = settings or SolverSettings()
    watch = Watch(control, settings.time_limit_phase1 + settings.time_limit_phase2)
    watch.enter("build")
    ctx = build_model(problem, watch)
    build_seconds = perf_counter() - watch.started
    coverage, quality, saved, steps = solve_phases(ctx, settings)
    solved = settle(ctx, quality, saved)
    roster = extract_roster(ctx, solved)
    watch.enter("gaps")
    roster.gaps = explain_gaps(problem, roster) if settings.explain_gaps else []
    phases = phase_reports(settings, coverage, quality)
    report = SolveReport(
        status=overall_status(phases, solved, watch.cancelled),
        solver=settings.solver,
        phases=phases,
        build_seconds=build_seconds,
        solve_seconds=coverage.seconds + quality.seconds,
        variables=ctx.lp.numVariables(),
        constraints=ctx.lp.numConstraints(),
        infeasibilities=list(ctx.infeasibilities),
        cancelled=watch.cancelled,
        tiers=tier_reports(ctx, roster, steps, settings.lexicographic),
        unstaffed=unstaffed_report(ctx, roster, steps, settings.lexicographic),
    )
    # The model's penalty columns are exact only for a polished roster: else the validator counts
    from_model = quality.polished and quality.status not in (NONE, SKIPPED) and not watch.cancelled
    report.penalties, report.units = rule_totals(ctx, from_model, problem, roster)
    watch.tick(force=True)
    return PlanResult(roster, report)


def phase_reports(
    settings: SolverSettings, coverage: PhaseOutcome, quality: PhaseOutcome
) -> list[PhaseReport]:
    """Coverage and quality, or the one weighted phase."""
    if not settings.lexicographic:
        return [phase_report("weighted", quality, settings.mip_gap)]
    return [
        phase_report("coverage", coverage, 0.0),
        phase_report("quality", quality, settings.mip_gap),
    ]


def solve_phases(
    ctx: ModelContext, settings: SolverSettings
) -> tuple[PhaseOutcome, PhaseOutcome, dict | None, list[TierStep]]:
    """The coverage and quality phases (or the one weighted phase), until the caller stops;
    and phase 1's tier steps.

    A phase the caller stopped before it began is "skipped" (weighted: "none").
    """
    watch = ctx.watch
    unsolved = PhaseOutcome(SKIPPED, None, None, None, 0.0)
    if not settings.lexicographic:
        if watch.tick(force=True):
            return unsolved, PhaseOutcome(NONE, None, None, None, 0.0), None, []
        watch.enter("weighted")
        weighted = solve_weighted(ctx, settings)
        watch.tick(force=True)  # the phase's last word: its best roster and bound
        return unsolved, weighted, None, []
    if watch.tick(force=True):
        return unsolved, PhaseOutcome(NONE, None, None, None, 0.0), None, []
    coverage, saved, steps = solve_coverage(ctx, settings)
    if saved is not None and watch.control.on_roster is not None:
        watch.control.offer(extract_roster(ctx, True))  # shown while phase 2 improves it
    if watch.tick(force=True):
        return coverage, PhaseOutcome(SKIPPED, None, None, None, 0.0), saved, steps
    watch.enter("quality")
    quality = solve_quality(ctx, settings, coverage)
    watch.tick(force=True)
    return coverage, quality, saved, steps


def settle(ctx: ModelContext, quality: PhaseOutcome, saved: dict | None) -> bool:
    """Leave the roster in the variables (phase 1's when phase 2 has none); True when
    there is a roster."""
    if quality.status in (NONE, SKIPPED) and saved is not None:
        restore(ctx, saved)
    return quality.status != NONE or saved is not None


def solve_coverage(
    ctx: ModelContext, settings: SolverSettings
) -> tuple[PhaseOutcome, dict | None, list[TierStep]]:
    """Phase 1, lexicographic: the essential shortfall, then the time with nobody on site
    (one solve, an exact tie-break: optimizer/coverage_steps.py), each proven optimal
    unless the time runs out and kept; then the normal shortfall, likewise.

    Each objective moves in steps (weight x gcd of the shift hours), so an absolute gap
    of half a step proves it; the relative gap is 0. A later step gets what is left of
    ``time_limit_phase1`` (at least ``STEP_SHARE`` of it). The phase's outcome adds the
    tier steps up; a step the caller stopped before it began is "skipped".
    """
    steps: list[TierStep] = []
    saved: dict | None = None
    started = perf_counter()
    for goals in coverage_goals(ctx):
        live = [goal for goal in goals if goal.units.keys()]
        idle = [goal for goal in goals if not goal.units.keys()]  # nothing to minimise
        steps += [TierStep(goal.name, skipped_outcome(), goal.weight) for goal in idle]
        if not live:
            continue
        if saved is not None and ctx.watch.tick(force=True):
            break  # stopped between two steps: the goals below are not minimised
        spent = perf_counter() - started
        limit = settings.time_limit_phase1
        limit = max(limit - spent, limit * STEP_SHARE) if saved is not None else limit
        solved = solve_step(ctx, live, settings, limit)
        steps += solved
        if any(step.outcome.status == NONE or step.outcome.objective is None for step in solved):
            break
        for goal, step in zip(live, solved, strict=True):
            keep_goal(ctx, goal, (step.outcome.objective or 0.0) / goal.weight, settings)
        saved = snapshot(ctx)
    if saved is not None:
        restore(ctx, saved)  # a later step stopped without a roster: the earlier one's
    return combine_steps(steps), saved, steps


def skipped_outcome() -> PhaseOutcome:
    """A step with nothing to minimise: 0, proven by itself."""
    return PhaseOutcome(SKIPPED, 0.0, 0.0, 0.0, 0.0)


def quality_objective(ctx: ModelContext, kept: bool) -> pulp.LpAffineExpression:
    """Phase 2's objective: S2-S7 and the optional shortfall, or every term when phase 1
    kept nothing."""
    if not kept:
        return ctx.soft_expression()
    return ctx.soft_expression(QUALITY_CODES) + ctx.tier_expression(PRICED_TIERS)


def solve_quality(
    ctx: ModelContext, settings: SolverSettings, coverage: PhaseOutcome
) -> PhaseOutcome:
    """Phase 2: keep phase 1's gap and minimise S2-S7 and the optional shortfall, starting
    from phase 1's roster.

    HiGHS: the tight bound, then the search core's shelter plan. CBC: one plain solve.
    """
    objective = quality_objective(ctx, coverage.status != NONE)  # no value kept: all
    ctx.lp.setObjective(objective)
    ctx.watch.offset = float(objective.constant)
    if settings.solver != "highs":
        warm = coverage.status in (OPTIMAL, FEASIBLE)
        limit, gap = settings.time_limit_phase2, settings.mip_gap
        outcome = run_phase(ctx.lp, settings, limit, gap, None, warm, watch=ctx.watch)
        return polish_plain(ctx, settings, outcome, objective)
    started, budget = perf_counter(), settings.time_limit_phase2
    tight = tight_bound(ctx, settings, objective, budget * BOUND_SHARE)
    search = Search(ctx, settings, objective, SHELTER)
    if tight is not None:
        search.note_bound(tight.bound - float(objective.constant))
        search.area.relaxed = tight.assignments
    return search.solve(budget - (perf_counter() - started))


def solve_weighted(ctx: ModelContext, settings: SolverSettings) -> PhaseOutcome:
    """Minimise the weighted sum of every soft term (one phase), proven when time allows.

    Below ``CONSTRUCT_FROM`` assignment columns the run paths (rules/soft_runs.py) join
    the MIP: HiGHS proves far sooner with them. The search core's plan follows the size.
    """
    objective = ctx.soft_expression()
    ctx.lp.setObjective(objective)
    ctx.watch.offset = float(objective.constant)
    budget = settings.time_limit_phase1 + settings.time_limit_phase2
    step = objective_step(objective)
    gap_abs = step * 0.999 if step else None
    if len(ctx.x) < CONSTRUCT_FROM:  # on the largest models their LP alone takes minutes
        ctx.adopt_tightening()
    if settings.solver != "highs":
        outcome = run_phase(ctx.lp, settings, budget, settings.mip_gap, gap_abs, watch=ctx.watch)
        return polish_plain(ctx, settings, outcome, objective)
    started = perf_counter()
    search = Search(ctx, settings, objective, weighted_plan(len(ctx.x), settings), gap_abs)
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


def polish_plain(
    ctx: ModelContext,
    settings: SolverSettings,
    outcome: PhaseOutcome,
    objective: pulp.LpAffineExpression,
) -> PhaseOutcome:
    """A plain (CBC) solve's polish: the chosen assignments fixed and the model re-solved,
    so every penalty column is tight and the per-rule totals equal the validator's.

    A time-limited incumbent may carry slack in auxiliary columns (a fairness maximum
    above the largest count). The phase's ``objective`` is
    read again; a roster that cannot be completed keeps its values, unpolished. The
    search core polishes its own rosters (optimizer/search.py).
    """
    if outcome.status == NONE or ctx.watch.cancelled:
        return outcome
    ctx.watch.enter("polish")
    saved = snapshot(ctx)
    for var in ctx.x.values():
        var.lowBound = var.upBound = round(var.varValue or 0)
    ctx.lp.setObjective(ctx.soft_expression())
    ctx.watch.offset = float(ctx.lp.objective.constant)
    polished = run_phase(ctx.lp, settings, settings.time_limit_phase2, None, watch=ctx.watch)
    outcome.seconds += polished.seconds
    if polished.status == NONE:
        restore(ctx, saved)
        return outcome
    outcome.objective = pulp.value(objective)
    outcome.mip_gap = relative_gap(outcome.objective, outcome.best_bound)
    outcome.polished = True
    return outcome
