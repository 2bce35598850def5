"""In Chromium, a sick call on a published month: the absence recorded, the repair computed by
the worker, its proposal read and accepted, the history of changes; then a red cell's
candidates and a one-click assign."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from browser_factories import accessibility_problems, shot, sign_in
from playwright.sync_api import Page, expect

from optimizer import SolverSettings
from roster import services
from roster.planning import plan_month
from roster.storage import dispose_engines, session_scope

COORDINATOR = "coord.lim01@demo.hogares.pe"
SHELTER, YEAR, MONTH = "HRT-LIM-01", 2027, 5
ROSTER = f"/hogares/{SHELTER}/rol/{YEAR}-{MONTH:02d}"
REPAIR_TIMEOUT = 120_000  # ms: two short solves on a loaded machine


@pytest.fixture(scope="module")
def sick_person(server: str, server_database: str) -> str:
    """May 2027 planned and published for the shelter; the name of the person with the most
    shifts from the 10th to the 16th."""
    quick = SolverSettings(time_limit_phase1=4, time_limit_phase2=2)
    planned = plan_month(SHELTER, YEAR, MONTH, quick, server_database).roster
    with session_scope(server_database) as session:
        services.publish_roster(session, SHELTER, YEAR, MONTH)
        names = {p.id: p.name for p in services.list_staff(session, SHELTER)}
    dispose_engines()
    week = Counter(a.staff_id for a in planned.assignments if 10 <= a.day.day <= 16)
    return names[week.most_common(1)[0][0]]


def test_a_sick_call_is_repaired_and_accepted(page: Page, server: str, sick_person: str) -> None:
    sign_in(page, server, COORDINATOR)
    page.goto(f"{server}{ROSTER}")
    section = page.locator("#rol-imprevistos")
    section.get_by_text("Registrar ausencia imprevista").click()
    form = section.locator("form").filter(has=page.locator("#aus-desde"))
    form.get_by_label("Persona").select_option(label=sick_person)
    form.get_by_label("Desde", exact=True).fill(date(YEAR, MONTH, 10).isoformat())
    form.get_by_label("Hasta", exact=True).fill(date(YEAR, MONTH, 16).isoformat())
    form.get_by_role("button", name="Registrar", exact=True).click()
    expect(page.locator("#rol-alerta")).to_contain_text("Ausencia registrada")
    expect(section).to_contain_text(
        "Propuesta de reparación desde el 10/05/2027", timeout=REPAIR_TIMEOUT
    )
    expect(page.locator("#rol-trabajo")).to_contain_text("Reparación calculada")
    shot(page, "sick-call-proposal")
    assert accessibility_problems(page) == []
    section.get_by_role("link", name="Ver cada cambio").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Propuesta de reparación")
    expect(page.locator("table").first).to_contain_text("Con esta reparación")
    expect(page.locator("main")).to_contain_text("Un rol nuevo desde cero")
    shot(page, "sick-call-proposal-detail")
    assert accessibility_problems(page) == []
    page.get_by_role("button", name="Aceptar y publicar").click()
    expect(page.locator("#rol-estado")).to_contain_text("Publicado")
    history = page.locator("#rol-imprevistos table").last
    expect(history).to_contain_text("Reparación")
    expect(history).to_contain_text(COORDINATOR)
    expect(page.locator("#rol-imprevistos")).not_to_contain_text("Aceptar y publicar")


def test_a_red_cell_shows_who_could_cover_it(
    page: Page, server: str, server_database: str, sick_person: str
) -> None:
    night = date(YEAR, MONTH, 20)
    with session_scope(server_database) as session:  # nobody left on the night of the 20th
        roster = services.get_roster(session, SHELTER, YEAR, MONTH)
        assert roster is not None
        for worked in [a for a in roster.assignments if (a.day, a.shift) == (night, "N")]:
            services.edit_cell(
                session, SHELTER, YEAR, MONTH, worked.staff_id, night, shift=None, role=None,
                locked=False, expected=None, user_id=None,
            )  # fmt: skip
    dispose_engines()
    sign_in(page, server, COORDINATOR)
    page.goto(f"{server}{ROSTER}")
    red = page.locator(f'td.cov.gap a.covv[href*="dia={night.isoformat()}&turno=N"]').first
    expect(red).to_be_visible()
    red.click()
    panel = page.locator("#rol-candidatos")
    expect(panel).to_contain_text("Quién puede cubrir")
    expect(panel.locator("#candidatos-titulo")).to_be_focused()
    shot(page, "red-cell-candidates")
    assert accessibility_problems(page) == []
    panel.get_by_role("button", name="Asignar a").first.click()
    expect(page.locator("#rol-alerta")).to_contain_text("Guardado")
    expect(panel).to_be_empty()
