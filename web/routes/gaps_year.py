"""The year's gaps in the browser: posts sized on a shelter's or the network's year, as a job.

``/red/brechas/anio`` (admin and HR) sizes the posts of every active shelter,
``/hogares/{code}/brechas/anio`` (anyone who sees the shelter, as the month's page) of one
of them, with the figures of ``roster gaps --year`` (docs/gaps.md §12) and the PDF, Excel
and JSON reports of the newest finished analysis. Running one changes no data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from exports.gaps_year import year_json, year_pdf, year_xlsx
from models.gap_year import NetworkYearAnalysis, YearGapAnalysis
from roster import jobs
from roster.jobs.gaps_year import latest_year_analysis, latest_year_job, submit_gaps_year
from web import i18n
from web.deps import NOT_FOUND, CurrentUser, NationalUser, SessionDep, ShelterCode
from web.gap_views import role_names
from web.routes.network import this_month
from web.routes.roster_files import XLSX
from web.routes.staff import shelter_context
from web.templating import render

router = APIRouter(tags=["brechas"])
NO_ANALYSIS = i18n.N_("Todavía no hay un análisis terminado de este año: ejecútelo primero.")
FORMATS = {"pdf": "application/pdf", "xlsx": XLSX, "json": "application/json"}
REPORTS: dict[str, Callable[[NetworkYearAnalysis], Any]] = {
    "pdf": year_pdf,
    "xlsx": year_xlsx,
    "json": year_json,
}


def year_query(anio: Annotated[str | None, Query()] = None) -> int:
    """``?anio=YYYY`` (this year without it); anything else is a page not found."""
    text = anio or this_month()[:4]
    if not (text.isdigit() and len(text) == 4 and 2000 <= int(text) <= 2100):
        raise HTTPException(404, NOT_FOUND)
    return int(text)


YearQuery = Annotated[int, Depends(year_query)]


def _base(code: str | None) -> str:
    return "/red/brechas/anio" if code is None else f"/hogares/{code}/brechas/anio"


def _where(code: str | None, year: int) -> str:
    return f"{_base(code)}?anio={year:04d}"


def _context(db: Session, code: str | None, year: int) -> dict[str, Any]:
    """The year's newest job and newest finished analysis."""
    context: dict[str, Any] = {
        "job": latest_year_job(db, code, year),
        "scope": code,
        "year": year,
        "base": _base(code),
        "month_base": "/red/brechas" if code is None else f"/hogares/{code}/brechas",
        "job_query": f"anio={year:04d}",
        "analysis": None,
    }
    found = latest_year_analysis(db, code, year)
    if found is not None:
        done, analysis = found
        names = role_names(analysis.shelters)  # type: ignore[arg-type]
        context.update(done=done, analysis=analysis, ranked=analysis.ranked(), names=names)
    return context


def _detail(context: dict[str, Any], code: str | None) -> None:
    """One shelter's year: ``?hogar=CODE`` of the network's, or a shelter's own."""
    analysis: NetworkYearAnalysis | None = context["analysis"]
    if analysis is None or code is None:
        return
    alone = analysis.shelters[0] if len(analysis.shelters) == 1 else None
    shelter: YearGapAnalysis | None = next(
        (s for s in analysis.shelters if s.shelter_code == code), alone
    )
    if shelter is not None:
        context["detail"] = shelter


@router.get("/red/brechas/anio", response_class=HTMLResponse)
def network_year(
    request: Request,
    _account: NationalUser,
    year: YearQuery,
    db: SessionDep,
    hogar: str | None = None,
) -> HTMLResponse:
    """The network's year: shelters ranked, posts, temporary cover; one shelter with ?hogar=."""
    context = _context(db, None, year)
    _detail(context, hogar)
    return render(request, "gaps/year.html", context)


@router.get("/hogares/{code}/brechas/anio", response_class=HTMLResponse)
def shelter_year(
    request: Request, code: ShelterCode, year: YearQuery, db: SessionDep
) -> HTMLResponse:
    """A shelter's year: its months, the posts sized on them, the temporary cover."""
    context = {**shelter_context(request, db, code), **_context(db, code, year)}
    _detail(context, code)
    return render(request, "gaps/year.html", context)


