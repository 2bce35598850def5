"""What a solve returns: the roster and an honest, typed report of how it was found.

Plain dataclasses, no solver types: the optimiser fills them, the CLI, the exports and the
web app read them by attribute; ``SolveReport.to_dict`` gives the JSON the roster document
and the stored versions carry (docs/roster-json.md), ``SolveReport.from_dict`` reads it back.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any

from models.roster import Roster

log = logging.getLogger(__name__)
OPTIMAL, FEASIBLE, NONE, SKIPPED = "optimal", "feasible", "none", "skipped"
PRICED = "priced"  # optional cover: priced in phase 2, not minimised apart
TOLERANCE = 1e-6  # objective and bound closer than this agree, whatever the gaps ...
RELATIVE_TOLERANCE = 1e-9  # ... or than this share of the objective (floating-point noise)


def within_gap(
    objective: float | None,
    bound: float | None,
    gap_limit: float | None,
    gap_abs: float | None = None,
) -> bool:
    """True when ``bound`` proves ``objective`` (a minimum) within the relative gap
    ``gap_limit`` or the absolute gap ``gap_abs``: objective - bound <= max(gap_abs,
    gap_limit x |objective|, 1e-6, 1e-9 x |objective|)."""
    if objective is None or bound is None:
        return False
    allowed = max(TOLERANCE, RELATIVE_TOLERANCE * abs(objective), gap_abs or 0.0)
    allowed = max(allowed, (gap_limit or 0.0) * abs(objective))
    return objective - bound <= allowed * (1 + 1e-9)


def honest_status(
    status: str,
    objective: float | None,
    bound: float | None,
    gap_limit: float | None,
    gap_abs: float | None = None,
) -> str:
    """The status a phase may report: "optimal" only when its bound proves its objective."""
    if status == OPTIMAL and not within_gap(objective, bound, gap_limit, gap_abs):
        return FEASIBLE
    return status


@dataclass
class PhaseReport:
    """One phase of the solve (coverage and quality, or the one weighted phase).

    ``status`` is "optimal" (proven within the phase's gap), "feasible" (a solution,
    not proven: time limit), "none" (no solution) or "skipped" (nothing to minimise).
    Every report checks its own claim here, whichever path made it: "optimal" stands
    only when ``best_bound`` proves ``objective`` within ``gap_limit`` (relative) or
    ``gap_abs`` (absolute: the objective moves in steps, so a bound within one step
    proves it); otherwise it reads "feasible".
    """

    name: str
    status: str
    objective: float | None = None
    best_bound: float | None = None
    mip_gap: float | None = None
    solve_seconds: float = 0.0
    gap_limit: float | None = None  # the relative gap the solver was asked to reach
    gap_abs: float | None = None  # the absolute gap it was asked to reach, if any

    def __post_init__(self) -> None:
        status = honest_status(
            self.status, self.objective, self.best_bound, self.gap_limit, self.gap_abs
        )
        if status != self.status:
            log.warning(
                "phase %s: objective %s and bound %s disagree: %s, not %s",
                *(self.name, self.objective, self.best_bound, status, self.status),
            )
            self.status = status

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PhaseReport:
        """A phase read back from ``to_dict`` (unknown keys ignored)."""
        known = {item.name for item in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})


@dataclass
class TierReport:
    """One coverage tier's uncovered cover and its proof (phase 1's lexicographic steps).

    ``uncovered`` is the returned roster's shortfall of the tier and ``bound`` the proven
    least shortfall any legal roster has given the tiers above it, both in ``unit``
    (person-"hours", or person-"shifts"). ``status`` is "optimal" only when the bound
    proves the shortfall (within ``gap_abs``: the shortfall moves in steps), "feasible"
    (not proven: time limit), "skipped" (the tier has no minimum, or the solve stopped
    before it) or "priced" (optional cover: not minimised apart but priced in phase 2
    below one request, so its bound is not a proof).
    """

    tier: str
    status: str
    uncovered: float = 0.0
    bound: float | None = None
    unit: str = "hours"
    solve_seconds: float = 0.0
    gap_abs: float | None = None

    def __post_init__(self) -> None:
        status = honest_status(self.status, self.uncovered, self.bound, 0.0, self.gap_abs)
        if status != self.status:
            log.warning(
                "tier %s: uncovered %s and bound %s disagree: %s, not %s",
                *(self.tier, self.uncovered, self.bound, status, self.status),
            )
            self.status = status

    @property
    def proven(self) -> bool:
        """True when the bound proves the tier's shortfall is the least possible."""
        return self.status == OPTIMAL

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TierReport:
        """A tier read back from ``to_dict`` (unknown keys ignored)."""
        known = {item.name for item in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})


