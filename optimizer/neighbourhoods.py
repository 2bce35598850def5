"""The neighbourhoods of the search core (optimizer/search.py): small pluggable functions.

A neighbourhood is a mask over the assignment columns that the search frees around the
incumbent, everything else staying fixed at it. Each function reads the columns
(``Area``), the incumbent's values (every column of the model), a size (people and
days) and the search's random stream, and returns its mask, or None when it does not
apply to this incumbent. They
are listed by name in ``NEIGHBOURHOODS``; a search plan names the ones it draws (by
payoff, optimizer/payoff.py). ``NeighbourhoodSize`` adapts the size from what the last
ones gave.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from optimizer.model import Cell, ModelContext

GROW_AFTER = 3  # neighbourhoods proved without improving before the size grows
GUIDED_SHARE = 0.2  # above this share of free assignments a guided neighbourhood is windowed
HOT_DAYS = 4  # days either side of a penalised day (a hotspot) set free


@dataclass(frozen=True)
class Size:
    """How many people and days a neighbourhood frees."""

    people: int
    days: int


@dataclass
class Area:
    """The assignment columns a neighbourhood masks, and what the model says about them.

    Arrays are per assignment column (``columns``: their indices in the model);
    ``shortfalls`` and ``hotspots`` name other columns of the model (a cover shortfall,
    a penalty tied to a day), which the incumbent's values switch on.
    """

    columns: np.ndarray  # each assignment column's index in the model
    people: np.ndarray  # each column's person id
    days: np.ndarray  # each column's day index (0 = the horizon's first day)
    nights: np.ndarray  # True for a night shift's column
    weekends: np.ndarray  # True for a Saturday's or Sunday's column
    horizon: int
    staff: list[str]
    mates: dict[str, list[str]]  # each person's role-mates (sharing a role she holds)
    groups: list[list[str]]  # people grouped by primary role (two or more)
    shortfalls: list[tuple[int, int, list[str]]] = field(default_factory=list)
    hotspots: list[tuple[int, int, str | None, str | None]] = field(default_factory=list)
    relaxed: np.ndarray | None = None  # the LP relaxation's assignments, if solved
    qualified: dict[str, list[str]] = field(default_factory=dict)  # role -> people

    def window(self, first: int, days: int) -> np.ndarray:
        """The columns of ``days`` days from day index ``first``."""
        return (self.days >= first) & (self.days < first + days)

    def of(self, chosen: set[str] | list[str]) -> np.ndarray:
        """The columns of the ``chosen`` people."""
        return np.isin(self.people, list(chosen))

    def team(self, rng: random.Random, count: int, anchor: str | None = None) -> set[str]:
        """``anchor`` (drawn when None) and up to ``count - 1`` of her role-mates."""
        anchor = anchor if anchor is not None else rng.choice(self.staff)
        mates = self.mates.get(anchor, [])
        return {anchor, *rng.sample(mates, min(len(mates), max(0, count - 1)))}


Neighbourhood = Callable[[Area, np.ndarray, Size, random.Random], np.ndarray | None]


def people(area: Area, best: np.ndarray, size: Size, rng: random.Random) -> np.ndarray | None:
    """A few people sharing a role, for the whole horizon."""
    return area.of(area.team(rng, size.people))


def days(area: Area, best: np.ndarray, size: Size, rng: random.Random) -> np.ndarray | None:
    """Everyone over a window of days."""
    first = rng.randrange(max(1, area.horizon - size.days + 1))
    return area.window(first, size.days)


def both(area: Area, best: np.ndarray, size: Size, rng: random.Random) -> np.ndarray | None:
    """Twice the people over twice the days."""
    chosen = set(rng.sample(area.staff, min(len(area.staff), 2 * size.people)))
    first = rng.randrange(max(1, area.horizon - 2 * size.days + 1))
    return area.of(chosen) & area.window(first, 2 * size.days)


def shortfall(area: Area, best: np.ndarray, size: Size, rng: random.Random) -> np.ndarray | None:
    """Around a shift the incumbent leaves short: everyone over a window of days centred
    on it, and some of those qualified for it over the whole horizon, who can give up a
    shift elsewhere to fill it."""
    short = [(day, who) for column, day, who in area.shortfalls if best[column] > 0.5 and who]
    if not short:
        return None
    day, candidates = rng.choice(short)
    chosen = rng.sample(candidates, min(len(candidates), size.people))
    return area.of(chosen) | area.window(day - size.days // 2, size.days)


def hotspot(area: Area, best: np.ndarray, size: Size, rng: random.Random) -> np.ndarray | None:
    """The days around a penalised day of the incumbent (a shortfall below the desired
    cover: people of its role; an isolated day or a split weekend: the person and a few
    role-mates)."""
    hot = [spot for spot in area.hotspots if best[spot[0]] > 0.5]
    if not hot:
        return None
    _, day, staff_id, role = rng.choice(hot)
    if staff_id is not None:
        chosen = area.team(rng, size.people, staff_id)
    else:
        pool = area.qualified.get(role or "", [])
        chosen = set(rng.sample(pool, min(len(pool), 2 * size.people)))
    return area.of(chosen) & area.window(day - HOT_DAYS, 2 * HOT_DAYS + 1)


def guided(area: Area, best: np.ndarray, size: Size, rng: random.Random) -> np.ndarray | None:
    """The assignments the LP relaxation leaves fractional or sets apart from the
    incumbent (relaxation-induced, as RINS); within a window of days when they are many."""
    if area.relaxed is None:
        return None
    fixed = np.round(best[area.columns])
    apart = np.abs(area.relaxed - np.round(area.relaxed)) > 1e-6
    apart |= np.abs(area.relaxed - fixed) > 0.5
    if apart.mean() <= GUIDED_SHARE:
        return apart
    first = rng.randrange(max(1, area.horizon - size.days + 1))
    return apart & area.window(first, 2 * size.days)


def fairness(area: Area, best: np.ndarray, size: Size, rng: random.Random) -> np.ndarray | None:
    """The most and the least loaded of a role (nights, or weekend days: S4) and a few
    role-mates, over a window of days, so that the load can move between them."""
    if not area.groups:
        return None
    group = rng.choice(area.groups)
    load = area.nights if rng.random() < 0.5 else area.weekends
    worked = best[area.columns] > 0.5
    counts = {person: int((worked & load & (area.people == person)).sum()) for person in group}
    ordered = sorted(group, key=lambda person: (counts[person], rng.random()))
    chosen = {ordered[0], ordered[-1]}
    rest = [person for person in group if person not in chosen]
    chosen |= set(rng.sample(rest, min(len(rest), max(0, size.people - 2))))
    first = rng.randrange(max(1, area.horizon - 2 * size.days + 1))
    return area.of(chosen) & area.window(first, 2 * size.days)


def weekend(area: Area, best: np.ndarray, size: Size, rng: random.Random) -> np.ndarray | None:
    """A few people sharing a role on every Saturday and Sunday of the horizon."""
    if not area.weekends.any():
        return None
    return area.of(area.team(rng, 2 * size.people)) & area.weekends


NEIGHBOURHOODS: dict[str, Neighbourhood] = {
    "people": people,
    "days": days,
    "both": both,
    "shortfall": shortfall,
    "hotspot": hotspot,
    "guided": guided,
    "fairness": fairness,
    "weekend": weekend,
}


class NeighbourhoodSize:
    """How many people and days a neighbourhood frees, and for how long, from what the last gave.

    A neighbourhood proved without improving is too small: after ``GROW_AFTER`` of
    those in a row the size grows. One that runs out of time without improving is too
    large to search: the size shrinks, never below the floor. When the search stalls
    (``escalate``), as in variable neighbourhood search, the floor rises by two people
    and four days and each neighbourhood gets ``seconds`` more, to leave the
    incumbent's valley; the first improvement brings them back to the start. With
    ``adaptive`` False the size and the seconds never change.
    """

    def __init__(
        self, horizon: int, start: Size, seconds: float, most: float, adaptive: bool = True
    ) -> None:
        self.horizon, self.start, self.adaptive = horizon, start, adaptive
        self.first_seconds, self.most = seconds, most
        self.people, self.days, self.stuck = start.people, min(start.days, horizon), 0
        self.level = 0  # escalations since the last improvement
        self.seconds = seconds

    @property
    def size(self) -> Size:
        return Size(self.people, self.days)

    def floor(self) -> tuple[int, int]:
        """The smallest people and days at the current escalation level."""
        people, days = self.start.people + 2 * self.level, self.start.days + 4 * self.level
        return people, min(days, self.horizon)

    def after(self, improved: bool, proved: bool) -> None:
        """Adapt to one neighbourhood's outcome."""
        if not self.adaptive:
            return
        if improved:
            self.stuck, self.level, self.seconds = 0, 0, self.first_seconds
        elif not proved:
            people, days = self.floor()
            self.people, self.days = max(people, self.people - 1), max(days, self.days - 2)
            self.stuck = 0
        else:
            self.stuck += 1
        if self.stuck >= GROW_AFTER:
            self.people, self.days = self.people + 1, min(self.days + 2, self.horizon)
            self.stuck = 0

    def escalate(self) -> None:
        """The search has stalled: larger neighbourhoods, and longer to search each."""
        if not self.adaptive:
            return
        self.level += 1
        self.seconds = min(self.most, self.first_seconds * (1 + self.level))
        people, days = self.floor()
        self.people, self.days, self.stuck = max(people, self.people), max(days, self.days), 0


