"""A shift type's unpaid meal break (refrigerio) from the web form: shown, kept, refused."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from web_factories import COORDINATOR, HOME

from roster import services
from roster.storage import session_scope

Clients = Callable[[str], TestClient]
BASE = f"/hogares/{HOME}/turnos"
LONG_DAY = {"codigo": "L", "nombre": "Día largo", "inicio": "07:00", "horas": "12"}


def break_of(code: str) -> int:
    with session_scope() as session:
        return services.get_shift_type(session, HOME, code).break_minutes


def test_a_shift_type_keeps_its_meal_break(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    assert 'name="refrigerio"' in client.get(BASE).text
    assert client.post(BASE, data={**LONG_DAY, "refrigerio": "45"}).status_code == 200
    assert break_of("L") == 45
    page = client.get(f"{BASE}/L").text
    assert 'name="refrigerio"' in page and 'value="45"' in page
    changed = client.post(f"{BASE}/L", data={**LONG_DAY, "refrigerio": "60"})
    assert changed.status_code == 200 and break_of("L") == 60
    assert client.post(f"{BASE}/L", data={**LONG_DAY, "refrigerio": ""}).status_code == 200
    assert break_of("L") == 0  # empty: no break


def test_a_break_as_long_as_the_shift_or_not_a_number_is_refused(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    short = {**LONG_DAY, "codigo": "C", "horas": "1"}
    whole = client.post(BASE, data={**short, "refrigerio": "60"})
    assert whole.status_code == 422
    assert "refrigerio de 60 minutos: debe ser menor que el turno" in whole.text
    words = client.post(BASE, data={**short, "refrigerio": "media hora"})
    assert words.status_code == 422 and "refrigerio &#39;media hora&#39; no válido" in words.text
    negative = client.post(BASE, data={**short, "refrigerio": "-5"})
    assert negative.status_code == 422
    with session_scope() as session:
        assert "C" not in {s.code for s in services.list_shift_types(session, HOME, True)}
