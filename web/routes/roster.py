"""The coordinator's month roster: the grid, hand edits, generating, progress, publishing.

Every change goes through ``ManagedShelter`` (HR may look, not change); the month is
the path's YYYY-MM. An htmx request gets the changed parts of the page (the alert as the
target, the grid, status and findings swapped out of band); a plain form post is
redirected back to the page.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from models import ShiftType
from roster import jobs, services
from roster.planning import parse_month
from web import i18n
from web.deps import NOT_FOUND, CurrentUser, ManagedShelter, SessionDep, ShelterCode
from web.incidents import incidents
from web.templating import render

router = APIRouter(prefix="/hogares/{code}/rol/{month}", tags=["rol"])
FormText = Annotated[str, Form()]


def month_of(month: str) -> tuple[int, int]:
    """The path's YYYY-MM as (year, month); a malformed month is a page that does not exist."""
    try:
        return parse_month(month)
    except ValueError as error:
        raise HTTPException(404, NOT_FOUND) from error


Month = Annotated[tuple[int, int], Depends(month_of)]


def shift_kind(shift: ShiftType) -> str:
    """The colour family of a shift on the grid: guard, night, day or evening."""
    if shift.is_guard or shift.minutes >= 20 * 60:
        return "guard"
    if shift.night_minutes >= 4 * 60:
        return "night"
    return "day" if shift.start.hour < 12 else "evening"


def _neighbours(year: int, month: int) -> tuple[str, str]:
    before = (year - 1, 12) if month == 1 else (year, month - 1)
    after = (year + 1, 1) if month == 12 else (year, month + 1)
    return f"{before[0]:04d}-{before[1]:02d}", f"{after[0]:04d}-{after[1]:02d}"


def _context(
    db: Session, code: str, year: int, month: int, version: int | None = None
) -> dict[str, Any]:
    """What every template of the page reads: the month's view, its latest job, its links.

    The job is read first: a job seen finished then always comes with its final roster
    (each read sees the newest committed data, and the roster is stored before the job ends).
    """
    job = jobs.latest_job(db, code, year, month)
    try:
        view = services.month_view(db, code, year, month, version)
    except services.NotFound as error:
        raise HTTPException(404, NOT_FOUND) from error
    key = f"{year:04d}-{month:02d}"
    previous, following = _neighbours(year, month)
    return {
        "view": view,
        "job": job,
        "month_key": key,
        "base": f"/hogares/{code}/rol/{key}",
        "previous_month": previous,
        "next_month": following,
        "kinds": {shift.code: shift_kind(shift) for shift in view.shifts},
        "shift_labels": {
            s.code: f"{s.code} · {s.name} {s.start:%H:%M}–{s.end:%H:%M}" for s in view.shifts
        },
        "names": {person.code: person.name for person in view.people},
        **incidents(db, code, year, month),
    }


