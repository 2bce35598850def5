"""Candidate new posts (plazas propuestas) and the people who would hold them.

The staffing model (optimizer/staffing.py) adds candidate posts to a month's problem as
proposed staff members under the same rules as everyone else. This module holds the
solver-free part: what a candidate is, the proposed staff member it becomes, and the
quick full-time-equivalent (FTE) estimate shown beside the proved recommendation.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from models.people import StaffMember
from models.problem import PlanningProblem

PROPOSED_MARK = "NUEVA"  # staff ids of proposed people: <shelter>-NUEVA-<role><nn>


@dataclass(frozen=True)
class CandidatePost:
    """A post HR may create: its role, the other roles its holder covers, contract and cost.

    ``monthly_cost`` is the employer's monthly cost in soles for the whole post
    (CAS by default). ``also`` lists extra qualifications, e.g. an operational
    assistant (AOP) also covers caregiver (CUI) shifts.
    """

    role: str
    monthly_cost: Decimal
    also: tuple[str, ...] = ()
    weekly_hours: float = 48.0
    night_work: bool = True
    regime: str = "CAS"

    def __post_init__(self) -> None:
        if not 0 < self.weekly_hours <= 48:
            raise ValueError(f"candidate {self.role}: weekly hours must be between 0 and 48")
        if self.monthly_cost < 0:
            raise ValueError(f"candidate {self.role}: monthly cost cannot be negative")
        if self.role in self.also:
            raise ValueError(f"candidate {self.role}: 'also' repeats the post's own role")

    @property
    def roles(self) -> tuple[str, ...]:
        """Every role the holder may cover, her own first."""
        return (self.role, *self.also)


def proposed_id(shelter_code: str, role: str, number: int) -> str:
    """The stable staff id of the ``number``-th proposed post of ``role`` (1-based)."""
    return f"{shelter_code}-{PROPOSED_MARK}-{role}{number:02d}"


def is_proposed(staff_id: str) -> bool:
    """True for the staff id of a proposed (not yet hired) person."""
    return f"-{PROPOSED_MARK}-" in staff_id


def proposed_member(candidate: CandidatePost, shelter_code: str, number: int) -> StaffMember:
    """The person who would hold the ``number``-th new post of ``candidate`` (no name yet)."""
    return StaffMember(
        id=proposed_id(shelter_code, candidate.role, number),
        shelter_code=shelter_code,
        name=f"Plaza propuesta {candidate.role} {number}",
        primary_role=candidate.role,
        roles=candidate.roles,
        weekly_hours=candidate.weekly_hours,
        night_work=candidate.night_work,
    )


def proposed_staff(
    shelter_code: str, hires: Iterable[tuple[CandidatePost, int]]
) -> list[StaffMember]:
    """``count`` proposed members for each candidate, numbered from 1 within its role."""
    return [
        proposed_member(candidate, shelter_code, number)
        for candidate, count in hires
        for number in range(1, count + 1)
    ]


def with_proposed_staff(
    problem: PlanningProblem, hires: Iterable[tuple[CandidatePost, int]]
) -> PlanningProblem:
    """A copy of ``problem`` whose staff also holds the proposed members of ``hires``."""
    extra = proposed_staff(problem.shelter.code, hires)
    return replace(problem, staff=[*problem.staff, *extra])


def minimum_demand_hours(problem: PlanningProblem) -> float:
    """The month's minimum demand in person-hours (the denominator of coverage %)."""
    return sum(need.minimum * problem.shifts[need.shift].minutes / 60 for need in problem.demand)


def monthly_capacity_hours(problem: PlanningProblem, weekly_hours: float = 48.0) -> float:
    """Contracted hours of one full month for a person with no absence (S3's target)."""
    probe = StaffMember("probe", problem.shelter.code, "", "X", ("X",), weekly_hours)
    return problem.contract_target_minutes(probe) / 60


def fte_estimate(uncovered_by_role: Mapping[str, float], capacity_hours: float) -> dict[str, float]:
    """The quick estimate: uncovered hours of each role divided by one person's month."""
    if capacity_hours <= 0:
        return {role: math.inf for role in uncovered_by_role}
    return {role: hours / capacity_hours for role, hours in uncovered_by_role.items() if hours}
