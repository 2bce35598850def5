"""Validator, soft rules on shape: S6 patterns, S7 stability against the published roster."""

from __future__ import annotations

from datetime import date

from models_factories import make_problem, on, roster_of, series

from models import RuleSet
from models.validator import validate

MAR = {day: date(2026, 3, day) for day in range(1, 32)}
FEB_28 = date(2026, 2, 28)


def test_s6_isolated_day_off_isolated_working_day_and_split_weekend() -> None:
    problem = make_problem()
    worked = [MAR[2], MAR[3], MAR[5], MAR[6], MAR[7], MAR[10]]
    report = validate(problem, roster_of(problem, [on(day, "M") for day in worked]))
    # off on Wed 4 between two worked days; Tue 10 alone; Sat 7 worked, Sun 8 off
    assert report.units["S6"] == 3.0 + 3.0 + 2.0
    assert report.penalties["S6"] == 8.0


def test_s6_weight_multiplies_the_units() -> None:
    problem = make_problem(rules=RuleSet().with_changes(patterns={"hard": False, "weight": 2.5}))
    report = validate(problem, roster_of(problem, [on(MAR[10], "M")]))
    assert (report.units["S6"], report.penalties["S6"]) == (3.0, 7.5)


def test_s6_zero_for_two_regular_weeks() -> None:
    problem = make_problem()
    shifts = series(MAR[2], MAR[6], "M") + series(MAR[9], MAR[13], "M")
    report = validate(problem, roster_of(problem, shifts))
    assert report.penalties["S6"] == 0.0


def test_s6_reads_the_day_before_the_1st_from_history() -> None:
    problem = make_problem(history=[on(FEB_28, "M")])
    shifts = series(MAR[2], MAR[6], "M")
    assert validate(problem, roster_of(problem, shifts)).units["S6"] == 3.0  # the 1st off alone
    off = make_problem(
        history=[on(FEB_28, "M")], rules=RuleSet().with_changes(continuity={"enabled": False})
    )
    assert validate(off, roster_of(off, shifts)).units["S6"] == 0.0  # the 1st is not judged


def test_s6_does_not_judge_the_last_day_against_next_month() -> None:
    problem = make_problem()
    assert validate(problem, roster_of(problem, [on(MAR[31], "M")])).units["S6"] == 0.0
    assert validate(problem, roster_of(problem, [on(MAR[30], "M")])).units["S6"] == 3.0


def test_s7_changes_against_the_published_roster() -> None:
    reference = [on(MAR[2], "M"), on(MAR[3], "M"), on(MAR[4], "M")]
    problem = make_problem(reference=reference)
    shifts = [on(MAR[2], "M"), on(MAR[3], "T"), on(MAR[5], "M")]  # changed, removed, added
    report = validate(problem, roster_of(problem, shifts))
    assert report.units["S7"] == 3.0
    assert report.penalties["S7"] == 60.0


def test_s7_zero_for_the_same_roster_or_without_a_reference() -> None:
    reference = [on(MAR[2], "M"), on(MAR[3], "M", "s2")]
    problem = make_problem(reference=reference)
    assert validate(problem, roster_of(problem, list(reference))).penalties["S7"] == 0.0
    fresh = make_problem()
    assert validate(fresh, roster_of(fresh, [on(MAR[9], "T")])).penalties["S7"] == 0.0


def test_s7_a_role_change_is_a_change() -> None:
    problem = make_problem(reference=[on(MAR[2], "M")])
    roster = roster_of(problem, [on(MAR[2], "M", role="PSI")])
    assert validate(problem, roster).units["S7"] == 1.0
