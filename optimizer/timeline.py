"""Time geometry of a planning month, in whole minutes: shift intervals and calendar weeks.

Pure Python, shared by the model and the gap explanations. Minutes count from a
Monday 00:00 well before the history window, so calendar weeks are plain blocks of
10,080 minutes. America/Lima keeps no daylight saving time, so minute arithmetic
on naive dates equals the validator's time-zone-aware arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from models.calendar import week_start
from models.problem import PlanningProblem
from models.shifts import ShiftType

DAY = 24 * 60
WEEK = 7 * DAY


@dataclass(frozen=True)
class Slot:
    """One shift on one day: its interval ``[start, end)`` in timeline minutes."""

    day: date
    shift: ShiftType
    start: int
    end: int

    @property
    def code(self) -> str:
        return self.shift.code


class Timeline:
    """Minutes, days and weeks of one problem (its month plus the history window)."""

    def __init__(self, problem: PlanningProblem) -> None:
        rules = problem.rules
        self.problem = problem
        self.days = list(problem.days)
        self.first_day = problem.first_day
        self.last_day = problem.last_day
        back = max(rules.history_days, 0) + 7 * (rules.averaging_weeks + 1)
        self.origin = week_start(self.first_day - timedelta(days=back))
        history = rules.continuity.enabled
        self.known_from = self.first_day - timedelta(days=rules.history_days if history else 0)
        self.shifts = list(problem.shift_types)
        threshold = rules.night_shift_threshold_minutes
        self.night_codes = {s.code for s in self.shifts if s.is_night(threshold)}
        self.longest_shift = max((s.minutes for s in self.shifts), default=0)
        self._slots: dict[date, tuple[Slot, ...]] = {}

    def day_number(self, day: date) -> int:
        """Days since the origin Monday."""
        return (day - self.origin).days

    def day_at(self, number: int) -> date:
        return self.origin + timedelta(days=number)

    def slot(self, day: date, shift: ShiftType) -> Slot:
        """The interval of ``shift`` starting on ``day``."""
        start = self.day_number(day) * DAY + shift.start.hour * 60 + shift.start.minute
        return Slot(day, shift, start, start + shift.minutes)

    def slots_of_day(self, day: date) -> tuple[Slot, ...]:
        """Every shift of ``day`` (kept: the rules ask for the same days many times)."""
        if day not in self._slots:
            self._slots[day] = tuple(self.slot(day, shift) for shift in self.shifts)
        return self._slots[day]

    def week_of_day(self, day: date) -> int:
        """The index of the calendar week (Monday to Sunday) holding ``day``."""
        return self.day_number(day) // 7

    def week_window(self, week: int, weeks: int = 1) -> tuple[int, int]:
        """Minutes from the Monday 00:00 of ``week`` to the Monday ``weeks`` weeks later."""
        return week * WEEK, (week + weeks) * WEEK

    def week_days(self, week: int) -> list[date]:
        return [self.day_at(week * 7 + offset) for offset in range(7)]

    def month_weeks(self) -> list[int]:
        """Every calendar week that holds a day of the month."""
        return list(range(self.week_of_day(self.first_day), self.week_of_day(self.last_day) + 1))

    def rest_weeks(self) -> list[int]:
        """Weeks checked for H4: inside [known_from, last day] and touching the month."""
        return [
            week
            for week in self.month_weeks()
            if self.day_at(week * 7) >= self.known_from
            and self.day_at(week * 7 + 6) <= self.last_day
        ]

    def averaging_windows(self) -> list[int]:
        """First weeks of every run of ``averaging_weeks`` weeks that touches the month (H5)."""
        span = self.problem.rules.averaging_weeks
        first = self.week_of_day(self.first_day) - (span - 1)
        return list(range(first, self.week_of_day(self.last_day) + 1))

    def in_month(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day

    def is_night(self, code: str) -> bool:
        return code in self.night_codes


def clipped(start: int, end: int, window: tuple[int, int]) -> int:
    """Minutes of ``[start, end)`` inside ``window``."""
    return max(0, min(end, window[1]) - max(start, window[0]))
