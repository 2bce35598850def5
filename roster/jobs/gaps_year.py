"""The year's gap analysis as a background job: queue one, find the newest (docs/gaps.md §12).

A job of kind ``gaps_year`` names a year (no month) and a shelter, or no shelter for the
whole network. While it runs, ``fraction`` is the share of shelters analysed; when it ends
``result["analysis"]`` holds the whole year (``year_to_plain``), from which the page and
the PDF, Excel and JSON downloads are made without solving again.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from models.gap_year import NetworkYearAnalysis
from roster.gaps.stored import from_plain, to_plain
from roster.jobs.gaps import queue_analysis
from roster.jobs.info import ACTIVE_STATES, DONE, GAPS_YEAR, JobInfo
from roster.jobs.queue import get_job
from roster.services.errors import InvalidInput
from roster.services.lookup import shelter_row
from roster.settings import get_settings
from roster.storage import JobRow


def year_to_plain(analysis: NetworkYearAnalysis) -> dict[str, Any]:
    """The year's analysis as JSON values (``year_from_plain`` reads it back)."""
    plain: dict[str, Any] = to_plain(analysis)
    return plain


def year_from_plain(data: dict[str, Any]) -> NetworkYearAnalysis:
    analysis: NetworkYearAnalysis = from_plain(NetworkYearAnalysis, data)
    return analysis


def _jobs(session: Session, shelter_code: str | None, year: int) -> Select:
    """The year jobs of one shelter, or of the network (no shelter)."""
    query = select(JobRow).where(JobRow.kind == GAPS_YEAR, JobRow.year == year)
    if shelter_code is None:
        return query.where(JobRow.shelter_id.is_(None))
    return query.where(JobRow.shelter_id == shelter_row(session, shelter_code).id)


def submit_gaps_year(
    session: Session,
    shelter_code: str | None,
    year: int,
    *,
    created_by: int | None = None,
    time_limit: float | None = None,
) -> JobInfo:
    """Queue the year's analysis of a shelter (``None``: every active shelter).

    Refused (``InvalidInput``) while one for the same shelter or network and year waits
    or runs. Without ``time_limit`` the ``ROSTER_GAPS_TIME_LIMIT_SECONDS`` setting applies
    to each of the year's solves.
    """
    if not 2000 <= year <= 2100:
        raise InvalidInput(f"Año {year} no válido: use un año entre 2000 y 2100.")
    settings = get_settings()
    limit = settings.gaps_time_limit_seconds if time_limit is None else time_limit
    if not limit > 0:
        raise InvalidInput("El tiempo límite del análisis debe ser un número de segundos positivo.")
    query = _jobs(session, shelter_code, year).where(JobRow.state.in_(ACTIVE_STATES))
    for row in session.scalars(query):
        if get_job(session, row.id).active:
            scope = "de la red" if shelter_code is None else f"del hogar '{shelter_code}'"
            raise InvalidInput(
                f"Ya se está analizando el año {year} {scope} (trabajo {row.id}): "
                "espere a que termine o cancélelo."
            )
    return queue_analysis(session, GAPS_YEAR, shelter_code, year, None, limit, created_by)


def latest_year_job(session: Session, shelter_code: str | None, year: int) -> JobInfo | None:
    """The newest year job of a shelter or the network, or None."""
    row = session.scalar(_jobs(session, shelter_code, year).order_by(JobRow.id.desc()).limit(1))
    return None if row is None else get_job(session, row.id)


def latest_year_analysis(
    session: Session, shelter_code: str | None, year: int
) -> tuple[JobInfo, NetworkYearAnalysis] | None:
    """The newest finished year analysis (and its job), or None if none finished."""
    query = _jobs(session, shelter_code, year).where(JobRow.state == DONE)
    row = session.scalar(query.order_by(JobRow.id.desc()).limit(1))
    if row is None:
        return None
    job = get_job(session, row.id)
    assert job.result is not None
    return job, year_from_plain(job.result["analysis"])
