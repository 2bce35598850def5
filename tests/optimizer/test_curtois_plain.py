"""The plain PuLP + HiGHS model of a Curtois & Qu instance (optimizer/curtois_plain.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from optimizer_factories import curtois_folder

from models.curtois import evaluate, load_instance
from optimizer.curtois_plain import solve_plain


@pytest.fixture(scope="module")
def folder() -> Path:
    return curtois_folder()


def test_plain_model_proves_instance_1(folder: Path) -> None:
    instance = load_instance(folder, 1)
    result = solve_plain(instance, 60.0, threads=1)
    judged = evaluate(instance, result.rows)
    assert (result.status, judged.objective, judged.violations) == ("optimal", 607, [])


@pytest.mark.slow
def test_plain_model_keeps_every_hard_rule_on_a_harder_instance(folder: Path) -> None:
    instance = load_instance(folder, 2)
    result = solve_plain(instance, 60.0, threads=1)  # proves it in about 10 s
    judged = evaluate(instance, result.rows)
    assert result.status in ("optimal", "feasible") and judged.violations == []
    assert result.status == "feasible" or judged.objective == 828
