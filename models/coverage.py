"""Coverage rules: how many people of a role a shift needs, by class of day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from models.occupancy import ResidentRatio


class DayClass(StrEnum):
    WEEKDAY = "weekday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"
    HOLIDAY = "holiday"


def day_class(day: date, is_holiday: bool) -> DayClass:
    """A feriado (or a shelter's extra day) first, then Saturday, Sunday, weekday."""
    if is_holiday:
        return DayClass.HOLIDAY
    if day.weekday() == 5:
        return DayClass.SATURDAY
    if day.weekday() == 6:
        return DayClass.SUNDAY
    return DayClass.WEEKDAY


@dataclass(frozen=True)
class CoverageRule:
    """Role x shift type x day class -> minimum and desired number of people."""

    role: str
    shift: str
    day_class: DayClass
    minimum: int
    desired: int
    ratio: ResidentRatio | None = None  # people added per residents of a group (occupancy)

    def __post_init__(self) -> None:
        if self.minimum < 0 or self.desired < self.minimum:
            raise ValueError(
                f"coverage {self.role}/{self.shift}/{self.day_class}: need 0 <= minimum <= desired"
            )
        if isinstance(self.ratio, dict):
            object.__setattr__(self, "ratio", ResidentRatio(**self.ratio))


@dataclass(frozen=True)
class Demand:
    """The need for one role on one shift of one date, resolved from the coverage rules."""

    day: date
    shift: str
    role: str
    minimum: int
    desired: int
