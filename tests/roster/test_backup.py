"""Backups: a copy taken while a solve writes is whole and restorable; restore migrates."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from roster_factories import network
from typer.testing import CliRunner

from models import PlanningProblem, Roster, SolveControl
from optimizer import PlanResult, SolverSettings, solve
from roster import services
from roster.backup import backup_database, restore_database, row_counts
from roster.cli import app
from roster.jobs import claim_next, get_job, run_job, submit_plan
from roster.storage import alembic_config, dispose_engines, get_engine, session_scope

SHELTER, YEAR, MONTH = "HRT-T1", 2026, 3


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


@pytest.fixture
def source(tmp_path: Path) -> str:
    """A database file with one tiny shelter."""
    url = sqlite_url(tmp_path / "roster.db")
    from roster.storage import init_database

    init_database(url)
    with session_scope(url) as session:
        services.load_network(session, network(SHELTER))
    return url


def counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        return row_counts(connection)
    finally:
        connection.close()


def roster_in(url: str, version: int) -> Roster | None:
    with session_scope(url) as session:
        return services.get_roster(session, SHELTER, YEAR, MONTH, version=version)


class Watched:
    """``optimizer.solve`` that notes the provisional roster it offers and, before returning
    the final one, waits until a backup has been taken (so one lands mid-solve)."""

    def __init__(self) -> None:
        self.offered: list[Roster] = []
        self.backed_up = threading.Event()

    def __call__(
        self, problem: PlanningProblem, settings: SolverSettings, control: SolveControl
    ) -> PlanResult:
        def offer(roster: Roster) -> None:
            kept = list(roster.assignments)
            control.offer(roster)  # stored as the provisional draft
            self.offered.append(Roster(roster.shelter_code, roster.year, roster.month))
            self.offered[-1].assignments = kept

        watched = SolveControl(control.on_progress, control.should_stop, offer)
        result = solve(problem, settings, control=watched)
        assert self.backed_up.wait(timeout=60)
        return result


def test_a_backup_taken_while_a_solve_writes_is_whole_and_restorable(
    source: str, tmp_path: Path
) -> None:
    with session_scope(source) as session:
        submit_plan(session, SHELTER, YEAR, MONTH, time_limit=3)
    with session_scope(source) as session:
        job = claim_next(session)
    assert job is not None
    solver = Watched()
    worker = threading.Thread(target=run_job, args=(job.id, source), kwargs={"solve_fn": solver})
    worker.start()
    copies: list[Path] = []
    while worker.is_alive():
        copies.append(tmp_path / f"copia-{len(copies)}.db")
        backup_database(copies[-1], source)
        if solver.offered:
            solver.backed_up.set()
        worker.join(timeout=0.05)
    worker.join()
    final = roster_in(source, 1)
    assert final is not None and get_job_state(source, job.id) == "done"
    whole = {tuple(solver.offered[0].assignments), tuple(final.assignments)}
    mid_solve = 0
    for copy in copies:  # every copy holds no roster, or one of the two whole rosters
        restored = sqlite_url(tmp_path / "restaurada.db")
        restore_database(copy, restored)
        found = roster_in(restored, 1)
        assert found is None or tuple(found.assignments) in whole, copy.name
        mid_solve += found is not None and get_job_state(restored, job.id) == "running"
        dispose_engines()
    assert mid_solve >= 1  # at least one copy was taken with the solve still writing
    last = tmp_path / "final.db"
    backup_database(last, source)
    restored_path = tmp_path / "final-restaurada.db"
    restore_database(last, sqlite_url(restored_path))
    dispose_engines()
    assert counts(restored_path) == counts(Path(source.removeprefix("sqlite:///")))
    assert roster_in(sqlite_url(restored_path), 1) == final


def get_job_state(url: str, job_id: int) -> str:
    with session_scope(url) as session:
        return get_job(session, job_id).state


def test_restoring_an_older_schema_migrates_it(tmp_path: Path) -> None:
    old = sqlite_url(tmp_path / "vieja.db")
    config = alembic_config()
    with get_engine(old).begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    backup_database(tmp_path / "copia.db", old)
    target = tmp_path / "nueva.db"
    restore_database(tmp_path / "copia.db", sqlite_url(target))
    connection = sqlite3.connect(target)
    version = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    connection.close()
    assert version == ScriptDirectory.from_config(config).get_current_head()
    assert "jobs" in counts(target)  # a table added after 0001


def test_a_file_that_is_not_a_backup_replaces_nothing(source: str, tmp_path: Path) -> None:
    bogus = tmp_path / "notas.db"
    bogus.write_text("esto no es una base de datos")
    before = counts(Path(source.removeprefix("sqlite:///")))
    with pytest.raises(services.InvalidInput, match="no es una base de datos SQLite válida"):
        restore_database(bogus, source)
    assert counts(Path(source.removeprefix("sqlite:///"))) == before


def test_postgresql_is_pointed_to_its_own_tools(tmp_path: Path) -> None:
    with pytest.raises(services.InvalidInput, match="pg_dump"):
        backup_database(tmp_path / "copia.db", "postgresql+psycopg://u@localhost/roster")


def test_the_commands_back_up_and_restore(
    source: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROSTER_DATABASE_URL", source)
    runner = CliRunner()
    copy = tmp_path / "copias" / "hogares.db"
    made: Any = runner.invoke(app, ["backup", str(copy)])
    assert made.exit_code == 0, made.output
    assert "Copia escrita" in made.output and "1 hogares" in made.output
    refused = runner.invoke(app, ["restore", str(copy)], input="n\n")
    assert refused.exit_code == 1 and "no cambió nada" in refused.output
    restored = runner.invoke(app, ["restore", str(copy), "--yes"])
    assert restored.exit_code == 0, restored.output
    assert "restaurada" in restored.output
