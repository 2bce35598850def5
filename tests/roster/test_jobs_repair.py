"""A repair job: queued like a plan, its proposal stored when it ends, nothing on failure."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from repair_factories import CODE, MONTH, SICK_FROM, YEAR, load, publish, sick

from models import Assignment, PlanningProblem, PlanResult, Roster, SolveReport
from roster import services
from roster.jobs import claim_next, run_job, submit_plan, submit_repair
from roster.services.repair import open_proposal
from roster.storage import session_scope


def cover(problem: PlanningProblem, settings: Any, control: Any = None) -> PlanResult:
    """A stand-in for the solve: C3 takes every shift of C1 (absent) from the date on."""
    planned = [
        replace(a, staff_id="C3") if a.staff_id == "C1" else a
        for a in problem.reference
        if a.day >= problem.first_day
    ]
    return PlanResult(Roster(CODE, YEAR, MONTH, planned), SolveReport("optimal", "highs"))


@pytest.fixture
def url(db_url: str) -> str:
    load(db_url)
    days = [date(2026, 3, d) for d in range(8, 13)]
    publish(db_url, [Assignment("C1", d, "M", "CUI") for d in days])
    return db_url


def claimed(url: str, start: date = SICK_FROM) -> int:
    with session_scope(url) as session:
        submit_repair(session, CODE, start, created_by=1, time_limit=1)
    with session_scope(url) as session:
        job = claim_next(session)
    assert job is not None and job.kind == "repair"
    return job.id


def test_a_repair_job_stores_its_proposal(url: str) -> None:
    sick(url, "C1")
    job = run_job(claimed(url), url, solve_fn=cover)
    assert job.state == "done", job.error
    assert job.result is not None and job.result["changed"] == 6  # 3 days, 2 people each
    assert job.result["scratch_changed"] == 3  # with no reference the stand-in plans nothing
    with session_scope(url) as session:
        proposal = open_proposal(session, CODE, YEAR, MONTH)
    assert proposal is not None and proposal.id == job.result["proposal"]
    assert proposal.summary.start == SICK_FROM and proposal.created_by == "coord@ejemplo.pe"


def test_a_second_job_on_the_month_is_refused_while_one_waits(url: str) -> None:
    with session_scope(url) as session:
        submit_repair(session, CODE, SICK_FROM)
    with session_scope(url) as session, pytest.raises(services.InvalidInput, match="Ya se está"):
        submit_plan(session, CODE, YEAR, MONTH)


def test_a_repair_of_an_unpublished_month_fails_and_stores_nothing(db_url: str) -> None:
    load(db_url)
    job = run_job(claimed(db_url), db_url, solve_fn=cover)
    assert job.state == "failed"
    assert job.error is not None and job.error.startswith("No se pudo calcular la reparación")
    assert "aún no está publicado" in job.error and "El rol publicado no cambió" in job.error
