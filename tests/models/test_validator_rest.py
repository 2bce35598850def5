"""Validator, hard rules on rest: H3 minimum rest, H4 weekly rest (with month boundaries)."""

from __future__ import annotations

from datetime import date

import pytest
from models_factories import days, make_problem, on, roster_of, series

from models import RuleSet
from models.validator import Violation, validate

MAR = {day: date(2026, 3, day) for day in range(1, 32)}
FEB = {day: date(2026, 2, day) for day in range(1, 29)}
NO_CONTINUITY = RuleSet().with_changes(continuity={"enabled": False})


def test_h3_night_then_morning_has_no_rest() -> None:
    problem = make_problem()
    report = validate(problem, roster_of(problem, [on(MAR[2], "N"), on(MAR[3], "M")]))
    assert report.violations == [
        Violation("H3", "s1", (MAR[2], MAR[3]), 12.0, "Descanso de 0 h entre turnos (mínimo 12 h)")
    ]


def test_h3_afternoon_then_morning_misses_four_hours() -> None:
    problem = make_problem()
    report = validate(problem, roster_of(problem, [on(MAR[2], "T"), on(MAR[3], "M")]))
    assert report.of("H3") == [
        Violation("H3", "s1", (MAR[2], MAR[3]), 4.0, "Descanso de 8 h entre turnos (mínimo 12 h)")
    ]


def test_h3_holds_with_sixteen_hours_or_a_lower_setting() -> None:
    problem = make_problem()
    assert validate(problem, roster_of(problem, [on(MAR[2], "N"), on(MAR[3], "N")])).is_legal
    relaxed = make_problem(rules=RuleSet(min_rest_hours=8.0))
    assert validate(relaxed, roster_of(relaxed, [on(MAR[2], "T"), on(MAR[3], "M")])).is_legal


def test_h3_across_the_month_boundary() -> None:
    problem = make_problem(history=[on(FEB[28], "N")])
    report = validate(problem, roster_of(problem, [on(MAR[1], "M")]))
    assert report.violations == [
        Violation("H3", "s1", (FEB[28], MAR[1]), 12.0, "Descanso de 0 h entre turnos (mínimo 12 h)")
    ]


def test_h3_boundary_holds_after_a_night_and_without_continuity() -> None:
    problem = make_problem(history=[on(FEB[28], "N")])
    assert validate(problem, roster_of(problem, [on(MAR[1], "N")])).of("H3") == []
    off = make_problem(history=[on(FEB[28], "N")], rules=NO_CONTINUITY)
    assert validate(off, roster_of(off, [on(MAR[1], "M")])).of("H3") == []


def test_h3_does_not_report_a_short_rest_inside_the_history() -> None:
    problem = make_problem(history=[on(FEB[27], "N"), on(FEB[28], "M")])
    assert validate(problem, roster_of(problem, [on(MAR[2], "M")])).of("H3") == []


def test_h3_disabled_reports_nothing() -> None:
    problem = make_problem(rules=RuleSet().with_changes(min_rest={"enabled": False}))
    assert validate(problem, roster_of(problem, [on(MAR[2], "N"), on(MAR[3], "M")])).is_legal


def test_h4_exactly_24_hours_after_a_night_holds() -> None:
    # N Mon 2 ends Tue 3 at 07:00; M Wed 4 starts at 07:00: exactly 24 h free.
    problem = make_problem()
    roster = roster_of(problem, [on(MAR[2], "N"), *series(MAR[4], MAR[8], "M")])
    assert validate(problem, roster).is_legal


def test_h4_a_week_without_24_free_hours() -> None:
    # Seven mornings: at most 16 h free between shifts; the 48 h and 6-day limits are relaxed.
    problem = make_problem(rules=RuleSet(averaging_weeks=2, max_consecutive_days=7))
    report = validate(problem, roster_of(problem, series(MAR[2], MAR[8], "M")))
    assert report.violations == [
        Violation(
            "H4",
            "s1",
            days(MAR[2], MAR[8]),
            8.0,
            "Descanso semanal más largo de 16 h en la semana del 02/03/2026 (mínimo 24 h)",
        )
    ]


def test_h4_week_spanning_february_and_march_uses_the_history() -> None:
    # 4-hour shifts 08:00-12:00 Mon 23 Feb to Sun 1 Mar: 20 h is the longest free stretch.
    rules = RuleSet(max_consecutive_days=7)
    problem = make_problem(rules=rules, history=series(FEB[23], FEB[28], "C"))
    report = validate(problem, roster_of(problem, [on(MAR[1], "C")]))
    assert report.violations == [
        Violation(
            "H4",
            "s1",
            days(FEB[23], MAR[1]),
            4.0,
            "Descanso semanal más largo de 20 h en la semana del 23/02/2026 (mínimo 24 h)",
        )
    ]


def test_h4_week_spanning_the_boundary_holds_with_a_free_sunday_day() -> None:
    rules = RuleSet(max_consecutive_days=7)
    problem = make_problem(rules=rules, history=series(FEB[23], FEB[28], "C"))
    assert validate(problem, roster_of(problem, [on(MAR[1], "N")])).is_legal  # Sat 12:00-Sun 23:00


@pytest.mark.parametrize(
    ("changes", "checked"),
    [({}, True), ({"history_days": 3}, False), ({"continuity": {"enabled": False}}, False)],
)
def test_h4_checks_a_boundary_week_only_when_fully_known(
    changes: dict[str, object], checked: bool
) -> None:
    # A 160-h weekly rest breaks any week that is checked: only the week of 23 Feb is.
    rules = RuleSet(weekly_rest_hours=160.0).with_changes(**changes)
    problem = make_problem(rules=rules, history=series(FEB[23], FEB[28], "C"))
    report = validate(problem, roster_of(problem, [on(MAR[1], "C")]))
    assert [v.days for v in report.of("H4")] == ([days(FEB[23], MAR[1])] if checked else [])


def test_h4_leaves_a_week_past_the_month_end_to_the_next_month() -> None:
    # Nights Mon 23 to Sat 28 Feb leave at most 23 h free in the week of 23 Feb. February 2026
    # ends on Saturday 28, so that week is judged in March (through its history), not here.
    rules = RuleSet(max_consecutive_days=7, max_consecutive_nights=7)
    february = make_problem(month=2, rules=rules)
    assert validate(february, roster_of(february, series(FEB[23], FEB[28], "N"))).of("H4") == []
    march = make_problem(rules=rules, history=series(FEB[23], FEB[28], "N"))
    assert validate(march, roster_of(march, [on(MAR[1], "N")])).of("H4") == [
        Violation(
            "H4",
            "s1",
            days(FEB[23], MAR[1]),
            1.0,
            "Descanso semanal más largo de 23 h en la semana del 23/02/2026 (mínimo 24 h)",
        )
    ]
