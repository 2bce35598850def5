"""No feed of the demo network leaks a place, a shelter or another person's name.

Every shelter publishes a month; every staff member and every shelter gets a link; each
feed is fetched as a phone would and searched for every stored address-like field
(department, province, place, shelter name and code, operator) and every person's full
name. Her own feed names nobody; the shelter's names people by first name and initial.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from fastapi.testclient import TestClient
from feed_factories import demo_network_secrets, publish, simple_roster

from roster import services
from roster.services import feeds
from roster.storage import session_scope

ZONE = re.compile(r"America/Lima")  # the time zone's name is the same for every shelter


@pytest.fixture(scope="module")
def links(web_db: str) -> dict[str, list[tuple[str, str | None]]]:
    """Per shelter: (feed path, staff code or None for the shelter's feed)."""
    today = date.today()
    found: dict[str, list[tuple[str, str | None]]] = {}
    with session_scope(web_db) as session:
        for shelter in services.list_shelters(session):
            publish(session, simple_roster(session, shelter.code, today.year, today.month))
            paths = [(feeds.feed_url("", feeds.rotate_shelter_feed(session, shelter.code)), None)]
            for person in services.list_staff(session, shelter.code):
                token = feeds.rotate_staff_feed(session, shelter.code, person.id)
                paths.append((feeds.feed_url("", token), person.id))
            found[shelter.code] = paths
    return found


def finder(secrets: set[str]) -> re.Pattern[str]:
    """One pattern finding any of ``secrets`` as whole words (longest first)."""
    words = sorted(secrets, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


def leaks(text: str, pattern: re.Pattern[str]) -> list[str]:
    """Every secret the feed's text holds, the time zone's name aside."""
    return sorted(set(pattern.findall(ZONE.sub("", text))))


def test_every_feed_of_the_network_keeps_places_and_names_out(
    links: dict[str, list[tuple[str, str | None]]], app_client: TestClient
) -> None:
    places, names = demo_network_secrets()
    place_finder, name_finder = finder(places), finder(set().union(*names.values()))
    assert len(links) == 22 and sum(len(v) for v in links.values()) > 200
    for code, paths in links.items():
        for path, staff in paths:
            answer = app_client.get(path)
            assert answer.status_code == 200, path
            text = answer.text
            assert "BEGIN:VEVENT" in text, f"{code} {staff}: an empty feed proves nothing"
            assert leaks(text, place_finder) == [], f"{code} {staff}"
            assert leaks(text, name_finder) == [], f"{code} {staff}"  # no full name at all
            if staff is not None:  # her own feed: no other person, not even a first name
                assert "SIN CUBRIR" not in text and ": Turno" not in text


def test_the_search_finds_what_it_looks_for() -> None:
    places, names = demo_network_secrets()
    assert {"Cusco", "Lima"} & places and sum(len(v) for v in names.values()) > 200
    name = next(iter(names["HRT-AMA-01"]))
    assert leaks(f"SUMMARY:{name}: Turno", finder({name})) == [name]
    assert leaks("TZID=America/Lima:2026", finder({"Lima"})) == []
