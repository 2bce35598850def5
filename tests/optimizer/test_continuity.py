"""H9 continuity: the previous month's published roster limits the start of this one."""

from __future__ import annotations

from datetime import date, time

from optimizer_factories import feb, history, make_problem, need, person, solved, works

from models import FairnessTally, RuleSet, ShiftType
from models.roster import GapReason
from models.shifts import standard_shifts

NO_CONTINUITY = RuleSet().with_changes(continuity={"enabled": False})
DAY_12 = ShiftType("D", "Día", time(7, 0), 720)


def test_night_on_the_last_day_forbids_a_morning_on_the_first() -> None:
    problem = make_problem([person("a")], [need(feb(1), "M")], history=history("a", "N", [feb(0)]))
    result = solved(problem)
    assert not works(result, "a", feb(1))
    assert [gap.reason for gap in result.roster.gaps] == [GapReason.MIN_REST]


def test_without_continuity_the_history_is_not_read() -> None:
    problem = make_problem(
        [person("a")], [need(feb(1), "M")], rules=NO_CONTINUITY, history=history("a", "N", [feb(0)])
    )
    assert works(solved(problem), "a", feb(1), "M")


def test_five_days_at_the_end_of_last_month_limit_the_start() -> None:
    past = history("a", "M", [feb(day) for day in range(-4, 1)])  # 27-31 January
    demand = [need(feb(day), "M") for day in (1, 2, 3)]
    result = solved(make_problem([person("a")], demand, history=past))
    assert len(result.roster.assignments) == 2  # two of the three, never both 1 and 2 February
    assert not (works(result, "a", feb(1)) and works(result, "a", feb(2)))
    assert [gap.reason for gap in result.roster.gaps] == [GapReason.CONSECUTIVE]


def test_weekly_hours_span_a_week_across_two_months() -> None:
    # April 2027 starts on a Thursday: 36 h in March's last three days leave 12 h for April 1-4.
    shifts = [*standard_shifts(), DAY_12]
    past = history("a", "D", [date(2027, 3, day) for day in (29, 30, 31)])
    demand = [need(date(2027, 4, day), "M") for day in (1, 2, 3, 4)]
    problem = make_problem(
        [person("a")], demand, shift_types=shifts, year=2027, month=4, history=past
    )
    result = solved(problem)
    assert len(result.roster.assignments) == 1
    assert {gap.reason for gap in result.roster.gaps} == {GapReason.WEEKLY_HOURS}


def test_weekly_rest_reads_the_days_before_the_month() -> None:
    # April 2027: four-hour shifts every day since Monday 29 March; one of 1-4 April stays free.
    rules = RuleSet().with_changes(max_consecutive_days=31)
    past = history("a", "C", [date(2027, 3, day) for day in (29, 30, 31)])
    demand = [need(date(2027, 4, day), "C") for day in (1, 2, 3, 4)]
    problem = make_problem([person("a")], demand, rules=rules, year=2027, month=4, history=past)
    result = solved(problem)
    assert len(result.roster.assignments) == 3
    assert {gap.reason for gap in result.roster.gaps} == {GapReason.WEEKLY_REST}


def test_fairness_counts_earlier_months() -> None:
    # Same role, same contract: the one with more nights behind her gets none of these.
    staff = [person("a"), person("b")]
    demand = [need(feb(day), "N") for day in (3, 10, 17)]
    tallies = {"a": FairnessTally(nights=6), "b": FairnessTally(nights=0)}
    result = solved(make_problem(staff, demand, tallies=tallies))
    assert not any(a.staff_id == "a" for a in result.roster.assignments)
    assert result.report.units["S4"] == 3  # 6 against 3 nights
