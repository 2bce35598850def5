"""Changing and removing absences and requests from the month calendar: checked as the CLI's
import checks a row, noted in the audit trail, read by the next roster's planning problem."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from html import unescape

from fastapi.testclient import TestClient
from web_factories import COORDINATOR, FOREIGN, HOME, HR, OTHER_COORDINATOR

from models import Absence, AbsenceKind, Request
from roster import services
from roster.services.audit import audit_trail
from roster.storage import session_scope

Clients = Callable[[str], TestClient]
BASE = f"/hogares/{HOME}"
MONTH = "2027-04"


def a_person() -> str:
    with session_scope() as session:
        return sorted(m.id for m in services.list_staff(session, HOME))[2]


def absences_of(person: str) -> list[Absence]:
    """Her absences from April 2027 on (the demo has earlier ones)."""
    with session_scope() as session:
        return services.list_absences(session, HOME, person, first=date(2027, 4, 1))


def add(client: TestClient, person: str, start: str, end: str) -> None:
    form = {"codigo_personal": person, "tipo": "vacaciones", "desde": start, "hasta": end}
    assert client.post(f"{BASE}/ausencias?mes={MONTH}", data=form).status_code == 200


def edit_link(page: str, kind: str, person: str) -> str:
    """The calendar's first link to the page that changes one of her absences or requests."""
    found = re.search(rf'href="({BASE}/{kind}/cambiar\?codigo_personal={person}&[^"]+)"', page)
    assert found is not None, "no edit link on the calendar"
    return unescape(found.group(1))


def test_a_coordinator_changes_an_absence_and_the_next_plan_reads_the_new_dates(
    signed_in: Clients,
) -> None:
    client, person = signed_in(COORDINATOR), a_person()
    add(client, person, "2027-04-05", "2027-04-09")
    calendar = client.get(f"{BASE}/calendario?mes={MONTH}").text
    editor = client.get(edit_link(calendar, "ausencias", person))
    assert editor.status_code == 200 and 'value="2027-04-05"' in editor.text
    before = {
        "antes_codigo_personal": person,
        "antes_tipo": "vacation",
        "antes_desde": "2027-04-05",
        "antes_hasta": "2027-04-09",
    }
    new = {"tipo": "capacitacion", "desde": "2027-04-19", "hasta": "2027-04-21", "nota": "taller"}
    saved = client.post(f"{BASE}/ausencias/cambiar", data={**before, **new})
    assert saved.status_code == 200 and "Cambios guardados" in saved.text
    assert absences_of(person) == [
        Absence(person, AbsenceKind.TRAINING, date(2027, 4, 19), date(2027, 4, 21), "taller")
    ]
    with session_scope() as session:
        problem = services.planning_problem(session, HOME, 2027, 4)
        trail = audit_trail(session, HOME, 2027, 4)
    assert sorted(problem.absent_days(person)) == [date(2027, 4, day) for day in (19, 20, 21)]
    assert trail[0].kind == "absence" and trail[0].actor == COORDINATOR
    assert "Vacaciones del 05/04/2027 al 09/04/2027 pasa a Capacitación" in trail[0].note


def test_a_refused_change_names_the_field_and_changes_nothing(signed_in: Clients) -> None:
    client, person = signed_in(COORDINATOR), a_person()
    add(client, person, "2027-04-26", "2027-04-27")
    stored = absences_of(person)
    before = {
        "antes_codigo_personal": person,
        "antes_tipo": "vacation",
        "antes_desde": "2027-04-26",
        "antes_hasta": "2027-04-27",
    }
    backwards = {"tipo": "vacaciones", "desde": "2027-04-28", "hasta": "2027-04-20", "nota": ""}
    refused = client.post(f"{BASE}/ausencias/cambiar", data={**before, **backwards})
    assert refused.status_code == 422
    assert 'href="#campo-hasta"' in refused.text and "antes de empezar" in refused.text
    overlap = {**backwards, "desde": "2027-04-20", "hasta": "2027-04-26"}  # the training above
    refused = client.post(f"{BASE}/ausencias/cambiar", data={**before, **overlap})
    assert refused.status_code == 422 and "se superpone con otra ausencia" in refused.text
    assert absences_of(person) == stored


def test_a_coordinator_removes_an_absence_from_its_page(signed_in: Clients) -> None:
    client, person = signed_in(COORDINATOR), a_person()
    add(client, person, "2027-05-03", "2027-05-04")
    gone = {"codigo_personal": person, "tipo": "vacation", "desde": "2027-05-03"}
    removed = client.post(f"{BASE}/ausencias/borrar", data={**gone, "hasta": "2027-05-04"})
    assert removed.status_code == 200 and "Eliminado" in removed.text
    assert all(a.start != date(2027, 5, 3) for a in absences_of(person))
    with session_scope() as session:
        notes = [e.note for e in audit_trail(session, HOME, 2027, 5)]
    assert "Ausencia quitada: Vacaciones del 03/05/2027 al 04/05/2027." in notes


