"""The network dashboard, the gap pages with their charts and reports, and the admin's backup."""

from __future__ import annotations

import importlib.util
import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_factories import ADMIN, COORDINATOR, HOME, HR

from models.gaps import NetworkGapAnalysis
from roster.jobs import claim_next, run_job
from roster.jobs.gaps import latest_gaps_job
from roster.storage import session_scope

Clients = Callable[[str], TestClient]


def gap_factories() -> ModuleType:
    """tests/exports/gaps_factories.py: hand-made analyses (no solver)."""
    path = Path(__file__).resolve().parents[1] / "exports" / "gaps_factories.py"
    spec = importlib.util.spec_from_file_location("gaps_factories_for_web", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_dashboard_has_a_line_per_shelter_and_sorts(signed_in: Clients) -> None:
    client = signed_in(HR)
    page = client.get("/?mes=2027-03")
    assert page.status_code == 200
    assert len(re.findall(r'<a href="/hogares/HRT-[A-Z]+-\d\d">', page.text)) == 22
    assert page.text.count('/rol/2027-03" class="badge none"') == 22
    assert "Sin rol" in page.text and "marzo de 2027" in page.text
    by_vacancies = client.get("/?mes=2027-03&orden=vacancies&dir=desc").text
    assert 'aria-sort="descending"' in by_vacancies
    first = re.search(r'<tbody>\s*<tr>\s*<td><a href="/hogares/([A-Z0-9-]+)"', by_vacancies)
    assert first is not None and first.group(1) == "HRT-TUM-01"  # the one with 2 vacancies
    assert client.get("/?mes=nada&orden=nada").status_code == 200  # falls back, no error


def test_the_network_gap_page_runs_an_analysis_as_a_job(signed_in: Clients) -> None:
    client = signed_in(HR)
    empty = client.get("/red/brechas?mes=2027-02")
    assert "Todavía no hay un análisis" in empty.text
    started = client.post("/red/brechas/analizar?mes=2027-02", follow_redirects=False)
    assert started.status_code == 303
    with session_scope() as session:
        job = latest_gaps_job(session, None, 2027, 2)
    assert job is not None and job.state == "queued" and job.params["shelters"] == 22
    progress = client.get("/red/brechas/trabajo?mes=2027-02")
    assert "Analizando las brechas" in progress.text and "HX-Refresh" not in progress.headers
    client.post("/red/brechas/cancelar?mes=2027-02")
    ended = client.get("/red/brechas/trabajo?mes=2027-02")
    assert ended.headers["HX-Refresh"] == "true"


@pytest.fixture(scope="module")
def analysed(web_db: str) -> Any:
    """A finished network analysis of 2027-02 (the hand-made one: no solver runs)."""
    factories = gap_factories()
    made = factories.network_analysis()
    alone = NetworkGapAnalysis(2027, 2, [factories.shelter_analysis(HOME)])

    def fake(year: int, month: int, inputs: list[Any], *_: Any) -> NetworkGapAnalysis:
        return made if len(inputs) > 1 else alone

    patcher = pytest.MonkeyPatch()
    patcher.setattr("roster.jobs.gaps_runner.analyse_tracked", fake)
    from roster.jobs.gaps import submit_gaps

    with session_scope() as session:
        submit_gaps(session, None, 2027, 2)
        submit_gaps(session, HOME, 2027, 2)
    for _ in range(2):
        with session_scope() as session:
            job = claim_next(session)
        assert job is not None
        run_job(job.id)
    patcher.undo()
    return made


def test_the_network_analysis_shows_its_figures_and_charts(
    signed_in: Clients, analysed: Any
) -> None:
    page = signed_in(HR).get("/red/brechas?mes=2027-02&hogar=HRT-T9").text
    assert "Hogares por horas sin cubrir" in page and "Escenarios lado a lado" in page
    assert page.count("<svg") == 6  # three charts for the network, three for the shelter
    assert page.count("<title id=") == 6 and page.count("<desc id=") == 6
    assert "Hoy: 66" not in page  # the descriptions read the analysis's own numbers
    assert "Hoy: 85.7 %" in page  # 96 of 672 h uncovered in the gap shelter, none in the other
    assert "propuesta del programa" in page
    assert "Vista anual: personas por puesto 24/7" in page and "4.04" in page
    assert 'id="detalle"' in page and "Ningún rol de turnos legal" in page


def test_the_gap_pages_split_by_tier_and_headline_empty_shifts(
    signed_in: Clients, analysed: Any
) -> None:
    page = signed_in(HR).get("/red/brechas?mes=2027-02&hogar=HRT-T9").text
    flat = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert "Turnos sin nadie en el hogar: 3 en 1 hogares." in flat
    assert "Por prioridad: esencial 24 h; normal 72 h; opcional 0 h." in flat
    assert "· prioridad esencial 24 0 0" in flat  # today, + assistant, + recommended
    assert "Turnos sin nadie en el hogar: 3" in flat and "01/02/2027 · turno N" in flat
    assert "Sin cubrir por prioridad: esencial 24 h; normal 72 h; opcional 0 h." in flat
    shelter = signed_in(COORDINATOR).get(f"/hogares/{HOME}/brechas?mes=2027-02").text
    assert 'class="card headline"' in shelter  # the coordinator's shelter has the same gap


def test_the_reports_download(signed_in: Clients, analysed: Any) -> None:
    client = signed_in(ADMIN)
    pdf = client.get("/red/brechas/informe.pdf?mes=2027-02")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf.headers["content-disposition"] == 'attachment; filename="brechas-red-2027-02.pdf"'
    xlsx = client.get(f"/hogares/{HOME}/brechas/informe.xlsx?mes=2027-02")
    assert xlsx.status_code == 200 and xlsx.content.startswith(b"PK")
    data = json.loads(client.get("/red/brechas/informe.json?mes=2027-02").text)
    assert data["month"] == "2027-02" and data["network"]["uncovered_hours"] == 96
    missing = client.get("/red/brechas/informe.pdf?mes=2027-01")
    assert missing.status_code == 404 and "Todavía no hay un análisis terminado" in missing.text


def test_a_coordinator_sees_her_shelters_gaps_but_not_the_network(
    signed_in: Clients, analysed: Any
) -> None:
    client = signed_in(COORDINATOR)
    assert client.get("/red/brechas?mes=2027-02").status_code == 404
    page = client.get(f"/hogares/{HOME}/brechas?mes=2027-02")
    assert page.status_code == 200 and "Escenarios lado a lado" in page.text
    assert "Informe PDF" in page.text


def test_the_admin_downloads_a_backup_and_hr_cannot(signed_in: Clients, tmp_path: Path) -> None:
    assert signed_in(HR).get("/admin/copia").status_code == 404
    assert signed_in(HR).get("/admin/copia/descargar").status_code == 404
    client = signed_in(ADMIN)
    assert "Descargar la copia" in client.get("/admin/copia").text
    answer = client.get("/admin/copia/descargar")
    assert answer.status_code == 200
    assert re.match(
        r'attachment; filename="hogares-[\d-]+\.db"', answer.headers["content-disposition"]
    )
    copy = tmp_path / "copia.db"
    copy.write_bytes(answer.content)
    connection = sqlite3.connect(copy)
    assert connection.execute("SELECT COUNT(*) FROM shelters").fetchone()[0] == 22
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
