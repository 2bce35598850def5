"""Run a claimed year job: read the shelters' twelve months, size the posts, keep the result.

Each shelter's year is solved in a child process of its own (roster/gaps/tracked.py), so a
cancel terminates it at once and saves nothing. Progress is the share of shelters done.
"""

from __future__ import annotations

import logging
from time import perf_counter
from typing import Any

from models.gap_year import NetworkYearAnalysis, YearGapAnalysis
from roster.gaps.settings import GapSettings
from roster.gaps.tracked import OnShelter, Stopped, analyse_in_pool
from roster.gaps.year import YearInputs, analyse_shelter_year, year_inputs
from roster.jobs.gaps_runner import run_analysis
from roster.jobs.gaps_year import year_to_plain
from roster.jobs.info import JobInfo
from roster.jobs.tracking import JobWatch
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
    year = job.year

    def analysis(settings: GapSettings, on_shelter: OnShelter) -> NetworkYearAnalysis:
        with session_scope(url) as session:
            inputs = year_inputs(session, year, job.shelter_code)
        return analyse_year_tracked(year, inputs, settings, on_shelter, watch.should_stop)

    run_analysis(job, url, watch, PHASE, analysis, summary)
