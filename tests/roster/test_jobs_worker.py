"""The worker: its loop, 'roster worker' end to end, and the workers 'roster serve' starts."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import timedelta

import pytest
from roster_factories import network
from sqlalchemy import update
from typer.testing import CliRunner

from roster import services
from roster.cli import app
from roster.cli.serve import running_workers, worker_command
from roster.jobs import claim_next, get_job, run_worker, submit_plan, watch_parent
from roster.storage import JobRow, session_scope, utc_now

SHELTER = "HRT-T1"


@pytest.fixture
def url(db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """A database with one tiny shelter, also the CLI's (ROSTER_DATABASE_URL)."""
    monkeypatch.setenv("ROSTER_DATABASE_URL", db_url)
    with session_scope(db_url) as session:
        services.load_network(session, network(SHELTER))
    return db_url


def submit(url: str, month: int = 3) -> int:
    """Queue a short plan of 2026-``month``; its job id."""
    with session_scope(url) as session:
        return submit_plan(session, SHELTER, 2026, month, time_limit=5).id


def state(url: str, job_id: int) -> str:
    """The job's state now."""
    with session_scope(url) as session:
        return get_job(session, job_id).state


def test_a_worker_run_once_solves_the_queue_and_stops(url: str) -> None:
    first, second = submit(url, 3), submit(url, 4)
    heard: list[tuple[int, str]] = []
    ran = run_worker(url, once=True, on_job=lambda job: heard.append((job.id, job.state)))
    assert ran == 2
    assert heard == [(first, "running"), (first, "done"), (second, "running"), (second, "done")]


def test_a_worker_starting_interrupts_the_jobs_a_dead_worker_left(url: str) -> None:
    job_id = submit(url)
    with session_scope(url) as session:
        claim_next(session)
        old = utc_now() - timedelta(hours=1)
        session.execute(update(JobRow).where(JobRow.id == job_id).values(heartbeat_at=old))
    assert run_worker(url, once=True) == 0
    assert state(url, job_id) == "interrupted"


def test_a_worker_asked_to_stop_claims_nothing(url: str) -> None:
    job_id = submit(url)
    shutdown = threading.Event()
    shutdown.set()
    assert run_worker(url, shutdown=shutdown) == 0
    assert state(url, job_id) == "queued"


def test_the_worker_stops_when_its_parent_is_gone() -> None:
    shutdown = threading.Event()
    watch_parent(os.getppid() + 1_000_000, shutdown, poll=0.01)
    assert shutdown.wait(timeout=10)


def test_the_worker_command_with_an_empty_queue_ends_at_once(url: str) -> None:
    result = CliRunner().invoke(app, ["worker", "--once"])
    assert result.exit_code == 0, result.output
    assert "0 trabajos atendidos" in result.stdout


def test_serve_starts_a_worker_that_it_stops_again(url: str) -> None:
    command = worker_command(0.2)
    assert command[3:] == ["worker", "--poll", "0.2", "--parent-pid", str(os.getpid())]
    with running_workers(1) as workers:
        assert workers[0].poll() is None
    assert workers[0].returncode is not None


@pytest.mark.slow  # a new Python process: a few seconds on a busy machine
def test_roster_worker_once_runs_a_queued_job_in_its_own_process(url: str) -> None:
    job_id = submit(url)
    entry = "from roster.cli import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", entry, "worker", "--once"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "ROSTER_DATABASE_URL": url},
    )
    assert done.returncode == 0, done.stderr
    assert f"Trabajo {job_id}" in done.stdout and "terminado" in done.stdout
    assert state(url, job_id) == "done"