def _start(db: Session, code: str | None, year: int, user: int) -> Response:
    running = latest_year_job(db, code, year)
    if running is None or not running.active:  # else the page shows the one running
        submit_gaps_year(db, code, year, created_by=user)
    return RedirectResponse(_where(code, year), status_code=303)


@router.post("/red/brechas/anio/analizar")
def network_start(account: NationalUser, year: YearQuery, db: SessionDep) -> Response:
    """Queue the year's analysis of every active shelter."""
    return _start(db, None, year, account.id)


@router.post("/hogares/{code}/brechas/anio/analizar")
def shelter_start(
    code: ShelterCode, account: CurrentUser, year: YearQuery, db: SessionDep
) -> Response:
    """Queue the year's analysis of the shelter."""
    return _start(db, code, year, account.id)


def _progress(request: Request, db: Session, code: str | None, year: int) -> Response:
    """The job box; once the job has ended, htmx reloads the page to show the results."""
    job = latest_year_job(db, code, year)
    context = {"job": job, "base": _base(code), "job_query": f"anio={year:04d}", "year": year}
    page = render(request, "gaps/job.html", context)
    if job is None or not job.active:
        page.headers["HX-Refresh"] = "true"
    return page


@router.get("/red/brechas/anio/trabajo", response_class=HTMLResponse)
def network_progress(
    request: Request, _account: NationalUser, year: YearQuery, db: SessionDep
) -> Response:
    """The network year's progress (polled by the page)."""
    return _progress(request, db, None, year)


@router.get("/hogares/{code}/brechas/anio/trabajo", response_class=HTMLResponse)
def shelter_progress(
    request: Request, code: ShelterCode, year: YearQuery, db: SessionDep
) -> Response:
    """The shelter year's progress (polled by the page)."""
    return _progress(request, db, code, year)


def _cancel(db: Session, code: str | None, year: int) -> Response:
    job = latest_year_job(db, code, year)
    if job is not None and job.active:
        jobs.request_cancel(db, job.id)
    return RedirectResponse(_where(code, year), status_code=303)


@router.post("/red/brechas/anio/cancelar")
def network_cancel(_account: NationalUser, year: YearQuery, db: SessionDep) -> Response:
    """Stop the network's year; nothing of it is kept."""
    return _cancel(db, None, year)


@router.post("/hogares/{code}/brechas/anio/cancelar")
def shelter_cancel(code: ShelterCode, year: YearQuery, db: SessionDep) -> Response:
    """Stop the shelter's year; nothing of it is kept."""
    return _cancel(db, code, year)


def _report(db: Session, code: str | None, year: int, kind: str) -> Response:
    found = latest_year_analysis(db, code, year)
    if found is None:
        raise HTTPException(404, NO_ANALYSIS)
    write: Callable[[NetworkYearAnalysis], bytes | str] = REPORTS[kind]
    body = write(found[1])
    scope = "red" if code is None else "hogar"
    name = f"brechas-anio-{scope}-{year:04d}.{kind}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(body, media_type=FORMATS[kind], headers=headers)


def _network_report(kind: str) -> Any:
    def report(_account: NationalUser, year: YearQuery, db: SessionDep) -> Response:
        return _report(db, None, year, kind)

    report.__doc__ = f"The newest network year analysis as a {kind} report."
    return report


def _shelter_report(kind: str) -> Any:
    def report(code: ShelterCode, year: YearQuery, db: SessionDep) -> Response:
        return _report(db, code, year, kind)

    report.__doc__ = f"The newest year analysis of a shelter as a {kind} report."
    return report


for _kind in FORMATS:  # /anio/informe.pdf, /anio/informe.xlsx, /anio/informe.json
    router.add_api_route(
        f"/red/brechas/anio/informe.{_kind}", _network_report(_kind), methods=["GET"]
    )
    router.add_api_route(
        f"/hogares/{{code}}/brechas/anio/informe.{_kind}", _shelter_report(_kind), methods=["GET"]
    )
