"""The lexicographic solve: phase 1 minimises the gap (S1), phase 2 the other soft rules.

Phase 2 keeps phase 1's value (``gap_tolerance`` relative slack) and starts from
phase 1's solution. With ``SolverSettings.lexicographic`` False one phase, "weighted",
minimises every soft term at once (optimizer/lns.py). The result is always a roster:
coverage is elastic and locks that break a hard rule relax it for that person only
(reported in the report).
"""

from __future__ import annotations

import math
from functools import reduce
from math import gcd
from time import perf_counter

import pulp

from models.problem import PlanningProblem
from models.progress import SolveControl
from models.roster import Assignment, AssignmentSource, Roster
from optimizer.build import build_model
from optimizer.lns import solve_weighted
from optimizer.model import ModelContext
from optimizer.reasons import explain_gaps
from optimizer.report import FEASIBLE, NONE, OPTIMAL, SKIPPED, PhaseReport, PlanResult, SolveReport
from optimizer.search import search_quality
from optimizer.settings import SolverSettings
from optimizer.solvers import PhaseOutcome, relative_gap, run_phase
from optimizer.watch import Watch

SOFT_CODES = ("S1", "S2", "S3", "S4", "S5", "S6", "S7")
QUALITY_CODES = SOFT_CODES[1:]


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
    ctx = build_model(problem)
    build_seconds = perf_counter() - watch.started
    coverage, quality, saved = solve_phases(ctx, settings, watch)
    if quality.status == NONE and saved is not None:
        restore(ctx, saved)
    solved = quality.status != NONE or saved is not None
    if solved and not quality.polished:
        watch.enter("polish")
        polish(ctx, settings, quality, QUALITY_CODES if settings.lexicographic else SOFT_CODES)
    roster = extract_roster(ctx, solved)
    watch.enter("gaps")
    roster.gaps = explain_gaps(problem, roster) if settings.explain_gaps else []
    phases = [
        phase_report("coverage", coverage, 0.0),
        phase_report("quality", quality, settings.mip_gap),
    ]
    if not settings.lexicographic:
        phases = [phase_report("weighted", quality, settings.mip_gap)]
    report = SolveReport(
        status=overall_status(phases, solved, watch.cancelled),
        solver=settings.solver,
        phases=phases,
        build_seconds=build_seconds,
        solve_seconds=coverage.seconds + quality.seconds,
        variables=ctx.lp.numVariables(),
        constraints=ctx.lp.numConstraints(),
        infeasibilities=[item.to_dict() for item in ctx.infeasibilities],
        cancelled=watch.cancelled,
    )
    report.penalties, report.units = rule_totals(ctx, solved, problem, roster)
    return PlanResult(roster, report)


def solve_phases(
    ctx: ModelContext, settings: SolverSettings, watch: Watch
) -> tuple[PhaseOutcome, PhaseOutcome, dict | None]:
    """The coverage and quality phases (or the one weighted phase), until the caller stops."""
    unsolved = PhaseOutcome(SKIPPED, None, None, None, 0.0)
    if not settings.lexicographic:
        if watch.tick(force=True):
            return unsolved, PhaseOutcome(NONE, None, None, None, 0.0), None
        watch.enter("weighted")
        return unsolved, solve_weighted(ctx, settings), None
    watch.enter("coverage")
    coverage, saved = solve_coverage(ctx, settings)
    if watch.tick(force=True):
        return coverage, PhaseOutcome(SKIPPED, None, None, None, 0.0), saved
    watch.enter("quality")
    return coverage, solve_quality(ctx, settings, coverage), saved


def solve_coverage(ctx: ModelContext, settings: SolverSettings) -> tuple[PhaseOutcome, dict | None]:
    """Phase 1: minimise the weighted shortfall, proven optimal unless the time runs out.

    The S1 objective moves in steps of weight x gcd(shift hours), so an absolute gap
    of half a step proves optimality; the relative gap is 0.
    """
    objective = ctx.soft_expression(("S1",))
    if not objective.keys():
        return PhaseOutcome(SKIPPED, objective.constant, objective.constant, 0.0, 0.0), None
    ctx.lp.setObjective(objective)
    outcome = run_phase(ctx.lp, settings, settings.time_limit_phase1, 0.0, coverage_step(ctx) / 2)
    if outcome.status == NONE or outcome.objective is None:
        return outcome, None
    if outcome.objective <= 1e-9:
        for short in ctx.short.values():
            short.upBound = 0  # full coverage: keep it exactly
    else:
        limit = outcome.objective * (1 + settings.gap_tolerance) + 1e-6
        ctx.add_constraint(objective <= limit, "keep_coverage", "S1", None, None)
    return outcome, snapshot(ctx)


def coverage_step(ctx: ModelContext) -> float:
    """The smallest change of the S1 objective between two rosters."""
    minutes = [
        ctx.problem.shifts[need.shift].minutes for need in ctx.problem.demand if need.minimum
    ]
    weight = ctx.rules.coverage_minimum.weight
    if not minutes:
        return 1.0
    return weight * ctx.rules.coverage_size(reduce(gcd, minutes, 0))


