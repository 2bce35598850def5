"""Which kind of neighbourhood a search draws next: the ones that paid, more often.

Adaptive large-neighbourhood search (Ropke & Pisinger, 2006): each kind is drawn with
a weight of its improvements per second so far, from an optimistic start, so a kind
that stops paying fades but is never dropped.
"""

from __future__ import annotations

import random
from collections.abc import Sequence


class Payoffs:
    """Improvements and seconds per kind of neighbourhood."""

    def __init__(self, kinds: Sequence[str], floor_seconds: float) -> None:
        self.floor = floor_seconds  # the optimistic start: one win in this many seconds
        self.wins = dict.fromkeys(kinds, 0)
        self.seconds = dict.fromkeys(kinds, 0.0)

    def payoff(self, kind: str) -> float:
        """Improvements per second the kind has paid so far (optimistic start)."""
        return (self.wins[kind] + 1) / (self.seconds[kind] + self.floor)

    def draw(self, rng: random.Random, kinds: Sequence[str]) -> str:
        """One of ``kinds``, drawn in proportion to its payoff."""
        return rng.choices(list(kinds), weights=[self.payoff(kind) for kind in kinds])[0]

    def record(self, kind: str, seconds: float, improved: bool) -> None:
        self.seconds[kind] += seconds
        self.wins[kind] += int(improved)
