"""Tiny planning problems for the optimiser's tests, and the validator check every roster passes.

February 2027 starts on a Monday, has 28 days and no feriado: its four calendar weeks
lie inside the month, which keeps the weekly rules easy to reason about.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from models import (
    Absence,
    AbsenceKind,
    Assignment,
    Demand,
    PlanningProblem,
    Role,
    RuleSet,
    Shelter,
    ShiftType,
    StaffMember,
)
from models.roster import AssignmentSource
from models.rules import RULES_BY_CODE
from models.shifts import standard_shifts
from models.validator import validate
from optimizer import PlanResult, SolverSettings, solve
from roster.bench.curtois import BenchmarkMissing, instances_folder

YEAR, MONTH = 2027, 2
SHELTER = Shelter("T01", "Hogar de prueba", "Lima", "Lima")
ROLES = [Role("CUI", "Cuidadora"), Role("PSI", "Psicóloga"), Role("COO", "Coordinadora")]
FOUR_HOURS = ShiftType("C", "Corto", time(7, 0), 240)
SOLVERS = ["highs", "cbc"]


def feb(day: int) -> date:
    """A day of February 2027 (day 0 and below reach into January)."""
    return date(YEAR, MONTH, 1) + timedelta(days=day - 1)


def person(staff_id: str, *roles: str, **fields: Any) -> StaffMember:
    """A staff member whose first role is her primary one (caregiver by default)."""
    roles = roles or ("CUI",)
    return StaffMember(staff_id, SHELTER.code, staff_id.upper(), roles[0], tuple(roles), **fields)


def need(
    day: date, shift: str, role: str = "CUI", minimum: int = 1, desired: int | None = None
) -> Demand:
    return Demand(day, shift, role, minimum, minimum if desired is None else desired)


def every_day(
    shift: str, role: str = "CUI", minimum: int = 1, year: int = YEAR, month: int = MONTH
) -> list[Demand]:
    """One demand per day of the month for ``shift`` and ``role``."""
    first = date(year, month, 1)
    days = [
        first + timedelta(days=k) for k in range(31) if (first + timedelta(days=k)).month == month
    ]
    return [Demand(day, shift, role, minimum, minimum) for day in days]


def make_problem(
    staff: list[StaffMember],
    demand: Iterable[Demand],
    rules: RuleSet | None = None,
    shift_types: list[ShiftType] | None = None,
    year: int = YEAR,
    month: int = MONTH,
    **fields: Any,
) -> PlanningProblem:
    """A problem with exactly ``demand`` (no coverage rules: tiny cases name each need)."""
    return PlanningProblem(
        shelter=SHELTER,
        year=year,
        month=month,
        roles=ROLES,
        staff=staff,
        shift_types=shift_types or standard_shifts() + [FOUR_HOURS],
        coverage=[],
        rules=rules or RuleSet(),
        explicit_demand=list(demand),
        **fields,
    )


def absence(staff_id: str, first: date, last: date) -> Absence:
    return Absence(staff_id, AbsenceKind.VACATION, first, last)


def history(staff_id: str, shift: str, days: Iterable[date], role: str = "CUI") -> list[Assignment]:
    """Published assignments of an earlier month."""
    return [Assignment(staff_id, day, shift, role, source=AssignmentSource.HISTORY) for day in days]


def solved(problem: PlanningProblem, solver: str = "highs", **settings: Any) -> PlanResult:
    """Solve and hold the result to the independent validator: no hard violation at all."""
    result = solve(problem, SolverSettings(solver=solver, **settings))
    assert_validated(problem, result)
    return result


def assert_validated(problem: PlanningProblem, result: PlanResult, allowed: int = 0) -> None:
    """The roster passes the validator and the model's penalties equal the validator's."""
    report = validate(problem, result.roster)
    assert len(report.violations) == allowed, report.violations
    for code, penalty in report.penalties.items():
        assert result.report.penalties.get(code, 0.0) == pytest.approx(penalty, abs=1e-4), code
        assert result.report.units.get(code, 0.0) == pytest.approx(report.units[code], abs=1e-4)
    assert sorted(map(key, report.gaps)) == sorted(map(key, result.roster.gaps))


def key(gap: Any) -> tuple:
    return (gap.day, gap.shift, gap.role, gap.missing)


def works(result: PlanResult, staff_id: str, day: date, shift: str | None = None) -> bool:
    """Whether the roster has ``staff_id`` on ``day`` (on ``shift`` if given)."""
    return any(
        a.staff_id == staff_id and a.day == day and (shift is None or a.shift == shift)
        for a in result.roster.assignments
    )


def without(rules: RuleSet, code: str) -> RuleSet:
    """The same rules with one rule switched off."""
    return rules.with_changes(**{RULES_BY_CODE[code].key: {"enabled": False}})


def curtois_folder() -> Path:
    """The Curtois & Qu instances' folder; the test is skipped when they are not here."""
    try:
        return instances_folder()
    except BenchmarkMissing as error:
        pytest.skip(str(error))
