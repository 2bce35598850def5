"""Migration 0005: coverage rules stored before tiers are sorted into them, and back."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command

from roster.storage import alembic_config, dispose_engines, get_engine

RULES = "SELECT r.code, day_class, minimum, desired, tier FROM coverage_rules JOIN roles r "
RULES += "ON r.id = role_id ORDER BY r.code, day_class, tier"


def migrate(url: str, revision: str, down: bool = False) -> None:
    config = alembic_config()
    with get_engine(url).begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)


def old_database(tmp_path: Path) -> str:
    """A database at revision 0004 with the old demo's carer, psychologist and workshop rules."""
    url = f"sqlite:///{tmp_path / 'antes.db'}"
    migrate(url, "0004")
    statements = [
        "INSERT INTO shelters VALUES (1, 'HRT-X', 'X', 'Lima', 'Lima', 'Aurora', 25, 0, 0, 0, 1)",
        "INSERT INTO roles VALUES (1, 'CUI', 'Cuidadora', '', 1), (2, 'PSI', 'Psicóloga', '', 1),"
        " (3, 'TAL', 'Tallerista', '', 1)",
        "INSERT INTO shift_types VALUES (1, 1, 'M', 'Mañana', '07:00:00', 480, 0, 1),"
        " (2, 1, 'N', 'Noche', '23:00:00', 480, 0, 1)",
        "INSERT INTO coverage_rules (shelter_id, role_id, shift_type_id, day_class, minimum,"
        " desired) VALUES (1, 1, 1, 'weekday', 1, 2), (1, 1, 2, 'sunday', 1, 1),"
        " (1, 2, 1, 'weekday', 1, 1), (1, 3, 1, 'weekday', 0, 1)",
    ]
    with get_engine(url).begin() as connection:
        for statement in statements:
            connection.execute(sa.text(statement))
    return url


def rules(url: str) -> list[tuple]:
    with get_engine(url).connect() as connection:
        return [tuple(row) for row in connection.execute(sa.text(RULES))]


def test_the_first_caregiver_becomes_essential_and_workshops_optional(tmp_path: Path) -> None:
    url = old_database(tmp_path)
    migrate(url, "0005")
    assert rules(url) == [
        ("CUI", "sunday", 1, 1, "essential"),
        ("CUI", "weekday", 1, 1, "essential"),
        ("CUI", "weekday", 0, 1, "normal"),  # the desired second carer stays desired
        ("PSI", "weekday", 1, 1, "normal"),
        ("TAL", "weekday", 0, 1, "optional"),
    ]
    dispose_engines()


def test_going_back_adds_the_tiers_up_again(tmp_path: Path) -> None:
    url = old_database(tmp_path)
    migrate(url, "0005")
    migrate(url, "0004", down=True)
    query = RULES.replace(", tier", "")
    with get_engine(url).connect() as connection:
        found = [tuple(row) for row in connection.execute(sa.text(query))]
    assert found == [
        ("CUI", "sunday", 1, 1),
        ("CUI", "weekday", 1, 2),
        ("PSI", "weekday", 1, 1),
        ("TAL", "weekday", 0, 1),
    ]
    dispose_engines()
