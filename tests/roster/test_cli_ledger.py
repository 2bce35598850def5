"""The commands on what a shelter carries between months: feriados worked, expected occupancy."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from roster_factories import network
from typer.testing import CliRunner, Result

from models import Assignment, Roster
from roster import services as sv
from roster.cli import app
from roster.storage import init_database, session_scope

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


@pytest.fixture
def url(empty_db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """A database with one tiny shelter whose July 2026 roster, published, works 28 July."""
    monkeypatch.setenv("ROSTER_DATABASE_URL", empty_db_url)
    init_database(empty_db_url)
    with session_scope(empty_db_url) as session:
        sv.load_network(session, network("HRT-A"))
        worked = [Assignment("S1", date(2026, 7, 28), "M", "CUI")]
        sv.save_roster(session, Roster("HRT-A", 2026, 7, assignments=worked))
        sv.publish_roster(session, "HRT-A", 2026, 7)
    return empty_db_url


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def test_feriados_lists_the_ledger_with_its_rule(url: str) -> None:
    result = run("feriados", "--shelter", "HRT-A")
    assert result.exit_code == 0, result.output
    assert "D.Leg. 713 art. 9" in result.stdout and "28/07/2026" in result.stdout
    assert "1 día(s) de descanso pendiente(s)" in result.stdout
    document = json.loads(run("feriados", "-s", "HRT-A", "--year", "2026", "--json").stdout)
    assert document["rule"] == {"compensation": "rest", "source": "D.Leg. 713 art. 9"}
    assert document["people"][0] | {"worked": 1, "rest_owed": 1} == document["people"][0]
    assert document["entries"][0]["date"] == "2026-07-28"
    assert document["entries"][0]["owed"] is True


def test_occupancy_is_imported_and_listed(url: str) -> None:
    result = run("import", "occupancy", str(EXAMPLES / "occupancy.csv"), "--shelter", "HRT-A")
    assert result.exit_code == 0, result.output
    assert "2 nuevos" in result.stdout
    listed = json.loads(run("occupancy", "-s", "HRT-A", "--year", "2027", "--json").stdout)
    assert listed[0] == {"month": "2027-03", "women": 12, "children": 15, "under_six": 6}


def test_a_bad_occupancy_row_is_named_and_nothing_is_stored(url: str, tmp_path: Path) -> None:
    path = tmp_path / "ocupacion.csv"
    path.write_text("mes,mujeres,ninos,menores_6\n2027-03,12,15,6\n2027-13,12,4,5\n")
    result = run("import", "occupancy", str(path), "--shelter", "HRT-A")
    assert result.exit_code == 1
    assert "fila 3, columna 'mes': mes '2027-13' no válido" in result.stderr
    assert "fila 3, columna 'menores_6': 5 menores de seis años, más que niños (4)" in result.stderr
    assert json.loads(run("occupancy", "-s", "HRT-A", "--json").stdout) == []
