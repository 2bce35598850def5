"""The settings of the gap analysis: candidate posts and their costs, target, solver, leave.

A candidate's monthly cost is the employer's cost of a 48-hour CAS post in soles: the pay of
the salary scale (salary_scale.csv, each line with its source or marked as an
assumption) plus the employer's charges (models.costs.EmployerCharges), spread over twelve
months. They are defaults for HR to replace with the programme's own figures, never
literals elsewhere in the code.

``coordination_by_other_roles``: "overload" (default) lets a qualified professional carry
the coordinator's shifts and counts those hours as diverted from her own role, priced in the
recommendation like uncovered hours of that role; "forbidden" leaves coordination to a
dedicated coordinator only (other professionals' coordinator qualification is not used).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from models.costs import EmployerCharges, SalaryLine
from models.staffing import CandidatePost
from models.yearly import LeaveAllowance
from optimizer import SolverSettings
from optimizer.staffing import StaffingSettings
from roster.gaps.salaries import read_scale

COORDINATOR = "COO"
ASSISTANT = "AOP"


CANDIDATE_ROLES: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    (COORDINATOR, (), False),  # role, also covers, night work
    (ASSISTANT, ("CUI", "EDU"), True),
    ("CUI", (), True),
    ("PSI", (), False),
    ("TSO", (), False),
    ("EDU", (), False),
)
COORDINATION_MODES = ("overload", "forbidden")


@dataclass(frozen=True)
class ResilienceSettings:
    """The sick-call simulation (``roster gaps --resilience``): calls drawn per scenario,
    the seed that makes them reproducible, and each repair's time limit per phase."""

    draws: int = 8
    seed: int = 2027
    repair_seconds: float = 2.0

    def __post_init__(self) -> None:
        if self.draws < 1:
            raise ValueError("draws must be at least 1")
        if self.repair_seconds <= 0:
            raise ValueError("repair_seconds must be positive")


def default_candidates(
    scale: dict[str, SalaryLine] | None = None, charges: EmployerCharges | None = None
) -> list[CandidatePost]:
    """The posts HR may create: the two the programme recommends, and the care roles,
    each at its scale's pay plus the employer's charges."""
    scale = read_scale() if scale is None else scale
    charges = charges or EmployerCharges()
    return [
        CandidatePost(role, charges.cost_month(scale[role].monthly_pay), also, night_work=night)
        for role, also, night in CANDIDATE_ROLES
        if role in scale
    ]


def default_solver() -> SolverSettings:
    """One thread per shelter (shelters run in parallel); a short phase 2."""
    return SolverSettings(time_limit_phase1=30.0, time_limit_phase2=5.0, mip_gap=0.02, threads=1)


@dataclass(frozen=True)
class GapSettings:
    """Everything the gap analysis reads besides the shelters' own data."""

    candidates: list[CandidatePost] = field(default_factory=default_candidates)
    scale: dict[str, SalaryLine] = field(default_factory=read_scale)
    charges: EmployerCharges = field(default_factory=EmployerCharges)
    coordination_by_other_roles: str = "overload"
    coordinator_role: str = COORDINATOR
    assistant_role: str = ASSISTANT
    solver: SolverSettings = field(default_factory=default_solver)
    staffing: StaffingSettings = field(default_factory=lambda: StaffingSettings(time_limit=30.0))
    allowance: LeaveAllowance = field(default_factory=LeaveAllowance)
    workers: int = 2  # shelters solved at once (processes)
    resilience: ResilienceSettings | None = None  # None: the sick calls are not simulated
    months_share: float = 1.0  # --year: share of the months whose structural gap posts close

    def __post_init__(self) -> None:
        roles = [candidate.role for candidate in self.candidates]
        if len(roles) != len(set(roles)):
            raise ValueError("one candidate post per role")
        if self.workers < 1:
            raise ValueError("workers must be at least 1")
        if not 0 < self.months_share <= 1:
            raise ValueError("months_share: a share above 0 and at most 1")
        if self.coordination_by_other_roles not in COORDINATION_MODES:
            raise ValueError(f"coordination_by_other_roles: one of {', '.join(COORDINATION_MODES)}")

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
