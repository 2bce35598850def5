"""The year's gaps in the browser: run as a job, its figures per shelter and for the network,
its reports, and who may see it (a hand-made year: no solver runs)."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_factories import COORDINATOR, FOREIGN, HOME, HR

from models.gap_year import MonthGap, NetworkYearAnalysis, YearGapAnalysis
from models.gaps import RecommendedPost, TemporaryCover
from roster.jobs import claim_next, run_job
from roster.jobs.gaps_year import latest_year_job
from roster.storage import session_scope

Clients = Callable[[str], TestClient]
YEAR = 2031  # a year no other test analyses


def year_of(code: str, needed: int) -> YearGapAnalysis:
    """A shelter's year: a structural gap in March (one post) and leave in July."""
    months = [
        MonthGap(
            month=number,
            demand_hours=2000.0,
            uncovered_hours={3: 120.0 * needed, 7: 40.0}.get(number, 0.0),
            structural_hours=120.0 * needed if number == 3 else 0.0,
            after_hours=40.0 if number == 7 else 0.0,
        )
        for number in range(1, 13)
    ]
    post = RecommendedPost("EDU", needed, Decimal("2500.00"))
    return YearGapAnalysis(
        shelter_code=code,
        shelter_name=f"Hogar {code}",
        department="Huancavelica",
        year=YEAR,
        months=months,
        recommended=[post] if needed else [],
        temporary_cover=[TemporaryCover(7, "EDU", 40.0)],
        months_share=1.0,
        cost_today=Decimal("10000.00"),
        role_names={"EDU": "Educadora"},
    )


@pytest.fixture(scope="module")
def analysed(web_db: str) -> NetworkYearAnalysis:
    """Finished year analyses of the network (two shelters) and of HOME."""
    network = NetworkYearAnalysis(YEAR, [year_of(HOME, 1), year_of("HRT-T9", 2)], 3.0)
    alone = NetworkYearAnalysis(YEAR, [year_of(HOME, 1)], 1.0)

    def fake(year: int, inputs: list[Any], *_: Any) -> NetworkYearAnalysis:
        assert year == YEAR
        return network if len(inputs) > 1 else alone

    patcher = pytest.MonkeyPatch()
    patcher.setattr("roster.jobs.gaps_year_runner.analyse_year_tracked", fake)
    patcher.setattr(  # no shelter's twelve months are read either
        "roster.jobs.gaps_year_runner.year_inputs", lambda _s, _y, code: [code] * (1 if code else 2)
    )
    from roster.jobs.gaps_year import submit_gaps_year

    with session_scope() as session:
        submit_gaps_year(session, None, YEAR)
        submit_gaps_year(session, HOME, YEAR)
    for _ in range(2):
        with session_scope() as session:
            job = claim_next(session)
        assert job is not None
        run_job(job.id)
    patcher.undo()
    return network


def test_the_year_runs_as_a_job_with_progress_and_cancel(signed_in: Clients) -> None:
    client = signed_in(HR)
    empty = client.get("/red/brechas/anio?anio=2032")
    assert "Todavía no hay un análisis del año 2032" in empty.text
    started = client.post("/red/brechas/anio/analizar?anio=2032", follow_redirects=False)
    assert (
        started.status_code == 303 and started.headers["location"] == "/red/brechas/anio?anio=2032"
    )
    with session_scope() as session:
        job = latest_year_job(session, None, 2032)
        assert job is not None and job.active and job.kind == "gaps_year" and job.month is None
    progress = client.get("/red/brechas/anio/trabajo?anio=2032")
    assert "Analizando las brechas" in progress.text and "HX-Refresh" not in progress.headers
    assert "/red/brechas/anio/cancelar?anio=2032" in progress.text
    client.post("/red/brechas/anio/cancelar?anio=2032")
    ended = client.get("/red/brechas/anio/trabajo?anio=2032")
    assert ended.headers["HX-Refresh"] == "true"
    with session_scope() as session:
        cancelled = latest_year_job(session, None, 2032)
        assert cancelled is not None and not cancelled.active


