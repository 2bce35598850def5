"""Engines, sessions and the schema migration entry point."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from roster.settings import get_settings

MIGRATIONS_DIR = Path(__file__).resolve().parents[1] / "migrations"

_engines: dict[str, Engine] = {}


def _sqlite_pragmas(*pragmas: str) -> Callable[[Any, Any], None]:
    """A connect hook running ``PRAGMA`` statements on every new SQLite connection."""

    def run(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        for pragma in pragmas:
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    return run


def make_engine(url: str, echo: bool = False) -> Engine:
    """A new engine for ``url``; a SQLite file gets its folder created and foreign keys on."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        in_memory = parsed.database in (None, "", ":memory:")
        if not in_memory:
            Path(str(parsed.database)).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, echo=echo)
        # Write-ahead log on files: pages keep reading while a background job writes.
        pragmas = ("foreign_keys=ON",) if in_memory else ("foreign_keys=ON", "journal_mode=WAL")
        event.listen(engine, "connect", _sqlite_pragmas(*pragmas))
        return engine
    return create_engine(parsed, echo=echo, pool_pre_ping=True)


def database_url(url: str | None = None) -> str:
    """``url`` if given, else the configured ``ROSTER_DATABASE_URL`` (or the default file)."""
    return url or get_settings().database_url


def get_engine(url: str | None = None) -> Engine:
    """The shared engine of ``url`` (default: the configured database), made on first use."""
    key = database_url(url)
    if key not in _engines:
        _engines[key] = make_engine(key, echo=get_settings().echo_sql)
    return _engines[key]


def dispose_engines() -> None:
    """Close every shared engine (tests, and before a process forks)."""
    for engine in _engines.values():
        engine.dispose()
    _engines.clear()


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """A session that commits when the block ends and rolls back if it raises."""
    session = Session(get_engine(url), expire_on_commit=False)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def alembic_config() -> Config:
    """Alembic's configuration, built in code: no alembic.ini is needed."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def init_database(url: str | None = None) -> None:
    """Create the schema, or migrate it to the newest revision (``alembic upgrade head``)."""
    config = alembic_config()
    with get_engine(url).begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def new_revision(message: str, url: str) -> None:
    """Write a new migration in roster/migrations/versions from the ORM's changes.

    ``url`` names a scratch database; it is first migrated to the current head.
    Review the generated file before committing it.
    """
    init_database(url)
    config = alembic_config()
    with get_engine(url).begin() as connection:
        config.attributes["connection"] = connection
        command.revision(config, message=message, autogenerate=True)
