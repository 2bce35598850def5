"""In Chromium: HR's dashboard and network gap analysis with its PDF; a coordinator's absence
reaching the next roster; an import with a bad row; who may change what."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_factories import accessibility_problems, shot, sign_in
from playwright.sync_api import Page, expect
from served import roster_command, served

HR = "rrhh@demo.hogares.pe"
COORDINATOR = "coord.hvc01@demo.hogares.pe"
HOME = "/hogares/HRT-HVC-01"
KEPT = ("HRT-HVC-01", "HRT-APU-01")  # two small shelters: the analysis takes seconds
ANALYSIS_TIMEOUT = 300_000  # ms: each shelter is solved several times, on a loaded machine
SOLVE_TIMEOUT = 120_000
SIGN_IN_TIMEOUT = 30_000


def signed_in(page: Page, server: str, email: str) -> None:
    """Sign in and wait until the start page has loaded (argon2 is slow on a busy machine)."""
    sign_in(page, server, email)
    expect(page).not_to_have_url(re.compile(r"/entrar"), timeout=SIGN_IN_TIMEOUT)


@pytest.fixture(scope="module")
def small_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A served app whose network has two active shelters and short analysis solves."""
    path = Path(tmp_path_factory.mktemp("pequena")) / "roster.db"
    env = {**os.environ, "ROSTER_DATABASE_URL": f"sqlite:///{path}"}
    roster_command(env, "init")
    roster_command(env, "demo")
    connection = sqlite3.connect(path)
    marks = ", ".join("?" for _ in KEPT)
    connection.execute(f"UPDATE shelters SET active = 0 WHERE code NOT IN ({marks})", KEPT)
    connection.commit()
    connection.close()
    with served(f"sqlite:///{path}", ROSTER_GAPS_TIME_LIMIT_SECONDS="1") as url:
        yield url


def test_hr_runs_the_network_analysis_and_downloads_the_pdf(
    page: Page, small_server: str, tmp_path: Path
) -> None:
    signed_in(page, small_server, HR)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Red de hogares")
    expect(page.locator("table.dashboard tbody tr")).to_have_count(2)
    page.get_by_role("link", name="Cobertura").click()  # sort by coverage
    expect(page.locator("th[aria-sort]")).to_contain_text("Cobertura")
    shot(page, "hr-dashboard")
    assert accessibility_problems(page) == []
    page.get_by_role("link", name="Brechas y escenarios de la red").click()
    page.get_by_role("button", name="Analizar").click()
    expect(page.locator("#brechas-trabajo progress")).to_be_visible()
    shot(page, "hr-gaps-running")
    expect(page.get_by_role("heading", name="Informes para descargar")).to_be_visible(
        timeout=ANALYSIS_TIMEOUT
    )
    expect(page.locator("table.ranking tbody tr")).to_have_count(2)
    expect(page.locator("svg.chart title").first).to_contain_text("Cobertura")
    shot(page, "hr-gaps-network")
    assert accessibility_problems(page) == []
    with page.expect_download() as waiting:
        page.get_by_role("link", name="Informe PDF").click()
    download = waiting.value
    assert download.suggested_filename.startswith("brechas-red-")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
    page.locator("table.ranking tbody tr").first.get_by_role("link").click()
    expect(page.locator("#detalle")).to_contain_text("Plazas recomendadas")
    shot(page, "hr-gaps-shelter-detail")


def test_an_absence_on_the_calendar_reaches_the_next_roster(page: Page, server: str) -> None:
    signed_in(page, server, COORDINATOR)
    page.goto(f"{server}{HOME}/calendario?mes=2027-06")
    form = page.locator("form[action*='/ausencias']").last
    person = form.get_by_label("Persona")
    person.select_option(index=2)
    staff = person.input_value()
    form.get_by_label("Tipo").select_option("vacaciones")
    form.get_by_label("Desde").fill("2027-06-09")
    form.get_by_label("Hasta (inclusive)").fill("2027-06-11")
    form.get_by_role("button", name="Agregar la ausencia").click()
    expect(page.get_by_role("status")).to_contain_text("Guardado")
    expect(page.locator("table.calendar")).to_contain_text("VAC")
    shot(page, "coordinator-calendar")
    assert accessibility_problems(page) == []
    page.get_by_role("link", name="Rol de junio de 2027").click()
    page.locator("#rol-estado button.primary").click()
    expect(page.locator("#rol-trabajo")).to_contain_text("Rol generado", timeout=SOLVE_TIMEOUT)
    expect(page.locator("#rol-estado")).not_to_contain_text("Provisional")
    row = page.locator(f'tr[data-staff="{staff}"] td.cell')
    for day in (9, 10, 11):
        expect(row.nth(day - 1)).to_contain_text("VAC")
        expect(row.nth(day - 1).locator("[data-shift]")).to_have_count(0)
    shot(page, "coordinator-roster-with-absence")


def test_an_upload_with_one_bad_row_changes_nothing(
    page: Page, server: str, tmp_path: Path
) -> None:
    signed_in(page, server, COORDINATOR)
    page.goto(f"{server}{HOME}/personal")
    before = page.locator("table tbody tr").count()
    upload = tmp_path / "personal.csv"
    upload.write_text(
        "codigo,nombre,funcion,horas_semanales\n"
        "HVC-X1,Gloria Apaza,CUI,48\n"
        "HVC-X2,Marisol Quispe,Cuidadora,sesenta\n",
        encoding="utf-8",
    )
    page.goto(f"{server}{HOME}/importar")
    page.get_by_label("Personal").check()
    page.get_by_label("Archivo .csv o .xlsx").set_input_files(str(upload))
    page.get_by_role("button", name="Ver la vista previa").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("No se importó nada: 1 problema en personal.csv")
    problem = page.locator("table.problems tbody tr")
    expect(problem).to_have_count(1)
    expect(problem).to_contain_text("3")
    expect(problem).to_contain_text("horas_semanales")
    expect(problem).to_contain_text("horas 'sesenta' no válidas")
    shot(page, "coordinator-import-refused")
    assert accessibility_problems(page) == []
    page.goto(f"{server}{HOME}/personal")
    expect(page.locator("table tbody tr")).to_have_count(before)
    expect(page.locator("table")).not_to_contain_text("Gloria Apaza")


def test_hr_reads_a_shelters_staff_but_cannot_change_it(page: Page, server: str) -> None:
    signed_in(page, server, HR)
    page.goto(f"{server}{HOME}/personal")
    expect(page.locator(".shelter-line")).to_contain_text("Solo lectura")
    expect(page.get_by_role("button", name="Agregar")).to_have_count(0)
    page.locator("table tbody tr").first.get_by_role("link").click()
    expect(page.get_by_label("Nombre completo")).to_be_disabled()
    expect(page.get_by_role("button", name="Guardar cambios")).to_have_count(0)
    shot(page, "hr-staff-read-only")
    assert accessibility_problems(page) == []
    token = page.locator("input[name=csrf_token]").first.get_attribute("value") or ""
    answer = page.request.post(
        f"{server}{HOME}/personal",
        form={
            "csrf_token": token,
            "codigo": "HR-1",
            "nombre": "X",
            "funcion": "CUI",
            "horas_semanales": "48",
        },
    )
    assert answer.status == 403


def test_a_coordinator_cannot_open_another_shelters_data(page: Page, server: str) -> None:
    signed_in(page, server, COORDINATOR)
    for path in ("/personal", "/calendario", "/importar", "/reglas"):
        answer = page.goto(f"{server}/hogares/HRT-PIU-01{path}")
        assert answer is not None and answer.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("No encontramos esta página")
