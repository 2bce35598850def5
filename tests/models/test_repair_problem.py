"""The repair problem: the days before the date become history, the rest is re-planned."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from models_factories import CARER, make_problem, on, person

from models import (
    Absence,
    AbsenceKind,
    Assignment,
    CoverageRule,
    DayClass,
    PlanningProblem,
    RuleSet,
)
from models.repair import (
    REPAIR_STABILITY_WEIGHT,
    CellChange,
    cell_changes,
    greedy_repair,
    merge_repair,
    repair_problem,
    uncovered,
    without_absent,
)

START = date(2026, 3, 10)


def published() -> list[Assignment]:
    return [
        on(date(2026, 3, 8), "N", "s1"),  # a Sunday night, before the date
        replace(on(date(2026, 3, 11), "M", "s1"), locked=True),  # locked, but she is absent
        replace(on(date(2026, 3, 12), "T", "s2"), locked=True),
        on(date(2026, 3, 20), "M", "s2"),
    ]


def month() -> PlanningProblem:
    absence = Absence("s1", AbsenceKind.UNPLANNED, START, date(2026, 3, 16))
    return make_problem(staff=[person("s1"), person("s2")], absences=[absence])


def test_the_days_from_the_date_are_planned_and_the_past_is_history() -> None:
    problem = repair_problem(month(), published(), START)
    assert problem.days[0] == START and problem.days[-1] == date(2026, 3, 31)
    assert on(date(2026, 3, 8), "N", "s1") in problem.history_window()
    assert problem.reference == published()
    assert [(a.staff_id, a.day) for a in problem.locks] == [("s2", date(2026, 3, 12))]
    assert problem.rules.stability.weight == REPAIR_STABILITY_WEIGHT
    assert problem.tallies["s1"].nights == 1 and problem.tallies["s1"].weekend_days == 1


def test_a_from_scratch_replan_has_no_reference_and_the_window_covers_the_averaging() -> None:
    base = replace(month(), rules=RuleSet(averaging_weeks=3))
    problem = repair_problem(base, published(), START, stable=False)
    assert problem.reference == [] and problem.rules.history_days == 21


def test_a_date_outside_the_month_is_refused() -> None:
    with pytest.raises(ValueError):
        repair_problem(month(), published(), date(2026, 4, 1))


def test_merging_keeps_the_past_and_changes_are_counted_by_cell() -> None:
    planned = [on(date(2026, 3, 11), "M", "s2"), on(date(2026, 3, 20), "M", "s2")]
    merged = merge_repair(published(), [on(date(2026, 3, 8), "M", "s2"), *planned], START)
    assert [a.day for a in merged] == [date(2026, 3, 8), date(2026, 3, 11), date(2026, 3, 20)]
    changes = cell_changes(published(), merged)
    assert changes == [
        CellChange("s1", date(2026, 3, 11), ("M", "CUI"), None),
        CellChange("s2", date(2026, 3, 11), None, ("M", "CUI")),
        CellChange("s2", date(2026, 3, 12), ("T", "CUI"), None),
    ]


def test_without_absent_and_uncovered() -> None:
    problem = month()
    kept = without_absent(problem, published())
    assert [(a.staff_id, a.day.day) for a in kept] == [("s1", 8), ("s2", 12), ("s2", 20)]
    assert uncovered(problem, kept).shifts == 0  # no coverage rules: nothing to cover


def test_the_greedy_repair_gives_each_lost_shift_to_someone_free() -> None:
    cover = [CoverageRule(CARER, "M", DayClass.WEEKDAY, 1, 1)]
    absence = Absence("s1", AbsenceKind.UNPLANNED, START, date(2026, 3, 12))
    problem = make_problem(staff=[person("s1"), person("s2")], coverage=cover, absences=[absence])
    mornings = [on(date(2026, 3, d), "M", "s1") for d in (9, 10, 11, 12, 13)]
    repaired = greedy_repair(problem, mornings, START)
    assert [(a.staff_id, a.day.day) for a in repaired] == [
        ("s1", 9),
        ("s2", 10),
        ("s2", 11),
        ("s2", 12),
        ("s1", 13),
    ]
