"""Gaps and scenarios in the browser: a shelter's or the network's month, run as a job.

``/red/brechas`` (admin and HR) analyses every active shelter, ``/hogares/{code}/brechas``
(anyone who sees the shelter) one of them; both with the figures of ``roster gaps``,
charts beside their tables, and the PDF, Excel and JSON reports of the newest finished
analysis. Running one changes no data, so reading the shelter is enough to start it.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from exports.gaps_json import gaps_json
from exports.gaps_pdf import gaps_pdf
from exports.gaps_xlsx import gaps_xlsx
from models.gaps import NetworkGapAnalysis
from roster import jobs
from roster.jobs.gaps import latest_gaps_analysis, latest_gaps_job, submit_gaps
from web import i18n
from web.deps import CurrentUser, NationalUser, SessionDep, ShelterCode
from web.gap_views import DAY_CLASS_LABELS, REASON_LABELS, TIER_LABELS, gap_figures
from web.routes.calendar import MonthQuery
from web.routes.roster_files import XLSX
from web.routes.staff import shelter_context
from web.templating import render

router = APIRouter(tags=["brechas"])
NO_ANALYSIS = i18n.N_("Todavía no hay un análisis terminado de este mes: ejecútelo primero.")
FORMATS = {"pdf": "application/pdf", "xlsx": XLSX, "json": "application/json"}


def _base(code: str | None) -> str:
    return "/red/brechas" if code is None else f"/hogares/{code}/brechas"


def _context(db: Session, code: str | None, year: int, month: int) -> dict[str, Any]:
    """The month's newest job and newest finished analysis, with its figures."""
    key = f"{year:04d}-{month:02d}"
    context: dict[str, Any] = {
        "job": latest_gaps_job(db, code, year, month),
        "scope": code,
        "month_key": key,
        "base": _base(code),
        "analysis": None,
        "reasons": REASON_LABELS,
        "day_classes": DAY_CLASS_LABELS,
        "tier_labels": TIER_LABELS,
    }
    found = latest_gaps_analysis(db, code, year, month)
    if found is not None:
        done, analysis = found
        chart = "red" if code is None else "hogar"
        figures = gap_figures(analysis.shelters, year, month, chart)
        context.update(done=done, analysis=analysis, ranked=analysis.ranked(), figures=figures)
    return context


def _detail(context: dict[str, Any], code: str | None, year: int, month: int) -> None:
    """Add one shelter's figures: ``?hogar=CODE`` of the network's, or a shelter's own."""
    analysis: NetworkGapAnalysis | None = context["analysis"]
    if analysis is None or code is None:
        return
    alone = analysis.shelters[0] if len(analysis.shelters) == 1 else None
    shelter = next((s for s in analysis.shelters if s.shelter_code == code), alone)
    if shelter is not None:
        figures = gap_figures([shelter], year, month, f"hogar-{shelter.shelter_code}")
        context.update(detail=shelter, detail_figures=figures)


@router.get("/red/brechas", response_class=HTMLResponse)
def network_gaps(
    request: Request,
    _account: NationalUser,
    when: MonthQuery,
    db: SessionDep,
    hogar: str | None = None,
) -> HTMLResponse:
    """The network's month: ranking, totals, scenarios, charts; one shelter with ?hogar=."""
    context = _context(db, None, *when)
    _detail(context, hogar, *when)
    return render(request, "gaps/page.html", context)


@router.get("/hogares/{code}/brechas", response_class=HTMLResponse)
def shelter_gaps(
    request: Request, code: ShelterCode, when: MonthQuery, db: SessionDep
) -> HTMLResponse:
    """A shelter's month: its gap, scenarios, recommended posts and yearly view."""
    context = {**shelter_context(request, db, code), **_context(db, code, *when)}
    _detail(context, code, *when)
    return render(request, "gaps/page.html", context)


def _start(db: Session, code: str | None, when: tuple[int, int], user: int) -> Response:
    running = latest_gaps_job(db, code, *when)
    if running is None or not running.active:  # else the page shows the one running
        submit_gaps(db, code, *when, created_by=user)
    return RedirectResponse(f"{_base(code)}?mes={when[0]:04d}-{when[1]:02d}", status_code=303)


