"""Repair proposals: what a repair reads, the proposal it stores, accepting or discarding it.

A repair starts from the month's newest published version. Its proposal is kept (table
``repair_proposals``) until the coordinator accepts it, which publishes it as the next
version (the staff's calendar feeds follow, the audit trail records every changed cell),
or discards it. A proposal computed on a published version that is no longer the newest
cannot be accepted. The solve itself lives in ``roster.repair`` (it needs the optimiser).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Assignment, Gap, PlanningProblem, Roster
from roster.services.audit import actor_of
from roster.services.errors import InvalidInput, NotFound
from roster.services.labels import day_es
from roster.services.lookup import shelter_row
from roster.services.planning import planning_problem
from roster.services.repair_summary import RepairSummary
from roster.services.republish import check_base, publish_change, published_row
from roster.services.rosters import roster_from_row
from roster.storage import RepairProposalRow, utc_now


@dataclass(frozen=True)
class RepairSetup:
    """What a repair reads: the month's problem (every absence), its published roster."""

    shelter_code: str
    start: date
    problem: PlanningProblem
    published: Roster


@dataclass(frozen=True)
class Proposal:
    """A stored repair proposal: its state, its summary and the proposed month."""

    id: int
    shelter_code: str
    year: int
    month: int
    state: str
    created_by: str
    created_at: datetime
    summary: RepairSummary
    roster: Roster
    version: int | None  # the published version it became, once accepted

    @property
    def open(self) -> bool:
        return self.state == "open"


def repair_setup(
    session: Session, shelter_code: str, year: int, month: int, start: date
) -> RepairSetup:
    """The repair's inputs; ``InvalidInput`` if the month has no published roster or the
    date is not one of its days."""
    shelter = shelter_row(session, shelter_code)
    if (start.year, start.month) != (year, month):
        raise InvalidInput(
            f"Fecha: el {day_es(start)} no pertenece al mes {month:02d}/{year}; "
            "la reparación empieza un día de ese mes."
        )
    published = roster_from_row(session, published_row(session, shelter, year, month), shelter)
    problem = planning_problem(session, shelter_code, year, month)
    return RepairSetup(shelter_code, start, problem, published)


def _roster_json(roster: Roster) -> str:
    return json.dumps(
        {
            "assignments": [
                [a.staff_id, a.day.isoformat(), a.shift, a.role, a.locked, str(a.source)]
                for a in roster.assignments
            ],
            "gaps": [
                [g.day.isoformat(), g.shift, g.role, g.missing, g.minutes, str(g.reason)]
                for g in roster.gaps
            ],
        }
    )


def _roster_of(row: RepairProposalRow, shelter_code: str) -> Roster:
    data: dict[str, Any] = json.loads(row.roster)
    return Roster(
        shelter_code,
        row.year,
        row.month,
        [
            Assignment(s, date.fromisoformat(d), sh, r, lk, src)
            for s, d, sh, r, lk, src in data["assignments"]
        ],
        [
            Gap(date.fromisoformat(d), sh, r, m, mins, why)
            for d, sh, r, m, mins, why in data["gaps"]
        ],
    )


def _proposal(session: Session, row: RepairProposalRow, shelter_code: str) -> Proposal:
    created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=UTC)
    return Proposal(
        row.id,
        shelter_code,
        row.year,
        row.month,
        row.state,
        actor_of(session, row.created_by),
        created,
        RepairSummary.from_dict(json.loads(row.summary)),
        _roster_of(row, shelter_code),
        row.version,
    )


