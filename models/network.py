"""Bundles of domain objects: one shelter's standing data, and a whole network's."""

from __future__ import annotations

from dataclasses import dataclass, field

from models.coverage import CoverageRule
from models.occupancy import Occupancy, occupancy_of
from models.people import Absence, Post, Request, Role, StaffMember
from models.problem import FairnessTally, PlanningProblem
from models.roster import Assignment
from models.rules import RuleSet
from models.shelter import Shelter
from models.shifts import ShiftType


@dataclass
class ShelterData:
    """Everything a shelter keeps between months: posts, staff, shifts, coverage, wishes, rules
    and the residents it expects each month."""

    shelter: Shelter
    posts: list[Post] = field(default_factory=list)
    staff: list[StaffMember] = field(default_factory=list)
    shift_types: list[ShiftType] = field(default_factory=list)
    coverage: list[CoverageRule] = field(default_factory=list)
    absences: list[Absence] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    rules: RuleSet = field(default_factory=RuleSet)
    occupancy: list[Occupancy] = field(default_factory=list)  # expected residents per month

    def problem(
        self,
        roles: list[Role],
        year: int,
        month: int,
        history: list[Assignment] | None = None,
        locks: list[Assignment] | None = None,
        reference: list[Assignment] | None = None,
        tallies: dict[str, FairnessTally] | None = None,
    ) -> PlanningProblem:
        """The planning problem of one month, keeping only the active staff."""
        return PlanningProblem(
            shelter=self.shelter,
            year=year,
            month=month,
            roles=roles,
            staff=[person for person in self.staff if person.active],
            shift_types=list(self.shift_types),
            coverage=list(self.coverage),
            absences=list(self.absences),
            requests=list(self.requests),
            rules=self.rules,
            history=list(history or []),
            locks=list(locks or []),
            reference=list(reference or []),
            tallies=dict(tallies or {}),
            occupancy=occupancy_of(self.occupancy, year, month),
        )


@dataclass
class NetworkData:
    """The roles shared by the network and each shelter's data."""

    roles: list[Role]
    shelters: list[ShelterData]
