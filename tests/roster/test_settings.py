"""The settings object: a SQLite file by default, any URL through ROSTER_DATABASE_URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from roster.settings import get_settings, project_root


def test_the_default_database_is_data_roster_db_in_the_project(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ROSTER_DATABASE_URL", raising=False)
    url = get_settings().database_url
    assert url == f"sqlite:///{project_root() / 'data' / 'roster.db'}"
    assert (project_root() / "pyproject.toml").is_file()


def test_the_environment_overrides_the_database_url(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ROSTER_DATABASE_URL", "postgresql+psycopg://hogar@db/roster")
    monkeypatch.setenv("ROSTER_TIME_LIMIT_SECONDS", "15")
    settings = get_settings()
    assert settings.database_url == "postgresql+psycopg://hogar@db/roster"
    assert settings.time_limit_seconds == 15.0
