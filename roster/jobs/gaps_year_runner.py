"""Run a claimed year job: read the shelters' twelve months, size the posts, keep the result.

Each shelter's year is solved in a child process of its own (roster/gaps/tracked.py), so a
cancel terminates it at once and saves nothing. Progress is the share of shelters done.
"""

from __future__ import annotations

import logging
from time import perf_counter
from typing import Any

from models import Progress
from models.gap_year import NetworkYearAnalysis, YearGapAnalysis
from roster.gaps.settings import GapSettings, limited_settings
from roster.gaps.tracked import AnalysisStopped, OnShelter, Stopped, analyse_in_pool
from roster.gaps.year import YearInputs, analyse_shelter_year, year_inputs
from roster.jobs.gaps_runner import failure_message
from roster.jobs.gaps_year import year_to_plain
from roster.jobs.info import CANCELLED, DONE, FAILED, INTERRUPTED, INTERRUPTED_MESSAGE, JobInfo
from roster.jobs.tracking import JobWatch, finish
from roster.storage import session_scope

log = logging.getLogger(__name__)

PHASE = "brechas del año"


def analyse_year_tracked(
    year: int,
    inputs: list[YearInputs],
    settings: GapSettings,
    on_shelter: OnShelter,
    stopped: Stopped,
) -> NetworkYearAnalysis:
    """Every shelter's year in child processes, stoppable at any moment."""
    started = perf_counter()
    # The pool runs any shelter's work whose inputs name the shelter (``.problem``).
    pool: Any = analyse_in_pool
    shelters: list[YearGapAnalysis] = pool(
        inputs, settings, on_shelter, stopped, target=analyse_shelter_year
    )
    return NetworkYearAnalysis(year, shelters, perf_counter() - started)


def _end(url: str | None, job_id: int, state: str, **values: object) -> None:
    with session_scope(url) as session:
        if not finish(session, job_id, state, **values):
            log.warning("Year gap job %s ended elsewhere; its result is not stored", job_id)


def summary(analysis: NetworkYearAnalysis) -> dict[str, object]:
    """The job's result: the figures a list shows, and the whole year."""
    return {
        "shelters": len(analysis.shelters),
        "temporary_cover_hours": round(analysis.temporary_hours, 2),
        "recommended_cost_month": str(analysis.total_cost),
        "analysis": year_to_plain(analysis),
    }


def run_gaps_year(job: JobInfo, url: str | None, watch: JobWatch) -> None:
    """Analyse the job's shelter (or every active shelter) for its year and end the job."""
    assert job.year is not None
    started = perf_counter()

    def on_shelter(done: int, total: int) -> None:
        watch.on_progress(Progress(PHASE, perf_counter() - started, None, None, done / total))

    try:
        with session_scope(url) as session:
            inputs = year_inputs(session, job.year, job.shelter_code)
        settings = limited_settings(
            float(job.params.get("time_limit", 30.0)), workers=int(job.params.get("workers", 2))
        )
        watch.on_progress(Progress(PHASE, 0.0, None, None, 0.0))
        analysis = analyse_year_tracked(job.year, inputs, settings, on_shelter, watch.should_stop)
    except AnalysisStopped:
        if watch.shutdown.is_set() and not watch.cancelled:
            _end(url, job.id, INTERRUPTED, error=INTERRUPTED_MESSAGE)
        else:
            _end(url, job.id, CANCELLED, elapsed=perf_counter() - started)
        return
    except Exception as error:
        log.exception("Year gap job %s failed", job.id)
        _end(url, job.id, FAILED, error=failure_message(error))
        return
    _end(
        url, job.id, DONE, result=summary(analysis), fraction=1.0, elapsed=perf_counter() - started
    )
