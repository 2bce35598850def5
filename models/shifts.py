"""Shift types (turnos) and their night minutes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from models.calendar import LIMA

NIGHT_START_MINUTE = 22 * 60  # 22:00, D.S. 007-2002-TR: night work is 22:00-06:00
NIGHT_END_MINUTE = 6 * 60


def night_minutes(start: time, minutes: int) -> int:
    """Minutes of a shift starting at ``start`` and lasting ``minutes`` that fall in 22:00-06:00."""
    begin = start.hour * 60 + start.minute
    end = begin + minutes
    total = 0
    for day in range(0, end // 1440 + 2):  # night k runs from 22:00 of day k-1 to 06:00 of day k
        night_from = day * 1440 - (1440 - NIGHT_START_MINUTE)
        night_to = day * 1440 + NIGHT_END_MINUTE
        total += max(0, min(end, night_to) - max(begin, night_from))
    return total


@dataclass(frozen=True)
class ShiftType:
    """A shift pattern: a code (M, T, N, D, G...), a start time and a length in minutes.

    A shift belongs to the calendar day it starts on; a night shift that starts at
    23:00 on the 3rd ends at 07:00 on the 4th and counts as the 3rd's shift.
    """

    code: str
    name: str
    start: time
    minutes: int
    is_guard: bool = False  # a 24-hour guard, allowed only where the shelter opts in (H5)
    break_minutes: int = 0  # an unpaid meal break inside the shift: present, not working

    def __post_init__(self) -> None:
        if not self.code.isalnum():
            raise ValueError(f"shift code {self.code!r}: use letters and digits only")
        if not 0 < self.minutes <= 24 * 60:
            raise ValueError(f"shift {self.code}: length must be between 1 minute and 24 hours")
        if not 0 <= self.break_minutes < self.minutes:
            raise ValueError(f"shift {self.code}: the unpaid break must be shorter than the shift")

    @property
    def hours(self) -> float:
        """Hours of presence on site (coverage counts these)."""
        return self.minutes / 60

    @property
    def worked_minutes(self) -> int:
        """Minutes worked: the length less the unpaid break (H5 and S3 count these)."""
        return self.minutes - self.break_minutes

    @property
    def worked_share(self) -> float:
        """Worked minutes per minute of presence, spread evenly over the shift (H5 clipping)."""
        return self.worked_minutes / self.minutes

    @property
    def worked_hours(self) -> float:
        return self.worked_minutes / 60

    @property
    def night_minutes(self) -> int:
        """Minutes inside 22:00-06:00 (D.S. 007-2002-TR)."""
        return night_minutes(self.start, self.minutes)

    def is_night(self, threshold_minutes: int) -> bool:
        """A night shift (H7): at least ``threshold_minutes`` inside 22:00-06:00."""
        return self.night_minutes >= threshold_minutes

    @property
    def end(self) -> time:
        return (
            datetime.combine(date(2000, 1, 1), self.start) + timedelta(minutes=self.minutes)
        ).time()

    def starts_at(self, day: date) -> datetime:
        """The time-zone-aware start of this shift on ``day`` (America/Lima)."""
        return datetime.combine(day, self.start, tzinfo=LIMA)

    def ends_at(self, day: date) -> datetime:
        return self.starts_at(day) + timedelta(minutes=self.minutes)

    def label(self) -> str:
        return f"{self.code} {self.start:%H:%M}-{self.end:%H:%M}"


def standard_shifts() -> list[ShiftType]:
    """The default three 8-hour shifts: M 07-15, T 15-23, N 23-07."""
    return [
        ShiftType("M", "Mañana", time(7, 0), 480),
        ShiftType("T", "Tarde", time(15, 0), 480),
        ShiftType("N", "Noche", time(23, 0), 480),
    ]
