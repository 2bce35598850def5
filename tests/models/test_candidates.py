"""Replacement candidates for one uncovered shift: each person blocked by a different rule."""

from __future__ import annotations

from datetime import date, time

from models_factories import CARER, PSYCHOLOGIST, make_problem, on, person, roster_of, series

from models import (
    Absence,
    AbsenceKind,
    CoverageRule,
    DayClass,
    PlanningProblem,
    Roster,
    RuleSet,
    ShiftType,
)
from models.candidates import rank_candidates
from models.shifts import standard_shifts

FRIDAY = date(2026, 3, 13)  # the uncovered shift: Friday 13 March, M (07-15), a carer
LONG = ShiftType("D", "Día largo", time(7), 720)  # 07:00-19:00


def case() -> tuple[PlanningProblem, Roster]:
    """Eight carers (one a psychologist only), each set up to be stopped by one rule."""
    staff = [
        person("absent"),
        person("rest"),
        person("hours"),
        person("weekly"),
        person("unqualified", roles=(PSYCHOLOGIST,)),
        person("consecutive"),
        person("free"),
        person("mover"),
    ]
    problem = make_problem(
        staff=staff,
        rules=RuleSet(weekly_rest_hours=36.0),  # D.Leg. 713 allows a longer rest by agreement
        coverage=[CoverageRule(CARER, "M", DayClass.WEEKDAY, 1, 1)],
        absences=[Absence("absent", AbsenceKind.UNPLANNED, FRIDAY, date(2026, 3, 19))],
    )
    problem.shift_types = [*standard_shifts(), LONG]
    week = [date(2026, 3, d) for d in (9, 10, 11, 12)]  # Monday to Thursday
    assignments = [
        on(date(2026, 3, 12), "N", "rest"),  # ends Friday 07:00: no rest before M
        *[on(d, "D", "hours") for d in week],  # 48 h already this week
        *[on(d, "M", "weekly") for d in week],
        on(date(2026, 3, 14), "M", "weekly"),  # with Friday: no 36 h free this week
        *series(date(2026, 3, 7), date(2026, 3, 12), "M", "consecutive"),  # six days in a row
        on(FRIDAY, "T", "mover"),  # could move from the afternoon to the morning
    ]
    return problem, roster_of(problem, assignments)


def test_each_blocked_person_shows_the_rule_that_stops_her() -> None:
    problem, roster = case()
    ranked = rank_candidates(problem, roster, FRIDAY, "M", CARER)
    blocked = {c.staff_id: [b.rule for b in c.blockers] for c in ranked if not c.feasible}
    assert blocked == {
        "absent": ["H6"],
        "rest": ["H3"],
        "hours": ["H5"],
        "weekly": ["H4"],
        "unqualified": ["H1"],
        "consecutive": ["H7"],
    }
    labels = {c.staff_id: c.blockers[0].label for c in ranked if not c.feasible}
    assert labels["absent"] == "Ausente"
    assert labels["hours"] == "Límite de horas semanales"


def test_feasible_people_come_first_ranked_by_cost_with_the_knock_on_named() -> None:
    problem, roster = case()
    ranked = rank_candidates(problem, roster, FRIDAY, "M", CARER)
    feasible = [c for c in ranked if c.feasible]
    assert [c.staff_id for c in ranked[: len(feasible)]] == [c.staff_id for c in feasible]
    assert {c.staff_id for c in feasible} == {"free", "mover"}
    assert [c.cost for c in feasible] == sorted(c.cost for c in feasible)
    mover = next(c for c in feasible if c.staff_id == "mover")
    assert mover.moves_from is not None and mover.moves_from.shift == "T"
    free = next(c for c in feasible if c.staff_id == "free")
    assert free.moves_from is None
    assert dict(free.costs)["S3"] < 0  # she works below her contract: the shift helps


def test_someone_already_on_the_shift_is_not_listed() -> None:
    problem, roster = case()
    roster.assignments.append(on(FRIDAY, "M", "free"))
    ranked = rank_candidates(problem, roster, FRIDAY, "M", CARER)
    assert "free" not in {c.staff_id for c in ranked}


def test_a_move_that_breaks_a_rule_shows_she_is_busy_and_why() -> None:
    problem, roster = case()
    roster.assignments.append(on(date(2026, 3, 12), "T", "mover"))  # Thursday until 23:00
    ranked = rank_candidates(problem, roster, FRIDAY, "M", CARER)
    mover = next(c for c in ranked if c.staff_id == "mover")
    assert [b.rule for b in mover.blockers] == ["H2", "H3"]
    assert "T" in mover.blockers[0].message
