"""Validator, hard rules on workload: H5 weekly hours and guards, H7 consecutive days and nights."""

from __future__ import annotations

from datetime import date, datetime

from models_factories import days, make_problem, on, roster_of, series

from models import LIMA, RuleSet
from models.validator import Violation, assignment_interval, clipped_minutes, validate, week_window

MAR = {day: date(2026, 3, day) for day in range(1, 32)}
FEB = {day: date(2026, 2, day) for day in range(1, 29)}


def test_assignment_interval_is_aware_and_crosses_midnight() -> None:
    problem = make_problem()
    start, end = assignment_interval(problem, on(MAR[1], "N"))
    assert start == datetime(2026, 3, 1, 23, 0, tzinfo=LIMA)
    assert end == datetime(2026, 3, 2, 7, 0, tzinfo=LIMA)


def test_a_sunday_night_is_clipped_to_both_weeks() -> None:
    problem = make_problem()
    start, end = assignment_interval(problem, on(MAR[1], "N"))  # Sunday 23:00 - Monday 07:00
    assert clipped_minutes(start, end, week_window(FEB[23])) == 60
    assert clipped_minutes(start, end, week_window(MAR[2])) == 420


def test_h5_seven_mornings_exceed_48_hours() -> None:
    problem = make_problem(rules=RuleSet(max_consecutive_days=7, weekly_rest_hours=16.0))
    report = validate(problem, roster_of(problem, series(MAR[2], MAR[8], "M")))
    assert report.violations == [
        Violation(
            "H5", "s1", days(MAR[2], MAR[8]), 8.0, "56 h en la semana del 02/03/2026 (máximo 48 h)"
        )
    ]


def test_h5_week_across_the_boundary_counts_one_hour_of_a_sunday_night() -> None:
    problem = make_problem(history=series(FEB[23], FEB[28], "M"))  # 48 h already
    report = validate(problem, roster_of(problem, [on(MAR[1], "N")]))
    assert report.of("H5") == [
        Violation(
            "H5", "s1", days(FEB[23], MAR[1]), 1.0, "49 h en la semana del 23/02/2026 (máximo 48 h)"
        )
    ]


def test_h5_week_across_the_boundary_holds_at_41_hours() -> None:
    problem = make_problem(history=series(FEB[23], FEB[27], "M"))  # 40 h
    assert validate(problem, roster_of(problem, [on(MAR[1], "N")])).is_legal


def test_h5_history_only_excess_is_not_reported_until_the_month_adds_to_it() -> None:
    history = [on(FEB[23], "G"), on(FEB[25], "G"), on(FEB[27], "G")]  # 72 h, week of 23 Feb
    problem = make_problem(history=history)
    assert validate(problem, roster_of(problem, [on(MAR[3], "M")])).of("H5") == []
    assert [
        v.amount for v in validate(problem, roster_of(problem, [on(MAR[1], "N")])).of("H5")
    ] == [25.0]
    off = make_problem(history=history, rules=RuleSet().with_changes(continuity={"enabled": False}))
    assert validate(off, roster_of(off, [on(MAR[1], "N")])).of("H5") == []


def test_h5_two_week_average_holds_with_56_and_40_hours() -> None:
    rules = RuleSet(averaging_weeks=2, max_consecutive_days=14, weekly_rest_hours=16.0)
    problem = make_problem(rules=rules)
    shifts = series(MAR[2], MAR[8], "M") + series(MAR[9], MAR[13], "M")
    assert validate(problem, roster_of(problem, shifts)).is_legal


def test_h5_two_week_average_breaks_with_56_and_48_hours() -> None:
    rules = RuleSet(averaging_weeks=2, max_consecutive_days=14, weekly_rest_hours=16.0)
    problem = make_problem(rules=rules)
    shifts = series(MAR[2], MAR[8], "M") + series(MAR[9], MAR[14], "M")
    assert validate(problem, roster_of(problem, shifts)).violations == [
        Violation(
            "H5",
            "s1",
            days(MAR[2], MAR[15]),
            8.0,
            "104 h en 2 semanas desde el 02/03/2026 (máximo 96 h)",
        )
    ]


def test_h5_a_24_hour_guard_needs_the_shelter_to_opt_in() -> None:
    problem = make_problem()
    report = validate(problem, roster_of(problem, [on(MAR[2], "G")]))
    assert report.violations == [
        Violation("H5", "s1", (MAR[2],), 24.0, "Guardia de 24 h no permitida en este hogar")
    ]
    opted_in = make_problem(rules=RuleSet(allow_24h_guards=True))
    assert validate(opted_in, roster_of(opted_in, [on(MAR[2], "G")])).is_legal


def test_h7_seven_days_in_a_row() -> None:
    problem = make_problem(rules=RuleSet(averaging_weeks=2, weekly_rest_hours=16.0))
    report = validate(problem, roster_of(problem, series(MAR[2], MAR[8], "M")))
    assert report.violations == [
        Violation("H7", "s1", days(MAR[2], MAR[8]), 1.0, "7 días seguidos de trabajo (máximo 6)")
    ]


def test_h7_six_days_in_a_row_hold() -> None:
    problem = make_problem()
    assert validate(problem, roster_of(problem, series(MAR[2], MAR[7], "M"))).is_legal


def test_h7_run_continues_from_the_previous_month() -> None:
    problem = make_problem(history=series(FEB[24], FEB[28], "M"))
    report = validate(problem, roster_of(problem, series(MAR[1], MAR[2], "M")))
    assert report.of("H7") == [
        Violation("H7", "s1", days(FEB[24], MAR[2]), 1.0, "7 días seguidos de trabajo (máximo 6)")
    ]


def test_h7_run_across_the_boundary_holds_at_six_days() -> None:
    problem = make_problem(history=series(FEB[25], FEB[28], "M"))
    assert validate(problem, roster_of(problem, series(MAR[1], MAR[2], "M"))).of("H7") == []


def test_h7_four_nights_across_the_boundary() -> None:
    problem = make_problem(history=series(FEB[27], FEB[28], "N"))
    report = validate(problem, roster_of(problem, series(MAR[1], MAR[2], "N")))
    assert report.violations == [
        Violation("H7", "s1", days(FEB[27], MAR[2]), 1.0, "4 noches seguidas (máximo 3)")
    ]


def test_h7_three_nights_hold_and_a_history_only_run_is_not_reported() -> None:
    problem = make_problem(history=series(FEB[27], FEB[28], "N"))
    assert validate(problem, roster_of(problem, [on(MAR[1], "N")])).is_legal
    long_history = make_problem(history=series(FEB[22], FEB[28], "M"))  # 7 days, all history
    assert validate(long_history, roster_of(long_history, [on(MAR[3], "M")])).of("H7") == []