def test_the_month_page_leads_to_the_year(signed_in: Clients) -> None:
    page = signed_in(HR).get("/red/brechas?mes=2027-02").text
    assert 'href="/red/brechas/anio?anio=2027"' in page


def test_the_network_year_ranks_shelters_and_shows_one(
    signed_in: Clients, analysed: NetworkYearAnalysis
) -> None:
    page = signed_in(HR).get(f"/red/brechas/anio?anio={YEAR}&hogar=HRT-T9").text
    ranking = page.split('id="ranking"')[1]
    assert ranking.index("Hogar HRT-T9") < ranking.index(f"Hogar {HOME}")  # larger gap first
    assert "3 Educadora" in page  # the network's posts: 1 + 2
    assert "S/ 90,000" in page  # 3 posts × S/ 2,500 × 12
    detail = page.split('id="detalle"')[1]
    assert "Hogar HRT-T9" in detail and "Meses que necesitan plazas: marzo de 2031." in detail
    assert "Cubrir con reemplazo temporal" in detail and "julio de 2031" in detail


def test_the_year_reports_download(signed_in: Clients, analysed: NetworkYearAnalysis) -> None:
    client = signed_in(HR)
    pdf = client.get(f"/red/brechas/anio/informe.pdf?anio={YEAR}")
    assert pdf.content.startswith(b"%PDF")
    name = f'attachment; filename="brechas-anio-red-{YEAR}.pdf"'
    assert pdf.headers["content-disposition"] == name
    xlsx = client.get(f"/hogares/{HOME}/brechas/anio/informe.xlsx?anio={YEAR}")
    assert xlsx.content.startswith(b"PK")
    data = json.loads(client.get(f"/red/brechas/anio/informe.json?anio={YEAR}").text)
    assert data["year"] == YEAR and data["network"]["recommended_posts"] == {"EDU": 3}
    assert data["network"]["temporary_cover_hours"] == 80.0
    missing = client.get("/red/brechas/anio/informe.pdf?anio=2033")
    assert missing.status_code == 404


def test_a_coordinator_sees_her_shelters_year_only(
    signed_in: Clients, analysed: NetworkYearAnalysis
) -> None:
    client = signed_in(COORDINATOR)
    assert client.get(f"/red/brechas/anio?anio={YEAR}").status_code == 404
    assert client.get(f"/hogares/{FOREIGN}/brechas/anio?anio={YEAR}").status_code == 404
    page = client.get(f"/hogares/{HOME}/brechas/anio?anio={YEAR}")
    assert page.status_code == 200 and "Plazas dimensionadas en el año" in page.text
    assert "Meses que necesitan plazas: marzo de 2031." in page.text
    assert "Informe PDF" in page.text and "HRT-T9" not in page.text


def test_a_malformed_year_is_not_found(signed_in: Clients) -> None:
    client = signed_in(HR)
    assert client.get("/red/brechas/anio?anio=27").status_code == 404
    assert client.post("/red/brechas/anio/analizar?anio=1800").status_code == 404


def test_a_cancelled_year_job_ends_cancelled_and_keeps_nothing(web_db: str) -> None:
    """The real runner reads the shelter's twelve months, sees the cancel, solves nothing."""
    from roster.jobs import request_cancel
    from roster.jobs.gaps_year import latest_year_analysis, submit_gaps_year

    with session_scope() as session:
        submit_gaps_year(session, HOME, 2034)
    with session_scope() as session:
        job = claim_next(session)
        assert job is not None and job.kind == "gaps_year"
        request_cancel(session, job.id)
    run_job(job.id)
    with session_scope() as session:
        ended = latest_year_job(session, HOME, 2034)
        assert ended is not None and ended.state == "cancelled"
        assert latest_year_analysis(session, HOME, 2034) is None