def store_proposal(
    session: Session,
    setup: RepairSetup,
    roster: Roster,
    summary: RepairSummary,
    report_json: str | None,
    created_by: int | None = None,
) -> Proposal:
    """Keep a new proposal for the month; its older open proposals are discarded."""
    shelter = shelter_row(session, setup.shelter_code)
    year, month = setup.problem.year, setup.problem.month
    for old in session.scalars(
        _month_query(shelter.id, year, month).where(RepairProposalRow.state == "open")
    ):
        old.state, old.decided_at, old.decided_by = "discarded", utc_now(), created_by
    row = RepairProposalRow(
        shelter_id=shelter.id,
        year=year,
        month=month,
        from_day=setup.start,
        base_version=setup.published.version,
        state="open",
        roster=_roster_json(roster),
        summary=json.dumps(summary.to_dict()),
        solve_report=report_json,
        created_by=created_by,
    )
    session.add(row)
    session.flush()
    return _proposal(session, row, setup.shelter_code)


def _month_query(shelter_id: int, year: int, month: int) -> Any:
    return select(RepairProposalRow).where(
        RepairProposalRow.shelter_id == shelter_id,
        RepairProposalRow.year == year,
        RepairProposalRow.month == month,
    )


def _row(
    session: Session, shelter_code: str, year: int, month: int, proposal_id: int
) -> RepairProposalRow:
    shelter = shelter_row(session, shelter_code)
    row = session.scalar(
        _month_query(shelter.id, year, month).where(RepairProposalRow.id == proposal_id)
    )
    if row is None:
        raise NotFound(
            f"No existe la propuesta de reparación {proposal_id} del rol {month:02d}/{year}."
        )
    return row


def get_proposal(
    session: Session, shelter_code: str, year: int, month: int, proposal_id: int
) -> Proposal:
    """One proposal of the month; ``NotFound`` if it is not this shelter's and month's."""
    return _proposal(session, _row(session, shelter_code, year, month, proposal_id), shelter_code)


def open_proposal(session: Session, shelter_code: str, year: int, month: int) -> Proposal | None:
    """The month's newest proposal still waiting for a decision, if any."""
    shelter = shelter_row(session, shelter_code)
    query = _month_query(shelter.id, year, month).where(RepairProposalRow.state == "open")
    row = session.scalar(query.order_by(RepairProposalRow.id.desc()).limit(1))
    return None if row is None else _proposal(session, row, shelter_code)


def _decidable(row: RepairProposalRow) -> None:
    if row.state != "open":
        done = "aceptada" if row.state == "accepted" else "descartada"
        raise InvalidInput(f"La propuesta de reparación {row.id} ya fue {done}.")


def accept_proposal(
    session: Session,
    shelter_code: str,
    year: int,
    month: int,
    proposal_id: int,
    user_id: int | None,
) -> Roster:
    """Publish the proposal as the month's next version; refused if the published roster
    changed since, or if the proposal breaks a hard rule from its date on."""
    row = _row(session, shelter_code, year, month, proposal_id)
    _decidable(row)
    shelter = shelter_row(session, shelter_code)
    check_base(published_row(session, shelter, year, month), row.base_version)
    proposal = _proposal(session, row, shelter_code)
    if proposal.summary.findings:
        raise InvalidInput(
            "La propuesta incumple reglas obligatorias desde su fecha: "
            + "; ".join(proposal.summary.findings[:3])
            + ". Descártela y vuelva a reparar."
        )
    note = f"Reparación desde el {day_es(row.from_day)} (propuesta {row.id})"
    if proposal.summary.causes:
        note += ": " + "; ".join(proposal.summary.causes)
    published = publish_change(
        session,
        proposal.roster,
        [line.change() for line in proposal.summary.changes],
        kind="repair",
        note=note,
        user_id=user_id,
        report_json=row.solve_report,
    )
    row.state, row.decided_by, row.decided_at = "accepted", user_id, utc_now()
    row.version = published.version
    session.flush()
    return published


def discard_proposal(
    session: Session,
    shelter_code: str,
    year: int,
    month: int,
    proposal_id: int,
    user_id: int | None,
) -> Proposal:
    """Set the proposal aside: the published roster stays as it is."""
    row = _row(session, shelter_code, year, month, proposal_id)
    _decidable(row)
    row.state, row.decided_by, row.decided_at = "discarded", user_id, utc_now()
    session.flush()
    return _proposal(session, row, shelter_code)
