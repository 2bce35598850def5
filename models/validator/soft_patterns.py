"""Soft rules on the shape of the roster: S6 patterns, S7 stability against the published one."""

from __future__ import annotations

from datetime import date, timedelta

from models.problem import PlanningProblem
from models.roster import Assignment, Roster
from models.validator.intervals import known_from
from models.validator.report import SoftResult
from models.validator.soft_humane import humane_units

ONE_DAY = timedelta(days=1)


def pattern_counts(problem: PlanningProblem, roster: Roster, staff_id: str) -> tuple[int, int, int]:
    """One person's (isolated days off, isolated working days, split weekends) of the month.

    Worked day: a day with one of her assignments (history window or roster). For each
    month day d whose d+1 is in the month (d+1 beyond the month's end is not judged)
    and whose d-1 is known (in the month or the history window; with continuity off,
    the 1st is not judged): isolated day off = worked d-1, off d, worked d+1; isolated
    working day = off d-1, worked d, off d+1. Split weekend: a Saturday and the Sunday
    after it both in the month, exactly one of them worked.
    """
    history = [a.day for a in problem.history_window() if a.staff_id == staff_id]
    worked = set(history) | {a.day for a in roster.assignments if a.staff_id == staff_id}
    earliest = min(problem.first_day, known_from(problem))
    off_days = work_days = split = 0
    for day in problem.days:
        before, after = day - ONE_DAY, day + ONE_DAY
        if before >= earliest and after <= problem.last_day:
            pattern = (before in worked, day in worked, after in worked)
            off_days += pattern == (True, False, True)
            work_days += pattern == (False, True, False)
        if day.weekday() == 5 and after <= problem.last_day:
            split += (day in worked) != (after in worked)
    return off_days, work_days, split


def score_patterns(problem: PlanningProblem, roster: Roster) -> SoftResult:
    """S6: isolated days, split weekends, and the humane patterns.

    Counted per staff member by ``pattern_counts``; units = isolated_day_off_weight *
    days off + isolated_work_day_weight * working days + split_weekend_weight * split
    weekends, plus ``humane_units`` (rest after nights, weekends off, forward rotation,
    cross-cover: models/validator/soft_humane.py); penalty = units * ``patterns.weight``.
    Reported as a penalty even if configured hard. Source: good shift-design practice
    (DESIGN.md §3 S6); UK HSE, Managing shiftwork (HSG256).
    """
    rules = problem.rules
    if not rules.patterns.enabled:
        return SoftResult()
    units = 0.0
    for person in problem.staff:
        off_days, work_days, split = pattern_counts(problem, roster, person.id)
        units += rules.isolated_day_off_weight * off_days
        units += rules.isolated_work_day_weight * work_days
        units += rules.split_weekend_weight * split
        units += humane_units(problem, roster, person.id)
    return SoftResult(units, units * rules.patterns.weight)


def _cells(assignments: list[Assignment], days: set[date]) -> dict[tuple[str, date], frozenset]:
    """(person, day) -> the set of (shift, role) she holds that day, for days of the month."""
    cells: dict[tuple[str, date], set[tuple[str, str]]] = {}
    for a in assignments:
        if a.day in days:
            cells.setdefault((a.staff_id, a.day), set()).add((a.shift, a.role))
    return {key: frozenset(value) for key, value in cells.items()}


def score_stability(problem: PlanningProblem, roster: Roster) -> SoftResult:
    """S7: changed (person, day) cells against the published roster when re-planning.

    Only when ``problem.reference`` is non-empty: a cell is a (person, day) of the
    month; it changed when the set of (shift, role) she holds that day differs between
    the reference and the roster (a shift added, removed or swapped). Units = changed
    cells; penalty = units * weight. Reported as a penalty even if configured hard.
    Source: DESIGN.md §3 S7.
    """
    setting = problem.rules.stability
    if not setting.enabled or not problem.reference:
        return SoftResult()
    days = set(problem.days)
    before, after = _cells(problem.reference, days), _cells(roster.assignments, days)
    changed = sum(
        1
        for key in set(before) | set(after)
        if before.get(key, frozenset()) != after.get(key, frozenset())
    )
    return SoftResult(float(changed), changed * setting.weight)
