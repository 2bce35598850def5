"""Plan and publish a shelter's month: read the problem, solve it, store a draft."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import update
from sqlalchemy.orm import Session

from models import PlanningProblem, Roster
from models.report import SolveReport
from optimizer import PlanResult, SolverSettings, solve
from roster import services
from roster.services.lookup import shelter_row
from roster.settings import get_settings
from roster.storage import RosterRow, session_scope


@dataclass
class PlanOutcome:
    """A planned month: the problem it solved, the stored draft and the solve report."""

    problem: PlanningProblem
    roster: Roster
    report: SolveReport


def parse_month(text: str) -> tuple[int, int]:
    """``"2026-12"`` -> ``(2026, 12)``; a ValueError with a Spanish message otherwise."""
    message = f"Mes '{text}' no válido: use el formato AAAA-MM, por ejemplo 2026-12."
    try:
        year_text, month_text = text.split("-")
        year, month = int(year_text), int(month_text)
    except ValueError:
        raise ValueError(message) from None
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise ValueError(message)
    return year, month


def plan_month(
    shelter_code: str, year: int, month: int, settings: SolverSettings, url: str | None = None
) -> PlanOutcome:
    """Solve one month and store the result as a new draft version.

    The database is read in one short transaction and written in another, so a
    long solve never holds a transaction open.
    """
    with session_scope(url) as session:
        problem = services.planning_problem(session, shelter_code, year, month)
    result = solve(problem, settings)
    with session_scope(url) as session:
        stored = store_plan(session, result)
    return PlanOutcome(problem, stored, result.report)


def store_plan(session: Session, result: PlanResult, created_by: int | None = None) -> Roster:
    """Save a solve's roster, with its report and author (a user id), as a new draft version."""
    stored = services.save_roster(session, result.roster, json.dumps(result.report.to_dict()))
    if created_by is not None:
        shelter = shelter_row(session, stored.shelter_code)
        session.execute(
            update(RosterRow)
            .where(
                RosterRow.shelter_id == shelter.id,
                RosterRow.year == stored.year,
                RosterRow.month == stored.month,
                RosterRow.version == stored.version,
            )
            .values(created_by=created_by),
            execution_options={"synchronize_session": False},
        )
    return stored


def solver_settings(time_limit: float | None = None) -> SolverSettings:
    """The configured solver settings (``ROSTER_*``), ``time_limit`` seconds per phase if given."""
    configured = get_settings()
    limit = time_limit or configured.time_limit_seconds
    return SolverSettings(
        solver=configured.solver,
        time_limit_phase1=limit,
        time_limit_phase2=limit,
        mip_gap=configured.mip_gap,
        threads=configured.threads,
    )


def publish_month(shelter_code: str, year: int, month: int, url: str | None = None) -> Roster:
    """Publish the newest draft of a month (it then feeds the next month's continuity)."""
    with session_scope(url) as session:
        return services.publish_roster(session, shelter_code, year, month)
