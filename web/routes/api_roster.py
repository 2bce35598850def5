"""The JSON API for a shelter's month: the roster, generate and its job, cell edits, publish.

The same services as the month page (roster.services.editing, roster.jobs); the same
permissions: ``ShelterCode`` to read, ``ManagedShelter`` to change.
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from models import Roster
from roster import jobs
from roster.planning import parse_month
from roster.services import editing
from roster.services.lookup import shelter_row
from roster.services.rosters import get_roster, latest_row
from web import i18n
from web.deps import CurrentUser, ManagedShelter, SessionDep, ShelterCode
from web.routes.api import ERRORS
from web.schemas import (
    AssignmentPublic,
    CellEdit,
    FindingPublic,
    GapPublic,
    GenerateRequest,
    JobPublic,
    RosterPublic,
    VersionCheck,
)

router = APIRouter(prefix="/api/v1/hogares/{code}", tags=["api"], responses=ERRORS)


def month_of(text: str) -> tuple[int, int]:
    """YYYY-MM, else 404 (a month that cannot exist has no roster)."""
    try:
        return parse_month(text)
    except ValueError as error:
        raise HTTPException(404, str(error)) from error


def roster_public(
    roster: Roster, token: tuple[int, int], findings: list[editing.Finding]
) -> RosterPublic:
    """The API view of a roster version with the token edits must name."""
    return RosterPublic(
        shelter=roster.shelter_code,
        month=f"{roster.year}-{roster.month:02d}",
        version=roster.version or 0,
        revision=token[1] if token[0] == roster.version else 0,
        status=str(roster.status),
        assignments=[
            AssignmentPublic(
                staff=a.staff_id,
                day=a.day,
                shift=a.shift,
                role=a.role,
                locked=a.locked,
                source=str(a.source),
            )
            for a in roster.assignments
        ],
        gaps=[
            GapPublic(
                day=g.day,
                shift=g.shift,
                role=g.role,
                missing=g.missing,
                minutes=g.minutes,
                reason=str(g.reason),
            )
            for g in roster.gaps
        ],
        findings=[
            FindingPublic(rule=f.rule, staff=f.staff_id, days=list(f.days), message=f.message)
            for f in findings
        ],
    )


def job_public(job: jobs.JobInfo) -> JobPublic:
    """The API view of a job."""
    return JobPublic(
        id=job.id,
        state=job.state,
        phase=job.phase,
        fraction=job.fraction,
        elapsed=job.elapsed,
        incumbent=job.incumbent,
        bound=job.bound,
        result=job.result,
        error=job.error,
    )


@router.get("/rol/{month}", response_model=RosterPublic)
def month_roster(
    code: ShelterCode, month: str, db: SessionDep, version: int | None = None
) -> RosterPublic:
    """The month's newest version (or ``version``), with the token for the next change."""
    year, number = month_of(month)
    roster = get_roster(db, code, year, number, version=version)
    if roster is None:
        raise HTTPException(404, i18n.N_("Este mes todavía no tiene rol de turnos."))
    view = editing_token(db, code, year, number)
    return roster_public(roster, view, [])


def editing_token(db: SessionDep, code: str, year: int, month: int) -> tuple[int, int]:
    """The (version, revision) of the month's newest version."""
    return editing.token_of(latest_row(db, shelter_row(db, code), year, month))


@router.put("/rol/{month}/celda", response_model=RosterPublic)
def edit_cell(
    code: ManagedShelter, month: str, body: CellEdit, db: SessionDep, account: CurrentUser
) -> RosterPublic:
    """Assign a shift (``shift`` null clears the day) and lock it or not; 409 if stale."""
    year, number = month_of(month)
    outcome = editing.edit_cell(
        db,
        code,
        year,
        number,
        body.staff,
        body.day,
        shift=body.shift,
        role=body.role,
        locked=body.locked,
        expected=(body.version, body.revision),
        user_id=account.id,
    )
    return roster_public(outcome.roster, outcome.token, outcome.findings)


@router.post("/rol/{month}/publicar", response_model=RosterPublic)
def publish(
    code: ManagedShelter, month: str, body: VersionCheck, db: SessionDep, account: CurrentUser
) -> RosterPublic:
    """Publish the month's draft: refused if stale (409) or if it breaks a hard rule (422)."""
    year, number = month_of(month)
    roster = editing.publish_month(
        db, code, year, number, (body.version, body.revision), account.id
    )
    return roster_public(roster, editing_token(db, code, year, number), [])


@router.post("/rol/{month}/generar", response_model=JobPublic, status_code=202)
def generate(
    code: ManagedShelter, month: str, body: GenerateRequest, db: SessionDep, account: CurrentUser
) -> JobPublic:
    """Queue a solve of the month (keeping locked cells); poll the job it returns."""
    year, number = month_of(month)
    job = jobs.submit_plan(
        db, code, year, number, created_by=account.id, time_limit=body.time_limit
    )
    return job_public(job)


def shelter_job(db: SessionDep, code: str, job_id: int) -> jobs.JobInfo:
    """A job of this shelter; another shelter's job is 404, like a missing one."""
    job = jobs.get_job(db, job_id)
    if job.shelter_code != code:
        raise HTTPException(404, i18n.N_("No encontramos este cálculo."))
    return job


@router.get("/trabajos/{job_id}", response_model=JobPublic)
def job_status(code: ShelterCode, job_id: int, db: SessionDep) -> JobPublic:
    """Where a solve stands: state, phase, elapsed seconds, incumbent and bound."""
    return job_public(shelter_job(db, code, job_id))


@router.post("/trabajos/{job_id}/cancelar", response_model=JobPublic)
def cancel_job(code: ManagedShelter, job_id: int, db: SessionDep) -> JobPublic:
    """Stop a solve; the best roster found so far is kept as a draft."""
    shelter_job(db, code, job_id)
    return job_public(jobs.request_cancel(db, job_id))
