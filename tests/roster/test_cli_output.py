"""What the CLI prints and where: shelter codes, files, '-' for stdout, --quiet, tables."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import replace
from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console
from roster_factories import network
from typer.testing import CliRunner, Result

from models import NetworkData
from roster.cli import app, data, tables
from roster.cli.common import OUTPUT
from roster.storage import dispose_engines

LONG_NAME = "Hogar Refugio Temporal de Nombre Muy Largo Para Una Columna"


def crowded_network() -> NetworkData:
    """Two shelters; HRT-B has a long name and more residents (18) than places (12)."""
    tiny = network("HRT-A", "HRT-B")
    second = tiny.shelters[1]
    crowded = replace(second.shelter, name=LONG_NAME, capacity=12)
    return replace(tiny, shelters=[tiny.shelters[0], replace(second, shelter=crowded)])


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file holding the crowded network, loaded once for the module."""
    path = tmp_path_factory.mktemp("cli") / "roster.db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ROSTER_DATABASE_URL", f"sqlite:///{path}")
        patch.setattr(data, "demo_network", crowded_network)
        assert run("demo").exit_code == 0
    dispose_engines()
    return path


@pytest.fixture(autouse=True)
def database(loaded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A copy of that database for each test, a Spanish locale, the test's folder."""
    shutil.copy(loaded, tmp_path / "roster.db")
    monkeypatch.setenv("ROSTER_DATABASE_URL", f"sqlite:///{tmp_path / 'roster.db'}")
    monkeypatch.setenv("ROSTER_LANG", "es")
    monkeypatch.chdir(tmp_path)
    yield
    dispose_engines()


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def test_shelter_codes_match_in_any_case() -> None:
    result = run("staff", "--shelter", "hrt-a", "--json")
    assert result.exit_code == 0, result.output
    assert {member["shelter_code"] for member in json.loads(result.stdout)} == {"HRT-A"}


def test_an_unknown_shelter_names_the_closest_codes_and_the_list_command() -> None:
    result = run("staff", "--shelter", "HRT-C")
    assert result.exit_code == 1
    assert "No existe el hogar con código 'HRT-C'" in result.stderr
    assert "¿Quiso decir HRT-" in result.stderr and "HRT-A" in result.stderr
    assert "roster shelters" in result.stderr


def test_plan_writes_clean_json_to_stdout_with_a_dash() -> None:
    result = run("plan", "-s", "hrt-a", "--month", "2026-03", "--time-limit", "2", "--json", "-")
    assert result.exit_code == 0, result.output
    roster = json.loads(result.stdout)
    assert roster["shelter"] == "HRT-A"
    assert "Guardado como borrador" in result.stderr  # the report goes to standard error


def test_quiet_plan_prints_nothing_and_writes_the_file_where_asked(tmp_path: Path) -> None:
    target = tmp_path / "salidas" / "marzo" / "rol.json"
    args = ["-q", "plan", "-s", "HRT-A", "--month", "2026-03", "--time-limit", "2"]
    result = run(*args, "--json", str(target))
    assert result.exit_code == 0, result.output
    assert result.output == ""
    assert json.loads(target.read_text(encoding="utf-8"))["month"] == "2026-03"
    assert run("-q", "publish", "-s", "HRT-A", "--month", "2026-03").output == ""


def test_an_unwritable_output_says_so(tmp_path: Path) -> None:
    (tmp_path / "ocupado").write_text("un archivo, no una carpeta")
    args = ["plan", "-s", "HRT-A", "--month", "2026-03", "--time-limit", "2"]
    result = run(*args, "--json", str(tmp_path / "ocupado" / "rol.json"))
    assert result.exit_code == 1
    assert "No se pudo escribir" in result.stderr and "Elija otra ruta" in result.stderr


def test_piped_tables_keep_one_line_per_row_and_flag_over_capacity() -> None:
    result = run("shelters")
    lines = result.stdout.splitlines()
    assert any("HRT-B" in line and LONG_NAME in line and "18!" in line for line in lines)
    assert "Sobrecupo, más residentes que plazas (!): HRT-B (18/12)." in result.stdout
    listed = json.loads(run("shelters", "--json").stdout)
    assert [s["over_capacity"] for s in listed] == [False, True]
    assert "HRT-B,Hogar Refugio" in run("shelters", "--csv").stdout


@pytest.mark.parametrize("width", [60, 80, 100])
def test_a_narrow_terminal_cuts_names_instead_of_wrapping_them(
    width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = StringIO()
    terminal = Console(file=screen, width=width, force_terminal=True, color_system=None)
    monkeypatch.setattr(tables, "console", lambda width=None, data=False: terminal)
    assert run("shelters").exit_code == 0
    rows = [line for line in screen.getvalue().splitlines() if "HRT-" in line]
    assert len(rows) == 2  # one line each, nothing wrapped
    assert all(len(line) <= width for line in screen.getvalue().splitlines())
    assert all(line.split()[-1] == "3" for line in rows)  # the last column (staff) shows


def test_quiet_lists_still_print_the_list() -> None:
    assert "HRT-B" in run("-q", "shelters").stdout
    assert run("-q", "init").stdout == ""


def test_csv_and_json_together_are_refused() -> None:
    result = run("shelters", "--csv", "--json")
    assert result.exit_code == 2
    assert "Use --json o --csv" in result.stderr


def test_each_run_starts_from_the_default_output() -> None:
    run("-q", "shelters")
    run("shelters")
    assert not OUTPUT.quiet and not OUTPUT.data_on_stdout
