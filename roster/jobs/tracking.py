"""A running job's side of the table: progress, heartbeat, cancel flag and its end.

Each write is its own short transaction, so the web pages keep reading while the
solver works, and every write is conditional on the job still running.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from time import monotonic
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from models import Progress, SolveControl
from roster.jobs.info import HEARTBEAT_SECONDS, RUNNING, changed_rows
from roster.storage import JobRow, session_scope, utc_now

log = logging.getLogger(__name__)

THROTTLE_SECONDS = 0.5  # at most two progress writes and two cancel reads a second


class JobGone(Exception):
    """The job stopped running under us (taken for dead): its result is not stored."""


def _update_running(url: str | None, job_id: int, **values: Any) -> tuple[bool, bool]:
    """Set ``values`` on the job if it still runs; (still running, cancel requested)."""
    with session_scope(url) as session:
        if values:
            running = update(JobRow).where(JobRow.id == job_id, JobRow.state == RUNNING)
            changed_rows(session, running.values(**values))
        row = session.execute(
            select(JobRow.state, JobRow.cancel_requested).where(JobRow.id == job_id)
        ).one()
        return row.state == RUNNING, bool(row.cancel_requested)


def finish(session: Session, job_id: int, state: str, **values: Any) -> bool:
    """End a running job in ``state`` (``result`` given as a dict); False if it no longer ran."""
    if values.get("result") is not None:
        values["result"] = json.dumps(values["result"])
    now = utc_now()
    statement = (
        update(JobRow)
        .where(JobRow.id == job_id, JobRow.state == RUNNING)
        .values(state=state, finished_at=now, heartbeat_at=now, **values)
    )
    return changed_rows(session, statement) == 1


class JobWatch:
    """The job's ``SolveControl``: writes progress, reads the cancel flag, both throttled.

    ``shutdown`` (the worker is stopping) stops the solve too; so does the job no
    longer running (taken for dead and marked interrupted by a reader).
    """

    def __init__(
        self,
        url: str | None,
        job_id: int,
        shutdown: threading.Event | None = None,
        clock: Callable[[], float] = monotonic,
    ) -> None:
        self.url, self.job_id, self.clock = url, job_id, clock
        self.shutdown = shutdown or threading.Event()
        self.last_write = self.last_read = -float("inf")
        self.phase: str | None = None
        self.running, self.cancelled = True, False

    def control(self) -> SolveControl:
        """The ``SolveControl`` to hand to ``optimizer.solve``."""
        return SolveControl(on_progress=self.on_progress, should_stop=self.should_stop)

    def _store(self, **values: Any) -> None:
        try:
            self.running, self.cancelled = _update_running(self.url, self.job_id, **values)
        except SQLAlchemyError:  # a busy database must not end the solve
            log.warning("Job %s: could not record progress", self.job_id, exc_info=True)

    def on_progress(self, progress: Progress) -> None:
        """Record ``progress`` and the heartbeat (throttled, but a new phase is always written)."""
        now = self.clock()
        if progress.phase == self.phase and now - self.last_write < THROTTLE_SECONDS:
            return
        self.phase, self.last_write = progress.phase, now
        self.last_read = now  # the write reads the cancel flag back
        self._store(
            phase=progress.phase[:32],
            fraction=min(1.0, max(0.0, progress.fraction)),
            elapsed=progress.elapsed,
            incumbent=progress.incumbent,
            bound=progress.bound,
            heartbeat_at=utc_now(),
        )

    def should_stop(self) -> bool:
        """True once a cancel was asked, the worker stops or the job was taken for dead."""
        now = self.clock()
        if now - self.last_read >= THROTTLE_SECONDS:
            self.last_read = now
            self._store()
        return self.stopping

    @property
    def stopping(self) -> bool:
        """The last known answer of ``should_stop``, without reading the table."""
        return self.cancelled or not self.running or self.shutdown.is_set()

    def beat(self) -> None:
        """Write the heartbeat alone (and read the cancel flag back)."""
        self._store(heartbeat_at=utc_now())

    def refresh(self) -> None:
        """Read the cancel flag and state now, whatever the throttle."""
        self.last_read = self.clock()
        self._store()


class Heartbeat:
    """A thread beating ``watch`` every ``interval`` seconds while the block runs.

    It keeps the job alive through the quiet parts of a solve (building the model,
    explaining the gaps) when the optimiser reports nothing.
    """

    def __init__(self, watch: JobWatch, interval: float = HEARTBEAT_SECONDS) -> None:
        self.watch, self.interval = watch, interval
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, name=f"job-{watch.job_id}", daemon=True)

    def _run(self) -> None:
        while not self.done.wait(self.interval):
            self.watch.beat()

    def __enter__(self) -> Heartbeat:
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.done.set()
        self.thread.join()
