"""The start pages: the network for national accounts, a shelter's page, 404 for others."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from web_factories import COORDINATOR, FOREIGN, HOME, sign_in

from roster.demo import generate_network
from web.app import create_app

Clients = Callable[[str], TestClient]


def test_network_page_lists_every_shelter_in_spanish(signed_in: Clients) -> None:
    page = signed_in("rrhh@demo.hogares.pe").get("/")
    assert page.status_code == 200
    assert "Red de hogares" in page.text
    assert "22 hogares activos" in page.text
    assert len(re.findall(r'href="/hogares/HRT-[A-Z]+-\d\d"', page.text)) == 22  # each opens
    assert page.text.count("/rol/") == 22  # and links its month roster


def test_a_coordinator_lands_on_her_shelter(signed_in: Clients) -> None:
    page = signed_in(COORDINATOR).get("/")
    assert page.url.path == f"/hogares/{HOME}"
    shelter = next(s for s in generate_network().shelters if s.shelter.code == HOME)
    for person in shelter.staff:
        assert person.name in page.text


def test_a_foreign_or_unknown_shelter_is_404(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    foreign, unknown = client.get(f"/hogares/{FOREIGN}"), client.get("/hogares/HRT-NOPE-99")
    assert foreign.status_code == unknown.status_code == 404
    assert "No encontramos esta página" in foreign.text
    assert "Traceback" not in foreign.text


def test_pages_never_show_an_address(signed_in: Clients) -> None:
    page = signed_in("admin@demo.hogares.pe").get("/").text.lower()
    assert "dirección" not in page and "address" not in page


def test_a_crash_is_a_spanish_page_without_a_stack_trace(
    web_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("secreto interno")

    with TestClient(create_app(), raise_server_exceptions=False) as client:
        sign_in(client, "rrhh@demo.hogares.pe")
        monkeypatch.setattr("web.routes.network.services.get_shelter_data", broken)
        page = client.get(f"/hogares/{HOME}")
    assert page.status_code == 500
    assert "Algo salió mal" in page.text
    assert "secreto interno" not in page.text and "Traceback" not in page.text


def test_an_api_error_is_json_with_field_and_reason(signed_in: Clients) -> None:
    answer = signed_in(COORDINATOR).get(f"/api/v1/hogares/{FOREIGN}")
    assert answer.status_code == 404
    assert set(answer.json()) == {"detail", "field", "reason"}


def test_an_unknown_path_gets_the_spanish_page(app_client: TestClient) -> None:
    page = app_client.get("/no/existe/esta-ruta")
    assert page.status_code == 404
    assert "No encontramos esta página" in page.text and "Not Found" not in page.text
    assert "esta-ruta" not in page.text  # the failed path is not echoed back


def test_an_unknown_api_path_gets_json(app_client: TestClient) -> None:
    answer = app_client.get("/api/v1/no-existe")
    assert answer.status_code == 404 and answer.json()["detail"]
