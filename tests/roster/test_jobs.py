"""The job queue: submit, claim, cancel, and dead jobs taken for interrupted."""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

import pytest
from roster_factories import network
from sqlalchemy import update
from sqlalchemy.orm import Session

from roster import services
from roster.jobs import (
    INTERRUPTED_MESSAGE,
    claim_next,
    get_job,
    latest_job,
    mark_interrupted,
    request_cancel,
    submit_plan,
)
from roster.storage import JobRow, UserRow, session_scope, utc_now

SHELTER = "HRT-T1"


@pytest.fixture
def url(db_url: str) -> str:
    """A database with one tiny shelter and one coordinator account (id 1)."""
    with session_scope(db_url) as session:
        services.load_network(session, network(SHELTER))
        session.add(UserRow(email="ana@ejemplo.pe", password_hash="-", role="coordinator"))
    return db_url


def submit(url: str, month: int = 3, **options: Any) -> int:
    """Queue a plan of 2026-``month`` and return its job id."""
    with session_scope(url) as session:
        return submit_plan(session, SHELTER, 2026, month, **options).id


def claim(url: str) -> int | None:
    """Claim the next job in a session of its own; its id, or None."""
    with session_scope(url) as session:
        job = claim_next(session)
        return None if job is None else job.id


def age_heartbeat(url: str, job_id: int, seconds: float) -> None:
    """Pretend the job's worker last beat ``seconds`` ago."""
    with session_scope(url) as session:
        old = utc_now() - timedelta(seconds=seconds)
        session.execute(update(JobRow).where(JobRow.id == job_id).values(heartbeat_at=old))


def test_a_submitted_plan_waits_in_the_queue(url: str) -> None:
    with session_scope(url) as session:
        job = submit_plan(session, SHELTER, 2026, 3, created_by=1, time_limit=5)
    assert (job.kind, job.state, job.shelter_code, job.month_key) == (
        "plan",
        "queued",
        SHELTER,
        "2026-03",
    )
    assert job.params == {"time_limit": 5.0} and job.created_by == 1
    assert job.result is None and job.error is None and job.fraction == 0.0
    assert job.created_at.tzinfo is not None and job.active


def test_a_second_plan_of_the_same_month_is_refused_while_one_is_active(url: str) -> None:
    first = submit(url)
    with session_scope(url) as session, pytest.raises(services.InvalidInput, match="Ya se está"):
        submit_plan(session, SHELTER, 2026, 3)
    assert submit(url, month=4) != first  # another month is fine
    claim(url)
    with session_scope(url) as session, pytest.raises(services.InvalidInput, match=f"{first}"):
        submit_plan(session, SHELTER, 2026, 3)


@pytest.mark.parametrize(
    ("code", "month", "limit", "error"),
    [
        ("HRT-NO", 3, None, services.NotFound),
        (SHELTER, 13, None, services.InvalidInput),
        (SHELTER, 3, 0.0, services.InvalidInput),
    ],
)
def test_a_bad_submission_is_refused(
    session: Session, code: str, month: int, limit: float | None, error: type[Exception]
) -> None:
    services.load_network(session, network(SHELTER))
    with pytest.raises(error):
        submit_plan(session, code, 2026, month, time_limit=limit)


def test_lookups_name_the_job_or_say_there_is_none(url: str) -> None:
    with session_scope(url) as session:
        assert latest_job(session, SHELTER, 2026, 3) is None
        with pytest.raises(services.NotFound, match="No existe el trabajo 99"):
            get_job(session, 99)
    first = submit(url)
    with session_scope(url) as session:
        request_cancel(session, first)
    second = submit(url)
    with session_scope(url) as session:
        latest = latest_job(session, SHELTER, 2026, 3)
        assert latest is not None and latest.id == second


def test_a_queued_job_cancelled_never_runs(url: str) -> None:
    job_id = submit(url)
    with session_scope(url) as session:
        job = request_cancel(session, job_id)
    assert job.state == "cancelled" and job.cancel_requested and job.finished_at is not None
    assert claim(url) is None
    assert submit(url) != job_id  # the month may be planned again


def test_a_claimed_job_runs_and_a_cancel_only_flags_it(url: str) -> None:
    job_id = submit(url)
    assert claim(url) == job_id
    assert claim(url) is None
    with session_scope(url) as session:
        running = get_job(session, job_id)
        assert running.state == "running" and not running.cancel_requested
        assert running.started_at is not None and running.heartbeat_at is not None
        flagged = request_cancel(session, job_id)
    assert flagged.state == "running" and flagged.cancel_requested


def test_cancelling_an_ended_job_changes_nothing(url: str) -> None:
    job_id = submit(url)
    with session_scope(url) as session:
        request_cancel(session, job_id)
    with session_scope(url) as session:
        again = request_cancel(session, job_id)
    assert again.state == "cancelled"


def test_jobs_are_claimed_oldest_first(url: str) -> None:
    first, second = submit(url, month=3), submit(url, month=4)
    assert [claim(url), claim(url), claim(url)] == [first, second, None]


class RacingSession:
    """A session whose first look at the queue lets ``rival`` claim the same job first."""

    def __init__(self, session: Session, rival: Any) -> None:
        self.session, self.rival, self.raced = session, rival, False

    def __getattr__(self, name: str) -> Any:
        return getattr(self.session, name)

    def scalar(self, statement: Any) -> Any:
        found = self.session.scalar(statement)
        if not self.raced:
            self.raced = True
            self.rival()
        return found


def test_of_two_workers_racing_for_one_job_only_one_wins(url: str) -> None:
    job_id = submit(url)
    won: list[int | None] = []
    with session_scope(url) as session:
        racing = RacingSession(session, lambda: won.append(claim(url)))
        lost = claim_next(racing)  # type: ignore[arg-type]
    assert won == [job_id] and lost is None


def test_threads_claiming_together_take_each_job_once(url: str) -> None:
    jobs = {submit(url, month=month) for month in range(1, 7)}
    taken: list[int] = []

    def work() -> None:
        while (job_id := claim(url)) is not None:
            taken.append(job_id)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(taken) == sorted(jobs)


def test_a_running_job_with_a_stale_heartbeat_reads_as_interrupted(url: str) -> None:
    job_id = submit(url)
    claim(url)
    age_heartbeat(url, job_id, 3600)
    with session_scope(url) as session:
        job = get_job(session, job_id)
    assert job.state == "interrupted" and job.error == INTERRUPTED_MESSAGE
    with session_scope(url) as session:
        stored = session.get(JobRow, job_id)
        assert stored is not None and stored.state == "interrupted"
    assert submit(url) != job_id  # the month may be planned again


def test_a_stale_running_job_does_not_block_a_new_plan(url: str) -> None:
    job_id = submit(url)
    claim(url)
    age_heartbeat(url, job_id, 3600)
    new = submit(url)
    with session_scope(url) as session:
        assert get_job(session, job_id).state == "interrupted"
        assert get_job(session, new).state == "queued"


def test_mark_interrupted_ends_only_the_silent_running_jobs(url: str) -> None:
    silent, alive, waiting = submit(url, month=3), submit(url, month=4), submit(url, month=5)
    claim(url), claim(url)
    age_heartbeat(url, silent, 120)
    with session_scope(url) as session:
        assert mark_interrupted(session, 60) == 1
    with session_scope(url) as session:
        states = [get_job(session, job_id).state for job_id in (silent, alive, waiting)]
    assert states == ["interrupted", "running", "queued"]
