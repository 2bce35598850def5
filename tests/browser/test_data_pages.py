"""In Chromium, as a coordinator: a shelter's data pages as she sees them (screenshots and
axe on each), an absence changed from the calendar with the keyboard, and an import's
example file downloaded, uploaded and previewed without a problem."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser_factories import accessibility_problems, shot, sign_in
from playwright.sync_api import Page, expect

COORDINATOR = "coord.hvc01@demo.hogares.pe"
HOME = "/hogares/HRT-HVC-01"
SIGN_IN_TIMEOUT = 30_000


def signed_in(page: Page, server: str) -> None:
    sign_in(page, server, COORDINATOR)
    expect(page).not_to_have_url(re.compile(r"/entrar"), timeout=SIGN_IN_TIMEOUT)


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/personal", "Personal"),
        ("/calendario?mes=2027-01", "Ausencias y preferencias de enero de 2027"),
        ("/importar", "Importar desde CSV o Excel"),
        ("/reglas", "Reglas del rol"),
    ],
)
def test_each_data_page_as_the_coordinator_sees_it(
    page: Page, server: str, path: str, heading: str
) -> None:
    signed_in(page, server)
    page.goto(f"{server}{HOME}{path}")
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.locator("nav.sections [aria-current=page]")).to_have_count(1)
    shot(page, "coordinator-data-" + path.strip("/").split("?")[0])
    assert accessibility_problems(page) == []


def test_an_absence_is_changed_from_the_calendar_with_the_keyboard(page: Page, server: str) -> None:
    signed_in(page, server)
    page.goto(f"{server}{HOME}/calendario?mes=2028-03")
    form = page.locator("form[action*='/ausencias?']")
    person = form.get_by_label("Persona")
    person.select_option(index=3)
    name = person.locator("option:checked").inner_text().split(" (")[0]
    form.get_by_label("Desde").fill("2028-03-06")
    form.get_by_label("Hasta (inclusive)").fill("2028-03-08")
    form.get_by_role("button", name="Agregar la ausencia").click()
    expect(page.get_by_role("status")).to_contain_text("Guardado")
    link = page.get_by_role("link", name=f"Cambiar la ausencia de {name}").first
    link.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Ausencia de {name}")
    page.get_by_label("Hasta (inclusive)").fill("2028-03-05")
    page.get_by_label("Hasta (inclusive)").press("Enter")
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("antes de empezar")
    expect(summary).to_be_focused()  # the refusal takes the keyboard focus
    shot(page, "coordinator-absence-edit-refused")
    assert accessibility_problems(page) == []
    page.get_by_label("Hasta (inclusive)").fill("2028-03-10")
    page.get_by_label("Hasta (inclusive)").press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Cambios guardados")
    expect(page.locator("ul.items").first).to_contain_text(f"{name} · Vacaciones · 06/03/2028")
    expect(page.locator("ul.items").first).to_contain_text("10/03/2028")
    shot(page, "coordinator-calendar-after-edit")


def test_an_example_file_downloads_and_previews_cleanly(
    page: Page, server: str, tmp_path: Path
) -> None:
    signed_in(page, server)
    page.goto(f"{server}{HOME}/importar")
    with page.expect_download() as waiting:
        page.get_by_role("link", name="Ausencias en Excel").click()
    example = tmp_path / waiting.value.suggested_filename
    waiting.value.save_as(example)
    assert example.name == "ejemplo-ausencias-HRT-HVC-01.xlsx"
    page.get_by_label("Ausencias").check()
    page.get_by_label("Archivo .csv o .xlsx").set_input_files(str(example))
    page.get_by_role("button", name="Ver la vista previa").click()
    expect(page.get_by_role("status")).to_contain_text("El archivo no tiene problemas")
    expect(page.locator("table.changes tbody tr")).to_have_count(2)
    shot(page, "coordinator-import-example-preview")
    assert accessibility_problems(page) == []
