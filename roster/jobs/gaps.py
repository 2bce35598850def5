"""Gap analyses as background jobs: queue one for a shelter or the network, find the newest.

A job of kind ``gaps`` names a month and a shelter, or no shelter for the whole network.
While it runs, ``fraction`` is the share of shelters analysed (``params["shelters"]`` says
how many there are); when it ends ``result["analysis"]`` holds the whole analysis
(roster/gaps/stored.py), from which the pages and the downloads are made.
"""

from __future__ import annotations

import json

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from models.gaps import NetworkGapAnalysis
from roster.gaps.stored import analysis_from_plain
from roster.jobs.info import ACTIVE_STATES, DONE, GAPS, QUEUED, JobInfo
from roster.jobs.queue import get_job
from roster.services.errors import InvalidInput
from roster.services.lookup import shelter_row
from roster.settings import get_settings
from roster.storage import JobRow, ShelterRow


def _jobs(session: Session, shelter_code: str | None, year: int, month: int) -> Select:
    """The gap jobs of one month on one shelter, or on the network (no shelter)."""
    query = select(JobRow).where(JobRow.kind == GAPS, JobRow.year == year, JobRow.month == month)
    if shelter_code is None:
        return query.where(JobRow.shelter_id.is_(None))
    return query.where(JobRow.shelter_id == shelter_row(session, shelter_code).id)


def _scope_text(shelter_code: str | None) -> str:
    return "de la red" if shelter_code is None else f"del hogar '{shelter_code}'"


def submit_gaps(
    session: Session,
    shelter_code: str | None,
    year: int,
    month: int,
    *,
    created_by: int | None = None,
    time_limit: float | None = None,
) -> JobInfo:
    """Queue the gap analysis of a shelter's month (``None``: every active shelter).

    Refused (``InvalidInput``) while one for the same shelter or network and month waits
    or runs. Without ``time_limit`` the ``ROSTER_GAPS_TIME_LIMIT_SECONDS`` setting applies.
    """
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise InvalidInput(f"Mes {month}/{year} no válido: use un mes de 1 a 12 entre 2000 y 2100.")
    settings = get_settings()
    limit = settings.gaps_time_limit_seconds if time_limit is None else time_limit
    if not limit > 0:
        raise InvalidInput("El tiempo límite del análisis debe ser un número de segundos positivo.")
    query = _jobs(session, shelter_code, year, month).where(JobRow.state.in_(ACTIVE_STATES))
    for row in session.scalars(query):
        if get_job(session, row.id).active:
            raise InvalidInput(
                f"Ya se están analizando las brechas {month:02d}/{year} "
                f"{_scope_text(shelter_code)} (trabajo {row.id}): espere a que termine o cancélelo."
            )
    return queue_analysis(session, GAPS, shelter_code, year, month, limit, created_by)


def queue_analysis(
    session: Session,
    kind: str,
    shelter_code: str | None,
    year: int,
    month: int | None,
    limit: float,
    created_by: int | None,
) -> JobInfo:
    """Store a queued analysis job of ``kind`` (a month's or a year's) for a shelter or the
    network; ``params`` say its time limit, workers and how many shelters it analyses."""
    shelter = None if shelter_code is None else shelter_row(session, shelter_code)
    active = select(ShelterRow.id).where(ShelterRow.active.is_(True))
    count = 1 if shelter is not None else len(session.scalars(active).all())
    if count == 0:
        raise InvalidInput("No hay hogares activos que analizar.")
    workers = get_settings().gaps_workers
    params = {"time_limit": float(limit), "workers": workers, "shelters": count}
    row = JobRow(
        kind=kind,
        shelter_id=None if shelter is None else shelter.id,
        year=year,
        month=month,
        params=json.dumps(params),
        state=QUEUED,
        created_by=created_by,
    )
    session.add(row)
    session.flush()
    return get_job(session, row.id)


def latest_gaps_job(
    session: Session, shelter_code: str | None, year: int, month: int
) -> JobInfo | None:
    """The newest gap job of the month on a shelter or the network, or None."""
    query = _jobs(session, shelter_code, year, month).order_by(JobRow.id.desc()).limit(1)
    row = session.scalar(query)
    return None if row is None else get_job(session, row.id)


def latest_gaps_analysis(
    session: Session, shelter_code: str | None, year: int, month: int
) -> tuple[JobInfo, NetworkGapAnalysis] | None:
    """The newest finished analysis of the month (and its job), or None if none finished."""
    query = _jobs(session, shelter_code, year, month).where(JobRow.state == DONE)
    row = session.scalar(query.order_by(JobRow.id.desc()).limit(1))
    if row is None:
        return None
    job = get_job(session, row.id)
    assert job.result is not None
    return job, analysis_from_plain(job.result["analysis"])
