"""Validator, soft rules on people: S3 contracted hours, S4 fairness, S5 requests."""

from __future__ import annotations

from datetime import date

from models_factories import PSYCHOLOGIST, make_problem, on, person, roster_of, series, shelter

from models import Absence, AbsenceKind, FairnessTally, Request, RuleSet
from models.validator import soft_penalties, validate

MAR = {day: date(2026, 3, day) for day in range(1, 32)}


def test_s3_two_hours_short_of_the_contract() -> None:
    # 42 h a week is 6 h a calendar day: 186 h in March 2026 (no feriados); 23 mornings = 184 h.
    problem = make_problem(staff=[person("s1", weekly_hours=42)])
    report = validate(problem, roster_of(problem, series(MAR[1], MAR[23], "M")))
    assert report.units["S3"] == 2.0
    assert report.penalties["S3"] == 2.0


def test_s3_zero_when_the_absence_lowers_the_target_exactly() -> None:
    absence = Absence("s1", AbsenceKind.VACATION, MAR[29], MAR[31])  # 28 days x 6 h = 168 h
    problem = make_problem(staff=[person("s1", weekly_hours=42)], absences=[absence])
    report = validate(problem, roster_of(problem, series(MAR[1], MAR[21], "M")))
    assert report.penalties["S3"] == 0.0


def test_s4_nights_weekends_and_feriados_with_earlier_tallies() -> None:
    staff = [person("s1"), person("s2"), person("s3", roles=(PSYCHOLOGIST,))]
    problem = make_problem(
        staff=staff,
        shelter=shelter(extra_holidays=(MAR[5],)),
        tallies={"s1": FairnessTally(nights=3)},
    )
    shifts = series(MAR[2], MAR[3], "N") + series(MAR[4], MAR[7], "N", "s2")
    shifts.append(on(MAR[14], "M", "s3", PSYCHOLOGIST))  # alone in her role: no spread
    report = validate(problem, roster_of(problem, shifts))
    # nights s1 3+2=5, s2 4 -> 1; weekend days (Sat 7) s1 0, s2 1 -> 1; feriado 5th 0 vs 1 -> 1
    assert report.units["S4"] == 3.0
    assert report.penalties["S4"] == 15.0


def test_s4_categories_can_be_switched_off() -> None:
    staff = [person("s1"), person("s2")]
    problem = make_problem(staff=staff, rules=RuleSet(fairness_weekends=False))
    shifts = series(MAR[2], MAR[3], "N") + series(MAR[4], MAR[7], "N", "s2")
    assert validate(problem, roster_of(problem, shifts)).units["S4"] == 2.0  # nights 2 vs 4


def test_s4_zero_when_the_tallies_even_out_this_month() -> None:
    tallies = {"s1": FairnessTally(nights=1), "s2": FairnessTally(weekend_days=1)}
    shifts = [on(MAR[2], "N"), on(MAR[7], "M"), on(MAR[3], "N", "s2"), on(MAR[4], "N", "s2")]
    even = make_problem(tallies=tallies)
    assert validate(even, roster_of(even, shifts)).penalties["S4"] == 0.0
    fresh = make_problem()  # without the tallies: nights 1 vs 2, weekend days 1 vs 0
    assert validate(fresh, roster_of(fresh, shifts)).units["S4"] == 2.0


def test_s5_requests_on_and_off() -> None:
    requests = [
        Request("s1", MAR[3], on=True, shift="M", weight=2),  # works T: broken
        Request("s1", MAR[4], on=False),  # works: broken
        Request("s1", MAR[5], on=True),  # works: kept
        Request("s1", MAR[6], on=False, shift="N"),  # works M: kept
        Request("s1", date(2026, 4, 1), on=True, weight=5),  # another month: ignored
        Request("s2", MAR[7], on=True, weight=3),  # does not work: broken
    ]
    problem = make_problem(requests=requests)
    shifts = [on(MAR[3], "T"), on(MAR[4], "T"), on(MAR[5], "T"), on(MAR[6], "M")]
    report = validate(problem, roster_of(problem, shifts))
    assert report.units["S5"] == 6.0
    assert report.penalties["S5"] == 60.0


def test_s5_zero_when_every_request_is_met_or_the_rule_is_off() -> None:
    requests = [Request("s1", MAR[3], on=True, shift="M"), Request("s1", MAR[4], on=False)]
    problem = make_problem(requests=requests)
    assert soft_penalties(problem, roster_of(problem, [on(MAR[3], "M")]))["S5"] == 0.0
    off = make_problem(requests=requests, rules=RuleSet().with_changes(requests={"enabled": False}))
    assert soft_penalties(off, roster_of(off, [on(MAR[4], "M")]))["S5"] == 0.0
    assert soft_penalties(problem, roster_of(problem, [on(MAR[4], "M")]))["S5"] == 20.0
