"""A published month's incidents: who could cover a red cell, a sick call and its repair,
swap requests, and the audit trail with its CSV export.

Reading is ``ShelterCode`` (HR sees everything), every change ``ManagedShelter``. A repair
runs as a background job like a solve: the page polls it and shows the proposal, which
the coordinator accepts (published as a new version) or discards.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from exports.audit_csv import audit_csv
from models import Absence, AbsenceKind
from models.swaps import SwapTerms
from roster import jobs, services
from roster.services.audit import audit_trail
from roster.services.candidates import shift_candidates
from roster.services.repair import (
    accept_proposal,
    discard_proposal,
    get_proposal,
    repair_setup,
)
from roster.services.sick_calls import report_absence
from roster.services.swaps import approve_swap, propose_swap, reject_swap
from web import i18n
from web.deps import NOT_FOUND, CurrentUser, ManagedShelter, SessionDep, ShelterCode
from web.routes.roster import Month, _context, _htmx, _refused, _update
from web.templating import render

router = APIRouter(prefix="/hogares/{code}/rol/{month}", tags=["imprevistos"])
FormText = Annotated[str, Form()]
KINDS = {"unplanned": AbsenceKind.UNPLANNED, "medical": AbsenceKind.MEDICAL}


def _day(text: str, field: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        message = i18n.gettext("%(field)s: «%(text)s» no es una fecha AAAA-MM-DD.")
        raise services.InvalidInput(message % {"field": field, "text": text}) from None


def _answer(request: Request, db: Session, code: str, when: tuple[int, int], text: str) -> Response:
    """After a change: the page again (htmx: its parts) with a notice."""
    if not _htmx(request):
        return RedirectResponse(f"/hogares/{code}/rol/{when[0]:04d}-{when[1]:02d}", status_code=303)
    return _update(request, _context(db, code, *when), {"kind": "notice", "text": text})


def _refuse(
    request: Request, db: Session, code: str, when: tuple[int, int], error: Exception
) -> Response:
    status = (
        409
        if isinstance(error, services.Conflict)
        else 404
        if isinstance(error, services.NotFound)
        else 422
    )
    return _refused(request, _context(db, code, *when), error, status)


@router.get("/candidatos", response_class=HTMLResponse)
def candidates(
    request: Request,
    code: ShelterCode,
    when: Month,
    db: SessionDep,
    dia: str = "",
    turno: str = "",
    funcion: str = "",
) -> HTMLResponse:
    """Who could cover one shift: candidates by cost, then who cannot and why."""
    try:
        day = _day(dia, i18n.gettext("Día"))
        if (day.year, day.month) != when:
            raise services.NotFound(NOT_FOUND)
        found = shift_candidates(db, code, day, turno, funcion or None)
    except services.NotFound as error:
        raise HTTPException(404, NOT_FOUND) from error
    except services.InvalidInput as error:
        raise HTTPException(422, i18n.gettext(str(error))) from error
    context = {**_context(db, code, *when), "found": found}
    name = "roster/candidates.html" if _htmx(request) else "roster/candidates_page.html"
    return render(request, name, context)


@router.post("/ausencia", response_class=HTMLResponse)
def absence(
    request: Request,
    code: ManagedShelter,
    when: Month,
    account: CurrentUser,
    db: SessionDep,
    staff: FormText = "",
    desde: FormText = "",
    hasta: FormText = "",
    tipo: FormText = "unplanned",
    nota: FormText = "",
    reparar: FormText = "",
) -> Response:
    """Record an unplanned absence; with ``reparar``, queue the month's repair from its day."""
    try:
        first, last = (
            _day(desde, i18n.gettext("Desde")),
            _day(hasta or desde, i18n.gettext("Hasta")),
        )
        if last < first:
            raise services.InvalidInput(i18n.N_("Hasta: el último día es anterior al primero."))
        kind = KINDS.get(tipo, AbsenceKind.UNPLANNED)
        call = report_absence(
            db, code, Absence(staff, kind, first, last, nota.strip()[:200]), account.id
        )
        text = i18n.gettext(
            "Ausencia registrada: %(who)s, %(num)s turno(s) publicado(s) afectados."
        )
        text = text % {"who": call.name, "num": len(call.shifts)}
    except services.ServiceError as error:
        return _refuse(request, db, code, when, error)
    start = max(first, date(*when, 1))
    here = [a for a in call.shifts if (a.day.year, a.day.month) == when]
    if reparar and here and (start.year, start.month) == when:
        try:  # the absence stays recorded even if the repair cannot start now
            jobs.submit_repair(db, code, start, created_by=account.id)
            text += " " + i18n.gettext("Calculando la reparación…")
        except services.ServiceError as error:
            text += " " + i18n.gettext(str(error))
    return _answer(request, db, code, when, text)


