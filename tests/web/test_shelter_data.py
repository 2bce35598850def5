"""A shelter's data in the browser: read by HR, changed by its coordination, refusals explained."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from fastapi.testclient import TestClient
from web_factories import ADMIN, COORDINATOR, FOREIGN, HOME, HR

from roster import services
from roster.storage import session_scope

Clients = Callable[[str], TestClient]
BASE = f"/hogares/{HOME}"
PERSON = {
    "codigo": "HVC-NUEVA",
    "nombre": "Rosa Mamani Quispe",
    "funcion": "CUI",
    "horas_semanales": "36",
    "trabajo_nocturno": "si",
}


def staff_codes() -> set[str]:
    with session_scope() as session:
        return {m.id for m in services.list_staff(session, HOME, include_inactive=True)}


@pytest.mark.parametrize(
    "path",
    ["/personal", "/plazas", "/calendario?mes=2027-03", "/turnos", "/cobertura", "/reglas"],
)
def test_hr_reads_every_page_of_a_shelter_without_forms(signed_in: Clients, path: str) -> None:
    page = signed_in(HR).get(BASE + path)
    assert page.status_code == 200
    assert "Solo lectura" in page.text
    assert 'type="submit" class="primary"' not in page.text
    assert "Huancavelica" in page.text  # the department, never an address


def test_hr_cannot_add_or_change_staff(signed_in: Clients) -> None:
    client = signed_in(HR)
    answer = client.post(f"{BASE}/personal", data=PERSON)
    assert answer.status_code == 403
    assert "Solo la coordinación" in answer.text
    first = sorted(staff_codes())[0]
    assert client.post(f"{BASE}/personal/{first}/baja").status_code == 403
    assert "HVC-NUEVA" not in staff_codes()


def test_a_coordinator_adds_a_person_and_bad_hours_name_the_field(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    refused = client.post(f"{BASE}/personal", data={**PERSON, "horas_semanales": "60"})
    assert refused.status_code == 422
    assert "Horas semanales del contrato" in refused.text
    assert "deben ser más de 0 y como máximo 48" in refused.text
    assert 'aria-invalid="true"' in refused.text and 'value="Rosa Mamani Quispe"' in refused.text
    assert "HVC-NUEVA" not in staff_codes()
    saved = client.post(
        f"{BASE}/personal", data={**PERSON, "funciones_cubre": ["AOP"]}, follow_redirects=False
    )
    assert saved.status_code == 303 and "aviso=alta" in saved.headers["location"]
    with session_scope() as session:
        member = services.get_staff(session, HOME, "HVC-NUEVA")
    assert member.roles == ("CUI", "AOP") and member.weekly_hours == 36 and member.night_work


def test_a_coordinator_changes_and_deactivates_a_person(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    code = sorted(staff_codes() - {"HVC-NUEVA"})[0]
    with session_scope() as session:
        member = services.get_staff(session, HOME, code)
    form = {
        "nombre": member.name,
        "funcion": member.primary_role,
        "horas_semanales": "40",
        "activa": "si",
        "plazas": list(member.post_ids),
    }
    assert client.post(f"{BASE}/personal/{code}", data=form).status_code == 200
    assert client.post(f"{BASE}/personal/{code}/baja").status_code == 200
    with session_scope() as session:
        changed = services.get_staff(session, HOME, code)
    assert changed.weekly_hours == 40 and not changed.active and changed.night_work is False
    assert client.get(f"{BASE}/personal/NO-EXISTE").status_code == 404


def test_posts_refuse_a_bad_cost(signed_in: Clients) -> None:
    client = signed_in(ADMIN)
    post = {"codigo": "PL-NUEVA", "funcion": "AOP", "regimen": "CAS", "horas_semanales": "48"}
    refused = client.post(
        f"{BASE}/plazas", data={**post, "costo_mensual": "mil", "estado": "vacante"}
    )
    assert refused.status_code == 422 and "monto &#39;mil&#39; no válido" in refused.text
    saved = client.post(
        f"{BASE}/plazas", data={**post, "costo_mensual": "1800,50", "estado": "vacante"}
    )
    assert saved.status_code == 200 and "Guardado" in saved.text
    with session_scope() as session:
        assert str(services.get_post(session, HOME, "PL-NUEVA").monthly_cost) == "1800.50"


def test_absences_and_requests_on_the_calendar(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    person = sorted(staff_codes())[1]
    absence = {"codigo_personal": person, "tipo": "capacitacion", "desde": "2027-03-10"}
    page = client.post(f"{BASE}/ausencias?mes=2027-03", data={**absence, "hasta": "2027-03-12"})
    assert page.status_code == 200 and "Capacitación" in page.text
    assert "mes=2027-03" in str(page.url)
    overlap = client.post(f"{BASE}/ausencias?mes=2027-03", data={**absence, "hasta": "2027-03-10"})
    assert overlap.status_code == 422 and "se superpone con otra ausencia" in overlap.text
    backwards = client.post(f"{BASE}/ausencias", data={**absence, "hasta": "2027-03-01"})
    assert backwards.status_code == 422 and "antes de empezar" in backwards.text
    wish = {"pref_codigo_personal": person, "pref_dia": "2027-03-20", "pref_quiere": "librar"}
    assert client.post(f"{BASE}/preferencias", data={**wish, "pref_peso": "2"}).status_code == 200
    bad = client.post(f"{BASE}/preferencias", data={**wish, "pref_peso": "0"})
    assert bad.status_code == 422 and "el peso debe ser 1 o más" in bad.text
    gone = {"codigo_personal": person, "tipo": "training", "desde": "2027-03-10"}
    assert client.post(f"{BASE}/ausencias/borrar", data={**gone, "hasta": "2027-03-12"}).is_success
    with session_scope() as session:
        kept = services.list_absences(session, HOME, person, date(2027, 3, 1), date(2027, 3, 31))
        assert kept == []
        assert [r.weight for r in services.list_requests(session, HOME) if r.staff_id == person]


def test_shift_types_coverage_and_rules_refuse_with_the_reason(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    shift = {"codigo": "X", "nombre": "Apoyo", "inicio": "25:00", "horas": "4"}
    bad_shift = client.post(f"{BASE}/turnos", data=shift)
    assert bad_shift.status_code == 422 and "hora &#39;25:00&#39; no válida" in bad_shift.text
    assert client.post(f"{BASE}/turnos", data={**shift, "inicio": "09:00"}).status_code == 200
    rule = {"funcion": "CUI", "turno": "X", "tipo_dia": "sabado", "minimo": "2"}
    short = client.post(f"{BASE}/cobertura", data={**rule, "deseado": "1"})
    assert short.status_code == 422 and "deseado (1) menor que el mínimo (2)" in short.text
    assert client.post(f"{BASE}/cobertura", data={**rule, "deseado": ""}).status_code == 200
    with session_scope() as session:
        found = [r for r in services.list_coverage(session, HOME) if r.shift == "X"]
        rules_before = services.get_rule_set(session, HOME)
    assert [(r.minimum, r.desired) for r in found] == [(2, 2)]
    page = client.get(f"{BASE}/reglas")
    assert "D.Leg. 713" in page.text  # the source the optimiser cites for the weekly rest
    fields = {"min_rest_hours": "30", "max_consecutive_days": "5", "weekly_hours_cap": "48"}
    refused = client.post(f"{BASE}/reglas", data=fields)
    assert refused.status_code == 422 and "fuera de rango: debe ser entre 0 y 24" in refused.text
    with session_scope() as session:
        assert services.get_rule_set(session, HOME) == rules_before


def test_the_rule_settings_round_trip(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    with session_scope() as session:
        rules = services.get_rule_set(session, HOME)
    from roster.services.rule_settings import rule_lines

    form: dict[str, str] = {}
    for line in rule_lines(rules):
        if line.setting.enabled:
            form[f"{line.info.key}__activa"] = "si"
        if not line.info.hard:
            form[f"{line.info.key}__peso"] = f"{line.setting.weight:g}"
        for parameter, value in line.parameters:
            form[parameter.key] = (
                ("si" if value else "") if parameter.kind == "bool" else str(value)
            )
    form["max_consecutive_nights"] = "2"
    assert client.post(f"{BASE}/reglas", data=form).status_code == 200
    with session_scope() as session:
        stored = services.get_rule_set(session, HOME)
    assert stored == rules.with_changes(max_consecutive_nights=2)


def test_a_coordinator_cannot_open_another_shelters_data(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    for path in ("/personal", "/calendario", "/reglas", "/importar", "/brechas"):
        assert client.get(f"/hogares/{FOREIGN}{path}").status_code == 404


def test_the_staff_page_shows_the_feriados_each_person_worked(signed_in: Clients) -> None:
    page = signed_in(HR).get(f"{BASE}/personal")
    assert page.status_code == 200
    assert "Feriados trabajados" in page.text and "D.Leg. 713 art. 9" in page.text
