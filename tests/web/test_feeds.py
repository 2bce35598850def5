"""Calendar feeds over HTTP: links made from the pages, headers, 304s, 404s, two parsers."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import icalendar
import pytest
from fastapi.testclient import TestClient
from feed_factories import STAFF_EMAIL, STAFF_SHELTER, publish, simple_roster
from ical.calendar_stream import IcsCalendarStream
from web_factories import COORDINATOR, HOME, sign_in

from roster.storage import session_scope
from web.app import create_app

Clients = Callable[[str], TestClient]


@pytest.fixture(scope="module", autouse=True)
def published(web_db: str) -> None:
    """This month published for her shelter and the coordinator's."""
    today = date.today()
    with session_scope(web_db) as session:
        for code in (STAFF_SHELTER, HOME):
            publish(session, simple_roster(session, code, today.year, today.month))


def link_in(page: str) -> str:
    """The feed's path in a page that shows a new link."""
    found = re.search(r'value="https?://[^/"]+(/calendario/[A-Za-z0-9_-]+\.ics)"', page)
    assert found is not None, "no feed link on the page"
    return found.group(1)


def new_staff_link(signed_in: Clients) -> str:
    answer = signed_in(STAFF_EMAIL).post("/mis-turnos/calendario")
    assert answer.status_code == 200
    return link_in(answer.text)


def test_her_link_is_shown_once_with_a_webcal_button(signed_in: Clients) -> None:
    client = signed_in(STAFF_EMAIL)
    answer = client.post("/mis-turnos/calendario")
    path = link_in(answer.text)
    assert f'href="webcal://testserver{path}"' in answer.text
    assert len(path.removeprefix("/calendario/").removesuffix(".ics")) >= 43  # >= 256 bits
    again = client.get("/mis-turnos")
    assert path not in again.text and "Tiene un enlace activo desde" in again.text


def test_the_feed_answers_with_private_headers_and_parses_twice(
    signed_in: Clients, app_client: TestClient
) -> None:
    answer = app_client.get(new_staff_link(signed_in))
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "text/calendar; charset=utf-8"
    assert answer.headers["referrer-policy"] == "no-referrer"
    assert "private" in answer.headers["cache-control"]
    assert "noindex" in answer.headers["x-robots-tag"]
    assert "set-cookie" not in answer.headers
    parsed = icalendar.Calendar.from_ical(answer.content)
    shifts = list(parsed.walk("VEVENT"))
    assert shifts and all(" — " in str(e["summary"]) for e in shifts)
    assert [str(z["tzid"]) for z in parsed.walk("VTIMEZONE")] == ["America/Lima"]
    other = IcsCalendarStream.calendar_from_ics(answer.text)
    assert len(other.events) == len(shifts)
    assert {e.uid for e in other.events} == {str(e["uid"]) for e in shifts}
    assert all(e.dtstart.utcoffset().total_seconds() == -5 * 3600 for e in other.events)
    assert other.timezones[0].tz_id == "America/Lima"


def test_lines_are_folded_and_end_in_crlf(signed_in: Clients, app_client: TestClient) -> None:
    body = app_client.get(new_staff_link(signed_in)).content
    lines = body.split(b"\r\n")
    assert lines[-1] == b"" and b"\n" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 75
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT1H" in body and b"X-PUBLISHED-TTL:PT1H" in body


def test_an_unchanged_feed_is_a_304(signed_in: Clients, app_client: TestClient) -> None:
    path = new_staff_link(signed_in)
    first = app_client.get(path)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    again = app_client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    assert app_client.get(path, headers={"If-Modified-Since": modified}).status_code == 304
    assert app_client.get(path, headers={"If-None-Match": '"otro"'}).status_code == 200
    old = "Mon, 01 Jan 2024 00:00:00 GMT"
    assert app_client.get(path, headers={"If-Modified-Since": old}).status_code == 200


def test_a_republished_month_changes_the_etag(
    signed_in: Clients, app_client: TestClient, web_db: str
) -> None:
    path = new_staff_link(signed_in)
    etag = app_client.get(path).headers["etag"]
    today = date.today()
    with session_scope(web_db) as session:
        publish(session, simple_roster(session, STAFF_SHELTER, today.year, today.month, skip=1))
    answer = app_client.get(path, headers={"If-None-Match": etag})
    assert answer.status_code == 200 and b"STATUS:CANCELLED" in answer.content


def test_unknown_and_revoked_links_are_the_same_404(
    signed_in: Clients, app_client: TestClient
) -> None:
    old = new_staff_link(signed_in)
    new = new_staff_link(signed_in)  # rotating stops the old link
    fake = "/calendario/" + "A" * 43 + ".ics"
    unknown, rotated = app_client.get(fake), app_client.get(old)
    assert unknown.status_code == rotated.status_code == 404
    assert unknown.text.replace(fake, "") == rotated.text.replace(old, "")  # no hint which
    assert app_client.get(new).status_code == 200
    stopped = signed_in(STAFF_EMAIL).post("/mis-turnos/calendario/desactivar")
    assert "Enlace desactivado" in stopped.text
    assert app_client.get(new).status_code == 404


def test_her_download_is_a_calendar_file(signed_in: Clients) -> None:
    answer = signed_in(STAFF_EMAIL).get("/mis-turnos/turnos.ics")
    assert answer.status_code == 200
    assert answer.headers["content-disposition"] == 'attachment; filename="mis-turnos.ics"'
    assert icalendar.Calendar.from_ical(answer.content).walk("VEVENT")


def test_a_change_needs_the_csrf_token(web_db: str) -> None:
    with TestClient(create_app()) as client:
        sign_in(client, STAFF_EMAIL)
        del client.headers["X-CSRF-Token"]
        assert client.post("/mis-turnos/calendario").status_code == 403


def test_the_coordinator_makes_and_stops_her_staff_links(
    signed_in: Clients, app_client: TestClient
) -> None:
    client = signed_in(COORDINATOR)
    page = client.get(f"/hogares/{HOME}/calendarios")
    assert page.status_code == 200 and "Calendarios del personal" in page.text
    staff = re.search(rf'action="/hogares/{HOME}/calendarios/personal/([^"/]+)"', page.text)
    assert staff is not None
    made = client.post(f"/hogares/{HOME}/calendarios/personal/{staff.group(1)}")
    path = link_in(made.text)
    assert app_client.get(path).status_code == 200
    client.post(f"/hogares/{HOME}/calendarios/personal/{staff.group(1)}/desactivar")
    assert app_client.get(path).status_code == 404
    shelter = link_in(client.post(f"/hogares/{HOME}/calendarios/hogar").text)
    feed = app_client.get(shelter)
    assert "SIN CUBRIR" in feed.text
    assert client.post(f"/hogares/{HOME}/calendarios/personal/NADIE").status_code == 404


def test_hr_sees_which_links_exist_but_changes_none(signed_in: Clients) -> None:
    client = signed_in("rrhh@demo.hogares.pe")
    assert client.get(f"/hogares/{HOME}/calendarios").status_code == 200
    assert client.post(f"/hogares/{HOME}/calendarios/hogar").status_code == 403


def test_the_shelter_page_links_the_calendars(signed_in: Clients) -> None:
    page = signed_in(COORDINATOR).get(f"/hogares/{HOME}")
    assert f'href="/hogares/{HOME}/calendarios"' in page.text
