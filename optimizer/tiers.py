"""Phase 1's steps by coverage tier, and the per-tier report of a solve (the proof).

Each step minimises one tier's weighted shortfall (optimizer/coverage_steps.py); the
essential one has the time with nobody on site ("unstaffed") as its exact tie-break, and
its outcome comes back as one step per figure. The report reads each figure of the
returned roster from the independent validator and pairs it with its proven bound, both
in the coverage units.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.coverage import TIERS, Tier
from models.report import FEASIBLE, NONE, OPTIMAL, PRICED, SKIPPED, TierReport, UnstaffedReport
from models.roster import Roster
from models.validator.soft_coverage import coverage_gaps, tier_units
from models.validator.unstaffed import unstaffed_shifts, unstaffed_units
from optimizer.model import ModelContext
from optimizer.solvers import PhaseOutcome, relative_gap

UNSTAFFED = "unstaffed"  # the essential step's tie-break: the time with nobody on site


@dataclass
class TierStep:
    """One figure of phase 1: its tier (or "unstaffed"), its outcome (weighted) and the
    weight of one unit."""

    tier: str
    outcome: PhaseOutcome
    weight: float

    @property
    def priced(self) -> bool:
        """True for a coverage tier: its objective is S1's, the phase's objective."""
        return self.tier in TIERS


def combine_steps(steps: list[TierStep]) -> PhaseOutcome:
    """Phase 1's outcome: the tiers' objectives and bounds added up (weighted S1; the
    time alone counts in its status only).

    Optimal when every step that ran is proven; "none" when none found a roster;
    "skipped" when no step had anything to minimise.
    """
    ran = [step.outcome for step in steps if step.outcome.status != SKIPPED]
    if not ran:
        constant = sum(step.outcome.objective or 0.0 for step in steps if step.priced)
        return PhaseOutcome(SKIPPED, constant, constant, 0.0, 0.0)
    seconds = sum(outcome.seconds for outcome in ran)
    solved = [outcome for outcome in ran if outcome.status != NONE]
    if not solved:
        return PhaseOutcome(NONE, None, None, None, seconds)
    proven = len(solved) == len(ran) and all(o.status == OPTIMAL for o in solved)
    priced = [step.outcome for step in steps if step.priced]
    objective = sum(outcome.objective or 0.0 for outcome in priced)
    bounds = [outcome.best_bound for outcome in priced]
    bound = None if any(b is None for b in bounds) else sum(b or 0.0 for b in bounds)
    gap_abs = sum(o.gap_abs or 0.0 for o in priced if o.status not in (SKIPPED, NONE)) or None
    status = OPTIMAL if proven else FEASIBLE
    return PhaseOutcome(
        status, objective, bound, relative_gap(objective, bound), seconds, gap_abs=gap_abs
    )


def tier_reports(
    ctx: ModelContext, roster: Roster, steps: list[TierStep], lexicographic: bool
) -> list[TierReport]:
    """Per tier with demand: the roster's shortfall, the proven bound and its status.

    A shortfall of 0 is proven by itself. Essential and normal carry their phase 1
    step's bound and status (unproven in the one weighted phase); optional is "priced".
    """
    problem = ctx.problem
    wanted = {tier for need in problem.demand for tier in TIERS if need.tier_minimum(tier)}
    uncovered = tier_units(problem, roster)
    by_tier = {step.tier: step for step in steps}
    unit = problem.rules.coverage_unit
    reports = []
    for tier in TIERS:
        if tier not in wanted:
            continue
        value = round(uncovered[tier], 6)
        step = by_tier.get(tier)
        status, bound, seconds, gap_abs = (
            step_proof(step) if lexicographic else (FEASIBLE, None, 0.0, None)
        )
        if tier is Tier.OPTIONAL:
            status, bound = PRICED, None
        if value <= 1e-9:
            status, bound = OPTIMAL, 0.0  # nothing uncovered: nothing to prove
        reports.append(TierReport(str(tier), status, value, bound, unit, seconds, gap_abs))
    return reports


def step_proof(step: TierStep | None) -> tuple[str, float | None, float, float | None]:
    """Status, bound and absolute gap of a step in coverage units (a step never run: skipped)."""
    if step is None or step.outcome.status in (SKIPPED, NONE):
        return SKIPPED, None, 0.0 if step is None else step.outcome.seconds, None
    outcome, weight = step.outcome, step.weight or 1.0
    bound = None if outcome.best_bound is None else round(outcome.best_bound / weight, 6)
    gap_abs = None if outcome.gap_abs is None else outcome.gap_abs / weight
    return outcome.status, bound, outcome.seconds, gap_abs


def unstaffed_report(
    ctx: ModelContext, roster: Roster, steps: list[TierStep], lexicographic: bool
) -> UnstaffedReport | None:
    """The roster's time with nobody on site (validator) with its step's proof; None when
    the rule is off (``someone_on_site`` or S1)."""
    rules = ctx.problem.rules
    if not (rules.someone_on_site and rules.coverage_minimum.enabled):
        return None
    problem = ctx.problem
    found = unstaffed_shifts(problem, roster, coverage_gaps(problem, roster))
    value = round(unstaffed_units(problem, roster), 6)
    step = next((step for step in steps if step.tier == UNSTAFFED), None)
    status, bound, seconds, gap_abs = (
        step_proof(step) if lexicographic else (FEASIBLE, None, 0.0, None)
    )
    if value <= 1e-9:
        status, bound = OPTIMAL, 0.0  # nobody left alone: nothing to prove
    unit = rules.coverage_unit
    return UnstaffedReport(UNSTAFFED, status, value, bound, unit, seconds, gap_abs, len(found))
