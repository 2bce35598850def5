"""The general settings behind H10/H11: horizon, explicit demand, coverage unit, rule fields."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from models_factories import CARER, make_problem, on, roster_of

from models import CoverageRule, DayClass, Demand, RuleSet, WorkLimits
from models.validator import validate

MAR = {day: date(2026, 3, day) for day in range(1, 32)}
MONDAY = date(2029, 1, 1)


def test_an_explicit_horizon_replaces_the_month() -> None:
    problem = make_problem(start=MONDAY, horizon_days=14)
    assert problem.days == [MONDAY + timedelta(days=k) for k in range(14)]
    assert (problem.first_day, problem.last_day) == (MONDAY, date(2029, 1, 14))
    assert len(make_problem().days) == 31 and make_problem().first_day == MAR[1]


def test_a_horizon_needs_both_start_and_length() -> None:
    with pytest.raises(ValueError, match="both"):
        make_problem(start=MONDAY)
    with pytest.raises(ValueError, match="at least 1"):
        make_problem(start=MONDAY, horizon_days=0)


def test_explicit_demand_replaces_the_coverage_rules() -> None:
    rule = CoverageRule(CARER, "M", DayClass.WEEKDAY, 1, 1)
    need = Demand(MAR[3], "T", CARER, 2, 2)
    outside = Demand(date(2026, 4, 1), "T", CARER, 1, 1)
    problem = make_problem(coverage=[rule], explicit_demand=[need, outside])
    assert problem.demand == [need]
    assert len(make_problem(coverage=[rule]).demand) == 22  # weekdays of March 2026
    assert make_problem(coverage=[rule], explicit_demand=[]).demand == []


def coverage_units(unit: str) -> dict[str, float]:
    """S1 and S2 units of a fixed case under a coverage unit.

    Demand on 3 March M: minimum 2, desired 3, nobody there: 2 below the minimum, 1
    more below the desired level. Demand on 4 March M: 1 and 1, two people: 1 over.
    T on 5 March has no demand: 1 over.
    """
    problem = make_problem(
        explicit_demand=[Demand(MAR[3], "M", CARER, 2, 3), Demand(MAR[4], "M", CARER, 1, 1)],
        rules=RuleSet(coverage_unit=unit),
    )
    roster = roster_of(problem, [on(MAR[4], "M"), on(MAR[4], "M", "s2"), on(MAR[5], "T")])
    report = validate(problem, roster)
    return {"S1": report.units["S1"], "S2": report.units["S2"], "penalty": report.total_penalty}


def test_coverage_in_person_hours_by_default() -> None:
    units = coverage_units("hours")
    assert units["S1"] == 16.0 and units["S2"] == 8.0 + 8.0 + 8.0


def test_coverage_in_person_shifts() -> None:
    units = coverage_units("shifts")
    assert units["S1"] == 2.0 and units["S2"] == 1.0 + 1.0 + 1.0
    # 2 missing x 1000 + 1 below desired x 10 + 2 over x 2, plus S3-S6 of the same roster
    rest = coverage_units("hours")["penalty"] - (16 * 1000 + 8 * 10 + 16 * 2)
    assert units["penalty"] == pytest.approx(2 * 1000 + 10 + 2 * 2 + rest)


def test_rule_set_new_fields_check_and_round_trip_through_json() -> None:
    with pytest.raises(ValueError, match="coverage_unit"):
        RuleSet(coverage_unit="minutes")
    rules = RuleSet(forbidden_successions=(("N", "M"),), coverage_unit="shifts")
    stored = json.loads(json.dumps(rules.to_dict()))
    assert stored["forbidden_successions"] == [["N", "M"]]
    assert RuleSet.from_dict(stored) == rules
    assert RuleSet().forbidden_successions == () and RuleSet().coverage_unit == "hours"
    assert RuleSet().is_on("H10") and RuleSet().is_on("H11")
    assert RuleSet().coverage_size(480) == 8.0 and rules.coverage_size(480) == 1.0


def test_work_limits_refuse_nonsense() -> None:
    with pytest.raises(ValueError, match="negative"):
        WorkLimits(max_weekends=-1)
    with pytest.raises(ValueError, match="negative"):
        WorkLimits(max_shifts_by_type={"N": -2})
    with pytest.raises(ValueError, match="exceed"):
        WorkLimits(min_minutes=600, max_minutes=480)
    assert WorkLimits().is_empty and not WorkLimits(max_weekends=2).is_empty
