"""The solve's clock and its caller's ``SolveControl``: progress reports and the stop flag.

Every phase enters the watch with its name; the search loops, and the calling thread
while HiGHS runs (optimizer/highs.py), tick it. A tick reports ``Progress`` at most
every ``INTERVAL`` seconds and asks the caller whether to stop; once asked, the watch
stays stopped, the running HiGHS run is interrupted and no other starts.
"""

from __future__ import annotations

import math
from time import perf_counter
from typing import Any

from models.progress import Progress, SolveControl

INTERVAL = 0.5  # seconds between two progress reports, at most (the caller polls no faster)


class Watch:
    """Where the solve stands: phase, clock, best incumbent and bound, and the stop flag."""

    def __init__(self, control: SolveControl | None = None, budget: float = 1.0) -> None:
        self.control = control or SolveControl()
        self.started = perf_counter()
        self.budget = max(budget, 1e-9)
        self.phase = "build"
        self.offset = 0.0  # the objective's constant: HiGHS reports without it
        self.incumbent: float | None = None
        self.bound: float | None = None
        self.last = -math.inf
        self.cancelled = False

    def enter(self, phase: str, offset: float = 0.0) -> None:
        """Start a phase: its incumbent and bound are its own."""
        self.phase, self.offset = phase, offset
        self.incumbent = self.bound = None
        self.tick(force=True)

    def note(self, incumbent: float | None = None, bound: float | None = None) -> None:
        """Record a roster's objective or a proven bound (both without the constant)."""
        if incumbent is not None and math.isfinite(incumbent):
            value = incumbent + self.offset
            self.incumbent = value if self.incumbent is None else min(self.incumbent, value)
        if bound is not None and math.isfinite(bound):
            value = bound + self.offset
            self.bound = value if self.bound is None else max(self.bound, value)

    def tick(self, force: bool = False) -> bool:
        """Report progress if ``INTERVAL`` passed (or ``force``); True when asked to stop."""
        now = perf_counter()
        if force or now - self.last >= INTERVAL:
            self.last = now
            elapsed = now - self.started
            self.control.report(
                Progress(
                    phase=self.phase,
                    elapsed=elapsed,
                    incumbent=self.incumbent,
                    bound=self.bound,
                    fraction=min(1.0, elapsed / self.budget),
                )
            )
            self.cancelled = self.cancelled or self.control.stopped()
        return self.cancelled

    def attach(self, highs: Any, bound: bool = True, incumbent: bool = True) -> None:
        """Feed the watch from HiGHS's interrupt callbacks while ``highs`` runs, and
        interrupt the run once the caller has stopped the solve.

        The callbacks run on HiGHS's thread: they only note values and read the stop
        flag; progress is reported from the calling thread (optimizer/highs.py).
        ``bound`` False (a neighbourhood: part of the model fixed) keeps the run's dual
        bound out of the phase's bound; ``incumbent`` False (another objective) its
        incumbents.
        """

        def on_mip(event: Any) -> None:
            """Note the run's incumbent and bound; interrupt once stopped."""
            out = event.data_out
            self.note(
                out.mip_primal_bound if incumbent else None,
                out.mip_dual_bound if bound else None,
            )
            if self.cancelled:
                event.interrupt()

        def on_lp(event: Any) -> None:
            """Interrupt once stopped."""
            if self.cancelled:
                event.interrupt()

        highs.cbMipInterrupt.subscribe(on_mip)
        highs.cbSimplexInterrupt.subscribe(on_lp)
        highs.cbIpmInterrupt.subscribe(on_lp)

    @staticmethod
    def detach(highs: Any) -> None:
        """Stop the callbacks ``attach`` started on ``highs``."""
        for hook in (highs.cbMipInterrupt, highs.cbSimplexInterrupt, highs.cbIpmInterrupt):
            hook.clear()
