"""The neighbourhoods of the weighted search (optimizer/lns.py): their kinds and sizes.

A neighbourhood is a mask over the assignment columns that the search frees around the
incumbent: a few people for the whole horizon, everyone over a window of days, both,
everyone around a shift left short with some who could fill it, or those the LP
relaxation leaves fractional or sets apart from the incumbent (as RINS does).
``NeighbourhoodSize`` adapts how large they are from what the last ones gave.
"""

from __future__ import annotations

import random
from typing import Any

import numpy as np

SUB_SECONDS, MAX_SUB_SECONDS = 3.0, 24.0  # time limit of one neighbourhood: first, at most
START_PEOPLE, START_DAYS = 3, 7  # the smallest neighbourhoods; they grow when stuck
GROW_AFTER = 3  # neighbourhoods proved without improving before they grow
GUIDED_SHARE = 0.2  # above this share of free assignments a guided neighbourhood is windowed
KINDS = ("people", "days", "mixed", "guided", "shortfall")  # neighbourhoods, drawn evenly


class NeighbourhoodSize:
    """How many people and days a neighbourhood frees, and for how long, from what the last gave.

    A neighbourhood proved without improving is too small: after ``GROW_AFTER`` of
    those in a row the size grows. One that runs out of time without improving is too
    large to search: the size shrinks, never below the floor. When the search stalls
    (``escalate``), as in variable neighbourhood search, the floor rises by two people
    and four days and each neighbourhood gets ``SUB_SECONDS`` more, to leave the
    incumbent's valley; the first improvement brings them back to the start.
    """

    def __init__(self, horizon: int) -> None:
        self.horizon, self.people, self.days, self.stuck = horizon, START_PEOPLE, START_DAYS, 0
        self.level = 0  # escalations since the last improvement
        self.seconds = SUB_SECONDS

    def floor(self) -> tuple[int, int]:
        """The smallest people and days at the current escalation level."""
        people, days = START_PEOPLE + 2 * self.level, START_DAYS + 4 * self.level
        return people, min(days, self.horizon)

    def after(self, improved: bool, proved: bool) -> None:
        """Adapt to one neighbourhood's outcome."""
        if improved:
            self.stuck, self.level, self.seconds = 0, 0, SUB_SECONDS
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
        self.level += 1
        self.seconds = min(MAX_SUB_SECONDS, SUB_SECONDS * (1 + self.level))
        people, days = self.floor()
        self.people, self.days, self.stuck = max(people, self.people), max(days, self.days), 0


class Neighbourhoods:
    """The masks of free assignments; mixed into FixAndOptimise, whose columns they read."""

    ctx: Any
    random: random.Random
    people: np.ndarray  # each assignment column's person
    days: np.ndarray  # each assignment column's day index
    columns: np.ndarray
    relaxed: np.ndarray | None  # the LP relaxation's assignments
    shortfalls: list[tuple[int, int, list[str]]]  # (column, day index, who could fill it)

    def kinds(self, best: np.ndarray) -> list[str]:
        """The kinds of neighbourhood that apply around ``best``."""
        return [
            kind
            for kind in KINDS
            if (kind != "guided" or self.relaxed is not None)
            and (kind != "shortfall" or self.short_of(best))
        ]

    def neighbourhood(self, kind: str, people: int, days: int, best: np.ndarray) -> np.ndarray:
        """A mask of free assignments around ``best``: a few people, a window of days, both,
        the people who could fill a shortfall, or the LP's guide.

        "shortfall": everyone over the window of ``days`` days centred on a shift left
        short in ``best``, and ``people`` of those qualified for it over the whole horizon,
        who can give up a shift elsewhere to fill it. "guided" (relaxation-induced, as
        RINS): the assignments the LP relaxation leaves fractional or where it disagrees
        with the incumbent, within a window of days when they are many.
        """
        staff = [person.id for person in self.ctx.staff]
        horizon = len(self.ctx.timeline.days)
        if kind == "shortfall":
            return self.around_shortfall(people, days, self.short_of(best))
        chosen = set(
            self.random.sample(staff, min(len(staff), people * (2 if kind == "mixed" else 1)))
        )
        first = self.random.randrange(max(1, horizon - days + 1))
        in_window = (self.days >= first) & (
            self.days < first + days * (2 if kind == "mixed" else 1)
        )
        in_people = np.isin(self.people, list(chosen))
        if kind == "guided":
            return self.guided(np.round(best[self.columns]), first, 2 * days)
        if kind == "people":
            return in_people
        if kind == "days":
            return in_window
        return in_people & in_window

    def short_of(self, best: np.ndarray) -> list[tuple[int, list[str]]]:
        """For each shift ``best`` leaves short, its day's index and the people qualified for it."""
        return [
            (day, people) for index, day, people in self.shortfalls if best[index] > 0.5 and people
        ]

    def around_shortfall(
        self, people: int, days: int, short: list[tuple[int, list[str]]]
    ) -> np.ndarray:
        """Around one of the ``short`` shifts: everyone over ``days`` days centred on it, and
        up to ``people`` of those qualified for it over the whole horizon."""
        day, candidates = self.random.choice(short)
        chosen = self.random.sample(candidates, min(len(candidates), people))
        first = day - days // 2
        return np.isin(self.people, chosen) | ((self.days >= first) & (self.days < first + days))

    def guided(self, fixed: np.ndarray, first: int, days: int) -> np.ndarray:
        """The assignments the LP leaves fractional or sets apart from ``fixed`` (the incumbent's).

        When they are more than ``GUIDED_SHARE`` of all, only those in the window of
        ``days`` days from day index ``first``.
        """
        if self.relaxed is None:
            return np.zeros(len(self.columns), dtype=bool)
        apart = np.abs(self.relaxed - np.round(self.relaxed)) > 1e-6
        apart |= np.abs(self.relaxed - fixed) > 0.5
        if apart.mean() <= GUIDED_SHARE:
            return apart
        return apart & (self.days >= first) & (self.days < first + days)