@router.post("/red/brechas/analizar")
def network_start(account: NationalUser, when: MonthQuery, db: SessionDep) -> Response:
    """Queue the analysis of every active shelter's month."""
    return _start(db, None, when, account.id)


@router.post("/hogares/{code}/brechas/analizar")
def shelter_start(
    code: ShelterCode, account: CurrentUser, when: MonthQuery, db: SessionDep
) -> Response:
    """Queue the analysis of the shelter's month."""
    return _start(db, code, when, account.id)


def _progress(request: Request, db: Session, code: str | None, when: tuple[int, int]) -> Response:
    """The job box; once the job has ended, htmx reloads the page to show the results."""
    context = {"job": latest_gaps_job(db, code, *when), "base": _base(code)}
    context["month_key"] = f"{when[0]:04d}-{when[1]:02d}"
    page = render(request, "gaps/job.html", context)
    if context["job"] is None or not context["job"].active:
        page.headers["HX-Refresh"] = "true"
    return page


@router.get("/red/brechas/trabajo", response_class=HTMLResponse)
def network_progress(
    request: Request, _account: NationalUser, when: MonthQuery, db: SessionDep
) -> Response:
    """The network analysis's progress (polled by the page)."""
    return _progress(request, db, None, when)


@router.get("/hogares/{code}/brechas/trabajo", response_class=HTMLResponse)
def shelter_progress(
    request: Request, code: ShelterCode, when: MonthQuery, db: SessionDep
) -> Response:
    """The shelter analysis's progress (polled by the page)."""
    return _progress(request, db, code, when)


def _cancel(db: Session, code: str | None, when: tuple[int, int]) -> Response:
    job = latest_gaps_job(db, code, *when)
    if job is not None and job.active:
        jobs.request_cancel(db, job.id)
    return RedirectResponse(f"{_base(code)}?mes={when[0]:04d}-{when[1]:02d}", status_code=303)


@router.post("/red/brechas/cancelar")
def network_cancel(_account: NationalUser, when: MonthQuery, db: SessionDep) -> Response:
    """Stop the network analysis; nothing of it is kept."""
    return _cancel(db, None, when)


@router.post("/hogares/{code}/brechas/cancelar")
def shelter_cancel(code: ShelterCode, when: MonthQuery, db: SessionDep) -> Response:
    """Stop the shelter's analysis; nothing of it is kept."""
    return _cancel(db, code, when)


def _report(db: Session, code: str | None, when: tuple[int, int], kind: str) -> Response:
    found = latest_gaps_analysis(db, code, *when)
    if found is None:
        raise HTTPException(404, NO_ANALYSIS)
    analysis = found[1]
    body: bytes | str = {"pdf": gaps_pdf, "xlsx": gaps_xlsx, "json": gaps_json}[kind](analysis)
    scope = "red" if code is None else "hogar"
    name = f"brechas-{scope}-{when[0]:04d}-{when[1]:02d}.{kind}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(body, media_type=FORMATS[kind], headers=headers)


def _network_report(kind: str) -> Any:
    def report(_account: NationalUser, when: MonthQuery, db: SessionDep) -> Response:
        return _report(db, None, when, kind)

    report.__doc__ = f"The newest network analysis as a {kind} report."
    return report


def _shelter_report(kind: str) -> Any:
    def report(code: ShelterCode, when: MonthQuery, db: SessionDep) -> Response:
        return _report(db, code, when, kind)

    report.__doc__ = f"The newest analysis of a shelter as a {kind} report."
    return report


for _kind in FORMATS:  # one route per format: /informe.pdf, /informe.xlsx, /informe.json
    router.add_api_route(f"/red/brechas/informe.{_kind}", _network_report(_kind), methods=["GET"])
    router.add_api_route(
        f"/hogares/{{code}}/brechas/informe.{_kind}", _shelter_report(_kind), methods=["GET"]
    )
