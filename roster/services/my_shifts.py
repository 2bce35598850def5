"""A staff member's own published shifts: what the "my shifts" page and her feed show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from models import RosterStatus
from roster.services.roles import list_roles
from roster.services.rosters import get_roster
from roster.services.shifts import list_shift_types


@dataclass(frozen=True)
class MyShift:
    """One published shift of hers: day, shift and role (codes and names), start and end."""

    day: date
    shift: str
    shift_name: str
    role: str
    role_name: str
    starts: datetime
    ends: datetime


def _months(first: date, count: int) -> list[tuple[int, int]]:
    found, year, month = [], first.year, first.month
    for _ in range(count):
        found.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def my_shifts(
    session: Session, shelter_code: str, staff_code: str, first: date, months: int = 2
) -> list[MyShift]:
    """Her shifts in the newest published version of ``months`` months from ``first``'s."""
    shifts = {s.code: s for s in list_shift_types(session, shelter_code, include_inactive=True)}
    roles = {r.code: r for r in list_roles(session)}
    found: list[MyShift] = []
    for year, month in _months(first, months):
        roster = get_roster(session, shelter_code, year, month, RosterStatus.PUBLISHED)
        for item in [] if roster is None else roster.assignments:
            if item.staff_id != staff_code:
                continue
            shift = shifts[item.shift]
            starts = datetime.combine(item.day, shift.start)
            found.append(
                MyShift(
                    item.day,
                    item.shift,
                    shift.name,
                    item.role,
                    roles[item.role].name if item.role in roles else item.role,
                    starts,
                    starts + timedelta(minutes=shift.minutes),
                )
            )
    return sorted(found, key=lambda s: s.starts)


@dataclass(frozen=True)
class CalendarDay:
    """A day of her small month calendar: the date and her shifts that day (codes)."""

    day: date
    shifts: tuple[str, ...]


@dataclass(frozen=True)
class MonthCalendar:
    """A month as weeks from Monday to Sunday; days of other months are None."""

    year: int
    month: int
    weeks: list[list[CalendarDay | None]]
    shifts: list[MyShift]


def month_calendars(shifts: list[MyShift], first: date, months: int = 2) -> list[MonthCalendar]:
    """Her shifts laid out as small calendars of ``months`` months from ``first``'s."""
    found = []
    for year, month in _months(first, months):
        start = date(year, month, 1)
        mine = [s for s in shifts if (s.day.year, s.day.month) == (year, month)]
        codes: dict[date, tuple[str, ...]] = {}
        for item in mine:
            codes[item.day] = (*codes.get(item.day, ()), item.shift)
        weeks: list[list[CalendarDay | None]] = [[None] * start.weekday()]
        day = start
        while day.month == month:
            if len(weeks[-1]) == 7:
                weeks.append([])
            weeks[-1].append(CalendarDay(day, codes.get(day, ())))
            day += timedelta(days=1)
        weeks[-1] += [None] * (7 - len(weeks[-1]))
        found.append(MonthCalendar(year, month, weeks, mine))
    return found
