"""A repair job: re-plan a published month from a date and store the proposal.

Like a plan job, the month is read in one short transaction and solved outside any; the
proposal is stored and the job ended in one transaction, and only while the job still
runs. A cancelled repair stores nothing: the coordinator stopped it, and the published
roster is what stands. Its ``result``: ``{"proposal": 7, "status": "optimal",
"changed": 8, "scratch_changed": 140, "uncovered_minutes": 0}``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from time import perf_counter
from typing import Any

from models import PlanResult
from roster.jobs.info import CANCELLED, DONE, INTERRUPTED, INTERRUPTED_MESSAGE, JobInfo
from roster.jobs.tracking import JobGone, JobWatch, finish
from roster.repair import repair_settings, solve_repair
from roster.services.repair import repair_setup, store_proposal
from roster.storage import session_scope


def run_repair(
    job: JobInfo, url: str | None, watch: JobWatch, solve_fn: Callable[..., PlanResult]
) -> None:
    """Solve the job's repair and store its proposal, ending the job with it."""
    assert job.shelter_code is not None and job.year is not None and job.month is not None
    started = perf_counter()
    with session_scope(url) as session:
        start = date.fromisoformat(str(job.params.get("from")))
        setup = repair_setup(session, job.shelter_code, job.year, job.month, start)
    settings = repair_settings(job.params.get("time_limit"))
    outcome = solve_repair(setup, settings, watch.control(), solve_fn=solve_fn)
    watch.refresh()
    if not watch.running:
        raise JobGone
    elapsed = perf_counter() - started
    if outcome.report.cancelled or watch.cancelled:
        state, message = CANCELLED, None
        if watch.shutdown.is_set() and not watch.cancelled:
            state, message = INTERRUPTED, INTERRUPTED_MESSAGE  # cut short by the worker
        with session_scope(url) as session:
            finish(session, job.id, state, error=message, elapsed=elapsed)
        return
    summary = outcome.summary
    with session_scope(url) as session:
        proposal = store_proposal(
            session,
            setup,
            outcome.roster,
            summary,
            json.dumps(outcome.report.to_dict()),
            job.created_by,
        )
        result: dict[str, Any] = {
            "proposal": proposal.id,
            "status": summary.status,
            "changed": summary.changed,
            "scratch_changed": summary.scratch_changed,
            "uncovered_minutes": round(summary.coverage_after.hours * 60),
        }
        if not finish(session, job.id, DONE, result=result, elapsed=elapsed, fraction=1.0):
            raise JobGone  # rolls the proposal back
