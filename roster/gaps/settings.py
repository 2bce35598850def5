"""The settings of the gap analysis: candidate posts and their costs, target, solver, leave.

Monthly costs are the employer's monthly cost of a 48-hour CAS post in soles, within the
pay ranges the demo network draws from (roster/demo/staffing.py). They are defaults for
HR to replace with the programme's own figures, never literals elsewhere in the code.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from models.staffing import CandidatePost
from models.yearly import LeaveAllowance
from optimizer import SolverSettings
from optimizer.staffing import StaffingSettings

COORDINATOR = "COO"
ASSISTANT = "AOP"


def default_candidates() -> list[CandidatePost]:
    """The posts HR may create: the two the programme recommends, and the care roles."""
    return [
        CandidatePost(COORDINATOR, Decimal("4800"), night_work=False),
        CandidatePost(ASSISTANT, Decimal("1800"), also=("CUI",)),
        CandidatePost("CUI", Decimal("2000")),
        CandidatePost("PSI", Decimal("3800"), night_work=False),
        CandidatePost("TSO", Decimal("3500"), night_work=False),
        CandidatePost("EDU", Decimal("2750"), night_work=False),
    ]


def default_solver() -> SolverSettings:
    """One thread per shelter (shelters run in parallel); a short phase 2."""
    return SolverSettings(time_limit_phase1=30.0, time_limit_phase2=5.0, mip_gap=0.02, threads=1)


@dataclass(frozen=True)
class GapSettings:
    """Everything the gap analysis reads besides the shelters' own data."""

    candidates: list[CandidatePost] = field(default_factory=default_candidates)
    coordinator_role: str = COORDINATOR
    assistant_role: str = ASSISTANT
    solver: SolverSettings = field(default_factory=default_solver)
    staffing: StaffingSettings = field(default_factory=lambda: StaffingSettings(time_limit=30.0))
    allowance: LeaveAllowance = field(default_factory=LeaveAllowance)
    workers: int = 2  # shelters solved at once (processes)

    def __post_init__(self) -> None:
        roles = [candidate.role for candidate in self.candidates]
        if len(roles) != len(set(roles)):
            raise ValueError("one candidate post per role")
        if self.workers < 1:
            raise ValueError("workers must be at least 1")

    def candidate(self, role: str) -> CandidatePost | None:
        """The candidate post of ``role``, if HR may create one."""
        return next((c for c in self.candidates if c.role == role), None)


def limited_settings(
    time_limit: float, target: float = 100.0, solver: str = "highs", workers: int = 2
) -> GapSettings:
    """The default settings with every solve held to ``time_limit`` seconds (CLI and jobs).

    Raises ``ValueError`` (English, for the caller to reword) on an impossible value.
    """
    base = GapSettings()
    return replace(
        base,
        solver=replace(
            base.solver,
            solver=solver,
            time_limit_phase1=time_limit,
            time_limit_phase2=min(base.solver.time_limit_phase2, time_limit),
        ),
        staffing=StaffingSettings(target_pct=target, time_limit=time_limit),
        workers=workers,
    )
