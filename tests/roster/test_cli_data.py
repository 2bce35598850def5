"""The standing-data commands: init, demo, import, shelters, staff."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from roster_factories import example_network, network
from typer.testing import CliRunner, Result

from roster import services as sv
from roster.cli import app, data
from roster.storage import session_scope

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


@pytest.fixture
def url(empty_db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The CLI's database (through ROSTER_DATABASE_URL) with a tiny demo network to load."""
    monkeypatch.setenv("ROSTER_DATABASE_URL", empty_db_url)
    monkeypatch.setattr(data, "demo_network", lambda: network("HRT-A", "HRT-B"))
    return empty_db_url


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def assert_clean_failure(result: Result, code: int, message: str) -> None:
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_init_creates_the_schema(url: str) -> None:
    result = run("init")
    assert result.exit_code == 0, result.output
    assert "Base de datos lista" in result.stdout
    with session_scope(url) as session:
        assert sv.database_is_empty(session)


def test_init_creates_the_data_folder_of_a_sqlite_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROSTER_DATABASE_URL", f"sqlite:///{tmp_path / 'nuevo' / 'roster.db'}")
    assert run("init").exit_code == 0
    assert (tmp_path / "nuevo" / "roster.db").is_file()


def test_demo_loads_once_and_then_needs_a_flag(url: str) -> None:
    first = run("demo")
    assert first.exit_code == 0, first.output
    assert "2 hogares, 3 funciones, 6 personas" in first.stdout
    assert_clean_failure(run("demo"), 1, "ya tiene datos")
    skipped = run("demo", "--if-empty")
    assert skipped.exit_code == 0 and "no se cargó" in skipped.stdout
    assert_clean_failure(run("demo", "--if-empty", "--replace"), 2, "no ambas")


def test_demo_replace_starts_over(url: str) -> None:
    run("demo")
    with session_scope(url) as session:
        sv.deactivate_shelter(session, "HRT-A")
    assert run("demo", "--replace").exit_code == 0
    with session_scope(url) as session:
        assert [s.code for s in sv.list_shelters(session)] == ["HRT-A", "HRT-B"]


def test_shelters_as_json_and_as_a_table(url: str) -> None:
    run("demo")
    listed = json.loads(run("shelters", "--json").stdout)
    assert [s["code"] for s in listed] == ["HRT-A", "HRT-B"]
    assert listed[0]["active_staff"] == 3 and listed[0]["residents"] == 18
    assert listed[0]["extra_holidays"] == ["2026-01-02"]
    assert not {"address", "direccion"} & set(listed[0])
    table = run("shelters").stdout
    assert "HRT-A" in table and "Cañete" in table and "Código" in table


def test_inactive_shelters_show_only_with_all(url: str) -> None:
    run("demo")
    with session_scope(url) as session:
        sv.deactivate_shelter(session, "HRT-B")
    assert [s["code"] for s in json.loads(run("shelters", "--json").stdout)] == ["HRT-A"]
    assert "inactivo" in run("shelters", "--all").stdout


def test_an_empty_network_says_how_to_load_the_demo(url: str) -> None:
    assert "roster demo" in run("shelters").stdout


def test_staff_of_a_shelter(url: str) -> None:
    run("demo")
    listed = json.loads(run("staff", "--shelter", "HRT-A", "--json").stdout)
    assert [m["id"] for m in listed] == ["S1", "S2", "S3"]
    assert listed[1]["roles"] == ["PSI", "COO"] and listed[1]["night_work"] is False
    table = run("staff", "-s", "HRT-A").stdout
    assert "S2" in table and "COO" in table and "Función" in table


def test_unknown_shelter_and_missing_option_fail_cleanly(url: str) -> None:
    run("demo")
    assert_clean_failure(run("staff", "--shelter", "HRT-NADA"), 1, "'HRT-NADA'")
    assert run("staff").exit_code == 2


def test_import_the_example_files(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(data, "demo_network", lambda: example_network("HRT-A"))
    run("demo")
    for kind, name in (("staff", "staff"), ("absences", "absences"), ("coverage", "coverage")):
        result = run("import", kind, str(EXAMPLES / f"{name}.csv"), "--shelter", "HRT-A")
        assert result.exit_code == 0, result.output
        assert "Importado en HRT-A" in result.stdout
    with session_scope(url) as session:
        assert len(sv.list_staff(session, "HRT-A")) == 10


def test_a_bad_import_lists_errors_and_changes_nothing(url: str, tmp_path: Path) -> None:
    run("demo")
    bad = tmp_path / "ausencias.csv"
    bad.write_text("codigo_personal,tipo,desde,hasta\nS1,vacaciones,10/04/2026,31/02/2026\n")
    result = run("import", "absences", str(bad), "--shelter", "HRT-A")
    assert_clean_failure(result, 1, "ausencias.csv, fila 2, columna 'hasta': fecha '31/02/2026'")
    with session_scope(url) as session:
        assert len(sv.list_absences(session, "HRT-A")) == 1


def test_an_unreachable_database_is_reported_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ROSTER_DATABASE_URL", "esto no es una url")
    assert_clean_failure(run("init"), 1, "No se pudo usar la base de datos")


def test_the_real_demo_network_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    demo = pytest.importorskip("roster.demo")
    if not hasattr(demo, "generate_network"):
        pytest.skip("roster.demo.generate_network is not written yet")
    monkeypatch.setenv("ROSTER_DATABASE_URL", f"sqlite:///{tmp_path / 'demo.db'}")
    result = run("demo")
    assert result.exit_code == 0, result.output
    loaded = int(re.search(r"cargada: (\d+) hogares", result.stdout)[1])
    assert len(json.loads(run("shelters", "--json").stdout)) == loaded > 0
