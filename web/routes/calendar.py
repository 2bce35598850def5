"""A shelter's absences and requests on a month calendar: people by days, add and remove.

The calendar shows each active person's absences and wishes day by day; the forms below
add an absence (checked as a row of ``roster import absences``) or a request; each one
links to its own page to change or remove it (web/routes/calendar_edit.py). The next
roster generated for the month reads them (H6, S5).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from models import Absence, AbsenceKind
from models import Request as Wish
from models.calendar import PeruCalendar, month_days
from roster import services
from roster.importing.absences import KINDS
from roster.importing.forms import FormRefused, absence_form, request_form
from roster.planning import parse_month
from roster.services.absence_changes import enter_absence, remove_absence
from web import i18n
from web.deps import NOT_FOUND, CurrentUser, ManagedShelter, SessionDep, ShelterCode
from web.forms import FormDep, refusal, saved, text_fields
from web.routes.network import this_month
from web.routes.staff import shelter_context
from web.templating import render

router = APIRouter(prefix="/hogares/{code}", tags=["datos"])
ABSENCE_FIELDS = ("codigo_personal", "tipo", "desde", "hasta", "nota", "nacimiento")
REQUEST_FIELDS = ("codigo_personal", "dia", "quiere", "turno", "peso")


def month_query(mes: Annotated[str | None, Query()] = None) -> tuple[int, int]:
    """``?mes=YYYY-MM`` (this month without it); a malformed month is a page not found."""
    try:
        return parse_month(mes or this_month())
    except ValueError as error:
        raise HTTPException(404, NOT_FOUND) from error


MonthQuery = Annotated[tuple[int, int], Depends(month_query)]


def _neighbours(year: int, month: int) -> tuple[str, str]:
    before = (year - 1, 12) if month == 1 else (year, month - 1)
    after = (year + 1, 1) if month == 12 else (year, month + 1)
    return f"{before[0]:04d}-{before[1]:02d}", f"{after[0]:04d}-{after[1]:02d}"


def _marks(absences: list[Absence], wishes: list[Wish], days: list[date]) -> dict[Any, Any]:
    """(person, day) -> {"absence": the absence, "first": whether the calendar's first day of
    it (where it links to its page), "wishes": [requests]} for the calendar's cells."""
    marks: dict[tuple[str, date], dict[str, Any]] = {}
    for absence in absences:
        covered = [day for day in days if absence.covers(day)]
        for day in covered:
            mark = marks.setdefault((absence.staff_id, day), {"wishes": []})
            mark.update(absence=absence, first=day == covered[0])
    for wish in wishes:
        marks.setdefault((wish.staff_id, wish.day), {"wishes": []})["wishes"].append(wish)
    return marks


def _context(request: Request, db: Session, code: str, year: int, month: int) -> dict[str, Any]:
    days = month_days(year, month)
    shelter = services.get_shelter(db, code)
    holidays = PeruCalendar(shelter.extra_holidays).holidays_in(days[0], days[-1])
    absences = sorted(
        services.list_absences(db, code, first=days[0], last=days[-1]),
        key=lambda absence: (absence.start, absence.staff_id),
    )
    wishes = sorted(
        services.list_requests(db, code, first=days[0], last=days[-1]),
        key=lambda wish: (wish.day, wish.staff_id),
    )
    people = services.list_staff(db, code)
    shifts = services.list_shift_types(db, code)
    previous, following = _neighbours(year, month)
    return {
        **shelter_context(request, db, code),
        "month_key": f"{year:04d}-{month:02d}",
        "previous_month": previous,
        "next_month": following,
        "days": days,
        "holidays": holidays,
        "people": people,
        "names": {person.id: person.name for person in people},
        "absences": absences,
        "wishes": wishes,
        "marks": _marks(absences, wishes, days),
        "kind_options": [(word, kind) for word, kind in KINDS.items()],
        "shift_options": [(s.code, f"{s.code} · {s.name}") for s in shifts],
        "person_pairs": [(person.id, f"{person.name} ({person.id})") for person in people],
        "form": {name: days[0].isoformat() for name in ("desde", "hasta", "pref_dia")},
    }


