"""What callers see of a job: a frozen ``JobInfo`` built from a row, and the job vocabulary."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import CursorResult, Update
from sqlalchemy.orm import Session

from roster.storage import JobRow

QUEUED, RUNNING, DONE = "queued", "running", "done"
FAILED, CANCELLED, INTERRUPTED = "failed", "cancelled", "interrupted"
ACTIVE_STATES = (QUEUED, RUNNING)
FINAL_STATES = (DONE, FAILED, CANCELLED, INTERRUPTED)

STATE_LABELS_ES = {
    QUEUED: "en cola",
    RUNNING: "calculando",
    DONE: "terminado",
    FAILED: "falló",
    CANCELLED: "cancelado",
    INTERRUPTED: "interrumpido",
}

PLAN = "plan"
REPAIR = "repair"  # a published month repaired from a date (roster.repair)
GAPS = "gaps"  # a gap analysis of a shelter's or the network's month (roster/jobs/gaps.py)
GAPS_YEAR = "gaps_year"  # posts sized on a year (roster/jobs/gaps_year.py)
KINDS = (PLAN, REPAIR, GAPS, GAPS_YEAR)

# A running job writes its heartbeat at least this often (seconds)...
HEARTBEAT_SECONDS = 2.0
# ...and one whose heartbeat is older than this is taken for dead (seconds).
STALE_AFTER_SECONDS = 60.0

INTERRUPTED_MESSAGE = "El servidor se reinició mientras se calculaba; vuelva a generar."


@dataclass(frozen=True)
class JobInfo:
    """One job as stored: what to do, where it stands, what it produced (times in UTC)."""

    id: int
    kind: str
    shelter_id: int | None
    shelter_code: str | None
    year: int | None
    month: int | None
    params: dict[str, Any]
    state: str
    phase: str | None
    fraction: float
    elapsed: float
    incumbent: float | None
    bound: float | None
    cancel_requested: bool
    result: dict[str, Any] | None
    error: str | None
    created_by: int | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    heartbeat_at: datetime | None

    @property
    def active(self) -> bool:
        """True while the job waits or runs."""
        return self.state in ACTIVE_STATES

    @property
    def month_key(self) -> str | None:
        """``"2026-12"`` for a job on a month, else None."""
        if self.year is None or self.month is None:
            return None
        return f"{self.year:04d}-{self.month:02d}"


def aware(moment: datetime | None) -> datetime | None:
    """``moment`` with its UTC offset (SQLite hands stored times back without one)."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def job_info(row: JobRow, shelter_code: str | None) -> JobInfo:
    """The ``JobInfo`` of a row, its JSON columns parsed and its times made aware."""
    created_at = aware(row.created_at)
    assert created_at is not None
    return JobInfo(
        id=row.id,
        kind=row.kind,
        shelter_id=row.shelter_id,
        shelter_code=shelter_code,
        year=row.year,
        month=row.month,
        params=json.loads(row.params or "{}"),
        state=row.state,
        phase=row.phase,
        fraction=row.fraction,
        elapsed=row.elapsed,
        incumbent=row.incumbent,
        bound=row.bound,
        cancel_requested=row.cancel_requested,
        result=None if row.result is None else json.loads(row.result),
        error=row.error,
        created_by=row.created_by,
        created_at=created_at,
        started_at=aware(row.started_at),
        finished_at=aware(row.finished_at),
        heartbeat_at=aware(row.heartbeat_at),
    )


def changed_rows(session: Session, statement: Update) -> int:
    """Run an UPDATE of the jobs table and return how many rows it changed.

    The session's loaded rows are left alone: callers refresh the ones they read again.
    """
    result = session.execute(statement, execution_options={"synchronize_session": False})
    assert isinstance(result, CursorResult)
    return result.rowcount
