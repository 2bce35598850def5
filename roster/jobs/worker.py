"""The worker loop: expire dead jobs, then claim and run queued jobs one after another."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError

from roster.jobs.info import STALE_AFTER_SECONDS, JobInfo
from roster.jobs.queue import claim_next, mark_interrupted
from roster.jobs.runner import run_job
from roster.storage import session_scope

log = logging.getLogger(__name__)


def watch_parent(parent_pid: int, shutdown: threading.Event, poll: float) -> threading.Thread:
    """A thread setting ``shutdown`` once this process's parent ``parent_pid`` is gone."""

    def run() -> None:
        while not shutdown.wait(poll):
            if os.getppid() != parent_pid:
                log.warning("Parent process %s is gone; the worker stops", parent_pid)
                shutdown.set()

    thread = threading.Thread(target=run, name="parent-watch", daemon=True)
    thread.start()
    return thread


def _claim(url: str | None) -> JobInfo | None:
    """The next queued job, claimed and committed; None if none waits or the database is busy."""
    try:
        with session_scope(url) as session:
            return claim_next(session)
    except SQLAlchemyError:
        log.warning("Could not claim a job", exc_info=True)
        return None


def run_worker(
    url: str | None = None,
    *,
    once: bool = False,
    poll: float = 0.5,
    shutdown: threading.Event | None = None,
    on_job: Callable[[JobInfo], None] | None = None,
) -> int:
    """Run queued jobs until ``shutdown`` is set, or with ``once`` until none waits; how many ran.

    On start, running jobs with a stale heartbeat (a worker that died) become interrupted.
    ``on_job`` hears of each job as it starts and as it ends.
    """
    shutdown = shutdown or threading.Event()
    with session_scope(url) as session:
        expired = mark_interrupted(session, STALE_AFTER_SECONDS)
    if expired:
        log.warning("%s job(s) left running by a stopped worker are now interrupted", expired)
    ran = 0
    while not shutdown.is_set():
        job = _claim(url)
        if job is None:
            if once:
                break
            shutdown.wait(poll)
            continue
        if on_job is not None:
            on_job(job)
        finished = run_job(job.id, url, shutdown=shutdown)
        ran += 1
        if on_job is not None:
            on_job(finished)
    return ran
