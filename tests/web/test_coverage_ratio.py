"""A coverage rule's ratio of residents on the coverage page: shown in words, set, refused,
changed and cleared, in Spanish and English, only with the form's token."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient
from web_factories import COORDINATOR, HOME, HR, sign_in

from models import DayClass, Tier
from models.occupancy import ResidentGroup, ResidentRatio
from roster import services
from roster.storage import session_scope
from web.app import create_app

Clients = Callable[[str], TestClient]
BASE = f"/hogares/{HOME}/cobertura"
RULE = {"funcion": "CUI", "turno": "T", "tipo_dia": "sabado", "prioridad": "opcional"}
KEY = ("CUI", "T", DayClass.SATURDAY, Tier.OPTIONAL)


def stored() -> tuple[int, int, ResidentRatio | None] | None:
    with session_scope() as session:
        for rule in services.list_coverage(session, HOME):
            if (rule.role, rule.shift, rule.day_class, rule.tier) == KEY:
                return rule.minimum, rule.desired, rule.ratio
    return None


def test_a_coordinator_sets_changes_and_clears_a_ratio(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    form = {**RULE, "minimo": "0", "deseado": "0", "grupo": "ninos", "por_cada": "8", "sobre": ""}
    page = client.post(BASE, data=form)
    assert page.status_code == 200 and "+1 por cada 8 niñas y niños" in page.text
    assert stored() == (0, 0, ResidentRatio(ResidentGroup.CHILDREN, 8))

    edit = client.get(BASE, params=RULE).text  # the row's 'Cambiar' link
    assert 'href="?funcion=CUI&amp;turno=T&amp;tipo_dia=sabado&amp;prioridad=opcional' in page.text
    assert (
        '<option value="ninos" selected>' in edit
        and 'name="por_cada" type="text" value="8"' in edit
    )
    changed = client.post(
        BASE, data={**form, "grupo": "residentes", "por_cada": "40", "sobre": "40"}
    )
    assert "+1 por cada 40 residentes sobre 40" in changed.text
    assert stored() == (0, 0, ResidentRatio(ResidentGroup.RESIDENTS, 40, above=40))

    button = re.search(
        r'aria-label="Quitar la proporción de la regla opcional de [^"]*\(Sábado\)"', changed.text
    )
    assert button is not None
    cleared = client.post(BASE, data={**RULE, "minimo": "0", "deseado": "0"})  # what it posts
    assert cleared.status_code == 200 and stored() == (0, 0, None)


def test_a_bad_ratio_is_refused_beside_its_field_and_nothing_changes(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    base = {**RULE, "tipo_dia": "domingo", "minimo": "1", "deseado": ""}
    for fields, reason in [
        ({"grupo": "ninos", "por_cada": "0"}, "número &#39;0&#39; no válido: debe ser 1 o más"),
        ({"grupo": "ninos", "por_cada": ""}, "falta cada cuántos residentes se suma una persona"),
        ({"grupo": "", "por_cada": "8"}, "falta el grupo de residentes de la proporción"),
        ({"grupo": "ninos", "por_cada": "8", "sobre": "-2"}, "número &#39;-2&#39; no válido"),
    ]:
        refused = client.post(BASE, data={**base, **fields})
        assert refused.status_code == 422 and reason in refused.text
        assert 'aria-invalid="true"' in refused.text
    with session_scope() as session:
        sundays = [
            r for r in services.list_coverage(session, HOME)
            if (r.shift, r.day_class, r.tier) == ("T", DayClass.SUNDAY, Tier.OPTIONAL)
        ]  # fmt: skip
    assert sundays == []


def test_the_ratio_reads_in_english(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    form = {**RULE, "tipo_dia": "feriado", "minimo": "1", "grupo": "menores_6", "por_cada": "5"}
    assert client.post(BASE, data={**form, "sobre": "3"}).status_code == 200
    client.get(f"/idioma/en?volver={BASE}")
    try:
        page = client.get(BASE).text
    finally:
        client.get("/idioma/es")
    assert "+1 for every 5 children under six above 3" in page
    assert "Ratio of residents (optional)" in page and "No ratio" in page


def test_hr_reads_the_ratio_without_the_forms(signed_in: Clients) -> None:
    signed_in(COORDINATOR).post(
        BASE,
        data={**RULE, "tipo_dia": "laborable", "minimo": "1", "grupo": "mujeres", "por_cada": "12"},
    )
    page = signed_in(HR).get(BASE).text
    assert "+1 por cada 12 mujeres" in page
    assert 'name="por_cada"' not in page and "Quitar la proporción" not in page


def test_a_ratio_without_the_form_s_token_is_refused(web_db: str) -> None:
    with TestClient(create_app()) as client:
        sign_in(client, COORDINATOR)
        assert 'name="csrf_token"' in client.get(BASE).text
        del client.headers["X-CSRF-Token"]
        form = {**RULE, "tipo_dia": "domingo", "minimo": "2", "grupo": "ninos", "por_cada": "3"}
        assert client.post(BASE, data=form).status_code == 403
    with session_scope() as session:
        assert all(
            r.ratio != ResidentRatio("children", 3) for r in services.list_coverage(session, HOME)
        )
