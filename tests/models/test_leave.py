"""Leave as Peru has it: the kinds' legal lengths, and the breastfeeding hour, a shorter working
day that the validator counts on its own (H5 weekly hours, S3 contracted hours)."""

from __future__ import annotations

from datetime import date

import pytest
from models_factories import make_problem, person, roster_of, series

from models import Absence, AbsenceKind, RuleSet
from models.leave import first_birthday, leave_problems
from models.validator import validate

MAR = {day: date(2026, 3, day) for day in range(1, 32)}
TIGHT = RuleSet(max_consecutive_days=7, weekly_rest_hours=16.0, weekly_hours_cap=42.0)


def nursing(first: date, last: date, born: date | None = None) -> Absence:
    return Absence("s1", AbsenceKind.BREASTFEEDING, first, last, child_born=born)


def test_the_breastfeeding_hour_is_not_a_day_off() -> None:
    problem = make_problem(absences=[nursing(MAR[1], MAR[31])])
    assert problem.absent_days("s1") == set()
    assert problem.shortened_days("s1") >= set(problem.days)
    report = validate(problem, roster_of(problem, series(MAR[2], MAR[7], "M")))
    assert report.of("H6") == []


def test_the_breastfeeding_hour_shortens_a_day_for_the_weekly_cap() -> None:
    six_mornings = series(MAR[2], MAR[7], "M")  # 48 h of presence, 42 h worked with the hour
    plain = make_problem(rules=TIGHT)
    nursing_mother = make_problem(rules=TIGHT, absences=[nursing(MAR[1], MAR[31])])
    assert [v.amount for v in validate(plain, roster_of(plain, six_mornings)).of("H5")] == [6.0]
    assert validate(nursing_mother, roster_of(nursing_mother, six_mornings)).of("H5") == []


def test_the_breastfeeding_hour_counts_in_the_contracted_hours() -> None:
    staff = [person("s1")]
    plain = make_problem(staff=staff)
    nursing_mother = make_problem(staff=staff, absences=[nursing(MAR[9], MAR[15])])
    # seven days of the hour, none a feriado: the target falls by 7 x (48/7 h) / 8 = 6 h
    drop = plain.contract_target_minutes(staff[0]) - nursing_mother.contract_target_minutes(
        staff[0]
    )
    assert drop == pytest.approx(6 * 60)
    week = series(MAR[9], MAR[14], "M")  # six 8-hour mornings inside the period: 42 h worked
    units = validate(plain, roster_of(plain, week)).units["S3"]
    shorter = validate(nursing_mother, roster_of(nursing_mother, week)).units["S3"]
    assert shorter == pytest.approx(units)  # 6 h less worked against 6 h less owed


def test_a_maternity_leave_longer_than_the_law_is_refused() -> None:
    lawful = Absence("s1", AbsenceKind.MATERNITY, MAR[1], date(2026, 6, 6))  # 98 days
    assert lawful.days == 98 and leave_problems(lawful) == []
    too_long = Absence("s1", AbsenceKind.MATERNITY, MAR[1], date(2026, 7, 20))
    [(column, reason)] = leave_problems(too_long)
    assert column == "hasta" and "Ley 30367" in reason and "142 días" in reason


def test_the_breastfeeding_hour_ends_before_the_first_birthday() -> None:
    born = date(2025, 6, 10)
    assert leave_problems(nursing(date(2025, 8, 1), date(2026, 6, 9), born)) == []
    [(column, reason)] = leave_problems(nursing(date(2025, 8, 1), date(2026, 6, 10), born))
    assert column == "hasta" and "10/06/2026" in reason and "Ley 27240" in reason
    assert first_birthday(date(2024, 2, 29)) == date(2025, 3, 1)


def test_a_birth_date_only_goes_with_a_birth_leave() -> None:
    vacation = Absence("s1", AbsenceKind.VACATION, MAR[1], MAR[5], child_born=MAR[1])
    assert [column for column, _ in leave_problems(vacation)] == ["nacimiento"]


def test_the_yearly_arithmetic_counts_each_kind_of_leave() -> None:
    from models.calendar import PeruCalendar
    from models.yearly import LeaveAllowance, yearly_need

    recorded = [
        Absence("s1", AbsenceKind.MATERNITY, date(2026, 11, 1), date(2027, 2, 6)),  # 61 in 2026
        Absence("s2", AbsenceKind.PATERNITY, date(2026, 5, 1), date(2026, 5, 10)),
        nursing(date(2026, 1, 1), date(2026, 4, 10)),  # 100 days of one hour
    ]
    allowance = LeaveAllowance.from_absences(recorded, 2026, people=5)
    assert (allowance.maternity_days, allowance.paternity_days) == (61 / 5, 10 / 5)
    assert allowance.sick_leave_days == LeaveAllowance().sick_leave_days  # none recorded
    plain, shelter = (
        yearly_need(2026, PeruCalendar()),
        yearly_need(2026, PeruCalendar(), 48, allowance),
    )
    # each person is away (61 + 10) / 5 days more and works 100 / 5 days an hour shorter
    extra = 48 / 7 * ((61 + 10) / 5 + 100 / 5 / 8)
    assert shelter.leave_hours - plain.leave_hours == pytest.approx(extra)
