"""The staff form carries the contract's working pattern; a bad one is refused by name."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from web_factories import COORDINATOR, HOME

from models.people import WorkingPattern
from roster import services
from roster.storage import session_scope

Clients = Callable[[str], TestClient]
BASE = f"/hogares/{HOME}"
PERSON = {
    "codigo": "HVC-OFICINA",
    "nombre": "Rosa Mamani Quispe",
    "funcion": "PSI",
    "horas_semanales": "40",
    "trabajo_nocturno": "si",
}


def pattern_of(staff_id: str) -> WorkingPattern | None:
    with session_scope() as session:
        people = {m.id: m for m in services.list_staff(session, HOME, include_inactive=True)}
    return people[staff_id].working_pattern if staff_id in people else None


def test_a_coordinator_sets_a_weekday_pattern_and_the_list_shows_it(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    page = client.get(f"{BASE}/personal")
    assert "Patrón de trabajo del contrato" in page.text and "Solo noches" in page.text
    answer = client.post(f"{BASE}/personal", data={**PERSON, "patron_trabajo": "weekdays_day"})
    assert answer.status_code in (200, 303)
    assert pattern_of("HVC-OFICINA") is WorkingPattern.WEEKDAYS_DAY
    listing = client.get(f"{BASE}/personal").text
    assert "Lunes a viernes, turnos de día" in listing
    edit = client.get(f"{BASE}/personal/HVC-OFICINA").text
    assert '<option value="weekdays_day" selected>' in edit


def test_an_unknown_pattern_is_refused_and_nothing_stored(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    person = {**PERSON, "codigo": "HVC-OTRA", "patron_trabajo": "a veces"}
    refused = client.post(f"{BASE}/personal", data=person)
    assert refused.status_code == 422
    assert "Patrón de trabajo del contrato" in refused.text and "a veces" in refused.text
    assert pattern_of("HVC-OTRA") is None