def test_a_coordinator_changes_a_request(signed_in: Clients) -> None:
    client, person = signed_in(COORDINATOR), a_person()
    wish = {"pref_codigo_personal": person, "pref_dia": "2027-04-14", "pref_quiere": "librar"}
    assert client.post(f"{BASE}/preferencias", data=wish).status_code == 200
    calendar = client.get(f"{BASE}/calendario?mes={MONTH}").text
    assert client.get(edit_link(calendar, "preferencias", person)).status_code == 200
    before = {"antes_codigo_personal": person, "antes_dia": "2027-04-14", "antes_turno": ""}
    bad = {"dia": "2027-04-15", "quiere": "trabajar", "turno": "", "peso": "0"}
    refused = client.post(f"{BASE}/preferencias/cambiar", data={**before, **bad})
    assert refused.status_code == 422 and "el peso debe ser 1 o más" in refused.text
    saved = client.post(f"{BASE}/preferencias/cambiar", data={**before, **bad, "peso": "3"})
    assert saved.status_code == 200
    with session_scope() as session:
        mine = [r for r in services.list_requests(session, HOME) if r.staff_id == person]
    assert Request(person, date(2027, 4, 15), True, None, 3) in mine
    assert all(r.day != date(2027, 4, 14) for r in mine)


def test_hr_cannot_change_an_absence(signed_in: Clients) -> None:
    person = a_person()
    add(signed_in(COORDINATOR), person, "2027-06-01", "2027-06-02")
    client = signed_in(HR)
    calendar = client.get(f"{BASE}/calendario?mes=2027-06").text
    assert "/ausencias/cambiar" not in calendar
    query = f"codigo_personal={person}&tipo=vacation&desde=2027-06-01&hasta=2027-06-02"
    assert client.get(f"{BASE}/ausencias/cambiar?{query}").status_code == 403
    before = {
        "antes_codigo_personal": person,
        "antes_tipo": "vacation",
        "antes_desde": "2027-06-01",
        "antes_hasta": "2027-06-02",
    }
    new = {"tipo": "vacaciones", "desde": "2027-06-10", "hasta": "2027-06-11", "nota": ""}
    assert client.post(f"{BASE}/ausencias/cambiar", data={**before, **new}).status_code == 403
    assert any(a.start == date(2027, 6, 1) for a in absences_of(person))


def test_a_coordinator_of_another_shelter_gets_404(signed_in: Clients) -> None:
    person = a_person()
    client = signed_in(OTHER_COORDINATOR)
    query = f"codigo_personal={person}&tipo=vacation&desde=2027-06-01&hasta=2027-06-02"
    assert client.get(f"{BASE}/ausencias/cambiar?{query}").status_code == 404
    before = {
        "antes_codigo_personal": person,
        "antes_tipo": "vacation",
        "antes_desde": "2027-06-01",
        "antes_hasta": "2027-06-02",
    }
    new = {"tipo": "vacaciones", "desde": "2027-06-10", "hasta": "2027-06-11", "nota": ""}
    assert client.post(f"{BASE}/ausencias/cambiar", data={**before, **new}).status_code == 404
    assert client.get(f"/hogares/{FOREIGN}/calendario").status_code == 200  # her own shelter


def test_an_absence_that_is_not_stored_is_404(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    query = f"codigo_personal={a_person()}&tipo=vacation&desde=2030-01-01&hasta=2030-01-02"
    assert client.get(f"{BASE}/ausencias/cambiar?{query}").status_code == 404
    assert client.get(f"{BASE}/ausencias/cambiar?tipo=nada&desde=x").status_code == 404


def test_a_birth_leave_keeps_the_childs_birth_date_and_the_law(signed_in: Clients) -> None:
    client, person = signed_in(COORDINATOR), a_person()
    hour = {"codigo_personal": person, "tipo": "lactancia", "nacimiento": "2027-09-10"}
    added = client.post(
        f"{BASE}/ausencias?mes=2027-10", data={**hour, "desde": "2027-10-01", "hasta": "2027-12-31"}
    )
    assert added.status_code == 200
    before = {
        "antes_codigo_personal": person,
        "antes_tipo": "breastfeeding",
        "antes_desde": "2027-10-01",
        "antes_hasta": "2027-12-31",
    }
    change = {"tipo": "lactancia", "desde": "2027-10-01", "nacimiento": "2027-09-10", "nota": ""}
    late = client.post(
        f"{BASE}/ausencias/cambiar", data={**before, **change, "hasta": "2028-09-30"}
    )
    assert late.status_code == 422 and "cumpla un año" in late.text
    kept = client.post(
        f"{BASE}/ausencias/cambiar", data={**before, **change, "hasta": "2028-03-31"}
    )
    assert kept.status_code == 200
    (stored,) = [a for a in absences_of(person) if a.kind == AbsenceKind.BREASTFEEDING]
    assert (stored.end, stored.child_born) == (date(2028, 3, 31), date(2027, 9, 10))
