"""The first web pages: the network list, a shelter's page, 404 for unknown codes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from roster import services
from roster.demo import generate_network
from roster.storage import dispose_engines, init_database, session_scope
from web.app import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('web')) / 'roster.db'}"
    init_database(url)
    with session_scope(url) as session:
        services.load_network(session, generate_network())
    patcher = pytest.MonkeyPatch()
    patcher.setenv("ROSTER_DATABASE_URL", url)
    with TestClient(create_app()) as test_client:
        yield test_client
    patcher.undo()
    dispose_engines()


def test_network_page_lists_every_shelter_in_spanish(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "Red de hogares" in page.text
    assert "22 hogares activos" in page.text
    assert page.text.count('href="/hogares/HRT-') == 22


def test_shelter_page_shows_its_staff(client: TestClient) -> None:
    shelter = generate_network().shelters[0]
    page = client.get(f"/hogares/{shelter.shelter.code}")
    assert page.status_code == 200
    for person in shelter.staff:
        assert person.name in page.text


def test_unknown_shelter_is_404(client: TestClient) -> None:
    assert client.get("/hogares/HRT-NOPE-99").status_code == 404


def test_pages_never_show_an_address(client: TestClient) -> None:
    page = client.get("/").text.lower()
    assert "dirección" not in page and "address" not in page
