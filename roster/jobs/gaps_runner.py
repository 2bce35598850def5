"""Run a claimed gap job: read the shelters, analyse them in child processes, keep the result.

Progress is the share of shelters analysed; a cancel (or the worker stopping) terminates
the child processes at once and saves nothing. The finished analysis is stored whole
in the job's result, in the same transaction that ends the job.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from time import perf_counter
from typing import TypeVar

from models import Progress
from models.gaps import NetworkGapAnalysis
from roster import services
from roster.gaps.analysis import ShelterInputs
from roster.gaps.network import stored_inputs
from roster.gaps.settings import GapSettings, limited_settings
from roster.gaps.stored import analysis_to_plain
from roster.gaps.tracked import (
    AnalysisStopped,
    OnShelter,
    ShelterFailed,
    Stopped,
    analyse_tracked,
)
from roster.jobs.info import CANCELLED, DONE, FAILED, INTERRUPTED, INTERRUPTED_MESSAGE, JobInfo
from roster.jobs.tracking import JobWatch, finish
from roster.storage import session_scope

log = logging.getLogger(__name__)

PHASE = "brechas"
Result = TypeVar("Result")
Analyse = Callable[
    [int, int, list[ShelterInputs], GapSettings, OnShelter, Stopped], NetworkGapAnalysis
]


def failure_message(error: Exception) -> str:
    """What HR reads when an analysis fails (Spanish)."""
    if isinstance(error, services.ServiceError):
        return f"No se pudo analizar las brechas: {error}"
    if isinstance(error, ShelterFailed):
        return f"No se pudo analizar las brechas: {error}. Intente de nuevo."
    return (
        f"No se pudo analizar las brechas por un error interno ({type(error).__name__}: "
        f"{error}). Intente de nuevo; si vuelve a pasar, avise a soporte."
    )


def _end(url: str | None, job_id: int, state: str, **values: object) -> None:
    with session_scope(url) as session:
        if not finish(session, job_id, state, **values):
            log.warning("Gap job %s ended elsewhere; its result is not stored", job_id)


def summary(analysis: NetworkGapAnalysis) -> dict[str, object]:
    """The job's result: the figures a list shows, and the whole analysis."""
    return {
        "shelters": len(analysis.shelters),
        "uncovered_hours": round(analysis.uncovered_hours, 2),
        "recommended_cost_month": str(analysis.total_cost),
        "analysis": analysis_to_plain(analysis),
    }


def run_gaps(
    job: JobInfo, url: str | None, watch: JobWatch, analyse: Analyse | None = None
) -> None:
    """Analyse the job's shelter (or every active shelter) for its month and end the job.

    ``analyse`` replaces the analysis in child processes (tests).
    """
    assert job.year is not None and job.month is not None
    year, month, analyse = job.year, job.month, analyse or analyse_tracked

    def analysis(settings: GapSettings, on_shelter: OnShelter) -> NetworkGapAnalysis:
        with session_scope(url) as session:
            inputs = stored_inputs(session, year, month, job.shelter_code)
        return analyse(year, month, inputs, settings, on_shelter, watch.should_stop)

    run_analysis(job, url, watch, PHASE, analysis, summary)


def run_analysis(
    job: JobInfo,
    url: str | None,
    watch: JobWatch,
    phase: str,
    analysis: Callable[[GapSettings, OnShelter], Result],
    summarise: Callable[[Result], dict[str, object]],
) -> None:
    """Run an analysis job (a month's or a year's) with the job's settings, report the share
    of shelters done as progress, and end the job: done with ``summarise``'s result,
    cancelled, interrupted (the worker stopping) or failed with a message for HR."""
    started = perf_counter()

    def on_shelter(done: int, total: int) -> None:
        watch.on_progress(Progress(phase, perf_counter() - started, None, None, done / total))

    try:
        settings = limited_settings(
            float(job.params.get("time_limit", 30.0)), workers=int(job.params.get("workers", 2))
        )
        watch.on_progress(Progress(phase, 0.0, None, None, 0.0))
        result = analysis(settings, on_shelter)
    except AnalysisStopped:
        if watch.shutdown.is_set() and not watch.cancelled:
            _end(url, job.id, INTERRUPTED, error=INTERRUPTED_MESSAGE)
        else:
            _end(url, job.id, CANCELLED, elapsed=perf_counter() - started)
        return
    except Exception as error:
        log.exception("Gap job %s (%s) failed", job.id, phase)
        _end(url, job.id, FAILED, error=failure_message(error))
        return
    _end(
        url, job.id, DONE, result=summarise(result), fraction=1.0, elapsed=perf_counter() - started
    )