def _htmx(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _back(request: Request) -> Response:
    return RedirectResponse(request.url.path.rsplit("/", 1)[0], status_code=303)


def _update(
    request: Request, context: dict[str, Any], alert: dict[str, str], status: int = 200
) -> HTMLResponse:
    """The htmx answer to a change: the alert, plus the grid, status and findings out of band."""
    return render(request, "roster/update.html", {**context, "alert": alert}, status_code=status)


def _refused(request: Request, context: dict[str, Any], error: Exception, status: int) -> Response:
    """A refused change: 409 or 422 with the reason shown in the page's alert region."""
    alert = {"kind": "error", "text": i18n.gettext(str(error))}
    if _htmx(request):
        page = render(request, "roster/alert.html", {"alert": alert}, status_code=status)
        page.headers.update({"HX-Retarget": "#rol-alerta", "HX-Reswap": "innerHTML"})
        return page
    return render(request, "roster/page.html", {**context, "alert": alert}, status_code=status)


@router.get("", response_class=HTMLResponse)
def month_page(
    request: Request,
    code: ShelterCode,
    when: Month,
    db: SessionDep,
    version: int | None = None,
) -> HTMLResponse:
    """The month's roster grid; ``?version=N`` shows an older version, read-only."""
    return render(request, "roster/page.html", _context(db, code, *when, version))


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        message = i18n.gettext("Día: «%(text)s» no es una fecha AAAA-MM-DD.") % {"text": text}
        raise services.CellRefused("day", message) from None


def _token(version: str, revision: str) -> tuple[int, int] | None:
    if not version and not revision:
        return None
    try:
        return int(version or 0), int(revision or 0)
    except ValueError:
        raise services.CellRefused("version", i18n.N_("Versión: recargue la página.")) from None


@router.post("/celda", response_class=HTMLResponse)
def edit_cell(
    request: Request,
    code: ManagedShelter,
    when: Month,
    account: CurrentUser,
    db: SessionDep,
    staff: FormText = "",
    day: FormText = "",
    shift: FormText = "",
    role: FormText = "",
    locked: FormText = "",
    version: FormText = "",
    revision: FormText = "",
) -> Response:
    """Save one cell of the draft: a shift (empty clears the day), its role, its lock."""
    chosen = {"staff": staff, "day": day, "shift": shift, "role": role, "locked": bool(locked)}
    try:
        outcome = services.edit_cell(
            db,
            code,
            *when,
            staff,
            _day(day),
            shift=shift or None,
            role=role or None,
            locked=bool(locked),
            expected=_token(version, revision),
            user_id=account.id,
        )
    except services.Conflict as error:
        return _refused(request, _context(db, code, *when), error, 409)
    except services.InvalidInput as error:
        return _cell_refused(request, _context(db, code, *when), error, chosen)
    if not _htmx(request):
        return _back(request)
    context = _context(db, code, *when)
    return _update(request, context, _saved_alert(context, chosen, outcome))


def _saved_alert(
    context: dict[str, Any], chosen: dict[str, Any], outcome: services.EditOutcome
) -> dict[str, str]:
    """What the alert says after a saved edit: the cell, and a warning if a rule now breaks."""
    who = context["names"].get(chosen["staff"], chosen["staff"])
    day = date.fromisoformat(chosen["day"]).strftime("%d/%m/%Y")
    what = chosen["shift"] or i18n.gettext("libre")
    text = i18n.gettext("Guardado: %(who)s, %(day)s → %(what)s.") % {
        "who": who,
        "day": day,
        "what": what,
    }
    mine = [f for f in outcome.findings if f.staff_id == chosen["staff"]]
    if mine:
        rules = ", ".join(sorted({f"{f.rule} {i18n.gettext(f.label)}" for f in mine}))
        warning = i18n.gettext("Ojo: %(who)s incumple %(rules)s. Vea «Reglas por revisar».")
        return {"kind": "warning", "text": f"{text} {warning % {'who': who, 'rules': rules}}"}
    return {"kind": "notice", "text": text}


def _cell_refused(
    request: Request, context: dict[str, Any], error: services.InvalidInput, chosen: dict[str, Any]
) -> Response:
    """422 naming the field and the reason; the editor keeps what she chose."""
    message = i18n.gettext(str(error))
    if _htmx(request):
        page = render(request, "roster/editor_error.html", {"message": message}, status_code=422)
        page.headers.update({"HX-Retarget": "#editor-error", "HX-Reswap": "innerHTML"})
        return page
    field = getattr(error, "field", None)
    editor = {**chosen, "error": message, "field": field}
    return render(request, "roster/page.html", {**context, "editor": editor}, status_code=422)


@router.post("/publicar", response_class=HTMLResponse)
def publish(
    request: Request,
    code: ManagedShelter,
    when: Month,
    account: CurrentUser,
    db: SessionDep,
    version: FormText = "",
    revision: FormText = "",
) -> Response:
    """Publish the draft: refused when the page is stale (409) or a hard rule breaks (422)."""
    try:
        expected = _token(version, revision)
        published = services.publish_month(db, code, *when, expected, account.id)
    except services.Conflict as error:
        return _refused(request, _context(db, code, *when), error, 409)
    except services.ServiceError as error:
        return _refused(request, _context(db, code, *when), error, 422)
    if not _htmx(request):
        return _back(request)
    text = i18n.gettext("Publicado: la versión %(version)s es el rol oficial del mes.")
    alert = {"kind": "notice", "text": text % {"version": published.version}}
    return _update(request, _context(db, code, *when), alert)


@router.post("/generar", response_class=HTMLResponse)
def generate(
    request: Request, code: ManagedShelter, when: Month, account: CurrentUser, db: SessionDep
) -> Response:
    """Queue a solve of the month; the locked cells of the newest version are kept (H8)."""
    try:
        jobs.submit_plan(db, code, *when, created_by=account.id)
    except services.ServiceError as error:
        return _refused(request, _context(db, code, *when), error, 422)
    if not _htmx(request):
        return _back(request)
    text = i18n.gettext("Generando el rol: puede seguir mirando la página mientras se calcula.")
    return _update(request, _context(db, code, *when), {"kind": "notice", "text": text})


@router.get("/trabajo", response_class=HTMLResponse)
def job_progress(
    request: Request,
    code: ShelterCode,
    when: Month,
    db: SessionDep,
    seguir: bool = False,
    visto: int | None = None,
) -> HTMLResponse:
    """The latest solve's progress; when it ends, or stores a provisional roster the page
    has not shown (``visto`` is the version on screen), the grid, status and findings come
    along."""
    context = _context(db, code, *when)
    job, view = context["job"], context["view"]
    ended = seguir and job is not None and not job.active
    newer = visto is not None and view.version is not None and view.version != visto
    values = {**context, "refresh": ended or newer, "ended": ended}
    return render(request, "roster/job_update.html", values)


@router.post("/cancelar", response_class=HTMLResponse)
def cancel(request: Request, code: ManagedShelter, when: Month, db: SessionDep) -> Response:
    """Stop the running solve; the best roster it found so far is kept as a draft."""
    job = jobs.latest_job(db, code, *when)
    if job is not None and job.active:
        jobs.request_cancel(db, job.id)
    if not _htmx(request):
        return _back(request)
    return render(request, "roster/job.html", _context(db, code, *when))