@router.post("/reparar", response_class=HTMLResponse)
def repair(
    request: Request,
    code: ManagedShelter,
    when: Month,
    account: CurrentUser,
    db: SessionDep,
    desde: FormText = "",
) -> Response:
    """Queue the repair of the published month from a day (the past stays as it is)."""
    try:
        start = _day(desde, i18n.gettext("Desde"))
        if (start.year, start.month) != when:
            raise services.InvalidInput(i18n.N_("Desde: elija un día de este mes."))
        repair_setup(db, code, *when, start)  # refused at once when nothing is published
        jobs.submit_repair(db, code, start, created_by=account.id)
    except services.ServiceError as error:
        return _refuse(request, db, code, when, error)
    return _answer(request, db, code, when, i18n.gettext("Calculando la reparación…"))


@router.get("/reparacion/{proposal_id}", response_class=HTMLResponse)
def proposal_page(
    request: Request, code: ShelterCode, when: Month, db: SessionDep, proposal_id: int
) -> HTMLResponse:
    """A repair proposal: each changed cell, the coverage before and after, what is left."""
    try:
        proposal = get_proposal(db, code, *when, proposal_id)
    except services.NotFound as error:
        raise HTTPException(404, NOT_FOUND) from error
    context = {**_context(db, code, *when), "proposal": proposal}
    return render(request, "roster/proposal.html", context)


@router.post("/reparacion/{proposal_id}/aceptar", response_class=HTMLResponse)
def accept(
    request: Request,
    code: ManagedShelter,
    when: Month,
    account: CurrentUser,
    db: SessionDep,
    proposal_id: int,
) -> Response:
    """Publish the proposal as the month's next version; the staff's calendars follow."""
    try:
        published = accept_proposal(db, code, *when, proposal_id, account.id)
    except services.ServiceError as error:
        return _refuse(request, db, code, when, error)
    text = i18n.gettext("Reparación publicada: la versión %(version)s es el rol oficial del mes.")
    return _answer(request, db, code, when, text % {"version": published.version})


@router.post("/reparacion/{proposal_id}/descartar", response_class=HTMLResponse)
def discard(
    request: Request,
    code: ManagedShelter,
    when: Month,
    account: CurrentUser,
    db: SessionDep,
    proposal_id: int,
) -> Response:
    """Set the proposal aside; the published roster stays as it is."""
    try:
        discard_proposal(db, code, *when, proposal_id, account.id)
    except services.ServiceError as error:
        return _refuse(request, db, code, when, error)
    return _answer(
        request, db, code, when, i18n.gettext("Propuesta descartada: el rol publicado no cambió.")
    )


@router.post("/intercambios", response_class=HTMLResponse)
def swap_entered(
    request: Request,
    code: ManagedShelter,
    when: Month,
    account: CurrentUser,
    db: SessionDep,
    staff: FormText = "",
    dia: FormText = "",
    partner: FormText = "",
    dia_devuelto: FormText = "",
) -> Response:
    """Enter a swap two staff members agreed on (it waits for approval)."""
    try:
        day = _day(dia, i18n.gettext("Día"))
        back = _day(dia_devuelto, i18n.gettext("Día que devuelve")) if dia_devuelto else None
        swap = propose_swap(
            db, code, SwapTerms(staff, day, partner, back), user_id=account.id, agreed=True
        )
    except services.ServiceError as error:
        return _refuse(request, db, code, when, error)
    text = i18n.gettext("Intercambio %(id)s registrado: falta aprobarlo.") % {"id": swap.id}
    return _answer(request, db, code, when, text)


@router.post("/intercambios/{swap_id}/aprobar", response_class=HTMLResponse)
def swap_approve(
    request: Request,
    code: ManagedShelter,
    when: Month,
    account: CurrentUser,
    db: SessionDep,
    swap_id: int,
    nota: FormText = "",
) -> Response:
    """Approve a swap: the month's next version is published with it."""
    try:
        swap = approve_swap(db, code, swap_id, account.id, nota)
    except services.ServiceError as error:
        return _refuse(request, db, code, when, error)
    text = i18n.gettext("Intercambio aprobado: versión %(version)s publicada.")
    return _answer(request, db, code, when, text % {"version": swap.version})


@router.post("/intercambios/{swap_id}/rechazar", response_class=HTMLResponse)
def swap_reject(
    request: Request,
    code: ManagedShelter,
    when: Month,
    account: CurrentUser,
    db: SessionDep,
    swap_id: int,
    nota: FormText = "",
) -> Response:
    """Turn a swap down; the roster stays as it is."""
    try:
        reject_swap(db, code, swap_id, account.id, nota)
    except services.ServiceError as error:
        return _refuse(request, db, code, when, error)
    return _answer(request, db, code, when, i18n.gettext("Intercambio rechazado."))


@router.get("/cambios.csv")
def trail_csv(code: ShelterCode, when: Month, db: SessionDep) -> Response:
    """The month's whole audit trail as CSV (formula-like text kept as text)."""
    body = audit_csv(audit_trail(db, code, *when))
    name = f"cambios-{code}-{when[0]:04d}-{when[1]:02d}.csv"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(body, media_type="text/csv; charset=utf-8", headers=headers)
