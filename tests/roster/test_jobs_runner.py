"""Running a job: progress on the row, a draft at the end, cancel, failure and shutdown."""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any

import pytest
from roster_factories import network
from sqlalchemy import select, update

from models import PlanningProblem, Progress, Roster, SolveControl
from models.validator import validate
from optimizer import PlanResult, SolveReport, SolverSettings, solve
from roster import services
from roster.jobs import claim_next, get_job, mark_interrupted, request_cancel, run_job, submit_plan
from roster.jobs.tracking import Heartbeat, JobWatch
from roster.storage import JobRow, RosterRow, UserRow, session_scope

SHELTER, YEAR, MONTH = "HRT-T1", 2026, 3


@pytest.fixture
def url(db_url: str) -> str:
    """A database with one tiny shelter and one coordinator account (id 1)."""
    with session_scope(db_url) as session:
        services.load_network(session, network(SHELTER))
        session.add(UserRow(email="ana@ejemplo.pe", password_hash="-", role="coordinator"))
    return db_url


def claimed(url: str) -> int:
    """A plan of the month, submitted by user 1 with a short time limit, and claimed."""
    with session_scope(url) as session:
        submit_plan(session, SHELTER, YEAR, MONTH, created_by=1, time_limit=5)
    with session_scope(url) as session:
        job = claim_next(session)
    assert job is not None
    return job.id


def problem(url: str) -> PlanningProblem:
    """The month's planning problem as it stands."""
    with session_scope(url) as session:
        return services.planning_problem(session, SHELTER, YEAR, MONTH)


def versions(url: str) -> list[int]:
    """The month's stored version numbers."""
    with session_scope(url) as session:
        found = services.list_roster_versions(session, SHELTER, YEAR, MONTH)
    return [version.version for version in found]


def test_a_plan_job_ends_done_with_a_new_draft_and_its_progress(url: str) -> None:
    job = run_job(claimed(url), url)
    assert job.state == "done", job.error
    assert job.result is not None
    assert job.result["version"] == 1 and job.result["cancelled"] is False
    assert job.result["status"] in ("optimal", "feasible")
    assert isinstance(job.result["uncovered_minutes"], int)
    assert job.phase == "gaps" and job.fraction == 1.0 and job.elapsed > 0
    assert job.heartbeat_at is not None and job.finished_at is not None
    with session_scope(url) as session:
        row = session.scalar(select(RosterRow).where(RosterRow.version == 1))
        assert row is not None and row.status == "draft" and row.created_by == 1
        assert row.solve_report is not None


def cancelling(url: str, job_id: int, after: tuple[str, ...]) -> Any:
    """``optimizer.solve``, the job's cancel asked right after the first progress write that
    comes after the phases ``after``."""

    def solve_then_cancel(
        problem: PlanningProblem, settings: SolverSettings, control: SolveControl
    ) -> PlanResult:
        def on_progress(progress: Progress) -> None:
            control.report(progress)
            if progress.phase not in after:
                with session_scope(url) as session:
                    request_cancel(session, job_id)

        watched = SolveControl(on_progress=on_progress, should_stop=control.should_stop)
        return solve(problem, settings, control=watched)

    return solve_then_cancel


def test_a_job_cancelled_mid_run_keeps_its_best_roster_as_a_legal_draft(url: str) -> None:
    before = problem(url)
    job_id = claimed(url)
    job = run_job(job_id, url, solve_fn=cancelling(url, job_id, after=("build", "coverage")))
    assert job.state == "cancelled" and job.cancel_requested
    assert job.result is not None and job.result["cancelled"] is True
    assert job.result["version"] == 1 and job.result["status"] == "feasible"
    with session_scope(url) as session:
        draft = services.get_roster(session, SHELTER, YEAR, MONTH)
    assert draft is not None and draft.version == 1
    assert draft.assignments and validate(before, draft).violations == []


def stopped_at_once(
    problem: PlanningProblem, settings: SolverSettings, control: SolveControl
) -> PlanResult:
    """A solve stopped before it placed anyone: an empty roster, its report cancelled."""
    control.report(Progress("build", 0.0, None, None, 0.0))
    roster = Roster(SHELTER, YEAR, MONTH)
    return PlanResult(roster, SolveReport(status="feasible", solver="highs", cancelled=True))


def test_a_job_cancelled_before_any_roster_saves_no_draft(url: str) -> None:
    job = run_job(claimed(url), url, solve_fn=stopped_at_once)
    assert job.state == "cancelled"
    assert job.result == {
        "version": None,
        "status": "feasible",
        "cancelled": True,
        "uncovered_minutes": None,
    }
    assert versions(url) == []


def failing(problem: PlanningProblem, settings: SolverSettings, control: SolveControl) -> Any:
    """A solve that breaks after its first progress report."""
    control.report(Progress("build", 0.1, None, None, 0.0))
    raise RuntimeError("HiGHS se detuvo")


