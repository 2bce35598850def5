"""The application's settings: one object, read from ``ROSTER_*`` environment variables."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def project_root() -> Path:
    """The source checkout holding this package if there is one, else the working directory."""
    checkout = Path(__file__).resolve().parents[1]
    if (checkout / "pyproject.toml").is_file():
        return checkout
    return Path.cwd()


def default_database_url() -> str:
    """A SQLite file in the project's data/ folder (created when the engine first opens it)."""
    return f"sqlite:///{project_root() / 'data' / 'roster.db'}"


class Settings(BaseSettings):
    """Every setting of the application; ``ROSTER_DATABASE_URL`` overrides ``database_url``."""

    model_config = SettingsConfigDict(env_prefix="ROSTER_", extra="ignore")

    database_url: str = Field(default_factory=default_database_url)
    echo_sql: bool = False
    solver: str = "highs"  # "highs" or "cbc" (DESIGN.md §4)
    time_limit_seconds: float = 60.0
    mip_gap: float = 0.01
    threads: int = 1
    gaps_time_limit_seconds: float = 30.0  # each solve of a gap analysis run from the web
    gaps_workers: int = 2  # shelters a web gap analysis solves at once (processes)
    fairness_months: int = 12  # earlier months counted in the fairness tally (S4)
    secure_cookies: bool = False  # True behind HTTPS: the session cookie is sent over TLS only
    public_url: str = ""  # e.g. https://turnos.example.pe: the base of calendar feed links


def get_settings() -> Settings:
    """The current settings, as the environment says now (a change is seen at once)."""
    return _settings(
        tuple(sorted((k, v) for k, v in os.environ.items() if k[:7].upper() == "ROSTER_"))
    )


@lru_cache(maxsize=32)
def _settings(_environment: tuple[tuple[str, str], ...]) -> Settings:
    """Settings for one set of ``ROSTER_*`` variables: reading them is costly (pydantic), and
    every request opens a database session that asks for them."""
    return Settings()
