"""Hard rules on rest: H3 minimum rest between shifts, H4 weekly rest."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import pairwise

from models.problem import PlanningProblem
from models.roster import Roster
from models.validator.intervals import (
    Work,
    hours_between,
    known_from,
    mondays_touching,
    person_work,
    week_days,
    week_window,
)
from models.validator.report import Violation
from models.validator.wording import day_text, hours_text

EPSILON = 1e-9


def check_min_rest(problem: PlanningProblem, roster: Roster) -> list[Violation]:
    """H3: at least ``rules.min_rest_hours`` between the end of a shift and the next start.

    For each person, her shift intervals (history window + month) are sorted by start;
    every consecutive pair needs ``start_next - end_prev >= min_rest_hours``. A breach
    is one violation with days = both shifts' days and amount = missing hours
    ``min_rest_hours - max(0, start_next - end_prev)`` (overlaps are H2's; they count
    as zero rest here). A pair made only of history shifts is not reported. The 12-h
    default forbids N (ends 07:00) followed by M (07:00), also across the month
    boundary (H9). Source: programme policy (DOMAIN.md: no general legal minimum, 12 h).
    """
    if not problem.rules.is_on("H3"):
        return []
    need = problem.rules.min_rest_hours
    found = []
    for staff_id, items in person_work(problem, roster).items():
        for previous, following in pairwise(items):
            if not (previous.in_month or following.in_month):
                continue
            rest = max(0.0, hours_between(previous.end, following.start))
            if need - rest <= EPSILON:
                continue
            days = tuple(sorted({previous.day, following.day}))
            message = f"Descanso de {hours_text(rest)} h entre turnos (mínimo {hours_text(need)} h)"
            found.append(Violation("H3", staff_id, days, need - rest, message))
    return sorted(found, key=lambda v: (v.staff_id, v.days))


def longest_free_hours(items: list[Work], window: tuple[datetime, datetime]) -> float:
    """Hours of the longest stretch of ``window`` free of ``items`` (sorted by start)."""
    cursor, longest = window[0], timedelta(0)
    for item in items:
        if item.end <= window[0] or item.start >= window[1]:
            continue
        longest = max(longest, item.start - cursor)
        cursor = max(cursor, item.end)
    longest = max(longest, window[1] - cursor)
    return longest.total_seconds() / 3600


def check_weekly_rest(problem: PlanningProblem, roster: Roster) -> list[Violation]:
    """H4: at least ``rules.weekly_rest_hours`` consecutive free hours in every calendar week.

    A calendar week runs from Monday 00:00 to the next Monday 00:00 (America/Lima). A
    week is checked when it lies entirely within [first day of the history window, last
    day of the month] (entirely within the month when continuity is off) and one of
    the person's month shifts touches it. Her shifts (history + month) are clipped to
    the week; the longest stretch free of work inside the week must reach the minimum.
    A breach is one violation with days = the week's 7 dates and amount = missing hours.
    Weeks that run past the month's end are not checked this month: the next month
    checks them through its history (H9). Weeks that begin before the history window
    are not checked. Source: D.Leg. 713 arts. 1-2.
    """
    if not problem.rules.is_on("H4"):
        return []
    need = problem.rules.weekly_rest_hours
    earliest, last = known_from(problem), problem.last_day
    mondays = [
        monday
        for monday in mondays_touching(problem.first_day, last)
        if monday >= earliest and monday + timedelta(days=6) <= last
    ]
    found = []
    for staff_id, items in person_work(problem, roster).items():
        for monday in mondays:
            window = week_window(monday)
            if not any(i.in_month and i.start < window[1] and i.end > window[0] for i in items):
                continue
            longest = longest_free_hours(items, window)
            if need - longest <= EPSILON:
                continue
            message = (
                f"Descanso semanal más largo de {hours_text(longest)} h en la semana del "
                f"{day_text(monday)} (mínimo {hours_text(need)} h)"
            )
            found.append(Violation("H4", staff_id, week_days(monday), need - longest, message))
    return sorted(found, key=lambda v: (v.staff_id, v.days))
