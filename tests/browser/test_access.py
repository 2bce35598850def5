"""In Chromium: sign-in, shelter isolation, a staff member's own shifts, accessibility."""

from __future__ import annotations

from browser_factories import accessibility_problems, shot, sign_in
from playwright.sync_api import Page, expect

COORDINATOR = "coord.hvc01@demo.hogares.pe"
STAFF = "personal.ama01@demo.hogares.pe"


def test_a_wrong_password_keeps_the_email_and_says_why(page: Page, server: str) -> None:
    page.goto(f"{server}/entrar")
    page.get_by_label("Correo").fill(COORDINATOR)
    page.get_by_label("Contraseña").fill("no-es-la-clave")
    page.get_by_role("button", name="Entrar").click()
    expect(page.get_by_role("alert")).to_contain_text("Correo o contraseña incorrectos")
    expect(page.get_by_label("Correo")).to_have_value(COORDINATOR)
    shot(page, "login-error")
    assert accessibility_problems(page) == []


def test_a_coordinator_reaches_her_shelter_and_not_another(page: Page, server: str) -> None:
    sign_in(page, server, COORDINATOR)
    expect(page.get_by_role("heading", level=1)).to_contain_text("HRT-HVC-01")
    shot(page, "coordinator-shelter")
    assert accessibility_problems(page) == []
    answer = page.goto(f"{server}/hogares/HRT-PIU-01")
    assert answer is not None and answer.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("No encontramos esta página")
    shot(page, "foreign-shelter-404")


def test_a_staff_member_sees_only_her_own_shifts(page: Page, server: str) -> None:
    sign_in(page, server, STAFF)
    expect(page).to_have_url(f"{server}/mis-turnos")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mis turnos")
    answer = page.goto(f"{server}/hogares/HRT-AMA-01")
    assert answer is not None and answer.status == 404
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{server}/mis-turnos")
    shot(page, "staff-my-shifts-phone")
    assert accessibility_problems(page) == []


def test_the_network_page_for_hr(page: Page, server: str) -> None:
    sign_in(page, server, "rrhh@demo.hogares.pe")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Red de hogares")
    expect(page.locator("tbody tr")).to_have_count(22)  # one row per shelter
    shot(page, "hr-network")
    assert accessibility_problems(page) == []
