"""Solver settings: which solver, time limits per phase, MIP gap, threads."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

SOLVERS = ("highs", "cbc")


@dataclass(frozen=True)
class SolverSettings:
    """How to solve a month.

    ``mip_gap`` is the relative gap at which phase 2 stops; phase 1 (the gap in
    coverage) is always solved to proven optimality unless its time limit ends it.
    ``gap_tolerance`` is the relative slack phase 2 may take on phase 1's value.
    ``lexicographic`` False solves one phase, "weighted", minimising every soft term
    at once with their weights (e.g. a benchmark's single objective) within
    ``time_limit_phase1 + time_limit_phase2``; ``neighbourhood_search`` lets that phase
    re-optimise parts of the roster around the incumbent (HiGHS only, optimizer/search.py).
    ``seed`` drives the search's random draws (and HiGHS's); ``search_iterations`` stops
    the search after that many neighbourhoods and every HiGHS run of the search after a
    number of nodes instead of seconds, so that the same seed gives the same roster.
    ``explain_gaps`` False leaves ``Roster.gaps`` empty: for benchmarks judged by their
    own evaluator, where testing every gap against every person would take hours.
    """

    solver: str = "highs"
    time_limit_phase1: float = 20.0
    time_limit_phase2: float = 20.0
    mip_gap: float = 0.005
    threads: int = 2
    gap_tolerance: float = 1e-6
    msg: bool = False
    lexicographic: bool = True
    neighbourhood_search: bool = True
    explain_gaps: bool = True
    seed: int = 0
    search_iterations: int | None = None

    def __post_init__(self) -> None:
        if self.solver not in SOLVERS:
            raise ValueError(f"solver {self.solver!r}: choose one of {', '.join(SOLVERS)}")
        if self.time_limit_phase1 <= 0 or self.time_limit_phase2 <= 0:
            raise ValueError("time limits must be positive")
        if not 0 <= self.mip_gap < 1:
            raise ValueError("mip_gap is a fraction between 0 and 1")
        if self.threads < 1:
            raise ValueError("threads must be at least 1")
        if self.gap_tolerance < 0:
            raise ValueError("gap_tolerance cannot be negative")
        if self.search_iterations is not None and self.search_iterations < 0:
            raise ValueError("search_iterations cannot be negative")

    def to_dict(self) -> dict[str, Any]:
        """The settings as plain JSON-ready values."""
        return asdict(self)