@dataclass
class UnstaffedReport(TierReport):
    """Phase 1's step between the essential and the normal tier: the time nobody at all is
    on site (models.on_site), tier "unstaffed".

    ``uncovered`` is the returned roster's time with nobody on site, counted by the
    independent validator in ``unit``, and ``shifts`` how many shifts that is; ``bound``
    is the proven least any legal roster leaves given the essential tier; the status
    reads as a tier's (proven only when the bound proves it).
    """

    shifts: int = 0


@dataclass(frozen=True)
class Infeasibility:
    """A person for whom locks or history make a hard rule impossible on some dates."""

    rule: str
    staff_id: str
    days: tuple[date, ...]
    message: str  # in Spanish, with the dates as dd/mm/yyyy

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values (days as ISO dates)."""
        return {
            "rule": self.rule,
            "staff_id": self.staff_id,
            "days": [day.isoformat() for day in self.days],
            "message": self.message,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Infeasibility:
        """An infeasibility read back from ``to_dict``."""
        days = tuple(date.fromisoformat(day) for day in data.get("days", []))
        return cls(data["rule"], data["staff_id"], days, data.get("message", ""))


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
    infeasibilities: list[Infeasibility] = field(default_factory=list)
    cancelled: bool = False  # the caller stopped the solve: the best roster found by then
    tiers: list[TierReport] = field(default_factory=list)  # uncovered cover and proof per tier
    unstaffed: UnstaffedReport | None = None  # nobody on site, and its proof (rule on)

    @property
    def objective(self) -> float:
        """The total weighted penalty of the returned roster."""
        return sum(self.penalties.values())

    @property
    def last_phase(self) -> PhaseReport | None:
        """The phase whose roster was returned (quality or weighted), if any ran."""
        return self.phases[-1] if self.phases else None

    def phase(self, name: str) -> PhaseReport:
        """The report of one phase by name ("coverage" or "quality")."""
        return next(phase for phase in self.phases if phase.name == name)

    def tier(self, name: str) -> TierReport | None:
        """The report of one coverage tier ("essential", "normal", "optional"), if any."""
        return next((item for item in self.tiers if item.tier == name), None)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        data = asdict(self)
        data["infeasibilities"] = [item.to_dict() for item in self.infeasibilities]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SolveReport:
        """A report read back from ``to_dict`` (unknown keys ignored, missing ones default)."""
        known = {item.name for item in fields(cls)} - {"phases", "infeasibilities", "tiers"}
        given = {key: value for key, value in data.items() if key in known}
        if given.get("unstaffed") is not None:
            given["unstaffed"] = UnstaffedReport.from_dict(given["unstaffed"])
        return cls(
            **{"status": NONE, "solver": "", **given},
            phases=[PhaseReport.from_dict(phase) for phase in data.get("phases", [])],
            infeasibilities=[
                Infeasibility.from_dict(item) for item in data.get("infeasibilities", [])
            ],
            tiers=[TierReport.from_dict(item) for item in data.get("tiers", [])],
        )


@dataclass
class PlanResult:
    """A planned month: the roster (with gaps and their reasons) and the solve report."""

    roster: Roster
    report: SolveReport
