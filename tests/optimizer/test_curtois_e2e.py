"""Curtois & Qu instances end to end: the product's optimiser reaches the published optima.

The instances are kept in the project, in benchmarks/curtois (or $ROSTER_CURTOIS_DIR).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from optimizer_factories import curtois_folder
from typer.testing import CliRunner

from models.curtois import evaluate, load_instance, roster_rows, to_problem
from models.validator import validate
from optimizer import solve
from roster.bench.curtois import bench_settings
from roster.cli import app


@pytest.fixture(scope="module")
def folder() -> Path:
    return curtois_folder()


@pytest.mark.parametrize(("number", "optimum"), [(1, 607), (2, 828)])
def test_instance_reaches_its_known_optimum(folder: Path, number: int, optimum: int) -> None:
    instance = load_instance(folder, number)
    problem = to_problem(instance)
    result = solve(problem, bench_settings("highs", 120.0))
    judged = evaluate(instance, roster_rows(result.roster))
    assert judged.violations == []
    assert validate(problem, result.roster).violations == []
    assert judged.objective == optimum
    assert result.report.status == "optimal"
    assert result.report.objective == pytest.approx(optimum)


def test_bench_command_writes_a_roster_that_re_evaluates(folder: Path, tmp_path: Path) -> None:
    output, table = tmp_path / "bench.json", tmp_path / "bench.md"
    arguments = ["bench", "curtois", "--instances", "1", "--time-limit", "60"]
    arguments += ["--json", str(output), "--markdown", str(table), "--folder", str(folder)]
    outcome = CliRunner().invoke(app, arguments)
    assert outcome.exit_code == 0, outcome.output
    row = json.loads(output.read_text(encoding="utf-8"))["instances"][0]
    assert (row["instance"], row["objective"], row["violations"]) == (1, 607, 0)
    cells = {(item["staff"], item["day"]): item["shift"] for item in row["roster"]}
    assert evaluate(load_instance(folder, 1), cells).objective == 607
    assert "| 1 | 607 | 607 | 0.00 |" in table.read_text(encoding="utf-8")


def test_bench_command_reports_a_missing_folder(tmp_path: Path) -> None:
    arguments = ["bench", "curtois", "--instances", "1", "--folder", str(tmp_path / "nada")]
    outcome = CliRunner().invoke(app, arguments)
    assert outcome.exit_code == 1
    assert "no se encontró la carpeta" in outcome.output
