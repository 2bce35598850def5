"""The staffing model on a hand-made shelter whose gap and cheapest posts are known by reasoning.

The shelter: February 2027 (Monday 1 to Sunday 28: exactly four calendar weeks, no feriado),
standard shifts M 07-15, T 15-23, N 23-07, one caregiver (CUI) needed on every shift of every
day, and three caregivers on 48-hour contracts. Rules are the defaults: 48 h a week, 12 h
rest, 24 h weekly rest, at most 6 days and 3 nights in a row.

The gap, exactly 96 hours:
- lower bound: each caregiver works at most 48 h in each of the four calendar weeks (H5),
  so the three offer at most 3 x 4 x 48 = 576 h against 28 x 3 x 8 = 672 h demanded;
  at least 96 h (12 shifts) stay uncovered;
- reachable: six shifts a week each fit the other rules, e.g. N N N - M M M repeated
  (nights then a free day, 24 h between the last night's end and the next morning,
  runs of six days); the solver's roster below is a witness checked by the validator.

The cheapest posts: one new person covers the 12 missing shifts (3 a week, well under
48 h), so one post closes the gap. An operational assistant qualified as caregiver
(S/ 1,800) is cheaper than a caregiver (S/ 2,000): exactly one AOP.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from models import CoverageRule, DayClass, PlanningProblem, Role, RuleSet, Shelter, StaffMember
from models.shifts import standard_shifts
from models.staffing import CandidatePost, proposed_id, with_proposed_staff
from models.validator import validate
from optimizer import SolverSettings, solve
from optimizer.staffing import (
    StaffingResult,
    StaffingSettings,
    grow_pool,
    initial_pool,
    money_step,
    recommend_and_verify,
    recommend_posts,
    solve_pool,
)
from optimizer.staffing_model import staffing_rules

SETTINGS = SolverSettings(time_limit_phase1=60, time_limit_phase2=2, threads=1)
ASSISTANT = CandidatePost("AOP", Decimal("1800"), also=("CUI",))
CAREGIVER = CandidatePost("CUI", Decimal("2000"))
DEMAND_HOURS = 28 * 3 * 8


def caregivers_problem(count: int = 3) -> PlanningProblem:
    """24/7 caregiver demand, ``count`` caregivers at 48 h, February 2027."""
    shelter = Shelter("HRT-T9", "Hogar de prueba", "Lima", "Cañete")
    staff = [
        StaffMember(f"c{n}", shelter.code, f"Cuidadora {n}", "CUI", ("CUI",))
        for n in range(1, count + 1)
    ]
    coverage = [CoverageRule("CUI", shift, klass, 1, 1) for shift in "MTN" for klass in DayClass]
    roles = [Role("CUI", "Cuidadora"), Role("AOP", "Asistente operativa")]
    return PlanningProblem(shelter, 2027, 2, roles, staff, standard_shifts(), coverage)


@pytest.fixture(scope="module")
def problem() -> PlanningProblem:
    return caregivers_problem()


@pytest.fixture(scope="module")
def today(problem: PlanningProblem):
    return solve(problem, SETTINGS)


def test_the_month_is_four_whole_weeks_without_feriados(problem: PlanningProblem) -> None:
    assert problem.first_day == date(2027, 2, 1) and problem.first_day.weekday() == 0
    assert len(problem.days) == 28
    assert not [day for day in problem.days if day in problem.holidays]


def test_three_caregivers_leave_exactly_96_hours_uncovered(problem, today) -> None:
    assert sum(gap.hours for gap in today.roster.gaps) == 96
    coverage = today.report.phase("coverage")
    assert coverage.status == "optimal"
    assert coverage.best_bound == pytest.approx(96 * problem.rules.coverage_minimum.weight)
    assert validate(problem, today.roster).violations == []


def test_one_operational_assistant_closes_the_gap(problem, today) -> None:
    result = recommend_and_verify(
        problem, [ASSISTANT, CAREGIVER], SETTINGS, today_gaps=today.roster.gaps
    )
    assert result.hires == {"AOP": 1}
    assert result.cost_month == Decimal("1800")
    assert result.status == "optimal"
    assert result.reachable_gap_hours == 0
    assert result.after is not None
    assert result.after.roster.gaps == []
    staffed = with_proposed_staff(problem, [(ASSISTANT, 1)])
    assert validate(staffed, result.after.roster).violations == []
    newcomer = proposed_id(problem.shelter.code, "AOP", 1)
    assert any(a.staff_id == newcomer for a in result.after.roster.assignments)


def test_a_cheaper_caregiver_wins_over_a_dearer_assistant(problem, today) -> None:
    dear_assistant = CandidatePost("AOP", Decimal("2500"), also=("CUI",))
    result = recommend_posts(
        problem, [dear_assistant, CAREGIVER], SETTINGS, today_gaps=today.roster.gaps
    )
    assert result.hires == {"CUI": 1}
    assert result.cost_month == Decimal("2000")


def test_a_coverage_target_the_staff_already_meets_hires_nobody(problem, today) -> None:
    # 85 % of 672 h leaves 100.8 h of allowed gap, above today's 96 h
    lenient = StaffingSettings(target_pct=85)
    result = recommend_posts(problem, [ASSISTANT], SETTINGS, lenient, today.roster.gaps)
    assert result.hires == {}
    assert result.target_gap_hours == pytest.approx(0.15 * DEMAND_HOURS)
    assert result.model_gap_hours == 96


def test_a_coverage_target_below_today_still_needs_a_post(problem, today) -> None:
    # 90 % allows 67.2 h: 96 h is too much, one assistant is the cheapest way down
    strict = StaffingSettings(target_pct=90)
    result = recommend_posts(problem, [ASSISTANT, CAREGIVER], SETTINGS, strict, today.roster.gaps)
    assert result.hires == {"AOP": 1}
    assert result.model_gap_hours <= 0.1 * DEMAND_HOURS


def test_candidates_who_cannot_cover_the_gap_are_not_offered(problem, today) -> None:
    psychologist = CandidatePost("PSI", Decimal("3800"))
    result = recommend_posts(problem, [psychologist], SETTINGS, today_gaps=today.roster.gaps)
    assert result.pool == {"PSI": 0}
    assert result.hires == {}
    assert result.reachable_gap_hours == 96


def test_the_pool_offers_enough_copies_for_the_gap_plus_one(problem, today) -> None:
    # 96 h of gap, one person's month is 48 x 28 / 7 = 192 h: one copy, plus one spare
    pool = initial_pool(problem, [ASSISTANT, CAREGIVER], today.roster.gaps, max_copies=8)
    assert pool == {"AOP": 2, "CUI": 2}
    assert initial_pool(problem, [ASSISTANT], today.roster.gaps, max_copies=1) == {"AOP": 1}


def test_a_generous_pool_still_hires_only_what_the_gap_needs(problem) -> None:
    # solve 1 may put all four copies to work; solve 2 must still find that one is enough
    result = solve_pool(
        problem, [ASSISTANT], {"AOP": 4}, 0.0, DEMAND_HOURS, SETTINGS, StaffingSettings()
    )
    assert result.hires == {"AOP": 1}
    assert result.model_gap_hours == 0


def outcome(hires: dict[str, int], reachable: float, working: dict[str, int]) -> StaffingResult:
    return StaffingResult(
        hires, Decimal(0), 672.0, 0.0, reachable, reachable, "optimal", reach_working=working
    )


def test_the_pool_grows_only_for_candidates_that_may_be_short() -> None:
    pool = {"AOP": 2, "CUI": 2}
    candidates = [ASSISTANT, CAREGIVER]
    assert grow_pool(candidates, pool, outcome({"AOP": 1}, 0.0, {"AOP": 2}), 8) == pool
    assert grow_pool(candidates, pool, outcome({"AOP": 2}, 0.0, {}), 8) == {"AOP": 4, "CUI": 2}
    missed = outcome({"AOP": 2, "CUI": 2}, 8.0, {"AOP": 2, "CUI": 1})
    assert grow_pool(candidates, pool, missed, 3) == {"AOP": 3, "CUI": 3}
    idle = outcome({}, 8.0, {"AOP": 1, "CUI": 0})  # the gap is out of every candidate's reach
    assert grow_pool(candidates, pool, idle, 8) == pool


def test_staffing_rules_keep_hard_rules_and_the_gap_only() -> None:
    rules = staffing_rules(RuleSet())
    assert rules.coverage_minimum.enabled and rules.max_weekly_hours.enabled
    assert rules.min_rest.enabled and rules.weekly_rest.enabled and rules.max_consecutive.enabled
    for code in ("S2", "S3", "S4", "S5", "S6", "S7"):
        assert not rules.is_on(code)


def test_the_money_step_is_the_gcd_of_the_costs() -> None:
    assert money_step([ASSISTANT, CAREGIVER]) == 200
    assert money_step([CandidatePost("X", Decimal("1800.50"))]) == pytest.approx(1800.5)
    assert money_step([CandidatePost("X", Decimal("0"))]) == 1.0
