"""Fixtures of the web tests: a demo database with its accounts, and signed-in clients."""

from __future__ import annotations

import shutil
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


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file with the demo network and its accounts, built once per test process."""
    path = Path(tmp_path_factory.mktemp("web-demo")) / "demo.db"
    url = f"sqlite:///{path}"
    init_database(url)
    network = generate_network()
    with session_scope(url) as session:
        services.load_network(session, network)
        create_demo_accounts(session, network)
    dispose_engines()
    return path


@pytest.fixture(scope="module")
def web_db(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A copy of the demo database for one test module; the app reads it."""
    copy = Path(tmp_path_factory.mktemp("web")) / "roster.db"
    shutil.copyfile(demo_file, copy)
    url = f"sqlite:///{copy}"
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
    """A client signed in as a given account, one per account and module (closed at its end)."""
    clients: dict[str, TestClient] = {}

    def make(email: str) -> TestClient:
        if email not in clients:
            client = TestClient(create_app())
            client.__enter__()
            sign_in(client, email)
            clients[email] = client
        return clients[email]

    yield make
    for client in clients.values():
        client.__exit__(None, None, None)
