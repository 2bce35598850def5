"""Pure time helpers: shift intervals, weeks, clipping, worked days (America/Lima).

A shift belongs to the day it starts on (models.shifts.ShiftType); its interval is
``[starts_at(day), ends_at(day))``, time-zone aware in America/Lima.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from models.calendar import LIMA, week_start
from models.people import AbsenceKind
from models.problem import PlanningProblem
from models.roster import Assignment, Roster
from models.shifts import ShiftType

WEEK = timedelta(days=7)


def assignment_interval(
    problem: PlanningProblem, assignment: Assignment
) -> tuple[datetime, datetime]:
    """The start and end of an assignment's shift (KeyError for an unknown shift code)."""
    shift = problem.shifts[assignment.shift]
    return shift.starts_at(assignment.day), shift.ends_at(assignment.day)


@dataclass(frozen=True)
class Work:
    """One known shift of a person: history (``in_month`` False) or this month's roster."""

    assignment: Assignment
    shift: ShiftType
    start: datetime
    end: datetime
    in_month: bool

    @property
    def day(self) -> date:
        """The day the shift starts on (the day it belongs to)."""
        return self.assignment.day


def person_work(problem: PlanningProblem, roster: Roster) -> dict[str, list[Work]]:
    """Each person's shifts, history window first then the roster, sorted by start.

    History comes from ``problem.history_window()`` (empty when continuity is off).
    Assignments with an unknown shift code have no interval and are left out (H1
    reports them).
    """
    sources = [(a, False) for a in problem.history_window()]
    sources += [(a, True) for a in roster.assignments]
    work: dict[str, list[Work]] = {}
    for assignment, in_month in sources:
        shift = problem.shifts.get(assignment.shift)
        if shift is None:
            continue
        start, end = shift.starts_at(assignment.day), shift.ends_at(assignment.day)
        item = Work(assignment, shift, start, end, in_month)
        work.setdefault(assignment.staff_id, []).append(item)
    for items in work.values():
        items.sort(key=lambda item: (item.start, item.end, not item.in_month))
    return work


def breastfeeding_cut(problem: PlanningProblem, staff_id: str, day: date) -> timedelta:
    """How much shorter her working day is on ``day``: ``rules.breastfeeding_minutes`` inside
    one of her breastfeeding periods, else nothing (Ley 27240; H5 and S3 count it)."""
    for absence in problem.absences:
        nursing = absence.kind == AbsenceKind.BREASTFEEDING
        if nursing and absence.staff_id == staff_id and absence.start <= day <= absence.end:
            return timedelta(minutes=problem.rules.breastfeeding_minutes)
    return timedelta(0)


def day_start(day: date) -> datetime:
    """Midnight at the start of ``day`` in America/Lima."""
    return datetime.combine(day, time(0, 0), tzinfo=LIMA)


def hours_between(earlier: datetime, later: datetime) -> float:
    """Hours from ``earlier`` to ``later`` (negative when ``later`` comes first)."""
    return (later - earlier).total_seconds() / 3600


def clipped_minutes(start: datetime, end: datetime, window: tuple[datetime, datetime]) -> float:
    """Minutes of ``[start, end)`` that fall inside ``window``."""
    overlap = min(end, window[1]) - max(start, window[0])
    return max(0.0, overlap.total_seconds() / 60)


def week_window(monday: date, weeks: int = 1) -> tuple[datetime, datetime]:
    """From Monday 00:00 to the Monday 00:00 ``weeks`` weeks later (America/Lima)."""
    begin = day_start(monday)
    return begin, begin + weeks * WEEK


def week_days(monday: date, weeks: int = 1) -> tuple[date, ...]:
    """Every date of ``weeks`` calendar weeks starting on ``monday``."""
    return tuple(monday + timedelta(days=offset) for offset in range(7 * weeks))


def mondays_touching(first: date, last: date, weeks: int = 1) -> list[date]:
    """Mondays of every run of ``weeks`` calendar weeks that intersects ``[first, last]``."""
    monday = week_start(first) - (weeks - 1) * WEEK
    found = []
    while monday <= last:
        found.append(monday)
        monday += WEEK
    return found


def known_from(problem: PlanningProblem) -> date:
    """The first day whose shifts are known: the history window's start, or the 1st."""
    if not problem.rules.continuity.enabled:
        return problem.first_day
    return problem.first_day - timedelta(days=problem.rules.history_days)


def worked_days(items: Iterable[Work]) -> set[date]:
    """Days on which one of the shifts starts (a worked day, H7 and S6)."""
    return {item.day for item in items}


def runs(days: Iterable[date]) -> list[list[date]]:
    """Maximal runs of consecutive dates, in order."""
    found: list[list[date]] = []
    for day in sorted(set(days)):
        if found and found[-1][-1] + timedelta(days=1) == day:
            found[-1].append(day)
        else:
            found.append([day])
    return found