def test_a_failing_job_ends_failed_and_leaves_the_draft_as_it_was(url: str) -> None:
    assert run_job(claimed(url), url).state == "done"
    with session_scope(url) as session:
        draft = services.get_roster(session, SHELTER, YEAR, MONTH)
    job = run_job(claimed(url), url, solve_fn=failing)
    assert job.state == "failed" and job.result is None
    assert job.error is not None and "error interno" in job.error and "HiGHS se detuvo" in job.error
    assert versions(url) == [1]
    with session_scope(url) as session:
        assert services.get_roster(session, SHELTER, YEAR, MONTH) == draft


def test_a_service_error_is_reported_in_its_own_words(url: str) -> None:
    job_id = claimed(url)

    def refuse(*_args: Any, **_options: Any) -> Any:
        raise services.InvalidInput("El hogar no tiene personal activo.")

    job = run_job(job_id, url, solve_fn=refuse)
    assert job.state == "failed"
    assert job.error == "No se pudo generar el rol: El hogar no tiene personal activo. " + (
        "El borrador anterior no cambió."
    )


def stoppable(
    problem: PlanningProblem, settings: SolverSettings, control: SolveControl
) -> PlanResult:
    """The real solve, reporting once first and marked cancelled if asked to stop by then."""
    control.report(Progress("build", 0.0, None, None, 0.0))
    stop = control.stopped()
    result = solve(problem, settings)
    result.report.cancelled = stop
    return result


def test_a_worker_shutting_down_interrupts_the_job_and_saves_nothing(url: str) -> None:
    shutdown = threading.Event()
    shutdown.set()
    job = run_job(claimed(url), url, solve_fn=stoppable, shutdown=shutdown)
    assert job.state == "interrupted" and job.error is not None
    assert versions(url) == []


def test_a_solve_that_ended_before_the_shutdown_is_kept(url: str) -> None:
    shutdown = threading.Event()

    def then_shutdown(*args: Any, **options: Any) -> PlanResult:
        result = stoppable(*args, **options)
        shutdown.set()
        return result

    job = run_job(claimed(url), url, solve_fn=then_shutdown, shutdown=shutdown)
    assert job.state == "done" and versions(url) == [1]


def test_a_job_taken_for_dead_while_it_ran_stores_nothing(url: str) -> None:
    job_id = claimed(url)

    def declared_dead(problem: PlanningProblem, settings: SolverSettings, **options: Any) -> Any:
        with session_scope(url) as session:
            mark_interrupted(session, -60)  # every running job counts as silent
        return solve(problem, settings)

    job = run_job(job_id, url, solve_fn=declared_dead)
    assert job.state == "interrupted" and versions(url) == []


def test_only_a_running_job_is_run(url: str) -> None:
    with session_scope(url) as session:
        queued = submit_plan(session, SHELTER, YEAR, MONTH)
    assert run_job(queued.id, url, solve_fn=failing).state == "queued"


def test_a_job_of_an_unknown_kind_fails(url: str) -> None:
    job_id = claimed(url)
    with session_scope(url) as session:
        session.execute(update(JobRow).where(JobRow.id == job_id).values(kind="magia"))
    job = run_job(job_id, url, solve_fn=failing)
    assert job.state == "failed" and "magia" in (job.error or "")


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_progress_writes_and_cancel_reads_are_throttled(url: str) -> None:
    job_id, clock = claimed(url), Clock()
    watch = JobWatch(url, job_id, clock=clock)
    step = Progress("coverage", 1.0, 10.0, 5.0, 0.1)
    watch.on_progress(step)
    watch.on_progress(replace(step, elapsed=1.2, fraction=0.2))  # within 0.5 s: not written
    with session_scope(url) as session:
        request_cancel(session, job_id)
    assert get_elapsed(url, job_id) == 1.0 and not watch.should_stop()  # read is throttled too
    watch.on_progress(replace(step, phase="quality", elapsed=1.3))  # a new phase is written
    assert get_elapsed(url, job_id) == 1.3 and watch.should_stop()


def get_elapsed(url: str, job_id: int) -> float:
    """The elapsed seconds stored on the job."""
    with session_scope(url) as session:
        return get_job(session, job_id).elapsed


def test_should_stop_reads_the_flag_again_after_the_throttle(url: str) -> None:
    job_id, clock = claimed(url), Clock()
    watch = JobWatch(url, job_id, clock=clock)
    assert not watch.should_stop()
    with session_scope(url) as session:
        request_cancel(session, job_id)
    assert not watch.should_stop()
    clock.now = 0.5
    assert watch.should_stop()


def test_the_heartbeat_keeps_a_quiet_job_alive(url: str) -> None:
    job_id = claimed(url)
    with session_scope(url) as session:
        before = get_job(session, job_id).heartbeat_at
    watch = JobWatch(url, job_id)
    with Heartbeat(watch, interval=60) as heart:
        assert heart.thread.is_alive()
        watch.beat()
    assert not heart.thread.is_alive()
    with session_scope(url) as session:
        after = get_job(session, job_id).heartbeat_at
    assert before is not None and after is not None and after > before
