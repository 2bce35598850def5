"""Tiny hand-made planning problems for the models and validator tests."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

from models import (
    Assignment,
    CoverageRule,
    PlanningProblem,
    Role,
    Roster,
    RuleSet,
    Shelter,
    ShiftType,
    StaffMember,
)
from models.shifts import standard_shifts

CARER = "CUI"
PSYCHOLOGIST = "PSI"
ROLES = [Role(CARER, "Cuidadora", "Caregiver"), Role(PSYCHOLOGIST, "Psicóloga", "Psychologist")]
EARLY = ShiftType("E", "Temprano", time(6, 0), 480)  # 06:00-14:00, overlaps a night's end
SHORT = ShiftType("C", "Corto", time(8, 0), 240)  # 08:00-12:00
GUARD = ShiftType("G", "Guardia", time(7, 0), 1440, is_guard=True)


def shelter(**changes: Any) -> Shelter:
    """A test shelter with no address, as every shelter."""
    return Shelter("HRT-T1", "Hogar de prueba", "Lima", "Cañete", **changes)


def person(staff_id: str = "s1", roles: tuple[str, ...] = (CARER,), **changes: Any) -> StaffMember:
    """A staff member whose primary role is her first role."""
    return StaffMember(staff_id, "HRT-T1", f"Persona {staff_id}", roles[0], roles, **changes)


def make_problem(
    year: int = 2026,
    month: int = 3,
    staff: list[StaffMember] | None = None,
    rules: RuleSet | None = None,
    coverage: list[CoverageRule] | None = None,
    **changes: Any,
) -> PlanningProblem:
    """One shelter, one month, standard shifts plus E, C and G, no coverage unless given."""
    return PlanningProblem(
        shelter=changes.pop("shelter", shelter()),
        year=year,
        month=month,
        roles=list(ROLES),
        staff=staff if staff is not None else [person("s1"), person("s2")],
        shift_types=[*standard_shifts(), EARLY, SHORT, GUARD],
        coverage=coverage or [],
        rules=rules or RuleSet(),
        **changes,
    )


def on(day: date, shift: str, staff_id: str = "s1", role: str = CARER) -> Assignment:
    """One assignment."""
    return Assignment(staff_id, day, shift, role)


def series(first: date, last: date, shift: str, staff_id: str = "s1") -> list[Assignment]:
    """The same shift every day from ``first`` to ``last`` inclusive."""
    count = (last - first).days + 1
    return [on(first + timedelta(days=k), shift, staff_id) for k in range(count)]


def roster_of(problem: PlanningProblem, assignments: list[Assignment]) -> Roster:
    """The problem's month with these assignments."""
    return Roster(problem.shelter.code, problem.year, problem.month, list(assignments))


def days(first: date, last: date) -> tuple[date, ...]:
    """Every date from ``first`` to ``last`` inclusive."""
    return tuple(first + timedelta(days=k) for k in range((last - first).days + 1))
