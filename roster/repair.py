"""Repair a published month after a sick call: re-plan from a date with the past fixed.

The repair solves the days from the date to the month's end (models.repair.repair_problem):
the published shifts before it are history the hard rules read, the published roster
is the reference of rule S7 so the solver changes as little as it can, and the new
absence is one of the month's absences. The time limit is short (``REPAIR_TIME_LIMIT``
seconds per phase): the coordinator waits for the answer. A quick greedy repair
(models.repair.greedy_repair) is scored by the validator beside the optimiser's, and the
better is proposed. The same days are then re-planned from scratch (no S7) to show how
much the stability saves.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from time import perf_counter

from models import PlanResult, Progress, Roster, SolveControl, SolveReport
from models.repair import cell_changes, greedy_repair, merge_repair, repair_problem, uncovered
from models.validator import validate
from optimizer import SolverSettings, explain_gaps, solve
from roster.services.repair import Proposal, RepairSetup, repair_setup, store_proposal
from roster.services.repair_summary import RepairSummary, summarize
from roster.settings import get_settings
from roster.storage import session_scope

REPAIR_TIME_LIMIT = 2.0  # seconds per phase: a proposal within about five seconds
SolveFunction = Callable[..., PlanResult]  # optimizer.solve(problem, settings, control=...)


@dataclass(frozen=True)
class RepairOutcome:
    """A computed repair: the proposed month, its summary and report, the stored proposal."""

    setup: RepairSetup
    roster: Roster
    summary: RepairSummary
    report: SolveReport
    proposal: Proposal | None = None


def repair_settings(time_limit: float | None = None) -> SolverSettings:
    """The configured solver (``ROSTER_*``) with the repair's short time limit per phase."""
    configured = get_settings()
    limit = time_limit or REPAIR_TIME_LIMIT
    return SolverSettings(
        solver=configured.solver,
        time_limit_phase1=limit,
        time_limit_phase2=limit,
        mip_gap=configured.mip_gap,
        threads=configured.threads,
    )


def _month(setup: RepairSetup, planned: Roster) -> Roster:
    """The whole proposed month: the published days before the date, the plan from it."""
    start, published = setup.start, setup.published
    return replace(
        published,
        assignments=merge_repair(published.assignments, planned.assignments, start),
        gaps=[g for g in published.gaps if g.day < start]
        + [g for g in planned.gaps if g.day >= start],
    )


def _renamed(control: SolveControl | None, phase: str) -> SolveControl | None:
    """``control`` reporting every phase of a second solve as ``phase``."""
    if control is None:
        return None

    def report(progress: Progress) -> None:
        control.report(replace(progress, phase=phase))

    return SolveControl(on_progress=report, should_stop=control.should_stop)


def _best(setup: RepairSetup, planned: Roster) -> tuple[Roster, str]:
    """The optimiser's plan of the days from the date, or the greedy repair's when the
    product's own weights score it better (a solve cut short by its time limit may end far
    from the published roster); with the name of the method kept."""
    month, published, start = setup.problem, setup.published.assignments, setup.start
    problem = repair_problem(month, published, start)
    greedy = [a for a in greedy_repair(month, published, start) if a.day >= start]
    label = (problem.shelter.code, problem.year, problem.month)
    ours, theirs = Roster(*label, list(planned.assignments)), Roster(*label, greedy)
    mine, other = validate(problem, ours), validate(problem, theirs)
    if other.is_legal and (not mine.is_legal or other.total_penalty < mine.total_penalty):
        return replace(theirs, gaps=explain_gaps(problem, theirs)), "greedy"
    return planned, "optimizer"


def solve_repair(
    setup: RepairSetup,
    settings: SolverSettings,
    control: SolveControl | None = None,
    *,
    compare: bool = True,
    solve_fn: SolveFunction = solve,
) -> RepairOutcome:
    """Solve the repair (and, with ``compare``, the from-scratch re-plan) of ``setup``."""
    month, published, start = setup.problem, setup.published.assignments, setup.start
    started = perf_counter()
    result = solve_fn(repair_problem(month, published, start), settings, control=control)
    planned, method = _best(setup, result.roster)
    seconds = perf_counter() - started
    proposed = _month(setup, planned)
    checked = replace(month, locks=[a for a in proposed.assignments if a.locked])
    status = "cancelled" if result.report.cancelled else result.report.status
    summary = summarize(checked, setup.published, proposed, start, status=status, seconds=seconds)
    summary = replace(summary, method=method)
    if compare and not result.report.cancelled:
        begun = perf_counter()
        scratch = solve_fn(
            repair_problem(month, published, start, stable=False),
            settings,
            control=_renamed(control, "compare"),
        )
        fresh = merge_repair(published, scratch.roster.assignments, start)
        summary = replace(
            summary,
            scratch_changed=len(cell_changes(published, fresh)),
            scratch_uncovered=uncovered(month, fresh, start),
            scratch_seconds=round(perf_counter() - begun, 2),
        )
    return RepairOutcome(setup, proposed, summary, result.report)


def repair_month(
    shelter_code: str,
    year: int,
    month: int,
    start: date,
    settings: SolverSettings,
    url: str | None = None,
    *,
    compare: bool = True,
    created_by: int | None = None,
) -> RepairOutcome:
    """Read the month, solve its repair outside any transaction, and store the proposal."""
    with session_scope(url) as session:
        setup = repair_setup(session, shelter_code, year, month, start)
    outcome = solve_repair(setup, settings, compare=compare)
    with session_scope(url) as session:
        proposal = store_proposal(
            session,
            setup,
            outcome.roster,
            outcome.summary,
            json.dumps(outcome.report.to_dict()),
            created_by,
        )
    return replace(outcome, proposal=proposal)
