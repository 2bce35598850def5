"""Fixtures of the roster tests: a fresh database per test, on SQLite and PostgreSQL.

PostgreSQL runs when ``ROSTER_TEST_DATABASE_URL`` names a server; each test gets its
own schema (through ``search_path``) so parallel workers never see each other's rows.
Without a server those tests are reported as skipped, with the reason; CI sets
``ROSTER_REQUIRE_POSTGRES=1``, which turns that skip into a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from roster.bench.curtois import instances_folder
from roster.storage import dispose_engines, init_database, session_scope

PG_URL = os.environ.get("ROSTER_TEST_DATABASE_URL", "")
PG_REQUIRED = os.environ.get("ROSTER_REQUIRE_POSTGRES") == "1"
PG_MISSING = (
    "PostgreSQL: no server configured; set ROSTER_TEST_DATABASE_URL "
    "(e.g. postgresql+psycopg://postgres@127.0.0.1:5432/roster_test) to run these, as CI does"
)
PG_MARKS = [pytest.mark.postgres]
if not PG_URL and not PG_REQUIRED:
    PG_MARKS.append(pytest.mark.skip(reason=PG_MISSING))
BACKENDS = ["sqlite", pytest.param("postgresql", marks=PG_MARKS)]


def _postgres_schema_url() -> Iterator[str]:
    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(PG_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        dispose_engines()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database (no tables) on each configured backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'roster.db'}"
        dispose_engines()
    elif not PG_URL:
        pytest.fail(f"ROSTER_REQUIRE_POSTGRES=1 but {PG_MISSING}")
    else:
        yield from _postgres_schema_url()


@pytest.fixture
def db_url(empty_db_url: str) -> str:
    """The URL of a freshly migrated, empty database."""
    init_database(empty_db_url)
    return empty_db_url


@pytest.fixture
def session(db_url: str) -> Iterator[Session]:
    """A session on a fresh database, committed at the end of the test."""
    with session_scope(db_url) as opened:
        yield opened


@pytest.fixture(scope="module")
def curtois_folder() -> Path:
    """The Curtois & Qu instances' folder (kept in the project: benchmarks/curtois)."""
    return instances_folder()
