"""A staff member's shift swaps: ask a colleague, answer a colleague, take a request back.

Reached from "Mis turnos". The coordinator approves or rejects on the month page; every
approved swap is published and reaches both calendars. Ids travel in the form, never in
the path (no route outside a shelter carries a parameter).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from models.swaps import SwapTerms
from roster import services
from roster.services.my_shifts import my_shifts
from roster.services.swaps import answer_swap, list_swaps, propose_swap, withdraw_swap
from web import i18n
from web.deps import CurrentUser, SessionDep
from web.routes.me import Me, staff_account
from web.templating import render

router = APIRouter(prefix="/mis-turnos/intercambios", tags=["personal"])
FormText = Annotated[str, Form()]


def _page(
    request: Request, db: Session, who: Me, alert: dict[str, str] | None = None, status: int = 200
) -> HTMLResponse:
    shelter, me = who
    today = date.today()
    colleagues = [p for p in services.list_staff(db, shelter) if p.id != me]
    context: dict[str, Any] = {
        "swaps": list_swaps(db, shelter, staff_id=me),
        "mine": [s for s in my_shifts(db, shelter, me, today.replace(day=1)) if s.day >= today],
        "colleagues": colleagues,
        "me": me,
        "alert": alert,
    }
    return render(request, "me/swaps.html", context, status_code=status)


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        raise services.InvalidInput(i18n.N_("Escriba la fecha como AAAA-MM-DD.")) from None


def _done(request: Request, db: Session, who: Me, text: str) -> HTMLResponse:
    return _page(request, db, who, {"kind": "notice", "text": text})


def _refused(request: Request, db: Session, who: Me, error: Exception) -> HTMLResponse:
    alert = {"kind": "error", "text": i18n.gettext(str(error))}
    return _page(request, db, who, alert, 404 if isinstance(error, services.NotFound) else 422)


@router.get("", response_class=HTMLResponse)
def swaps_page(request: Request, db: SessionDep, who: Me = Depends(staff_account)) -> HTMLResponse:
    """Her swap requests, asked and received, and the form to ask for one."""
    return _page(request, db, who)


@router.post("", response_class=HTMLResponse)
def ask(
    request: Request,
    account: CurrentUser,
    db: SessionDep,
    dia: FormText = "",
    partner: FormText = "",
    dia_devuelto: FormText = "",
    nota: FormText = "",
    who: Me = Depends(staff_account),
) -> HTMLResponse:
    """Ask a colleague to take her shift of a day (and give one back, or not)."""
    try:
        day = _day(dia)
        if day is None:
            raise services.InvalidInput(i18n.N_("Elija el turno que quiere dar."))
        terms = SwapTerms(who[1], day, partner, _day(dia_devuelto))
        propose_swap(db, who[0], terms, note=nota, user_id=account.id)
    except services.ServiceError as error:
        return _refused(request, db, who, error)
    return _done(request, db, who, i18n.gettext("Solicitud enviada: su compañera debe aceptarla."))


@router.post("/responder", response_class=HTMLResponse)
def answer(
    request: Request,
    db: SessionDep,
    solicitud: FormText = "",
    acepto: FormText = "",
    who: Me = Depends(staff_account),
) -> HTMLResponse:
    """Agree to a colleague's request (it goes to the coordinator) or decline it."""
    try:
        swap = answer_swap(db, who[0], _number(solicitud), who[1], accept=acepto == "1")
    except services.ServiceError as error:
        return _refused(request, db, who, error)
    if swap.state == "pending":
        return _done(request, db, who, i18n.gettext("Aceptado: la coordinación debe aprobarlo."))
    return _done(request, db, who, i18n.gettext("Solicitud rechazada."))


@router.post("/retirar", response_class=HTMLResponse)
def withdraw(
    request: Request, db: SessionDep, solicitud: FormText = "", who: Me = Depends(staff_account)
) -> HTMLResponse:
    """Take her own request back before the coordinator decides."""
    try:
        withdraw_swap(db, who[0], _number(solicitud), who[1])
    except services.ServiceError as error:
        return _refused(request, db, who, error)
    return _done(request, db, who, i18n.gettext("Solicitud retirada."))


def _number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise services.NotFound(i18n.N_("No encontramos esta solicitud.")) from None
