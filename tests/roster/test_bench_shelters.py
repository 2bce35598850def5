"""The shelter bench (roster/bench/shelters.py): reference rosters and the quality table."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from models import PlanningProblem
from roster.bench.network import demo_problems
from roster.bench.shelters import (
    FOLDER,
    QualityRow,
    quality_table,
    read_reference,
    relative,
    score,
)

REFERENCES = sorted(FOLDER.glob("*/*.json"))


@cache
def month_problems(year: int, month: int) -> dict[str, PlanningProblem]:
    """Every demo shelter's problem of a month, by code (the network is built once)."""
    return {problem.shelter.code: problem for problem in demo_problems(year, month)}


@pytest.mark.parametrize("path", REFERENCES, ids=[f"{p.parent.name}/{p.stem}" for p in REFERENCES])
def test_a_reference_roster_is_legal_and_scores_what_its_file_says(path: Path) -> None:
    """When the model or the demo data change, this fails: re-run the reference."""
    year, month = (int(part) for part in path.parent.name.split("-"))
    problem = month_problems(year, month)[path.stem]
    data, roster = read_reference(path, problem)
    scored = score(problem, roster)
    assert scored.violations == 0
    assert scored.objective == pytest.approx(data["objective"], abs=1e-3)
    assert scored.coverage == pytest.approx(data["coverage"], abs=1e-3)


def test_the_gap_is_relative_to_the_reference() -> None:
    assert relative(102.0, 100.0) == pytest.approx(0.02)
    assert relative(100.0, 100.0) == 0.0
    assert relative(99.0, 100.0) == pytest.approx(-0.01)  # a run better than the reference


def test_the_quality_table_counts_the_shelters_within_two_and_five_percent() -> None:
    rows = [
        QualityRow("HRT-A", 10, 100.0, (104.0, 101.0), 0),
        QualityRow("HRT-B", 16, 200.0, (230.0, 209.0), 0),
        QualityRow("HRT-C", 9, None, (50.0, 50.0), 0),
    ]
    text = quality_table(rows, (10.0, 30.0), "2026-12")
    assert "| HRT-A | 10 | 100 | 104 (4.0 %) | 101 (1.0 %) | 0 |" in text
    assert "| HRT-C | 9 | — | 50 (—) | 50 (—) | 0 |" in text
    assert "At 10 s: 0 of 2 within 2 %, 1 within 5 %." in text
    assert "At 30 s: 1 of 2 within 2 %, 2 within 5 %." in text
