"""S6's humane patterns, counted on a finished roster: rest after nights, weekends off,
forward rotation and cross-cover. Good practice: UK HSE, "Managing shiftwork" (HSG256).

The optimiser's twin is optimizer/rules/soft_humane.py; this file reads only the roster.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from models.problem import PlanningProblem
from models.roster import Roster
from models.rules import RuleSet
from models.shifts import ShiftType
from models.standby import assistant_role
from models.validator.intervals import known_from

ONE_DAY = timedelta(days=1)
NOON = time(12, 0)


@dataclass(frozen=True)
class HumaneCounts:
    """One person's humane-pattern counts for the month (S6)."""

    short_recoveries: int = 0  # night blocks followed too soon by a day shift
    weekends_missed: float = 0.0  # runs without a full weekend off, plus the month's shortfall
    backward_rotations: int = 0  # mornings after a night in the same calendar week
    cross_cover_hours: float = 0.0  # hours on a role other than her own
    cross_cover_shifts: int = 0
    weekends_off: int = 0  # full weekends (Saturday and Sunday both in the month) off


def is_morning(shift: ShiftType) -> bool:
    """A morning: a shift starting before noon (used with "not a night")."""
    return shift.start < NOON


def weekend_windows(saturdays: list[date], rules: RuleSet) -> list[tuple[list[date], int]]:
    """The runs of weekends judged, with the full weekends off each must hold.

    Every run of ``weekend_off_every`` weekends in a row of the month must hold one;
    with ``weekend_off_per_month`` = M > 0, all the month's weekends must hold M.
    """
    every = rules.weekend_off_every
    found = []
    if every:
        found += [(saturdays[i : i + every], 1) for i in range(len(saturdays) - every + 1)]
    if rules.weekend_off_per_month and saturdays:
        found.append((list(saturdays), rules.weekend_off_per_month))
    return found


def humane_counts(problem: PlanningProblem, roster: Roster, staff_id: str) -> HumaneCounts:
    """One person's counts, reading her history window and the roster.

    - short recovery: a night block ends on d (a night starts on d, none on d+1) and a
      day shift (not a night) starts on a month day among d+1 .. d+1+night_recovery_days;
    - weekends: a full weekend off has no shift starting on its Saturday or Sunday (both in
      the month); each run of ``weekend_windows`` holding fewer than it must counts the
      shortfall;
    - backward rotation: a morning (a day shift starting before noon) on a month day e
      after a night on an earlier day of e's calendar week;
    - cross-cover: her assignments of a role other than her primary role, in shift hours;
      none for the operational assistant, whose post is to cover the roles she backs up.
    """
    rules = problem.rules
    threshold = rules.night_shift_threshold_minutes
    nights: set[date] = set()
    day_shifts: set[date] = set()
    mornings: set[date] = set()
    worked: set[date] = set()
    mine = [a for a in problem.history_window() if a.staff_id == staff_id]
    mine += [a for a in roster.assignments if a.staff_id == staff_id]
    for assignment in mine:
        shift = problem.shifts.get(assignment.shift)
        if shift is None:
            continue
        worked.add(assignment.day)
        night = shift.is_night(threshold)
        (nights if night else day_shifts).add(assignment.day)
        if not night and is_morning(shift):
            mornings.add(assignment.day)
    month = set(problem.days)
    short = sum(
        1
        for day in nights
        if day + ONE_DAY not in nights
        and any(
            day + timedelta(days=k) in day_shifts and day + timedelta(days=k) in month
            for k in range(1, rules.night_recovery_days + 2)
        )
    )
    earliest = min(problem.first_day, known_from(problem))
    backward = sum(
        1
        for day in mornings & month
        if any(
            day - timedelta(days=k) in nights and day - timedelta(days=k) >= earliest
            for k in range(1, day.weekday() + 1)
        )
    )
    saturdays = [d for d in problem.days if d.weekday() == 5 and d + ONE_DAY in month]
    off = {s for s in saturdays if s not in worked and s + ONE_DAY not in worked}
    missed = sum(
        max(0, wanted - len(off.intersection(run)))
        for run, wanted in weekend_windows(saturdays, rules)
    )
    person = problem.staff_by_id.get(staff_id)
    covers_others = person is not None and person.primary_role == assistant_role(problem)
    cross = [
        a
        for a in roster.assignments
        if a.staff_id == staff_id and person is not None and a.role != person.primary_role
        and a.shift in problem.shifts and not covers_others
    ]  # fmt: skip
    hours = sum(problem.shifts[a.shift].hours for a in cross)
    return HumaneCounts(short, float(missed), backward, hours, len(cross), len(off))


def humane_units(problem: PlanningProblem, roster: Roster, staff_id: str) -> float:
    """One person's weighted humane-pattern units (S6, before ``patterns.weight``)."""
    rules = problem.rules
    counts = humane_counts(problem, roster, staff_id)
    return (
        rules.night_recovery_weight * counts.short_recoveries
        + rules.weekend_off_weight * counts.weekends_missed
        + rules.backward_rotation_weight * counts.backward_rotations
        + rules.cross_cover_weight * counts.cross_cover_hours
    )
