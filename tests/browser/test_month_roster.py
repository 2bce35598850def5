"""In Chromium, a coordinator's month: generate with progress, lock, re-optimise, a rule
broken by hand and shown, publish, and a second session's stale save refused."""

from __future__ import annotations

from browser_factories import accessibility_problems, shot, sign_in
from playwright.sync_api import Browser, Locator, Page, expect

COORDINATOR = "coord.hvc01@demo.hogares.pe"
ROSTER = "/hogares/HRT-HVC-01/rol/2027-03"
SOLVE_TIMEOUT = 120_000  # ms: a 4 s-per-phase solve on a loaded machine


def cell(page: Page, staff: str, day: int) -> Locator:
    """The grid cell of one person on one day of the month."""
    return page.locator(f'tr[data-staff="{staff}"] td.cell').nth(day - 1).locator("[data-nav]")


def generate_and_wait(page: Page, version: int) -> None:
    """Press generate (or re-optimise), watch the progress, wait for the solve to end.

    A provisional roster (phase 1's) shows up first as the new version; the final one
    takes its place when the job is done.
    """
    page.locator("#rol-estado button.primary").click()
    expect(page.locator("progress")).to_be_visible()
    expect(page.locator("#rol-estado")).to_contain_text(f"Versión {version}", timeout=SOLVE_TIMEOUT)
    expect(page.locator("#rol-trabajo")).to_contain_text("Rol generado", timeout=SOLVE_TIMEOUT)
    expect(page.locator("#rol-estado")).not_to_contain_text("Provisional")


def save_cell(page: Page, target: Locator, shift: str, lock: bool = False) -> None:
    """Open the cell's editor with the keyboard, choose a shift, save."""
    target.focus()
    page.keyboard.press("Enter")
    editor = page.locator("#rol-editor")
    expect(editor).to_be_visible()
    editor.locator("#editor-turno").select_option(shift)
    fix = editor.get_by_label("Fijar", exact=False)
    fix.check() if lock else fix.uncheck()
    editor.get_by_role("button", name="Guardar").click()
    expect(editor).to_be_hidden()


def night_then_next_day(page: Page) -> tuple[str, int]:
    """A caregiver's night (not on the month's last day) whose next day is free."""
    nights = page.locator('tbody.people [data-shift="N"]')
    for index in range(nights.count()):
        night = nights.nth(index)
        staff = night.locator("xpath=ancestor::tr").get_attribute("data-staff") or ""
        day = int(night.evaluate("b => b.closest('td').cellIndex")) - 3
        if day < 31 and cell(page, staff, day + 1).get_attribute("data-shift") is None:
            return staff, day
    raise AssertionError("no night followed by a free day")


def test_a_coordinators_month(page: Page, server: str, browser: Browser) -> None:
    sign_in(page, server, COORDINATOR)
    page.goto(server + ROSTER)
    expect(page.locator("#rol-estado")).to_contain_text("Sin rol")
    generate_and_wait(page, 1)
    shot(page, "roster-generated")
    assert accessibility_problems(page) == []

    morning = page.locator('tbody.people [data-shift="M"]').first
    staff = morning.locator("xpath=ancestor::tr").get_attribute("data-staff") or ""
    day = int(morning.evaluate("b => b.closest('td').cellIndex")) - 3
    save_cell(page, cell(page, staff, day), "M", lock=True)
    expect(cell(page, staff, day)).to_have_attribute("data-locked", "1")

    generate_and_wait(page, 2)
    expect(cell(page, staff, day)).to_have_attribute("data-locked", "1")
    expect(cell(page, staff, day)).to_have_attribute("data-shift", "M")

    worker, night = night_then_next_day(page)
    save_cell(page, cell(page, worker, night + 1), "M")
    expect(page.locator("#rol-alerta")).to_contain_text("H3")
    expect(page.get_by_role("button", name="Publicar")).to_be_disabled()
    shot(page, "roster-rule-broken")

    save_cell(page, cell(page, worker, night + 1), "")
    publish = page.get_by_role("button", name="Publicar")
    expect(publish).to_be_enabled()
    publish.click()
    expect(page.locator("#rol-estado")).to_contain_text("Publicado")
    shot(page, "roster-published")

    other = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in(other, server, "admin@demo.hogares.pe")
    other.goto(server + ROSTER)
    save_cell(page, cell(page, staff, day), "T")  # the first session saves first
    target = cell(other, staff, day)
    target.focus()
    other.keyboard.press("Enter")
    other.locator("#editor-turno").select_option("")
    other.get_by_role("button", name="Guardar").click()
    expect(other.locator("#rol-alerta")).to_contain_text("Recargue")
    shot(other, "roster-stale-save-refused")
    other.context.close()
