"""Alembic environment: runs migrations on a connection handed over by ``init_database``.

No alembic.ini is needed: ``roster.storage.alembic_config()`` builds the configuration.
To add a migration after changing the tables in roster/storage/, run e.g.
``python -c "from roster.storage.engine import new_revision; new_revision('add x', 'sqlite:///tmp/x.db')"``
and review the file it writes in versions/.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from roster.storage import Base, make_engine

target_metadata = Base.metadata


def run_on(connection: Connection) -> None:
    """Run the pending migrations on ``connection`` (batch mode so SQLite can alter tables)."""
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations() -> None:
    """Use the given connection, or open one on ``sqlalchemy.url`` (the alembic CLI way)."""
    config = context.config
    connection = config.attributes.get("connection")
    if connection is not None:
        run_on(connection)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as new_connection:
        run_on(new_connection)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Offline (SQL script) migrations are not supported: use `roster init`.")
run_migrations()
