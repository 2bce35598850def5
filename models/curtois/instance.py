"""A Curtois & Qu staff-scheduling instance, as its file states it (ids, day indexes, minutes).

Format, rules and objective: benchmarks/curtois/README.md (T. Curtois, R. Qu,
"Computational results on new staff scheduling benchmark instances", 2014). Day 0 is
a Monday; days are indexes 0 to horizon - 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


@dataclass(frozen=True)
class CurtoisShift:
    """A shift type: its id, its length, and the shifts that may not follow it the next day."""

    id: str
    minutes: int
    cannot_follow: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CurtoisStaff:
    """An employee and her limits over the horizon (README rules 3-8)."""

    id: str
    max_shifts: dict[str, int]
    max_total_minutes: int
    min_total_minutes: int
    max_consecutive: int
    min_consecutive: int
    min_consecutive_days_off: int
    max_weekends: int


class ShiftRequest(NamedTuple):
    """A wish to work (on) or not work (off) shift ``shift`` on ``day``, with its weight."""

    staff: str
    day: int
    shift: str
    weight: int


class Cover(NamedTuple):
    """The requirement of shift ``shift`` on ``day`` and the weights of under and over cover."""

    day: int
    shift: str
    requirement: int
    weight_under: int
    weight_over: int


@dataclass
class CurtoisInstance:
    """One benchmark instance: horizon, shifts, staff, days off, requests and cover."""

    horizon: int
    shifts: dict[str, CurtoisShift]
    staff: list[CurtoisStaff]
    days_off: dict[str, frozenset[int]] = field(default_factory=dict)
    on_requests: list[ShiftRequest] = field(default_factory=list)
    off_requests: list[ShiftRequest] = field(default_factory=list)
    cover: list[Cover] = field(default_factory=list)
    name: str = ""

    @property
    def staff_by_id(self) -> dict[str, CurtoisStaff]:
        """Employees by id."""
        return {person.id: person for person in self.staff}
