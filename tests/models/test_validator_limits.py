"""Validator, H10 per-person work limits and H11 forbidden successions: each broken and held."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from models_factories import days, make_problem, on, roster_of, series

from models import Assignment, RuleSet, WorkLimits
from models.validator import Violation, validate

MAR = {day: date(2026, 3, day) for day in range(1, 32)}  # 2 March 2026 is a Monday
FEB = {day: date(2026, 2, day) for day in range(1, 29)}
MONTH = days(MAR[1], MAR[31])


def h10(assignments: list[Assignment], **limits: Any) -> list[Violation]:
    """The H10 violations of s1's assignments under her limits."""
    history = limits.pop("history", [])
    problem = make_problem(limits={"s1": WorkLimits(**limits)}, history=history)
    return validate(problem, roster_of(problem, assignments)).of("H10")


def test_h10_shifts_of_a_type_over_the_limit() -> None:
    nights = [on(MAR[2], "N"), on(MAR[4], "N"), on(MAR[6], "N")]
    assert h10(nights, max_shifts_by_type={"N": 2, "M": 0}) == [
        Violation("H10", "s1", (MAR[2], MAR[4], MAR[6]), 1.0, "3 turnos N en el periodo (máximo 2)")
    ]
    assert h10(nights, max_shifts_by_type={"N": 3, "M": 0}) == []


def test_h10_total_minutes_above_the_maximum() -> None:
    mornings = series(MAR[2], MAR[4], "M")  # 24 h
    assert h10(mornings, max_minutes=23 * 60) == [
        Violation("H10", "s1", days(MAR[2], MAR[4]), 1.0, "24 h en el periodo (máximo 23 h)")
    ]
    assert h10(mornings, max_minutes=24 * 60) == []


def test_h10_total_minutes_below_the_minimum() -> None:
    assert h10([on(MAR[2], "C")], min_minutes=16 * 60) == [
        Violation("H10", "s1", MONTH, 12.0, "4 h en el periodo (mínimo 16 h)")
    ]
    assert h10([on(MAR[2], "M"), on(MAR[3], "M")], min_minutes=16 * 60) == []


def test_h10_a_run_longer_than_the_maximum() -> None:
    assert h10(series(MAR[2], MAR[5], "M"), max_consecutive_days=3) == [
        Violation("H10", "s1", days(MAR[2], MAR[5]), 1.0, "4 días seguidos de trabajo (máximo 3)")
    ]
    assert h10(series(MAR[2], MAR[4], "M"), max_consecutive_days=3) == []


def test_h10_the_maximum_run_reads_the_history_window() -> None:
    history = [on(FEB[27], "M"), on(FEB[28], "M")]
    found = h10(series(MAR[1], MAR[2], "M"), max_consecutive_days=3, history=history)
    assert [(v.days, v.amount) for v in found] == [(days(FEB[27], MAR[2]), 1.0)]


def test_h10_a_run_of_work_shorter_than_the_minimum() -> None:
    assert h10([on(MAR[10], "M")], min_consecutive_days=2) == [
        Violation(
            "H10", "s1", (MAR[10],), 1.0, "Racha de trabajo de 1 día desde el 10/03/2026 (mínimo 2)"
        )
    ]
    assert h10([on(MAR[10], "M"), on(MAR[11], "M")], min_consecutive_days=2) == []


def test_h10_short_runs_touching_the_first_or_last_day_are_exempt() -> None:
    assert h10([on(MAR[1], "M"), on(MAR[31], "M")], min_consecutive_days=2) == []
    ends = series(MAR[2], MAR[30], "M")  # days off: the 1st and the 31st only
    assert h10(ends, min_consecutive_days_off=2) == []


def test_h10_a_run_of_days_off_shorter_than_the_minimum() -> None:
    shifts = series(MAR[2], MAR[3], "M") + series(MAR[5], MAR[6], "M")
    assert h10(shifts, min_consecutive_days_off=2) == [
        Violation(
            "H10", "s1", (MAR[4],), 1.0, "Racha libre de 1 día desde el 04/03/2026 (mínimo 2)"
        )
    ]
    shifts = series(MAR[2], MAR[3], "M") + series(MAR[6], MAR[7], "M")
    assert h10(shifts, min_consecutive_days_off=2) == []


def test_h10_weekends_over_the_maximum() -> None:
    shifts = [on(MAR[7], "M"), on(MAR[15], "M")]  # Saturday 7, Sunday 15: two weekends
    assert h10(shifts, max_weekends=1) == [
        Violation("H10", "s1", (MAR[7], MAR[15]), 1.0, "2 fines de semana trabajados (máximo 1)")
    ]
    assert h10([on(MAR[7], "M"), on(MAR[8], "M")], max_weekends=1) == []


def test_h10_a_sunday_on_the_first_counts_as_a_weekend() -> None:
    assert [v.amount for v in h10([on(MAR[1], "M")], max_weekends=0)] == [1.0]


def test_h10_does_nothing_without_limits_or_when_disabled() -> None:
    shifts = series(MAR[2], MAR[5], "M")
    assert h10(shifts) == []
    problem = make_problem(
        limits={"s1": WorkLimits(max_consecutive_days=1)},
        rules=RuleSet().with_changes(work_limits={"enabled": False}),
    )
    assert validate(problem, roster_of(problem, shifts)).of("H10") == []


def test_h10_someone_with_no_shift_is_checked_too() -> None:
    problem = make_problem(limits={"s2": WorkLimits(min_minutes=60)})
    assert [v.staff_id for v in validate(problem, roster_of(problem, [])).violations] == ["s2"]


def h11(assignments: list[Assignment], **changes: Any) -> list[Violation]:
    """The H11 violations with M -> T forbidden."""
    rules = RuleSet(forbidden_successions=(("M", "T"),)).with_changes(**changes)
    problem = make_problem(rules=rules)
    return validate(problem, roster_of(problem, assignments)).of("H11")


def test_h11_a_forbidden_succession() -> None:
    assert h11([on(MAR[2], "M"), on(MAR[3], "T")]) == [
        Violation(
            "H11",
            "s1",
            (MAR[2], MAR[3]),
            1.0,
            "Turno T el 03/03/2026 después de M el 02/03/2026 (sucesión prohibida)",
        )
    ]


@pytest.mark.parametrize(
    "assignments",
    [
        [on(MAR[2], "T"), on(MAR[3], "T")],
        [on(MAR[2], "M"), on(MAR[4], "T")],
        [on(MAR[2], "M"), on(MAR[3], "T", staff_id="s2")],
    ],
)
def test_h11_other_successions_hold(assignments: list[Assignment]) -> None:
    assert h11(assignments) == []


def test_h11_reads_the_previous_month_through_the_history() -> None:
    rules = RuleSet(forbidden_successions=(("M", "T"),))
    problem = make_problem(rules=rules, history=[on(FEB[28], "M")])
    found = validate(problem, roster_of(problem, [on(MAR[1], "T")])).of("H11")
    assert [v.days for v in found] == [(FEB[28], MAR[1])]
    off = make_problem(
        rules=rules.with_changes(continuity={"enabled": False}), history=[on(FEB[28], "M")]
    )
    assert validate(off, roster_of(off, [on(MAR[1], "T")])).of("H11") == []


def test_h11_disabled_or_without_pairs_does_nothing() -> None:
    shifts = [on(MAR[2], "M"), on(MAR[3], "T")]
    assert h11(shifts, successions={"enabled": False}) == []
    problem = make_problem()
    assert validate(problem, roster_of(problem, shifts)).of("H11") == []