def solve_quality(
    ctx: ModelContext, settings: SolverSettings, coverage: PhaseOutcome
) -> PhaseOutcome:
    """Phase 2: keep phase 1's gap and minimise S2-S7, starting from phase 1's roster."""
    objective = ctx.soft_expression(QUALITY_CODES)
    if coverage.status == NONE:
        objective = ctx.soft_expression()  # no coverage value to keep: weigh everything
    ctx.lp.setObjective(objective)
    warm = coverage.status in (OPTIMAL, FEASIBLE)
    if warm and settings.solver == "highs":
        return search_quality(ctx, settings, objective)
    return run_phase(ctx.lp, settings, settings.time_limit_phase2, settings.mip_gap, None, warm)


def polish(
    ctx: ModelContext,
    settings: SolverSettings,
    quality: PhaseOutcome,
    codes: tuple[str, ...] = QUALITY_CODES,
) -> None:
    """Fix the chosen assignments and re-solve, so every penalty variable is tight.

    A time-limited incumbent may carry slack in auxiliary variables (a fairness
    maximum above the largest count); with x fixed the LP gives their exact values,
    so the per-rule totals equal the validator's. Phase 2's objective is updated.
    """
    saved = snapshot(ctx)
    for var in ctx.x.values():
        var.lowBound = var.upBound = round(var.varValue or 0)
    ctx.lp.setObjective(ctx.soft_expression())
    outcome = run_phase(ctx.lp, settings, settings.time_limit_phase2, None)
    quality.seconds += outcome.seconds
    if outcome.status == NONE:
        restore(ctx, saved)
        return
    if quality.status != NONE:
        quality.objective = pulp.value(ctx.soft_expression(codes))
        quality.mip_gap = relative_gap(quality.objective, quality.best_bound)


def snapshot(ctx: ModelContext) -> dict[str, float | None]:
    return {var.name: var.varValue for var in ctx.lp.variables()}


def restore(ctx: ModelContext, values: dict[str, float | None]) -> None:
    for var in ctx.lp.variables():
        var.varValue = values.get(var.name)


def extract_roster(ctx: ModelContext, solved: bool) -> Roster:
    """The assignments the solution chose (only the locks when nothing was solved)."""
    problem = ctx.problem
    order = {shift.code: index for index, shift in enumerate(problem.shift_types)}
    chosen = [
        cell
        for cell, var in ctx.x.items()
        if (solved and (var.varValue or 0) > 0.5) or (not solved and cell in ctx.locked)
    ]
    chosen.sort(key=lambda cell: (cell[1], order[cell[2]], cell[3], cell[0]))
    assignments = [
        Assignment(
            staff_id,
            day,
            shift,
            role,
            locked=(staff_id, day, shift, role) in ctx.locked,
            source=AssignmentSource.MANUAL
            if (staff_id, day, shift, role) in ctx.locked
            else AssignmentSource.OPTIMIZER,
        )
        for staff_id, day, shift, role in chosen
    ]
    return Roster(problem.shelter.code, problem.year, problem.month, assignments)


def phase_report(name: str, outcome: PhaseOutcome, gap_limit: float) -> PhaseReport:
    return PhaseReport(
        name=name,
        status=outcome.status,
        objective=outcome.objective,
        best_bound=outcome.best_bound,
        mip_gap=outcome.mip_gap,
        solve_seconds=outcome.seconds,
        gap_limit=gap_limit,
    )


def overall_status(phases: list[PhaseReport], solved: bool, cancelled: bool = False) -> str:
    """optimal if every phase that ran was proven (and none was cut short by the caller),
    feasible if a roster exists, else none."""
    if not solved:
        return NONE
    if cancelled:
        return FEASIBLE
    ran = [phase.status for phase in phases if phase.status != SKIPPED]
    return OPTIMAL if all(status == OPTIMAL for status in ran) else FEASIBLE


def rule_totals(
    ctx: ModelContext, solved: bool, problem: PlanningProblem, roster: Roster
) -> tuple[dict[str, float], dict[str, float]]:
    """Weighted and unweighted totals per soft rule, read from the solution."""
    if not solved:
        from models.validator import validate

        checked = validate(problem, roster)
        return dict(checked.penalties), dict(checked.units)
    penalties = dict.fromkeys(SOFT_CODES, 0.0)
    units = dict.fromkeys(SOFT_CODES, 0.0)
    for code, terms in ctx.soft_terms.items():
        values = [(term.weight, pulp.value(term.units) or 0.0) for term in terms]
        units[code] = clean(sum(value for _, value in values))
        penalties[code] = clean(sum(weight * value for weight, value in values))
    return penalties, units


def clean(value: float) -> float:
    """Round solver noise away (1e-6)."""
    rounded = round(value, 6)
    return 0.0 if math.isclose(rounded, 0.0, abs_tol=1e-9) else rounded
