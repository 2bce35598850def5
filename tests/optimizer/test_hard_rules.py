"""Hard rules H1-H7: each binds on a tiny case (switched off, the optimum breaks it) and each
leaves a compliant case alone. Every roster goes through the independent validator."""

from __future__ import annotations

import pytest
from optimizer_factories import (
    absence,
    every_day,
    feb,
    make_problem,
    need,
    person,
    solved,
    without,
    works,
)

from models import RuleSet
from models.roster import GapReason
from models.validator import validate
from optimizer import SolverSettings, solve

WEEK_ONE = [feb(day) for day in range(1, 8)]


def broken_without(problem, code: str) -> set[str]:  # noqa: ANN001
    """Solve with ``code`` off and return the rules the validator (rule on) finds broken."""
    loose = make_problem(problem.staff, problem.demand, rules=without(problem.rules, code))
    for name in ("absences", "history", "locks"):
        setattr(loose, name, getattr(problem, name))
    result = solve(loose, SolverSettings())
    return validate(problem, result.roster).rules_broken()


def reasons(result) -> set[str]:  # noqa: ANN001
    return {gap.reason for gap in result.roster.gaps}


def test_h1_binds_when_nobody_holds_the_role() -> None:
    problem = make_problem([person("a", "CUI")], [need(feb(3), "M", "PSI")])
    result = solved(problem)
    assert not works(result, "a", feb(3))
    assert reasons(result) == {GapReason.NOBODY_QUALIFIED}
    assert broken_without(problem, "H1") == {"H1"}


def test_h1_lets_a_qualified_backup_cover() -> None:
    problem = make_problem([person("a", "CUI", "PSI")], [need(feb(3), "M", "PSI")])
    result = solved(problem)
    assert works(result, "a", feb(3), "M")
    assert result.roster.gaps == []


def test_h1_keeps_people_without_night_work_off_nights() -> None:
    problem = make_problem([person("a", night_work=False)], [need(feb(3), "N")])
    result = solved(problem)
    assert reasons(result) == {GapReason.NOBODY_QUALIFIED}


def test_h2_binds_on_two_shifts_of_one_day() -> None:
    rules = RuleSet().with_changes(min_rest={"enabled": False})
    problem = make_problem([person("a")], [need(feb(3), "M"), need(feb(3), "T")], rules=rules)
    result = solved(problem)
    assert len(result.roster.assignments) == 1
    assert reasons(result) == {GapReason.BUSY}
    assert broken_without(problem, "H2") == {"H2"}


def test_h2_allows_one_shift_on_each_day() -> None:
    problem = make_problem([person("a")], [need(feb(3), "M"), need(feb(4), "M")])
    assert solved(problem).roster.gaps == []


def test_h3_binds_on_night_then_morning() -> None:
    problem = make_problem([person("a")], [need(feb(3), "N"), need(feb(4), "M")])
    result = solved(problem)
    assert len(result.roster.assignments) == 1
    assert reasons(result) == {GapReason.MIN_REST}
    assert broken_without(problem, "H3") == {"H3"}


def test_h3_allows_night_after_night() -> None:
    problem = make_problem([person("a")], [need(feb(3), "N"), need(feb(4), "N")])
    assert solved(problem).roster.gaps == []


def short_daily_rules(**changes: object) -> RuleSet:
    """Four-hour shifts every day: 28 h a week, so only the rule under test can bind."""
    return RuleSet().with_changes(**{"max_consecutive_days": 31, **changes})


def test_h4_binds_when_every_day_is_worked() -> None:
    # 07:00-11:00 every day leaves at most 20 h free in a row: one day a week must go.
    problem = make_problem([person("a")], every_day("C"), rules=short_daily_rules())
    result = solved(problem)
    assert len(result.roster.gaps) == 4
    assert reasons(result) == {GapReason.WEEKLY_REST}
    assert broken_without(problem, "H4") == {"H4"}


def test_h4_is_met_by_a_shorter_weekly_rest() -> None:
    problem = make_problem(
        [person("a")], every_day("C"), rules=short_daily_rules(weekly_rest_hours=20)
    )
    assert solved(problem).roster.gaps == []


def test_h5_binds_at_48_hours_a_week() -> None:
    rules = RuleSet().with_changes(max_consecutive_days=7, weekly_rest={"enabled": False})
    problem = make_problem([person("a")], every_day("M"), rules=rules)
    result = solved(problem)
    assert len(result.roster.gaps) == 4  # six 8-hour shifts in each of the four weeks
    assert reasons(result) == {GapReason.WEEKLY_HOURS}
    assert broken_without(problem, "H5") == {"H5"}


def test_h5_averages_over_weeks_when_the_shelter_does() -> None:
    rules = RuleSet().with_changes(
        max_consecutive_days=7, weekly_rest={"enabled": False}, averaging_weeks=2
    )
    demand = [need(day, "M") for day in WEEK_ONE] + [need(feb(9), "M")]
    assert solved(make_problem([person("a")], demand, rules=rules)).roster.gaps == []


def test_h6_binds_during_an_absence() -> None:
    problem = make_problem(
        [person("a")],
        [need(feb(10), "M"), need(feb(11), "M")],
        absences=[absence("a", feb(10), feb(12))],
    )
    result = solved(problem)
    assert result.roster.assignments == []
    assert reasons(result) == {GapReason.ALL_ABSENT}
    assert broken_without(problem, "H6") == {"H6"}


def test_h6_lets_her_work_outside_the_absence() -> None:
    problem = make_problem(
        [person("a")], [need(feb(13), "M")], absences=[absence("a", feb(10), feb(12))]
    )
    assert works(solved(problem), "a", feb(13), "M")


def test_h7_binds_on_consecutive_days() -> None:
    problem = make_problem(
        [person("a")],
        every_day("C"),
        rules=short_daily_rules(max_consecutive_days=3, weekly_rest={"enabled": False}),
    )
    result = solved(problem)
    assert reasons(result) == {GapReason.CONSECUTIVE}
    assert len(result.roster.assignments) == 21  # three on, one off, over 28 days
    assert broken_without(problem, "H7") == {"H7"}


def test_h7_binds_on_consecutive_nights() -> None:
    rules = RuleSet().with_changes(max_consecutive_nights=2)
    problem = make_problem([person("a")], [need(day, "N") for day in WEEK_ONE])
    problem.rules = rules
    result = solved(problem)
    assert len(result.roster.assignments) == 5  # N N - N N - N
    assert broken_without(problem, "H7") == {"H7"}


def test_h7_allows_runs_within_the_limit() -> None:
    problem = make_problem([person("a")], [need(day, "N") for day in WEEK_ONE[:3]])
    assert solved(problem).roster.gaps == []


@pytest.mark.parametrize("solver", ["highs", "cbc"])
def test_disabled_rule_adds_nothing(solver: str) -> None:
    rules = RuleSet().with_changes(min_rest={"enabled": False})
    problem = make_problem([person("a")], [need(feb(3), "N"), need(feb(4), "M")], rules=rules)
    result = solved(problem, solver)
    assert works(result, "a", feb(3), "N") and works(result, "a", feb(4), "M")