def area_of(ctx: ModelContext, cells: list[Cell]) -> Area:
    """The assignment columns as the neighbourhoods read them."""
    index = {day: number for number, day in enumerate(ctx.timeline.days)}
    staff = ctx.staff
    qualified: dict[str, list[str]] = {}
    for person in staff:
        for role in person.roles:
            qualified.setdefault(role, []).append(person.id)
    mates = {
        person.id: sorted({m for role in person.roles for m in qualified[role]} - {person.id})
        for person in staff
    }
    groups: dict[str, list[str]] = {}
    for person in staff:
        groups.setdefault(person.primary_role, []).append(person.id)
    who: dict[tuple, set[str]] = {}
    for cell in cells:
        who.setdefault(cell[1:], set()).add(cell[0])
    return Area(
        columns=np.array([var.index for var in ctx.x.values()], dtype=np.int32),
        people=np.array([cell[0] for cell in cells]),
        days=np.array([index.get(cell[1], -1) for cell in cells]),
        nights=np.array([ctx.timeline.is_night(cell[2]) for cell in cells], dtype=bool),
        weekends=np.array([cell[1].weekday() >= 5 for cell in cells], dtype=bool),
        horizon=len(ctx.timeline.days),
        staff=[person.id for person in staff],
        mates=mates,
        groups=[members for members in groups.values() if len(members) >= 2],
        shortfalls=[
            (var.index, index.get(key[0], -1), sorted(who.get(key[:3], ())))
            for key, var in ctx.short.items()
        ],
        hotspots=[
            (spot.var.index, index.get(spot.day, -1), spot.staff_id, spot.role)
            for spot in ctx.hotspots
        ],
        qualified=qualified,
    )
