"""Validator, soft rules on coverage: S1 shortfall (gaps) and S2 desired level and excess."""

from __future__ import annotations

from datetime import date

from models_factories import CARER, make_problem, on, person, roster_of

from models import CoverageRule, DayClass, Gap, PlanningProblem, RuleSet
from models.validator import validate

MAR = {day: date(2026, 3, day) for day in range(1, 32)}
SUNDAYS = [MAR[1], MAR[8], MAR[15], MAR[22], MAR[29]]  # March 2026
SUNDAY_NIGHTS = [CoverageRule(CARER, "N", DayClass.SUNDAY, minimum=1, desired=2)]
STAFF = [person("s1"), person("s2"), person("s3")]


def sunday_problem(rules: RuleSet | None = None) -> PlanningProblem:
    """Three carers; one to two needed on every Sunday night of March 2026."""
    return make_problem(staff=STAFF, coverage=SUNDAY_NIGHTS, rules=rules)


def test_s1_two_uncovered_sunday_nights() -> None:
    problem = sunday_problem()
    roster = roster_of(problem, [on(MAR[1], "N"), on(MAR[8], "N", "s2"), on(MAR[15], "N")])
    report = validate(problem, roster)
    assert report.units["S1"] == 16.0  # 2 nights x 8 person-hours
    assert report.penalties["S1"] == 16_000.0  # x 1000 per person-hour
    assert report.gaps == [Gap(MAR[22], "N", CARER, 1, 480), Gap(MAR[29], "N", CARER, 1, 480)]
    assert report.is_legal


def test_s1_zero_when_every_minimum_is_met() -> None:
    problem = sunday_problem()
    report = validate(problem, roster_of(problem, [on(day, "N") for day in SUNDAYS]))
    assert report.penalties["S1"] == 0.0
    assert report.gaps == []


def test_s1_configured_hard_is_still_reported_as_a_penalty() -> None:
    rules = RuleSet().with_changes(coverage_minimum={"hard": True, "weight": 1000.0})
    problem = sunday_problem(rules)
    assert validate(problem, roster_of(problem, [])).penalties["S1"] == 5 * 8 * 1000.0


def test_s1_disabled_gives_zero_but_still_lists_the_gaps() -> None:
    problem = sunday_problem(RuleSet().with_changes(coverage_minimum={"enabled": False}))
    report = validate(problem, roster_of(problem, []))
    assert report.penalties["S1"] == 0.0 and report.units["S1"] == 0.0
    assert len(report.gaps) == 5


def test_s2_below_desired_and_over_coverage() -> None:
    problem = sunday_problem()
    shifts = [on(day, "N") for day in SUNDAYS]  # one on every Sunday night
    shifts += [on(MAR[1], "N", "s2")]  # desired level on the 1st
    shifts += [on(MAR[8], "N", "s2"), on(MAR[8], "N", "s3")]  # one over desired on the 8th
    shifts += [on(MAR[3], "M", "s3")]  # no demand at all: over-coverage
    report = validate(problem, roster_of(problem, shifts))
    under, over = 3 * 8, 8 + 8  # 15, 22, 29 below desired; 8th night and the 3rd morning over
    assert report.units["S2"] == under + over
    assert report.penalties["S2"] == under * 10.0 + over * 2.0
    assert report.penalties["S1"] == 0.0
    assert report.is_legal


def test_s2_zero_at_the_desired_level() -> None:
    problem = sunday_problem()
    shifts = [on(day, "N", staff_id) for day in SUNDAYS for staff_id in ("s1", "s2")]
    report = validate(problem, roster_of(problem, shifts))
    assert report.penalties["S2"] == 0.0 and report.units["S2"] == 0.0


def test_s2_counts_only_the_part_above_the_minimum_as_below_desired() -> None:
    problem = sunday_problem()
    report = validate(problem, roster_of(problem, []))  # 0 of minimum 1, desired 2
    assert report.units["S1"] == 5 * 8.0
    assert report.units["S2"] == 5 * 8.0  # desired - max(n, minimum) = 1 per Sunday
