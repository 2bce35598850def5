"""S6's humane patterns and H12 in the optimiser: each binds where it should and holds where
it need not, every roster judged by the validator (``solved``); meal breaks in H5 and S3."""

from __future__ import annotations

from datetime import time

from optimizer_factories import (
    absence,
    every_day,
    feb,
    make_problem,
    need,
    person,
    solved,
    works,
)

from models import Assignment, Request, RuleSet, ShiftType
from models.people import WorkingPattern
from models.shifts import standard_shifts
from models.validator.soft_humane import humane_counts

WEEKENDS = [feb(day) for day in (6, 7, 13, 14, 20, 21, 27, 28)]  # February 2027: Monday 1st


def nights_of_a(*days: int) -> list[Assignment]:
    return [Assignment("a", feb(day), "N", "CUI", locked=True) for day in days]


def test_recovery_after_nights_binds_over_a_day_off_request() -> None:
    # a's block ends on Tuesday 2nd; an afternoon on Thursday 4th leaves her one free day.
    staff = [person("a"), person("b")]
    demand = [need(feb(1), "N"), need(feb(2), "N"), need(feb(4), "T")]
    wish = [Request("b", feb(4), on=False)]
    result = solved(make_problem(staff, demand, locks=nights_of_a(1, 2), requests=wish))
    assert works(result, "b", feb(4), "T") and result.report.units["S5"] == 1
    problem = make_problem(staff, demand, locks=nights_of_a(1, 2), requests=wish)
    assert humane_counts(problem, result.roster, "a").short_recoveries == 0


def test_recovery_after_nights_holds_when_switched_off() -> None:
    staff = [person("a"), person("b")]
    demand = [need(feb(1), "N"), need(feb(2), "N"), need(feb(4), "T")]
    rules = RuleSet().with_changes(night_recovery_weight=0.0)
    wish = [Request("b", feb(4), on=False)]
    result = solved(make_problem(staff, demand, rules, locks=nights_of_a(1, 2), requests=wish))
    assert works(result, "a", feb(4), "T") and result.report.units["S5"] == 0


def test_a_full_weekend_off_every_two_weekends_binds() -> None:
    # a caregiver and a psychologist who may cover caregivers: every weekend day needs one.
    staff = [person("a"), person("p", "PSI", "CUI")]
    demand = [need(day, "M") for day in WEEKENDS]
    rules = RuleSet().with_changes(cross_cover_weight=1.0)
    result = solved(make_problem(staff, demand, rules))
    found = humane_counts(make_problem(staff, demand, rules), result.roster, "a")
    assert found.weekends_missed == 0 and found.weekends_off == 2


def test_weekends_off_hold_when_switched_off_and_cross_cover_stays_away() -> None:
    staff = [person("a"), person("p", "PSI", "CUI")]
    demand = [need(day, "M") for day in WEEKENDS]
    rules = RuleSet().with_changes(cross_cover_weight=1.0, weekend_off_weight=0.0)
    result = solved(make_problem(staff, demand, rules))
    assert all(works(result, "a", day) for day in WEEKENDS)


def test_forward_rotation_binds_and_holds() -> None:
    # a's night on Monday 1st; a morning on Friday 5th would turn her rotation backwards.
    staff = [person("a"), person("b")]
    demand = [need(feb(1), "N"), need(feb(5), "M")]
    wish = [Request("b", feb(5), on=False)]
    strong = RuleSet().with_changes(backward_rotation_weight=15.0)
    result = solved(make_problem(staff, demand, strong, locks=nights_of_a(1), requests=wish))
    assert works(result, "b", feb(5), "M")
    weak = RuleSet().with_changes(backward_rotation_weight=0.0)
    result = solved(make_problem(staff, demand, weak, locks=nights_of_a(1), requests=wish))
    assert works(result, "a", feb(5), "M")


