"""The domain of the shelter staffing planner: typed, solver-free, storage-free.

Everything here is plain Python (dataclasses and the standard library, plus the
``holidays`` package for the Peru calendar). The optimiser, the storage layer,
the web app and the exports all speak these types.
"""

from models.calendar import LIMA, PeruCalendar
from models.coverage import CoverageRule, DayClass, Demand, Tier
from models.limits import WorkLimits
from models.network import NetworkData, ShelterData
from models.people import (
    Absence,
    AbsenceKind,
    Post,
    PostStatus,
    Request,
    Role,
    StaffMember,
)
from models.problem import FairnessTally, PlanningProblem
from models.progress import Progress, SolveControl
from models.report import Infeasibility, PhaseReport, PlanResult, SolveReport
from models.roster import Assignment, Gap, Roster, RosterStatus
from models.rules import RULES, RuleInfo, RuleSet, RuleSetting
from models.shelter import Shelter
from models.shifts import ShiftType

__all__ = [
    "LIMA",
    "Absence",
    "AbsenceKind",
    "Assignment",
    "CoverageRule",
    "DayClass",
    "FairnessTally",
    "Infeasibility",
    "Demand",
    "Gap",
    "NetworkData",
    "PeruCalendar",
    "PhaseReport",
    "PlanResult",
    "PlanningProblem",
    "Post",
    "PostStatus",
    "Progress",
    "Request",
    "Role",
    "RULES",
    "Roster",
    "RosterStatus",
    "RuleInfo",
    "RuleSet",
    "RuleSetting",
    "Shelter",
    "ShelterData",
    "ShiftType",
    "SolveControl",
    "SolveReport",
    "StaffMember",
    "Tier",
    "WorkLimits",
]
