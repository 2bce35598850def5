"""A plan job shows phase 1's roster at once, then puts the final roster in its place."""

from __future__ import annotations

from typing import Any

import pytest
from roster_factories import network
from sqlalchemy import select, update

from models import PlanningProblem, Roster, SolveControl
from models.validator import validate
from optimizer import PlanResult, SolveReport
from roster import services
from roster.jobs import claim_next, get_job, run_job, submit_plan
from roster.storage import RosterRow, UserRow, session_scope

SHELTER, YEAR, MONTH = "HRT-P1", 2026, 3


@pytest.fixture
def url(db_url: str) -> str:
    """A database with one tiny shelter and one coordinator account (id 1)."""
    with session_scope(db_url) as session:
        services.load_network(session, network(SHELTER))
        session.add(UserRow(email="ana@ejemplo.pe", password_hash="-", role="coordinator"))
    return db_url


def claimed(url: str) -> int:
    with session_scope(url) as session:
        submit_plan(session, SHELTER, YEAR, MONTH, created_by=1, time_limit=5)
    with session_scope(url) as session:
        job = claim_next(session)
    assert job is not None
    return job.id


def a_roster(problem: PlanningProblem, shift: str) -> Roster:
    """Everyone on ``shift`` on the month's first day: enough to tell two rosters apart."""
    from models import Assignment

    people = [p for p in problem.staff if p.active]
    return Roster(
        SHELTER,
        YEAR,
        MONTH,
        [Assignment(p.id, problem.days[0], shift, p.primary_role) for p in people],
    )


def stored(url: str, version: int) -> tuple[Roster, RosterRow]:
    with session_scope(url) as session:
        roster = services.get_roster(session, SHELTER, YEAR, MONTH, version=version)
        row = session.scalar(select(RosterRow).where(RosterRow.version == version))
    assert roster is not None and row is not None
    return roster, row


def versions(url: str) -> list[int]:
    with session_scope(url) as session:
        return [v.version for v in services.list_roster_versions(session, SHELTER, YEAR, MONTH)]


def test_the_final_roster_takes_the_provisional_versions_place(url: str) -> None:
    seen: dict[str, Any] = {}

    def solve_fn(problem: PlanningProblem, settings: object, control: SolveControl) -> PlanResult:
        control.offer(a_roster(problem, "M"))
        seen["provisional"], seen["row"] = stored(url, 1)
        with session_scope(url) as session:
            seen["job"] = get_job(session, job_id)
        return PlanResult(a_roster(problem, "T"), SolveReport(status="feasible", solver="highs"))

    job_id = claimed(url)
    job = run_job(job_id, url, solve_fn=solve_fn)
    assert {a.shift for a in seen["provisional"].assignments} == {"M"}
    assert seen["row"].created_by == 1 and '"provisional": true' in seen["row"].solve_report
    assert seen["job"].result == {"provisional_version": 1}
    assert job.state == "done" and job.result is not None and job.result["version"] == 1
    final, row = stored(url, 1)
    assert versions(url) == [1]
    assert {a.shift for a in final.assignments} == {"T"}
    assert "provisional" not in (row.solve_report or "")


def test_an_edited_provisional_roster_is_kept_and_the_final_one_is_new(url: str) -> None:
    def solve_fn(problem: PlanningProblem, settings: object, control: SolveControl) -> PlanResult:
        control.offer(a_roster(problem, "M"))
        with session_scope(url) as session:  # the coordinator edits it meanwhile
            session.execute(update(RosterRow).where(RosterRow.version == 1).values(revision=1))
        return PlanResult(a_roster(problem, "T"), SolveReport(status="feasible", solver="highs"))

    job = run_job(claimed(url), url, solve_fn=solve_fn)
    assert job.result is not None and job.result["version"] == 2
    assert versions(url) == [1, 2]
    assert {a.shift for a in stored(url, 1)[0].assignments} == {"M"}


def test_a_failed_solve_removes_its_unedited_provisional_roster(url: str) -> None:
    def solve_fn(problem: PlanningProblem, settings: object, control: SolveControl) -> PlanResult:
        control.offer(a_roster(problem, "M"))
        raise RuntimeError("el solver se cayó")

    job = run_job(claimed(url), url, solve_fn=solve_fn)
    assert job.state == "failed"
    assert versions(url) == []


@pytest.mark.slow
def test_the_real_solver_offers_a_legal_roster_before_its_final_one(url: str) -> None:
    with session_scope(url) as session:
        problem = services.planning_problem(session, SHELTER, YEAR, MONTH)
    offered: list[Roster] = []
    from optimizer import SolverSettings, solve

    result = solve(
        problem,
        SolverSettings(time_limit_phase1=10, time_limit_phase2=3),
        SolveControl(on_roster=offered.append),
    )
    assert len(offered) == 1 and offered[0].assignments
    assert validate(problem, offered[0]).is_legal
    assert validate(problem, result.roster).is_legal
