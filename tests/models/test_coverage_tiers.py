"""Coverage tiers in the domain and the validator: layered rules, per-tier gaps and S1
prices, and the shifts with nobody on site."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from models_factories import CARER, PSYCHOLOGIST, make_problem, on, person, roster_of

from models import CoverageRule, DayClass, Demand, PlanningProblem, RuleSet, Tier
from models.roster import GapReason, tier_hours
from models.validator import validate
from models.validator.soft_coverage import coverage_gaps, tier_units
from models.validator.unstaffed import unstaffed_shifts

MONDAY = date(2026, 3, 2)
LAYERS = [
    CoverageRule(CARER, "M", DayClass.WEEKDAY, 1, 1, Tier.ESSENTIAL),
    CoverageRule(CARER, "M", DayClass.WEEKDAY, 1, 2),  # a second carer, a third desired
    CoverageRule(CARER, "N", DayClass.WEEKDAY, 1, 1, Tier.ESSENTIAL),
    CoverageRule(PSYCHOLOGIST, "M", DayClass.WEEKDAY, 1, 1, Tier.OPTIONAL),
]


def monday_problem(rules: RuleSet | None = None) -> PlanningProblem:
    """Layered coverage; only Monday 2 March's demand is kept, for short sums."""
    problem = make_problem(coverage=LAYERS, rules=rules, staff=[person("s1"), person("s2")])
    return replace(problem, explicit_demand=[need for need in problem.demand if need.day == MONDAY])


def test_rules_of_one_shift_in_different_tiers_add_up() -> None:
    problem = monday_problem()
    morning = next(need for need in problem.demand if (need.shift, need.role) == ("M", CARER))
    assert (morning.minimum, morning.desired, morning.essential, morning.optional) == (2, 3, 1, 0)
    assert [morning.tier_minimum(tier) for tier in Tier] == [1, 1, 0]


def test_two_rules_in_the_same_tier_are_refused() -> None:
    twice = [*LAYERS, CoverageRule(CARER, "N", DayClass.WEEKDAY, 1, 2, "essential")]
    with pytest.raises(ValueError, match="two rules in tier essential"):
        make_problem(coverage=twice)


@pytest.mark.parametrize(
    ("present", "missing"), [(0, [1, 1, 1]), (1, [0, 1, 1]), (2, [0, 0, 1]), (5, [0, 0, 0])]
)
def test_people_present_fill_essential_need_first(present: int, missing: list[int]) -> None:
    need = Demand(MONDAY, "M", CARER, 3, 3, essential=1, optional=1)
    assert list(need.shortfall_by_tier(present).values()) == missing


def test_a_demand_cannot_hold_more_tiered_people_than_its_minimum() -> None:
    with pytest.raises(ValueError, match="essential \\+ optional <= minimum"):
        Demand(MONDAY, "M", CARER, 1, 1, essential=1, optional=1)


def test_gaps_come_one_per_tier_and_s1_prices_each_tier() -> None:
    problem = monday_problem()
    roster = roster_of(problem, [on(MONDAY, "N")])  # the night only: the morning is empty
    gaps = coverage_gaps(problem, roster)
    assert [(g.shift, g.role, g.tier, g.missing) for g in gaps] == [
        ("M", CARER, Tier.ESSENTIAL, 1),
        ("M", CARER, Tier.NORMAL, 1),
        ("M", PSYCHOLOGIST, Tier.OPTIONAL, 1),
    ]
    assert tier_units(problem, roster) == {Tier.ESSENTIAL: 8, Tier.NORMAL: 8, Tier.OPTIONAL: 8}
    assert tier_hours(gaps) == {"essential": 8.0, "normal": 8.0, "optional": 8.0}
    report = validate(problem, roster)
    assert report.units["S1"] == 24
    assert report.penalties["S1"] == 8 * 10_000 + 8 * 1000 + 8 * 0.5


def test_the_tier_prices_are_settings() -> None:
    rules = RuleSet(essential_coverage_factor=2.0, optional_coverage_weight=0.0)
    problem = monday_problem(rules)
    report = validate(problem, roster_of(problem, [on(MONDAY, "N")]))
    assert report.penalties["S1"] == 8 * 2000 + 8 * 1000
    with pytest.raises(ValueError, match="coverage tiers"):
        RuleSet(essential_coverage_factor=0.5)


def test_a_shift_with_nobody_on_site_is_unstaffed_whatever_role_is_short() -> None:
    problem = monday_problem()
    roster = roster_of(problem, [on(MONDAY, "M", "s2", PSYCHOLOGIST)])  # a psychologist by day
    gaps = [replace(g, reason=GapReason.WEEKLY_HOURS) for g in coverage_gaps(problem, roster)]
    [night] = unstaffed_shifts(problem, roster, gaps)
    assert (night.day, night.shift, night.role, night.reason) == (
        MONDAY,
        "N",
        CARER,
        "weekly_hours",
    )


def test_a_night_of_the_day_before_keeps_the_early_hours_staffed() -> None:
    """An early shift (06:00) overlaps the night before (23:00-07:00): someone is on site."""
    early_need = Demand(MONDAY, "E", CARER, 1, 1, essential=1)
    problem = make_problem(staff=[person("s1"), person("s2")], explicit_demand=[early_need])
    roster = roster_of(problem, [on(date(2026, 3, 1), "N", "s2")])
    assert unstaffed_shifts(problem, roster, coverage_gaps(problem, roster)) == []
    empty = roster_of(problem, [])
    [early] = unstaffed_shifts(problem, empty, coverage_gaps(problem, empty))
    assert early.shift == "E"