def _refused(
    request: Request,
    db: Session,
    code: str,
    when: tuple[int, int],
    typed: dict[str, str],
    error: FormRefused,
    prefix: str = "",
) -> HTMLResponse:
    """The calendar again, 422, with the refused form's values and reasons (its fields are
    named with ``prefix``: both forms have a person)."""
    context = _context(request, db, code, *when)
    errors = {prefix + name: reason for name, reason in refusal(error)["errors"].items()}
    form = {**context["form"], **{prefix + name: value for name, value in typed.items()}}
    which = "preferencia" if prefix else "ausencia"
    values = {**context, "form": form, "refused": which, "errors": errors}
    return render(request, "hogar/calendar.html", values, 422)


@router.get("/calendario", response_class=HTMLResponse)
def calendar_page(
    request: Request, code: ShelterCode, when: MonthQuery, db: SessionDep
) -> HTMLResponse:
    """The month's absences and requests, person by person and day by day."""
    return render(request, "hogar/calendar.html", _context(request, db, code, *when))


@router.post("/ausencias", response_class=HTMLResponse)
def absence_add(
    request: Request,
    code: ManagedShelter,
    account: CurrentUser,
    when: MonthQuery,
    db: SessionDep,
    form: FormDep,
) -> Response:
    """Add an absence (noted in the audit trail); 422 naming the field on a bad value."""
    typed = text_fields(form, *ABSENCE_FIELDS)
    try:
        absence = enter_absence(db, code, absence_form(db, code, typed), account.id)
    except FormRefused as error:
        return _refused(request, db, code, when, typed, error)
    month = f"{absence.start:%Y-%m}"
    return saved(f"/hogares/{code}/calendario", "alta", mes=month)


@router.post("/ausencias/borrar")
def absence_remove(
    code: ManagedShelter, account: CurrentUser, db: SessionDep, form: FormDep
) -> Response:
    """Remove one absence, named by person, kind and dates (noted in the audit trail)."""
    typed = text_fields(form, "codigo_personal", "tipo", "desde", "hasta")
    try:
        absence = Absence(
            typed["codigo_personal"],
            AbsenceKind(typed["tipo"]),
            date.fromisoformat(typed["desde"]),
            date.fromisoformat(typed["hasta"]),
        )
    except ValueError as error:
        raise services.InvalidInput(i18n.N_("La ausencia a quitar no es válida.")) from error
    remove_absence(db, code, absence, account.id)
    return saved(f"/hogares/{code}/calendario", "borrado", mes=f"{absence.start:%Y-%m}")


@router.post("/preferencias", response_class=HTMLResponse)
def request_add(
    request: Request, code: ManagedShelter, when: MonthQuery, db: SessionDep, form: FormDep
) -> Response:
    """Add a staff member's wish to work or be free on a day; 422 naming the field."""
    sent = text_fields(form, *(f"pref_{name}" for name in REQUEST_FIELDS))
    typed = {name: sent[f"pref_{name}"] for name in REQUEST_FIELDS}
    try:
        wish = services.add_request(db, code, request_form(db, code, typed))
    except FormRefused as error:
        return _refused(request, db, code, when, typed, error, "pref_")
    return saved(f"/hogares/{code}/calendario", "alta", mes=f"{wish.day:%Y-%m}")


@router.post("/preferencias/borrar")
def request_remove(code: ManagedShelter, db: SessionDep, form: FormDep) -> Response:
    """Remove one wish, named by person, day and shift."""
    typed = text_fields(form, "codigo_personal", "dia", "turno")
    try:
        day = date.fromisoformat(typed["dia"])
    except ValueError as error:
        raise services.InvalidInput(i18n.N_("La preferencia a quitar no es válida.")) from error
    wish = Wish(typed["codigo_personal"], day, True, typed["turno"] or None)
    services.delete_request(db, code, wish)
    return saved(f"/hogares/{code}/calendario", "borrado", mes=f"{day:%Y-%m}")
