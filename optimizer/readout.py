"""Reading a solve back: the roster, the phase reports, the overall status, the rule totals."""

from __future__ import annotations

import math

import pulp

from models.problem import PlanningProblem
from models.report import FEASIBLE, NONE, OPTIMAL, SKIPPED, PhaseReport
from models.roster import Assignment, AssignmentSource, Roster
from models.validator import validate
from optimizer.model import ModelContext
from optimizer.solvers import PhaseOutcome

SOFT_CODES = ("S1", "S2", "S3", "S4", "S5", "S6", "S7")


def snapshot(ctx: ModelContext) -> dict[str, float | None]:
    """Every variable's current value, by name."""
    return {var.name: var.varValue for var in ctx.lp.variables()}


def restore(ctx: ModelContext, values: dict[str, float | None]) -> None:
    """Set the variables back to a ``snapshot``."""
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
    """The report of one phase; PhaseReport checks its "optimal" against its gaps."""
    return PhaseReport(
        name=name,
        status=outcome.status,
        objective=outcome.objective,
        best_bound=outcome.best_bound,
        mip_gap=outcome.mip_gap,
        solve_seconds=outcome.seconds,
        gap_limit=gap_limit,
        gap_abs=outcome.gap_abs,
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
    ctx: ModelContext, from_model: bool, problem: PlanningProblem, roster: Roster
) -> tuple[dict[str, float], dict[str, float]]:
    """Weighted and unweighted totals per soft rule: read from the solution when
    ``from_model`` (its penalty columns tight), else recomputed by the validator."""
    if not from_model:
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
