"""The job queue over the jobs table: submit, look up, cancel, claim, and expire dead jobs.

Every function takes a ``Session`` and returns ``JobInfo``, never rows; the caller
commits (``roster.storage.session_scope``). A claim must be committed at once.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, select, update
from sqlalchemy.orm import Session

from roster.jobs.info import (
    ACTIVE_STATES,
    CANCELLED,
    GAPS,
    INTERRUPTED,
    INTERRUPTED_MESSAGE,
    PLAN,
    QUEUED,
    REPAIR,
    RUNNING,
    STALE_AFTER_SECONDS,
    JobInfo,
    aware,
    changed_rows,
    job_info,
)
from roster.services.errors import InvalidInput, NotFound
from roster.services.lookup import shelter_row
from roster.storage import JobRow, ShelterRow, utc_now


def _cutoff(stale_after_seconds: float) -> datetime:
    return utc_now() - timedelta(seconds=stale_after_seconds)


def _info(session: Session, row: JobRow) -> JobInfo:
    shelter = None if row.shelter_id is None else session.get(ShelterRow, row.shelter_id)
    return job_info(row, None if shelter is None else shelter.code)


def _interrupt_stale(session: Session, cutoff: datetime, job_id: int | None = None) -> int:
    """Running jobs whose heartbeat is older than ``cutoff`` become interrupted; how many."""
    statement = (
        update(JobRow)
        .where(JobRow.state == RUNNING, JobRow.heartbeat_at < cutoff)
        .values(state=INTERRUPTED, error=INTERRUPTED_MESSAGE, finished_at=utc_now())
    )
    if job_id is not None:
        statement = statement.where(JobRow.id == job_id)
    return changed_rows(session, statement)


def _checked(session: Session, row: JobRow, stale_after_seconds: float) -> JobInfo:
    """The read-side rule: a running row with a stale heartbeat is stored as interrupted."""
    cutoff = _cutoff(stale_after_seconds)
    heartbeat = aware(row.heartbeat_at)
    if row.state == RUNNING and heartbeat is not None and heartbeat < cutoff:
        _interrupt_stale(session, cutoff, row.id)
        session.refresh(row)
    return _info(session, row)


def _month_jobs(shelter: ShelterRow, year: int, month: int) -> Select:
    """The jobs on a shelter's roster of a month (gap analyses are apart: roster/jobs/gaps.py)."""
    return select(JobRow).where(
        JobRow.shelter_id == shelter.id,
        JobRow.year == year,
        JobRow.month == month,
        JobRow.kind != GAPS,
    )


def submit_plan(
    session: Session,
    shelter_code: str,
    year: int,
    month: int,
    *,
    created_by: int | None = None,
    time_limit: float | None = None,
) -> JobInfo:
    """Queue the solve of a month; ``InvalidInput`` if one for it is already queued or running."""
    params = {} if time_limit is None else {"time_limit": float(time_limit)}
    return _submit(session, PLAN, shelter_code, year, month, params, created_by, time_limit)


def submit_repair(
    session: Session,
    shelter_code: str,
    start: date,
    *,
    created_by: int | None = None,
    time_limit: float | None = None,
) -> JobInfo:
    """Queue the repair of ``start``'s month from ``start`` on (roster.repair); refused like
    ``submit_plan`` while a job of that month is queued or running."""
    params: dict[str, Any] = {"from": start.isoformat()}
    if time_limit is not None:
        params["time_limit"] = float(time_limit)
    return _submit(
        session, REPAIR, shelter_code, start.year, start.month, params, created_by, time_limit
    )


def _submit(
    session: Session,
    kind: str,
    shelter_code: str,
    year: int,
    month: int,
    params: dict[str, Any],
    created_by: int | None,
    time_limit: float | None,
) -> JobInfo:
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise InvalidInput(f"Mes {month}/{year} no válido: use un mes de 1 a 12 entre 2000 y 2100.")
    if time_limit is not None and not time_limit > 0:
        raise InvalidInput("El tiempo límite del cálculo debe ser un número de segundos positivo.")
    shelter = shelter_row(session, shelter_code)
    query = _month_jobs(shelter, year, month)
    for row in session.scalars(query.where(JobRow.state.in_(ACTIVE_STATES))):
        if _checked(session, row, STALE_AFTER_SECONDS).active:
            raise InvalidInput(
                f"Ya se está calculando el rol {month:02d}/{year} del hogar '{shelter_code}' "
                f"(trabajo {row.id}): espere a que termine o cancélelo."
            )
    row = JobRow(
        kind=kind,
        shelter_id=shelter.id,
        year=year,
        month=month,
        params=json.dumps(params),
        state=QUEUED,
        created_by=created_by,
    )
    session.add(row)
    session.flush()
    return _info(session, row)


def get_job(
    session: Session, job_id: int, stale_after_seconds: float = STALE_AFTER_SECONDS
) -> JobInfo:
    """The job ``job_id`` (a dead running job is reported, and stored, as interrupted)."""
    row = session.get(JobRow, job_id, populate_existing=True)
    if row is None:
        raise NotFound(f"No existe el trabajo {job_id}.")
    return _checked(session, row, stale_after_seconds)


def latest_job(session: Session, shelter_code: str, year: int, month: int) -> JobInfo | None:
    """The newest job on a shelter's month, or None if it never had one."""
    query = _month_jobs(shelter_row(session, shelter_code), year, month)
    row = session.scalar(query.order_by(JobRow.id.desc()).limit(1))
    return None if row is None else _checked(session, row, STALE_AFTER_SECONDS)


def request_cancel(session: Session, job_id: int) -> JobInfo:
    """Cancel a job: a queued one at once, a running one at its solver's next check.

    A job that already ended is returned unchanged.
    """
    get_job(session, job_id)  # NotFound, and the stale rule
    waiting = (
        update(JobRow)
        .where(JobRow.id == job_id, JobRow.state == QUEUED)
        .values(state=CANCELLED, cancel_requested=True, finished_at=utc_now())
    )
    if not changed_rows(session, waiting):
        running = update(JobRow).where(JobRow.id == job_id, JobRow.state == RUNNING)
        changed_rows(session, running.values(cancel_requested=True))
    return get_job(session, job_id)


def claim_next(session: Session) -> JobInfo | None:
    """Take the oldest queued job for this worker (it becomes running), or None if none waits.

    The claim is an ``UPDATE ... WHERE state = 'queued'``: of two workers racing for
    one job only one changes the row, the other sees no row changed and tries the next.
    """
    while True:
        oldest = select(JobRow.id).where(JobRow.state == QUEUED).order_by(JobRow.id).limit(1)
        job_id = session.scalar(oldest)
        if job_id is None:
            return None
        now = utc_now()
        claim = (
            update(JobRow)
            .where(JobRow.id == job_id, JobRow.state == QUEUED)
            .values(state=RUNNING, started_at=now, heartbeat_at=now, phase=None, fraction=0.0)
        )
        if changed_rows(session, claim) == 1:
            return get_job(session, job_id)


def mark_interrupted(session: Session, stale_after_seconds: float = STALE_AFTER_SECONDS) -> int:
    """Running jobs with no heartbeat for ``stale_after_seconds`` become interrupted; how many."""
    return _interrupt_stale(session, _cutoff(stale_after_seconds))