def test_a_psychologist_covers_a_caregiver_shift_only_when_no_caregiver_can() -> None:
    staff = [person("c"), person("p", "PSI", "CUI")]
    demand = [need(feb(3), "M"), need(feb(10), "M")]
    result = solved(make_problem(staff, demand, absences=[absence("c", feb(10), feb(10))]))
    assert works(result, "c", feb(3)) and not works(result, "p", feb(3))
    assert works(result, "p", feb(10)) and result.roster.gaps == []


def test_her_own_contract_is_filled_before_anyone_cross_covers() -> None:
    # 28 mornings: the caregiver's 192 h are 24 of them; the psychologist takes the other 4.
    # (Weekends off aside: they would rightly trade a shift of hers for a weekend.)
    staff = [person("c"), person("p", "PSI", "CUI")]
    rules = RuleSet().with_changes(weekend_off_weight=0.0)
    result = solved(make_problem(staff, every_day("M"), rules), time_limit_phase2=30)
    shifts = {who: sum(a.staff_id == who for a in result.roster.assignments) for who in "cp"}
    assert shifts == {"c": 24, "p": 4} and result.roster.gaps == []


def test_h12_a_weekday_contract_leaves_nights_and_the_weekend_to_others() -> None:
    office = person("o", working_pattern=WorkingPattern.WEEKDAYS_DAY)
    demand = [need(feb(day), shift) for day in (5, 6) for shift in ("M", "N")]
    result = solved(make_problem([office, person("r")], demand))
    assert [(a.day, a.shift) for a in result.roster.assignments if a.staff_id == "o"] == [
        (feb(5), "M")
    ]
    # r cannot take Saturday's morning after Friday's night (H3), and o may not
    assert [(g.day, g.shift, str(g.reason)) for g in result.roster.gaps] == [
        (feb(6), "M", "min_rest")
    ]


def test_h12_nobody_within_her_pattern_is_a_gap_of_nobody_qualified() -> None:
    office = person("o", working_pattern=WorkingPattern.WEEKDAYS_DAY)
    result = solved(make_problem([office], [need(feb(6), "M")]))
    assert result.roster.assignments == []
    assert [str(g.reason) for g in result.roster.gaps] == ["nobody_qualified"]


def test_a_meal_break_lets_four_long_days_fit_a_44_hour_week() -> None:
    long_day = ShiftType("D", "Día", time(7, 0), 720, break_minutes=60)
    rules = RuleSet().with_changes(weekly_hours_cap=44.0)
    demand = [need(feb(day), "D") for day in (1, 3, 5, 7)]
    shifts = [*standard_shifts(), long_day]
    result = solved(make_problem([person("a")], demand, rules, shift_types=shifts))
    assert result.roster.gaps == [] and len(result.roster.assignments) == 4
    paid = [*standard_shifts(), ShiftType("D", "Día", time(7, 0), 720)]
    result = solved(make_problem([person("a")], demand, rules, shift_types=paid))
    assert len(result.roster.gaps) == 1


def test_the_humane_terms_match_the_validator_with_one_shift_a_day_off() -> None:
    # H2 off: the model's night and day-shift indicators are auxiliary columns, made once.
    staff = [person("a"), person("b"), person("p", "PSI", "CUI")]
    demand = [need(feb(1), "N"), need(feb(2), "N"), need(feb(4), "T", minimum=2)]
    demand += [need(feb(4), "T", "PSI")]  # p may cover two roles of Thursday's afternoon
    demand += [need(feb(6), "M"), need(feb(7), "N")]  # one shift type a day (see H3)
    rules = RuleSet().with_changes(one_shift_per_day={"enabled": False})
    result = solved(make_problem(staff, demand, rules, locks=nights_of_a(1, 2)))
    assert result.roster.gaps == []


def test_the_assistant_backs_up_a_caregiver_shift_before_an_educator_cross_covers() -> None:
    # One caregiver night; the educator and the assistant are both qualified and free.
    staff = [person("e", "EDU", "CUI"), person("o", "AOP", "CUI")]
    problem = make_problem(staff, [need(feb(3), "N")])
    result = solved(problem)
    assert works(result, "o", feb(3), "N") and not works(result, "e", feb(3))
    assert humane_counts(problem, result.roster, "o").cross_cover_hours == 0  # her post
