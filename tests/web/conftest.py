"""Fixtures of the web tests: a demo database with its accounts, and signed-in clients."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_factories import sign_in

from roster import services
from roster.demo import generate_network
from roster.demo.accounts import create_demo_accounts
from roster.storage import dispose_engines, init_database, session_scope
from web.app import create_app


@pytest.fixture(scope="module")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A SQLite file with the demo network and its accounts; the app reads it."""
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('web')) / 'roster.db'}"
    init_database(url)
    network = generate_network()
    with session_scope(url) as session:
        services.load_network(session, network)
        create_demo_accounts(session, network)
    patcher = pytest.MonkeyPatch()
    patcher.setenv("ROSTER_DATABASE_URL", url)
    yield url
    patcher.undo()
    dispose_engines()


@pytest.fixture(scope="module")
def app_client(web_db: str) -> Iterator[TestClient]:
    """A client that is not signed in."""
    with TestClient(create_app()) as client:
        yield client


@pytest.fixture(scope="module")
def signed_in(web_db: str) -> Iterator[Callable[[str], TestClient]]:
    """Make clients signed in as a given account (closed at the end of the module)."""
    clients: list[TestClient] = []

    def make(email: str) -> TestClient:
        client = TestClient(create_app())
        client.__enter__()
        clients.append(client)
        sign_in(client, email)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)
