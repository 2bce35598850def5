"""A month's plan puts the operational assistant where the shelter is thinnest (models.standby).

One week of February 2027 (1 to 7, Monday to Sunday): caregivers 1 on M, T and N every day
(desired 1), four caregivers, one of them (s1) on vacation on 3 and 4 February, so those two
days have nobody to spare. The assistant a1 (AOP, also caregiver) has a 16-hour week: two
eight-hour standby shifts, which the plan puts on the two thin days.
"""

from __future__ import annotations

from dataclasses import replace

from optimizer_factories import ROLES, SHELTER, absence, assert_validated, feb, person

from models import CoverageRule, DayClass, PlanningProblem, Role, RuleSet
from models.shifts import standard_shifts
from optimizer import SolverSettings, solve

THIN_DAYS = {feb(3), feb(4)}


def week(**extra) -> PlanningProblem:
    staff = [person(f"s{k}") for k in range(1, 5)]
    staff.append(person("a1", "AOP", "CUI", weekly_hours=16))
    return PlanningProblem(
        shelter=SHELTER,
        year=2027,
        month=2,
        roles=[*ROLES, Role("AOP", "Asistente operativa")],
        staff=staff,
        shift_types=standard_shifts(),
        coverage=[
            CoverageRule("CUI", shift, klass, 1, 1)
            for shift in ("M", "T", "N")
            for klass in DayClass
        ],
        absences=[absence("s1", feb(3), feb(4))],
        rules=RuleSet(extra=extra),
        start=feb(1),
        horizon_days=7,
    )


def test_the_month_plan_places_the_assistant_on_the_thin_days() -> None:
    problem = week()
    raised = [need for need in problem.demand if need.desired > need.minimum]
    assert {need.day for need in raised} == THIN_DAYS
    result = solve(problem, SolverSettings(time_limit_phase1=10, time_limit_phase2=10))
    assert_validated(problem, result)
    assert not result.roster.gaps
    helped = {a.day for a in result.roster.assignments if a.staff_id == "a1"}
    assert helped == THIN_DAYS


def test_without_the_setting_the_plan_has_no_standby() -> None:
    problem = week(assistant_standby=False)
    assert all(need.desired == need.minimum for need in problem.demand)
    assert replace(problem, rules=RuleSet()).demand != problem.demand
