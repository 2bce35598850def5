"""Changing one absence or one request of the month calendar: its own small page.

An absence is named by person, kind and dates, a request by person, day and shift (as
the CLI's services find them); the page carries that name in hidden ``antes_*`` fields,
so a save replaces exactly the record that was opened. The new values are checked as
a row of ``roster import absences`` is (roster/importing/forms.py): a refusal answers
422 naming each field and its reason, and nothing changes. A changed absence is noted
in the audit trail of every month it touches (roster/services/absence_changes.py).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from models import Absence, AbsenceKind
from models import Request as Wish
from roster import services
from roster.importing.absences import KINDS
from roster.importing.forms import WISHES, FormRefused, absence_form, request_form
from roster.services.absence_changes import change_absence
from web.deps import NOT_FOUND, CurrentUser, ManagedShelter, SessionDep
from web.forms import FormDep, refusal, saved, text_fields
from web.routes.staff import shelter_context
from web.templating import render

router = APIRouter(prefix="/hogares/{code}", tags=["datos"])
KIND_WORDS = {kind: word for word, kind in KINDS.items()}
WISH_WORDS = {wants: word for word, wants in WISHES.items()}


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise HTTPException(404, NOT_FOUND) from error


def stored_absence(db: Session, code: str, fields: dict[str, str], prefix: str = "") -> Absence:
    """The stored absence the fields name (person, kind, first and last day); 404 if none."""
    try:
        kind = AbsenceKind(fields[prefix + "tipo"])
    except ValueError as error:
        raise HTTPException(404, NOT_FOUND) from error
    start, end = _day(fields[prefix + "desde"]), _day(fields[prefix + "hasta"])
    person = fields[prefix + "codigo_personal"]
    for absence in services.list_absences(db, code, person, start, end):
        if (absence.kind, absence.start, absence.end) == (kind, start, end):
            return absence
    raise HTTPException(404, NOT_FOUND)


def stored_request(db: Session, code: str, fields: dict[str, str], prefix: str = "") -> Wish:
    """The stored request the fields name (person, day, shift or none); 404 if none."""
    day = _day(fields[prefix + "dia"])
    person, shift = fields[prefix + "codigo_personal"], fields[prefix + "turno"] or None
    for wish in services.list_requests(db, code, day, day):
        if (wish.staff_id, wish.shift) == (person, shift):
            return wish
    raise HTTPException(404, NOT_FOUND)


def _people(db: Session, code: str) -> dict[str, str]:
    return {m.id: m.name for m in services.list_staff(db, code, include_inactive=True)}


def _absence_page(
    request: Request, db: Session, code: str, old: Absence, extra: dict[str, Any], status: int = 200
) -> HTMLResponse:
    form = {
        "tipo": KIND_WORDS.get(old.kind, ""),
        "desde": old.start.isoformat(),
        "hasta": old.end.isoformat(),
        "nota": old.note,
        "nacimiento": old.child_born.isoformat() if old.child_born else "",
    }
    context = {
        **shelter_context(request, db, code),
        "old": old,
        "person_name": _people(db, code).get(old.staff_id, old.staff_id),
        "month_key": f"{old.start:%Y-%m}",
        "kind_options": list(KINDS.items()),
        "form": form,
        **extra,
    }
    return render(request, "hogar/absence_edit.html", context, status)


ABSENCE_NAME = ("codigo_personal", "tipo", "desde", "hasta")
ABSENCE_VALUES = ("tipo", "desde", "hasta", "nota", "nacimiento")


def _before(form: FormData, names: tuple[str, ...]) -> dict[str, str]:
    return text_fields(form, *(f"antes_{name}" for name in names))


@router.get("/ausencias/cambiar", response_class=HTMLResponse)
def absence_edit_page(request: Request, code: ManagedShelter, db: SessionDep) -> HTMLResponse:
    """One absence, to change its kind, dates or note, or to remove it."""
    fields = {name: request.query_params.get(name, "") for name in ABSENCE_NAME}
    return _absence_page(request, db, code, stored_absence(db, code, fields), {})


@router.post("/ausencias/cambiar", response_class=HTMLResponse)
def absence_change(
    request: Request, code: ManagedShelter, account: CurrentUser, db: SessionDep, form: FormDep
) -> Response:
    """Replace the absence named by the ``antes_*`` fields; 422 naming each bad field."""
    old = stored_absence(db, code, _before(form, ABSENCE_NAME), "antes_")
    typed = {**text_fields(form, *ABSENCE_VALUES), "codigo_personal": old.staff_id}
    try:
        new = absence_form(db, code, typed, replacing=old)
    except FormRefused as error:
        return _absence_page(request, db, code, old, {**refusal(error), "form": typed}, 422)
    change_absence(db, code, old, new, account.id)
    return saved(f"/hogares/{code}/calendario", "cambio", mes=f"{new.start:%Y-%m}")


REQUEST_NAME = ("codigo_personal", "dia", "turno")
REQUEST_VALUES = ("dia", "quiere", "turno", "peso")


def _request_page(
    request: Request, db: Session, code: str, old: Wish, extra: dict[str, Any], status: int = 200
) -> HTMLResponse:
    form = {
        "dia": old.day.isoformat(),
        "quiere": WISH_WORDS["si" if old.on else "no"],
        "turno": old.shift or "",
        "peso": str(old.weight),
    }
    shifts = services.list_shift_types(db, code)
    context = {
        **shelter_context(request, db, code),
        "old": old,
        "person_name": _people(db, code).get(old.staff_id, old.staff_id),
        "month_key": f"{old.day:%Y-%m}",
        "shift_options": [(s.code, f"{s.code} · {s.name}") for s in shifts],
        "form": form,
        **extra,
    }
    return render(request, "hogar/request_edit.html", context, status)


@router.get("/preferencias/cambiar", response_class=HTMLResponse)
def request_edit_page(request: Request, code: ManagedShelter, db: SessionDep) -> HTMLResponse:
    """One request, to change its day, wish, shift or weight, or to remove it."""
    fields = {name: request.query_params.get(name, "") for name in REQUEST_NAME}
    return _request_page(request, db, code, stored_request(db, code, fields), {})


@router.post("/preferencias/cambiar", response_class=HTMLResponse)
def request_change(
    code: ManagedShelter, request: Request, db: SessionDep, form: FormDep
) -> Response:
    """Replace the request named by the ``antes_*`` fields; 422 naming each bad field."""
    old = stored_request(db, code, _before(form, REQUEST_NAME), "antes_")
    typed = {**text_fields(form, *REQUEST_VALUES), "codigo_personal": old.staff_id}
    try:
        new = request_form(db, code, typed)
    except FormRefused as error:
        return _request_page(request, db, code, old, {**refusal(error), "form": typed}, 422)
    services.update_request(db, code, old, new)
    return saved(f"/hogares/{code}/calendario", "cambio", mes=f"{new.day:%Y-%m}")
