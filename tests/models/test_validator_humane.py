"""Validator, S6's humane patterns and H12, the working pattern; meal breaks in H5 and S3."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from typing import Any

from models_factories import CARER, PSYCHOLOGIST, make_problem, on, person, roster_of

from models import Assignment, PlanningProblem, RuleSet, ShiftType
from models.people import WorkingPattern
from models.shifts import standard_shifts
from models.validator import validate
from models.validator.soft_humane import HumaneCounts, humane_counts

MAR = {day: date(2026, 3, day) for day in range(1, 32)}  # Sunday 1st; Saturdays 7, 14, 21, 28
LONG_DAY = ShiftType("D", "Día", time(7, 0), 720, break_minutes=60)


def with_shifts(problem: PlanningProblem, shifts: list[ShiftType]) -> PlanningProblem:
    return replace(problem, shift_types=shifts)


def counts(assignments: list[Assignment], **changes: Any) -> HumaneCounts:
    problem = make_problem(**changes)
    return humane_counts(problem, roster_of(problem, assignments), "s1")


def test_a_day_shift_two_days_after_a_night_block_is_short_rest() -> None:
    nights = [on(MAR[2], "N"), on(MAR[3], "N")]  # the block's last night ends Thursday 4th
    assert counts([*nights, on(MAR[5], "T")]).short_recoveries == 1  # Thursday 4 not free
    assert counts([*nights, on(MAR[6], "T")]).short_recoveries == 1  # only Thursday 5 free
    assert counts([*nights, on(MAR[7], "T")]).short_recoveries == 0  # Thursday 5, Friday 6
    assert counts([*nights, on(MAR[6], "N")]).short_recoveries == 0  # nights again: no day shift


def test_the_recovery_reads_a_night_of_the_previous_month() -> None:
    history = [on(date(2026, 2, 28), "N")]
    assert counts([on(MAR[2], "T")], history=history).short_recoveries == 1
    rules = RuleSet().with_changes(continuity={"enabled": False})
    assert counts([on(MAR[2], "T")], history=history, rules=rules).short_recoveries == 0


def test_a_morning_after_a_night_of_the_same_week_is_backward_rotation() -> None:
    assert counts([on(MAR[2], "N"), on(MAR[7], "M")]).backward_rotations == 1
    assert counts([on(MAR[2], "N"), on(MAR[7], "T")]).backward_rotations == 0  # afternoon
    assert counts([on(MAR[6], "N"), on(MAR[9], "M")]).backward_rotations == 0  # next week
    assert counts([on(MAR[2], "M"), on(MAR[4], "N")]).backward_rotations == 0  # forward


def test_every_two_weekends_hold_one_full_weekend_off() -> None:
    worked = [on(MAR[7], "M"), on(MAR[15], "M"), on(MAR[21], "M"), on(MAR[29], "M")]
    assert counts(worked).weekends_missed == 3 and counts(worked).weekends_off == 0
    alternate = [on(MAR[7], "M"), on(MAR[8], "M"), on(MAR[21], "M"), on(MAR[22], "M")]
    assert counts(alternate).weekends_missed == 0 and counts(alternate).weekends_off == 2


def test_a_monthly_count_of_weekends_off_instead() -> None:
    rules = RuleSet().with_changes(weekend_off_every=0, weekend_off_per_month=3)
    worked = [on(MAR[7], "M"), on(MAR[22], "M")]  # two weekends off of four
    assert counts(worked, rules=rules).weekends_missed == 1


def test_cross_cover_counts_hours_on_another_role() -> None:
    staff = [person("s1", (CARER, PSYCHOLOGIST)), person("s2")]
    cover = [on(MAR[3], "M", role=PSYCHOLOGIST), on(MAR[4], "M")]
    found = counts(cover, staff=staff)
    assert (found.cross_cover_hours, found.cross_cover_shifts) == (8.0, 1)
    problem = make_problem(staff=staff)  # a two-day block, weekends off: only cross-cover
    units = validate(problem, roster_of(problem, cover)).units["S6"]
    assert units == RuleSet().cross_cover_weight * 8


def test_the_operational_assistant_on_a_caregiver_shift_is_no_cross_cover() -> None:
    staff = [person("s1", ("AOP", CARER)), person("s2")]
    found = counts([on(MAR[3], "M", role=CARER)], staff=staff)
    assert (found.cross_cover_hours, found.cross_cover_shifts) == (0.0, 0)
    rules = RuleSet().with_changes(extra={"assistant_role": "TAL"})  # another post backs up
    found = counts([on(MAR[3], "M", role=CARER)], staff=staff, rules=rules)
    assert (found.cross_cover_hours, found.cross_cover_shifts) == (8.0, 1)


def test_h12_a_weekday_contract_refuses_weekends_nights_and_feriados() -> None:
    staff = [person("s1", working_pattern=WorkingPattern.WEEKDAYS_DAY), person("s2")]
    problem = make_problem(year=2026, month=4, staff=staff)  # Thursday 2 April is a feriado
    april = {day: date(2026, 4, day) for day in (2, 6, 7, 11)}
    shifts = [on(april[6], "M"), on(april[7], "N"), on(april[11], "M"), on(april[2], "M")]
    found = [v for v in validate(problem, roster_of(problem, shifts)).violations]
    assert [(v.rule, v.days[0].day) for v in found] == [("H12", 2), ("H12", 7), ("H12", 11)]
    assert "Lunes a viernes" in found[0].message


def test_h12_nights_only_and_switched_off() -> None:
    staff = [person("s1", working_pattern="nights"), person("s2")]
    problem = make_problem(staff=staff)
    found = validate(problem, roster_of(problem, [on(MAR[3], "M"), on(MAR[5], "N")])).violations
    assert [(v.rule, v.days) for v in found] == [("H12", (MAR[3],))]
    rules = RuleSet().with_changes(working_pattern={"enabled": False})
    off = make_problem(staff=staff, rules=rules)
    assert validate(off, roster_of(off, [on(MAR[3], "M")])).violations == []


def test_an_unpaid_break_counts_as_presence_not_work_in_h5_and_s3() -> None:
    shifts = [*standard_shifts(), LONG_DAY]
    rules = RuleSet().with_changes(weekly_hours_cap=44.0)
    four = [on(MAR[day], "D") for day in (2, 4, 6, 8)]  # 4 x 11 worked hours in one week
    problem = with_shifts(make_problem(rules=rules, staff=[person("s1")]), shifts)
    assert validate(problem, roster_of(problem, four)).violations == []
    paid = [*standard_shifts(), ShiftType("D", "Día", time(7, 0), 720)]
    problem = with_shifts(make_problem(rules=rules, staff=[person("s1")]), paid)
    assert [v.rule for v in validate(problem, roster_of(problem, four)).violations] == ["H5"]
    problem = with_shifts(make_problem(staff=[person("s1")]), shifts)
    target = problem.contract_target_minutes(problem.staff[0]) / 60
    assert validate(problem, roster_of(problem, four)).units["S3"] == target - 44
