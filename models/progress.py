"""How a running solve tells its caller where it stands, and how the caller stops it.

The optimiser calls ``SolveControl.report`` with a ``Progress`` at least once a second
and polls ``SolveControl.stopped``; it never knows who listens (a web job, the CLI).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from models.roster import Roster

PHASES = ("build", "coverage", "quality", "weighted", "polish", "gaps")


@dataclass(frozen=True)
class Progress:
    """Where a running solve stands."""

    phase: str  # "build", "coverage", "quality", "weighted", "polish", "gaps"
    elapsed: float  # seconds since the solve started
    incumbent: float | None  # objective of the best roster so far in this phase
    bound: float | None  # best proven bound in this phase
    fraction: float  # 0..1, elapsed share of the whole time budget (estimate)


@dataclass
class SolveControl:
    """How a caller watches and stops a solve; both hooks optional."""

    on_progress: Callable[[Progress], None] | None = None
    should_stop: Callable[[], bool] | None = None
    on_roster: Callable[[Roster], None] | None = None  # a first legal roster, before the best

    def report(self, progress: Progress) -> None:
        """Pass ``progress`` to ``on_progress``, if set."""
        if self.on_progress is not None:
            self.on_progress(progress)

    def offer(self, roster: Roster) -> None:
        """Pass a first complete roster (legal, not yet the best) to ``on_roster``, if set.

        The lexicographic solve offers phase 1's roster, so a caller can show something
        while phase 2 improves it; the final roster still comes in the result.
        """
        if self.on_roster is not None:
            self.on_roster(roster)

    def stopped(self) -> bool:
        """True when the caller asks the solve to stop (``should_stop``, if set)."""
        return self.should_stop is not None and bool(self.should_stop())
