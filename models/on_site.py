"""Who is on site: the one definition of a shift left with nobody at all in the house.

A shift of a day is staffed when any assignment, of any role, overlaps its hours
(``[start, end)``, America/Lima); the history window's assignments count too (a night
of the last day before the month is on site in the early hours of the 1st). Only a
shift owed cover (an essential or normal minimum of some role) can be *unstaffed*:
nobody on site leaves that cover short, so the shift has a gap of that tier. Optional
cover (workshops, the nurse) is priced, not owed: a shift with nothing else is never a
shift with nobody on site, and no request is overridden for it. The validator reads it
from a roster's assignments (models/validator/unstaffed.py); the optimiser builds one
row per such shift over the columns of the overlapping shifts (optimizer/rules/on_site.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from math import ceil

from models.coverage import Tier
from models.problem import PlanningProblem
from models.roster import Assignment
from models.shifts import ShiftType

Span = tuple[datetime, datetime]
DAY_MINUTES = 24 * 60


def span(shift: ShiftType, day: date) -> Span:
    """The hours of ``shift`` on ``day``: from its start to its end (the next day's for a night)."""
    return shift.starts_at(day), shift.ends_at(day)


def overlaps(first: Span, second: Span) -> bool:
    """True when two spans share time (touching ends do not: N ends when M starts)."""
    return first[0] < second[1] and second[0] < first[1]


def owed(tier: str) -> bool:
    """True for the tiers whose gap is owed cover: essential and normal, not optional."""
    return str(tier) != Tier.OPTIONAL


def floor_shifts(problem: PlanningProblem) -> list[tuple[date, str]]:
    """Every (day, shift) of the month owed cover (an essential or normal minimum of any
    role), in order: the shifts that may be left with nobody on site."""
    wanted = {
        (need.day, need.shift)
        for need in problem.demand
        if need.minimum > need.optional and need.shift in problem.shifts
    }
    return sorted(wanted)


def overlapping_shifts(problem: PlanningProblem, day: date, code: str) -> list[tuple[date, str]]:
    """Every (day, shift type) whose hours overlap ``code`` on ``day``, itself included:
    anyone working one of them is on site during it."""
    target = span(problem.shifts[code], day)
    longest = max((shift.minutes for shift in problem.shift_types), default=0)
    reach = ceil(longest / DAY_MINUTES)
    found = []
    for offset in range(-reach, reach + 1):
        other = day + timedelta(days=offset)
        found += [
            (other, shift.code)
            for shift in problem.shift_types
            if overlaps(span(shift, other), target)
        ]
    return found


def present_spans(problem: PlanningProblem, assignments: Iterable[Assignment]) -> list[Span]:
    """The spans people are on site: ``assignments`` and the history window's (unknown
    shift codes are nobody's presence)."""
    spans = []
    for assignment in [*problem.history_window(), *assignments]:
        shift = problem.shifts.get(assignment.shift)
        if shift is not None:
            spans.append(span(shift, assignment.day))
    return spans


def nobody_on_site(problem: PlanningProblem, spans: list[Span], day: date, code: str) -> bool:
    """True when none of ``spans`` (``present_spans``) overlaps ``code`` on ``day``."""
    target = span(problem.shifts[code], day)
    return not any(overlaps(present, target) for present in spans)
