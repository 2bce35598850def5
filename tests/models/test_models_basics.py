"""The domain basics the validator relies on: calendar, night minutes, contract target, rules."""

from __future__ import annotations

from datetime import date, time

import pytest
from models_factories import make_problem, person, shelter

from models import Absence, AbsenceKind, CoverageRule, DayClass, PeruCalendar, RuleSet, RuleSetting
from models.calendar import national_holidays
from models.shifts import ShiftType, standard_shifts

FERIADOS_2026 = {
    date(2026, 1, 1),
    date(2026, 4, 2),
    date(2026, 4, 3),
    date(2026, 5, 1),
    date(2026, 6, 7),
    date(2026, 6, 29),
    date(2026, 7, 23),
    date(2026, 7, 28),
    date(2026, 7, 29),
    date(2026, 8, 6),
    date(2026, 8, 30),
    date(2026, 10, 8),
    date(2026, 11, 1),
    date(2026, 12, 8),
    date(2026, 12, 9),
    date(2026, 12, 25),
}


def test_2026_has_the_16_national_feriados() -> None:
    assert set(national_holidays(2026)) == FERIADOS_2026


def test_easter_sunday_is_not_a_feriado() -> None:
    assert date(2026, 4, 5) not in national_holidays(2026)
    assert not PeruCalendar().is_holiday(date(2026, 4, 5))


def test_a_shelters_extra_day_is_a_holiday() -> None:
    calendar = PeruCalendar([date(2026, 1, 2)])
    found = calendar.holidays_in(date(2026, 1, 1), date(2026, 1, 31))
    assert found == {date(2026, 1, 1): "Año Nuevo", date(2026, 1, 2): "Día no laborable"}
    assert not PeruCalendar().is_holiday(date(2026, 1, 2))


def test_an_extra_day_takes_the_holiday_coverage() -> None:
    rule = CoverageRule("CUI", "M", DayClass.HOLIDAY, 1, 1)
    problem = make_problem(
        month=1, coverage=[rule], shelter=shelter(extra_holidays=(date(2026, 1, 2),))
    )
    assert problem.day_class(date(2026, 1, 2)) is DayClass.HOLIDAY
    assert [need.day for need in problem.demand] == [date(2026, 1, 1), date(2026, 1, 2)]


def test_night_minutes_of_the_standard_shifts_and_a_12_hour_night() -> None:
    by_code = {shift.code: shift for shift in standard_shifts()}
    twelve = ShiftType("D", "Noche larga", time(19, 0), 720)
    assert [by_code[code].night_minutes for code in "MTN"] == [0, 60, 420]
    assert twelve.night_minutes == 480
    assert by_code["N"].is_night(180) and twelve.is_night(180)
    assert not by_code["T"].is_night(180)


def test_contract_target_with_feriados_and_an_absence() -> None:
    staff = [person("s1", weekly_hours=42)]  # 6 h a calendar day, 7 h a working day
    plain = make_problem(month=4, staff=staff)  # April 2026: 30 days, feriados 2 and 3 April
    assert plain.contract_target_minutes(staff[0]) == 30 * 360 - 2 * 420
    on_leave = make_problem(
        month=4,
        staff=staff,
        absences=[Absence("s1", AbsenceKind.VACATION, date(2026, 4, 2), date(2026, 4, 2))],
    )
    assert on_leave.contract_target_minutes(staff[0]) == 29 * 360 - 1 * 420
    no_reduction = make_problem(month=4, staff=staff, rules=RuleSet(holidays_reduce_contract=False))
    assert no_reduction.contract_target_minutes(staff[0]) == 30 * 360


def test_rule_set_round_trip() -> None:
    rules = RuleSet(
        min_rest_hours=11.0,
        averaging_weeks=3,
        requests=RuleSetting(enabled=True, hard=False, weight=7.5),
        stability=RuleSetting(enabled=False, hard=False, weight=0.0),
    )
    assert RuleSet.from_dict(rules.to_dict()) == rules
    assert RuleSet.from_dict({}) == RuleSet()


def test_rule_set_rejects_unknown_keys() -> None:
    with pytest.raises(ValueError, match="unknown rule settings: min_rest_minutes"):
        RuleSet.from_dict({"min_rest_minutes": 600})


def test_rule_set_rejects_an_averaging_period_over_three_weeks() -> None:
    with pytest.raises(ValueError, match="averaging_weeks"):
        RuleSet(averaging_weeks=4)
