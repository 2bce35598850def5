"""The shape of a demo shelter: who works there, how, and what it is designed to show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

OPERATOR = "Warmi Ñan (ex Aurora)"


class Profile(StrEnum):
    """What the capacity arithmetic says about a shelter's minimum coverage."""

    GAP = "gap"  # a certain gap in every month: Hall's condition fails at full strength
    BORDERLINE = "borderline"  # covered at full strength, not robust to absences
    COVERED = "covered"  # covered with contract hours, absences and one person fewer


@dataclass(frozen=True)
class Team:
    """``count`` people of one primary role, the other roles they cover and their contract."""

    role: str
    count: int = 1
    also: tuple[str, ...] = ()
    hours: float = 48.0
    night_work: bool = True


@dataclass(frozen=True)
class Place:
    """A shelter's code, fictional name, department, province and capacity (places)."""

    code: str
    name: str
    department: str
    province: str
    capacity: int


@dataclass(frozen=True)
class Blueprint:
    """A demo shelter before the random details (names, costs, absences, wishes) are drawn."""

    place: Place
    profile: Profile
    why: str  # the design reason, in plain words
    teams: tuple[Team, ...]
    vacant: tuple[str, ...] = ()  # roles of vacant posts
    operator: str = OPERATOR
    twelve_hour: bool = False
    averaging_weeks: int = 1
    extra_holidays: tuple[date, ...] = ()

    @property
    def code(self) -> str:
        return self.place.code


def t(role: str, count: int = 1, *also: str, hours: float = 48.0, night: bool = True) -> Team:
    """Shorthand for a Team line in the catalogue."""
    return Team(role, count, tuple(also), hours, night)
