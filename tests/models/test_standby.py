"""The operational assistant stands by where the shelter is thinnest (models.standby).

March 2026: three caregivers and an assistant (AOP, also caregiver); caregivers 1 on M, T
and N every day (desired 2 on M and T). Caregiver s1 is on vacation from 10 to 14 March,
so those days have one qualified person fewer to spare: the riskiest.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from models_factories import make_problem, person

from models import Absence, CoverageRule, DayClass, Role, RuleSet
from models.people import AbsenceKind
from models.standby import standby_demand, standby_shifts

VACATION = [Absence("s1", AbsenceKind.VACATION, date(2026, 3, 10), date(2026, 3, 14))]


def problem(assistant: bool = True, **extra):
    coverage = [
        CoverageRule("CUI", shift, klass, 1, 1 if shift == "N" else 2)
        for shift in ("M", "T", "N")
        for klass in DayClass
    ]
    staff = [person("s1"), person("s2"), person("s3")]
    if assistant:
        staff.append(person("a1", ("AOP", "CUI")))
    built = make_problem(staff=staff, coverage=coverage, absences=VACATION)
    built.roles.append(Role("AOP", "Asistente operativa"))
    return replace(built, rules=RuleSet(extra=extra)) if extra else built


def plain(month):
    """The month's demand before the standby marks it up (the setting off)."""
    return replace(month, rules=RuleSet(extra={"assistant_standby": False})).demand


def test_standby_falls_on_the_thinnest_days_first() -> None:
    month = problem()
    chosen = standby_shifts(month, plain(month), [p for p in month.staff if p.id == "a1"])
    vacation_days = {date(2026, 3, day) for day in range(10, 15)}
    assert {day for day, _, _ in chosen[:5]} == vacation_days
    # a person's month (48 h x 31 / 7 = 212.6 h) holds 26 eight-hour shifts, one a day
    assert len(chosen) == 26 and len({day for day, _, _ in chosen}) == 26
    # within equal risk, nights first: nobody else is planned above the minimum there
    assert all(shift == "N" for _, shift, _ in chosen)


def test_only_the_desired_level_moves() -> None:
    month = problem()
    before_standby = {(n.day, n.shift, n.role): n for n in plain(month)}
    raised = standby_demand(month, plain(month))
    assert raised == month.demand  # the month's demand is the marked-up one
    changed = [n for n in raised if n != before_standby[(n.day, n.shift, n.role)]]
    assert len(changed) == 26
    for need in changed:
        before = before_standby[(need.day, need.shift, need.role)]
        assert need.minimum == before.minimum and need.desired == before.desired + 1


def test_no_standby_without_an_assistant_or_with_the_setting_off() -> None:
    for month in (problem(assistant=False), problem(assistant_standby=False)):
        assert standby_demand(month, plain(month)) == month.demand == plain(month)
