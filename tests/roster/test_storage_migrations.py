"""The Alembic migrations build exactly the ORM's schema, on every configured backend."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError

from roster.storage import (
    Base,
    RoleRow,
    ShelterRow,
    StaffRow,
    alembic_config,
    get_engine,
    init_database,
    session_scope,
)


def test_migrated_schema_matches_the_orm(empty_db_url: str) -> None:
    init_database(empty_db_url)
    with get_engine(empty_db_url).connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_the_comparison_sees_a_missing_table(empty_db_url: str) -> None:
    with get_engine(empty_db_url).connect() as connection:
        context = MigrationContext.configure(connection)
        differences = compare_metadata(context, Base.metadata)
    added = {diff[1].name for diff in differences if diff[0] == "add_table"}
    assert {"shelters", "staff_members", "rosters"} <= added


def test_init_is_repeatable_and_stamps_the_head(empty_db_url: str) -> None:
    init_database(empty_db_url)
    init_database(empty_db_url)
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with get_engine(empty_db_url).connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head


def test_shelters_have_no_location_beyond_department_and_province(db_url: str) -> None:
    columns = {c["name"] for c in inspect(get_engine(db_url)).get_columns("shelters")}
    assert {"department", "province"} <= columns
    assert not columns & {"address", "direccion", "district", "distrito", "latitude", "longitude"}


def test_foreign_keys_are_enforced(db_url: str) -> None:
    with pytest.raises(IntegrityError), session_scope(db_url) as session:
        session.add(
            StaffRow(
                shelter_id=999,
                code="S1",
                name="Nadie",
                primary_role_id=999,
                weekly_hours=48,
                night_work=True,
            )
        )
    with session_scope(db_url) as session:
        assert session.query(StaffRow).count() == 0


def test_session_scope_commits_or_rolls_back(db_url: str) -> None:
    with session_scope(db_url) as session:
        session.add(RoleRow(code="CUI", name="Cuidadora", name_en=""))
    with pytest.raises(RuntimeError), session_scope(db_url) as session:
        session.add(RoleRow(code="PSI", name="Psicóloga", name_en=""))
        session.flush()
        raise RuntimeError("boom")
    with session_scope(db_url) as session:
        assert [r.code for r in session.query(RoleRow)] == ["CUI"]
        assert session.query(ShelterRow).count() == 0
