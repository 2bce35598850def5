"""Which kind of neighbourhood a search draws next: the ones that paid, more often.

Adaptive large-neighbourhood search (Ropke & Pisinger, 2006): each kind is drawn with
a weight of its improvements per second so far, from an optimistic start, so a kind
that stops paying fades but is never dropped. A share of the draws (``explore``) is
made evenly instead: a kind that is slow but needed now and then (the weighted phase's
shortfall neighbourhoods, which alone move the cover) keeps its turns.
"""

from __future__ import annotations

import random
from collections.abc import Sequence


class Payoffs:
    """Improvements and seconds per kind of neighbourhood."""

    def __init__(self, kinds: Sequence[str], floor_seconds: float, explore: float = 0.0) -> None:
        self.floor = floor_seconds  # the optimistic start: one win in this many seconds
        self.explore = explore  # the share of draws made evenly
        self.wins = dict.fromkeys(kinds, 0)
        self.seconds = dict.fromkeys(kinds, 0.0)

    def payoff(self, kind: str) -> float:
        """Improvements per second the kind has paid so far (optimistic start)."""
        return (self.wins[kind] + 1) / (self.seconds[kind] + self.floor)

    def draw(self, rng: random.Random, kinds: Sequence[str]) -> str:
        """One of ``kinds``: drawn in proportion to its payoff, or evenly (``explore``)."""
        if self.explore >= 1.0 or (self.explore > 0.0 and rng.random() < self.explore):
            return rng.choice(list(kinds))
        return rng.choices(list(kinds), weights=[self.payoff(kind) for kind in kinds])[0]

    def record(self, kind: str, seconds: float, improved: bool) -> None:
        """Count one neighbourhood of ``kind``: its seconds, and whether it improved."""
        self.seconds[kind] += seconds
        self.wins[kind] += int(improved)
