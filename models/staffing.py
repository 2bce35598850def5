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

PROPOSED_MARK = "NUEVA"  # staff ids of proposed people: <shelter>-NUEVA-<key><nn>
VACANCY_MARK = "V"  # the key of a vacant post's candidate: V<role>


@dataclass(frozen=True)
class CandidatePost:
    """A post HR may create: its role, the other roles its holder covers, contract and cost.

    ``monthly_cost`` is the employer's monthly cost in soles for the whole post
    (CAS by default: pay plus employer charges, models.costs). ``also`` lists extra
    qualifications, e.g. an operational assistant (AOP) also covers caregiver (CUI) and
    educator (EDU) shifts. A ``vacancy`` is one of the shelter's vacant posts, already
    budgeted: at most ``max_count`` of them, filled before any new post of the same cost.
    """

    role: str
    monthly_cost: Decimal
    also: tuple[str, ...] = ()
    weekly_hours: float = 48.0
    night_work: bool = True
    regime: str = "CAS"
    vacancy: bool = False
    max_count: int | None = None

    def __post_init__(self) -> None:
        if not 0 < self.weekly_hours <= 48:
            raise ValueError(f"candidate {self.role}: weekly hours must be between 0 and 48")
        if self.monthly_cost < 0:
            raise ValueError(f"candidate {self.role}: monthly cost cannot be negative")
        if self.role in self.also:
            raise ValueError(f"candidate {self.role}: 'also' repeats the post's own role")

    @property
    def key(self) -> str:
        """The candidate's key in hires and staff ids: its role, "V" + role for a vacancy."""
        return f"{VACANCY_MARK}{self.role}" if self.vacancy else self.role

    @property
    def roles(self) -> tuple[str, ...]:
        """Every role the holder may cover, her own first."""
        return (self.role, *self.also)


def proposed_id(shelter_code: str, key: str, number: int) -> str:
    """The stable staff id of the ``number``-th proposed post of candidate ``key`` (1-based)."""
    return f"{shelter_code}-{PROPOSED_MARK}-{key}{number:02d}"


def proposed_count(problem: PlanningProblem, key: str) -> int:
    """Proposed members of candidate ``key`` already on the problem's staff."""
    prefix = proposed_id(problem.shelter.code, key, 0)[:-2]
    return sum(
        1 for p in problem.staff if p.id[: len(prefix)] == prefix and p.id[len(prefix) :].isdigit()
    )


def is_proposed(staff_id: str) -> bool:
    """True for the staff id of a proposed (not yet hired) person."""
    return f"-{PROPOSED_MARK}-" in staff_id


def proposed_member(candidate: CandidatePost, shelter_code: str, number: int) -> StaffMember:
    """The person who would hold the ``number``-th new post of ``candidate`` (no name yet)."""
    return StaffMember(
        id=proposed_id(shelter_code, candidate.key, number),
        shelter_code=shelter_code,
        name=f"Plaza propuesta {candidate.role} {number}",
        primary_role=candidate.role,
        roles=candidate.roles,
        weekly_hours=candidate.weekly_hours,
        night_work=candidate.night_work,
    )


def proposed_staff(
    shelter_code: str, hires: Iterable[tuple[CandidatePost, int]], first: Mapping[str, int]
) -> list[StaffMember]:
    """``count`` proposed members for each candidate, numbered from ``first[key]`` (1)."""
    return [
        proposed_member(candidate, shelter_code, first.get(candidate.key, 1) + offset)
        for candidate, count in hires
        for offset in range(count)
    ]


def with_proposed_staff(
    problem: PlanningProblem, hires: Iterable[tuple[CandidatePost, int]]
) -> PlanningProblem:
    """A copy of ``problem`` whose staff also holds the proposed members of ``hires``
    (numbered after the proposed members it already holds)."""
    hires = list(hires)
    first = {c.key: proposed_count(problem, c.key) + 1 for c, _ in hires}
    extra = proposed_staff(problem.shelter.code, hires, first)
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
