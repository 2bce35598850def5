"""Run one claimed job in this process: solve the month, store a draft, end the job."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from time import perf_counter
from typing import Any

from sqlalchemy.orm import Session

from models import SolveControl
from optimizer import PlanResult, solve
from roster import services
from roster.jobs.gaps_runner import run_gaps
from roster.jobs.gaps_year_runner import run_gaps_year
from roster.jobs.info import (
    CANCELLED,
    DONE,
    FAILED,
    GAPS,
    GAPS_YEAR,
    INTERRUPTED,
    INTERRUPTED_MESSAGE,
    PLAN,
    REPAIR,
    RUNNING,
    JobInfo,
)
from roster.jobs.provisional import ProvisionalDraft
from roster.jobs.queue import get_job
from roster.jobs.repair import run_repair
from roster.jobs.tracking import Heartbeat, JobGone, JobWatch, finish
from roster.planning import solver_settings, store_plan
from roster.storage import session_scope

log = logging.getLogger(__name__)

SolveFunction = Callable[..., PlanResult]  # optimizer.solve(problem, settings, control=...)


def run_job(
    job_id: int,
    url: str | None = None,
    *,
    solve_fn: SolveFunction | None = None,
    shutdown: threading.Event | None = None,
) -> JobInfo:
    """Run the claimed (running) job ``job_id`` to its end here and return it as it ended.

    ``solve_fn`` replaces ``optimizer.solve`` (tests); ``shutdown`` set by the worker
    stops the solve, and a solve it cut short ends the job interrupted, nothing saved.
    """
    with session_scope(url) as session:
        job = get_job(session, job_id)
    if job.state != RUNNING:
        return job
    watch = JobWatch(url, job_id, shutdown)
    with Heartbeat(watch):
        try:
            if job.kind == GAPS:  # a gap analysis: roster/jobs/gaps_runner.py
                run_gaps(job, url, watch)
            elif job.kind == GAPS_YEAR:  # the year's posts: roster/jobs/gaps_year_runner.py
                run_gaps_year(job, url, watch)
            elif job.kind not in (PLAN, REPAIR):
                raise services.InvalidInput(f"Tipo de trabajo desconocido: '{job.kind}'.")
            else:
                run = _run_plan if job.kind == PLAN else run_repair
                run(job, url, watch, solve_fn or solve)
        except JobGone:
            log.warning("Job %s ended elsewhere; its result is not stored", job_id)
        except Exception as error:
            log.exception("Job %s failed", job_id)
            _end(url, job_id, FAILED, error=failure_message(error, job.kind))
        except BaseException:
            _end(url, job_id, INTERRUPTED, error=INTERRUPTED_MESSAGE)
            raise
    with session_scope(url) as session:
        return get_job(session, job_id)


def failure_message(error: Exception, kind: str = PLAN) -> str:
    """What a coordinator reads when a solve fails (Spanish); nothing stored is touched."""
    what, kept = "generar el rol", "El borrador anterior no cambió."
    if kind == REPAIR:
        what, kept = "calcular la reparación", "El rol publicado no cambió."
    if isinstance(error, services.ServiceError):
        return f"No se pudo {what}: {error} {kept}"
    return f"No se pudo {what} por un error interno ({type(error).__name__}: {error}). {kept}"


def _end(url: str | None, job_id: int, state: str, **values: Any) -> None:
    with session_scope(url) as session:
        finish(session, job_id, state, **values)


def _solve(
    job: JobInfo,
    url: str | None,
    control: SolveControl,
    solve_fn: SolveFunction,
    provisional: ProvisionalDraft,
) -> PlanResult:
    """Read the month's problem in one short transaction, then solve it outside any."""
    assert job.shelter_code is not None and job.year is not None and job.month is not None
    with session_scope(url) as session:
        problem = services.planning_problem(session, job.shelter_code, job.year, job.month)
    provisional.problem = problem
    control.on_roster = provisional.offer
    settings = solver_settings(job.params.get("time_limit"))
    return solve_fn(problem, settings, control=control)


def _run_plan(job: JobInfo, url: str | None, watch: JobWatch, solve_fn: SolveFunction) -> None:
    """Solve the job's month and store its roster, ending the job with it.

    The first legal roster is stored at once as a provisional draft (roster/jobs/
    provisional.py); the final one takes its place, or is removed if the job fails.
    """
    provisional = ProvisionalDraft(url, job.id, job.created_by)
    try:
        _plan_and_store(job, url, watch, solve_fn, provisional)
    except BaseException:
        provisional.discard()
        raise


def _plan_and_store(
    job: JobInfo,
    url: str | None,
    watch: JobWatch,
    solve_fn: SolveFunction,
    provisional: ProvisionalDraft,
) -> None:
    started = perf_counter()
    result = _solve(job, url, watch.control(), solve_fn, provisional)
    watch.refresh()
    if not watch.running:
        raise JobGone
    if result.report.cancelled and watch.shutdown.is_set() and not watch.cancelled:
        provisional.discard()
        _end(url, job.id, INTERRUPTED, error=INTERRUPTED_MESSAGE)  # cut short by the worker
        return
    cancelled = bool(result.report.cancelled) or watch.cancelled
    with session_scope(url) as session:
        summary = _store(session, job, result, cancelled, provisional)
        values: dict[str, Any] = {"result": summary, "elapsed": perf_counter() - started}
        if not cancelled:
            values["fraction"] = 1.0
        if not finish(session, job.id, CANCELLED if cancelled else DONE, **values):
            raise JobGone  # rolls the draft back


def _store(
    session: Session,
    job: JobInfo,
    result: PlanResult,
    cancelled: bool,
    provisional: ProvisionalDraft,
) -> dict[str, Any]:
    """Save the roster (in the provisional draft's place, else as a new draft); summarise it.

    A solve cancelled before it placed anyone (its roster holds at most the locked
    assignments) saves nothing: such a draft would hide the month's current one.
    """
    summary: dict[str, Any] = {
        "version": None,
        "status": result.report.status,
        "cancelled": cancelled,
        "uncovered_minutes": None,
    }
    if cancelled and all(assignment.locked for assignment in result.roster.assignments):
        return summary
    report = json.dumps(result.report.to_dict())
    stored = provisional.settle(session, result.roster, report) or store_plan(
        session, result, created_by=job.created_by
    )
    summary["version"] = stored.version
    summary["uncovered_minutes"] = sum(gap.missing * gap.minutes for gap in stored.gaps)
    return summary
