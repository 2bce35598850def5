"""Validator, the report as a whole: keys, totals, disabled rules, H9, helpers."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import date

import pytest
from models_factories import make_problem, on, roster_of, series

from models import Request, RuleSet
from models.rules import RULES
from models.validator import (
    HARD_CHECKS,
    SOFT_CODES,
    SOFT_SCORES,
    Violation,
    soft_penalties,
    validate,
)

MAR = {day: date(2026, 3, day) for day in range(1, 32)}


def test_every_rule_has_one_check_in_order_and_h9_has_none() -> None:
    assert [code for code, _ in HARD_CHECKS] == [f"H{n}" for n in (*range(1, 9), 10, 11, 12)]
    assert [code for code, _ in SOFT_SCORES] == list(SOFT_CODES)
    assert {rule.code for rule in RULES} == {code for code, _ in HARD_CHECKS + SOFT_SCORES} | {"H9"}
    for _, function in HARD_CHECKS + SOFT_SCORES:
        assert function.__doc__ and "Source" in function.__doc__


def test_report_lists_every_soft_rule_and_totals_them() -> None:
    problem = make_problem(requests=[Request("s2", MAR[7], on=True)])
    report = validate(problem, roster_of(problem, [on(MAR[10], "M")]))
    assert list(report.penalties) == list(SOFT_CODES) == list(report.units)
    assert report.total_penalty == sum(report.penalties.values())
    assert report.penalties["S5"] == 10.0 and report.penalties["S6"] == 3.0
    assert soft_penalties(problem, roster_of(problem, [on(MAR[10], "M")])) == report.penalties


def test_an_empty_roster_is_legal() -> None:
    problem = make_problem()
    report = validate(problem, roster_of(problem, []))
    assert report.is_legal and report.violations == [] and report.gaps == []


def test_all_soft_rules_disabled_give_zero() -> None:
    off = {"enabled": False}
    rules = RuleSet().with_changes(
        coverage_minimum=off,
        coverage_desired=off,
        contract_hours=off,
        fairness=off,
        requests=off,
        patterns=off,
        stability=off,
    )
    problem = make_problem(rules=rules, requests=[Request("s1", MAR[3], on=False)])
    report = validate(problem, roster_of(problem, [on(MAR[3], "N"), on(MAR[10], "M")]))
    assert report.total_penalty == 0.0
    assert set(report.units.values()) == {0.0}


def test_a_roster_breaking_several_rules_reports_each_in_rule_order() -> None:
    problem = make_problem(history=series(date(2026, 2, 24), date(2026, 2, 28), "M"))
    shifts = [on(MAR[1], "N"), on(MAR[2], "M"), on(MAR[2], "T", role="PSI")]
    report = validate(problem, roster_of(problem, shifts))
    assert [v.rule for v in report.violations] == ["H1", "H2", "H3", "H3", "H7"]
    assert report.rules_broken() == {"H1", "H2", "H3", "H7"}
    assert "H9" not in report.rules_broken()
    assert report.of("H1") == [
        Violation("H1", "s1", (MAR[2],), 1.0, "No está calificada para la función PSI")
    ]
    assert not report.is_legal


def test_violation_is_frozen() -> None:
    violation = Violation("H3", "s1", (MAR[2],), 1.0, "Descanso")
    with pytest.raises(FrozenInstanceError):
        violation.amount = 2.0  # type: ignore[misc]
