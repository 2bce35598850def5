"""A staff member on her phone (360 px) and on a computer (1280 px): "Mis turnos".

She sees this month and next as small calendars and lists, makes her calendar link (shown
once, with a webcal:// button), and downloads her shifts as .ics. Screenshots are kept in
artifacts/screenshots/ for a person to look at.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date

import pytest
from browser_factories import accessibility_problems, shot, sign_in
from playwright.sync_api import Browser, Page, expect

from models import Assignment, Roster
from roster import services
from roster.storage import dispose_engines, session_scope

STAFF = "personal.ama01@demo.hogares.pe"
SHELTER, PERSON = "HRT-AMA-01", "HRT-AMA-01-P01"


def _months() -> list[tuple[int, int]]:
    today = date.today()
    following = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return [(today.year, today.month), following]


@pytest.fixture(scope="module")
def her_shifts(server: str, server_database: str) -> None:
    """This month and next published, with her on every fourth day, nights and mornings."""
    with session_scope(server_database) as session:
        people = services.list_staff(session, SHELTER)
        for year, month in _months():
            days = calendar.monthrange(year, month)[1]
            items = [
                Assignment(p.id, date(year, month, d), "N" if d % 8 else "M", p.primary_role)
                for i, p in enumerate(people)
                for d in range(1, days + 1)
                if (d + i) % 4 == 0
            ]
            services.save_roster(session, Roster(SHELTER, year, month, items))
            services.publish_roster(session, SHELTER, year, month)
    dispose_engines()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A phone-sized page: 360 x 740 CSS pixels, touch, Spanish."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="es-PE",
    )
    yield context.new_page()
    context.close()


def no_sideways_scroll(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_on_her_phone_she_sees_her_month_and_makes_her_calendar_link(
    her_shifts: None, phone: Page, server: str
) -> None:
    sign_in(phone, server, STAFF)
    expect(phone).to_have_url(f"{server}/mis-turnos")
    expect(phone.get_by_role("heading", name="Mis turnos", exact=True)).to_be_visible()
    expect(phone.locator("table.mini-cal")).to_have_count(2)
    expect(phone.locator("table.mini-cal td.work").first).to_be_visible()
    assert phone.locator("ul.my-shifts li").count() >= 10
    assert no_sideways_scroll(phone)
    assert accessibility_problems(phone) == []
    shot(phone, "mis-turnos-360")

    phone.get_by_role("button", name="Crear mi enlace").click()
    link = phone.get_by_label("Enlace para suscribirse")
    expect(link).to_be_visible()
    url = link.input_value()
    assert url.startswith(f"{server}/calendario/") and url.endswith(".ics")
    subscribe = phone.get_by_role("link", name="Suscribir en el calendario del teléfono")
    assert subscribe.get_attribute("href") == "webcal://" + url.split("://", 1)[1]
    assert no_sideways_scroll(phone)
    assert accessibility_problems(phone) == []
    shot(phone, "mis-turnos-360-enlace")

    feed = phone.request.get(url)
    assert feed.status == 200 and feed.headers["content-type"] == "text/calendar; charset=utf-8"
    assert "BEGIN:VEVENT" in feed.text()

    phone.reload()  # shown once: after that only "since when"
    expect(phone.get_by_text("Tiene un enlace activo desde el")).to_be_visible()
    assert url not in phone.content()
    with phone.expect_download() as download:
        phone.get_by_role("link", name="Descargar mis turnos (.ics)").click()
    assert download.value.suggested_filename == "mis-turnos.ics"


def test_on_a_computer_the_two_months_sit_side_by_side(
    her_shifts: None, page: Page, server: str
) -> None:
    sign_in(page, server, STAFF)
    expect(page.locator("table.mini-cal")).to_have_count(2)
    first, second = (page.locator("section.month").nth(i).bounding_box() for i in range(2))
    assert first is not None and second is not None
    assert abs(first["y"] - second["y"]) < 2 and second["x"] > first["x"] + first["width"] - 1
    assert accessibility_problems(page) == []
    shot(page, "mis-turnos-1280")
