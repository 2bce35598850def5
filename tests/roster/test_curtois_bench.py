"""The Curtois & Qu bench (roster/bench/curtois.py): its table and ``--baseline``."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from roster.bench.curtois import (
    CurtoisRow,
    table_header,
    table_line,
)
from roster.cli import app


def test_baseline_columns_follow_the_product_columns() -> None:
    row = CurtoisRow(1, 607, 607, 0.0, 607.0, "optimal", 0.1, 1.0, 0)
    row.baseline_objective, row.baseline_status, row.baseline_violations = 610, "feasible", 0
    assert table_line(row).endswith("| 0 |")
    assert table_line(row, baseline=True).endswith("| 0 | 610 | feasible | 0 |")
    header = table_header(baseline=True).splitlines()
    assert header[0].count("|") == header[1].count("|") == table_line(row, True).count("|")
    assert "plain objective" in header[0]


def test_bench_command_solves_the_baseline_side_by_side(
    curtois_folder: Path, tmp_path: Path
) -> None:
    output, table = tmp_path / "bench.json", tmp_path / "bench.md"
    arguments = ["bench", "curtois", "--instances", "1", "--time-limit", "30", "--threads", "1"]
    arguments += ["--baseline", "--json", str(output), "--markdown", str(table)]
    outcome = CliRunner().invoke(app, [*arguments, "--folder", str(curtois_folder)])
    assert outcome.exit_code == 0, outcome.output
    payload = json.loads(output.read_text(encoding="utf-8"))
    row = payload["instances"][0]
    assert payload["settings"]["threads"] == 1
    assert (row["objective"], row["baseline_objective"], row["baseline_violations"]) == (
        607,
        607,
        0,
    )
    assert "| 607 | optimal | 0 |" in table.read_text(encoding="utf-8")
