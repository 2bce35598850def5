"""What a solve returns: the roster and an honest report of how it was found."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from models.roster import Roster

OPTIMAL, FEASIBLE, NONE, SKIPPED = "optimal", "feasible", "none", "skipped"


@dataclass
class PhaseReport:
    """One phase of the lexicographic solve.

    ``status`` is "optimal" (proven within the phase's gap), "feasible" (a solution,
    not proven: time limit), "none" (no solution) or "skipped" (nothing to minimise).
    """

    name: str
    status: str
    objective: float | None = None
    best_bound: float | None = None
    mip_gap: float | None = None
    solve_seconds: float = 0.0
    gap_limit: float | None = None  # the relative gap the solver was asked to reach


@dataclass
class SolveReport:
    """Status, phases, sizes, timings and per-rule penalties of one solve."""

    status: str
    solver: str
    phases: list[PhaseReport] = field(default_factory=list)
    build_seconds: float = 0.0
    solve_seconds: float = 0.0
    variables: int = 0
    constraints: int = 0
    penalties: dict[str, float] = field(default_factory=dict)
    units: dict[str, float] = field(default_factory=dict)
    infeasibilities: list[dict[str, Any]] = field(default_factory=list)
    cancelled: bool = False  # the caller stopped the solve: the best roster found by then

    @property
    def objective(self) -> float:
        """The total weighted penalty of the returned roster."""
        return sum(self.penalties.values())

    def phase(self, name: str) -> PhaseReport:
        """The report of one phase by name ("coverage" or "quality")."""
        return next(phase for phase in self.phases if phase.name == name)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return asdict(self)


@dataclass
class PlanResult:
    """A planned month: the roster (with gaps and their reasons) and the solve report."""

    roster: Roster
    report: SolveReport
