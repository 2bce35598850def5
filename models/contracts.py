"""Each person's month against her contract: worked hours, nights, weekend days, and why a
person left more than ``rules.contract_tolerance`` under or over her contract is there.

The reason is the first explanation that holds, tried in order: the weekly hours cap, her
absences, her working pattern, too few shifts of her roles, those shifts already covered,
and otherwise the other rules (rest, patterns, wishes). Over her contract: she holds a
shift that would fall below the minimum without her, or the other rules.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from models.people import StaffMember
from models.problem import PlanningProblem
from models.roster import Roster
from models.validator.soft_people import month_tally

REASONS_ES = {
    "weekly_cap": "el tope de horas semanales no alcanza para su contrato",
    "absences": "sus ausencias dejan pocos días de trabajo",
    "pattern": "su patrón de trabajo no da más horas",
    "no_demand": "no hay suficientes turnos de sus funciones en sus días",
    "no_open_shifts": "los turnos de sus funciones ya están cubiertos por otras personas",
    "other_rules": "los descansos, los patrones o las preferencias lo impiden",
    "needed_for_minimum": "cubre turnos que sin ella quedarían bajo el mínimo",
}


@dataclass(frozen=True)
class ContractLine:
    """One person's month: worked and contracted hours, nights, weekend days, and why."""

    staff_id: str
    worked_hours: float
    target_hours: float
    nights: int
    weekend_days: int
    reason: str | None = None  # a REASONS_ES key when off by more than the tolerance

    @property
    def deviation(self) -> float:
        """(worked - target) / target; 0 when the target is 0."""
        if not self.target_hours:
            return 0.0
        return (self.worked_hours - self.target_hours) / self.target_hours

    @property
    def listed(self) -> bool:
        return self.reason is not None

    @property
    def reason_es(self) -> str:
        return REASONS_ES.get(self.reason or "", "")

    def to_dict(self) -> dict:
        """Plain JSON-ready values (docs/roster-json.md, ``contracts``)."""
        return {
            "staff_id": self.staff_id,
            "worked_hours": round(self.worked_hours, 2),
            "target_hours": round(self.target_hours, 2),
            "deviation": round(self.deviation, 4),
            "nights": self.nights,
            "weekend_days": self.weekend_days,
            "reason": self.reason,
            "reason_es": self.reason_es or None,
        }


def contract_lines(problem: PlanningProblem, roster: Roster) -> list[ContractLine]:
    """Every active person's line, in staff order."""
    worked: dict[str, float] = defaultdict(float)
    for assignment in roster.assignments:
        shift = problem.shifts.get(assignment.shift)
        if shift is not None:
            worked[assignment.staff_id] += shift.worked_minutes / 60
    found = []
    for person in problem.staff:
        if not person.active:
            continue
        target = problem.contract_target_minutes(person) / 60
        tally = month_tally(problem, roster, person.id)
        hours = worked[person.id]
        off = abs(hours - target) > problem.rules.contract_tolerance * target
        why = reason(problem, roster, person, hours, target) if off else None
        found.append(ContractLine(person.id, hours, target, tally.nights, tally.weekend_days, why))
    return found


def reason(
    problem: PlanningProblem, roster: Roster, person: StaffMember, hours: float, target: float
) -> str:
    """Why she is that far from her contract (a REASONS_ES key)."""
    if hours > target:
        return "needed_for_minimum" if holds_a_minimum(problem, roster, person) else "other_rules"
    floor = (1 - problem.rules.contract_tolerance) * target
    for why, limits in (
        ("weekly_cap", ()),
        ("absences", ("absences",)),
        ("pattern", ("absences", "pattern")),
        ("no_demand", ("absences", "pattern", "demand")),
    ):
        if capacity(problem, person, limits) < floor:
            return why
    return "no_open_shifts" if not open_shifts(problem, roster, person) else "other_rules"


def capacity(problem: PlanningProblem, person: StaffMember, limits: tuple[str, ...]) -> float:
    """The most hours she could work in the month under ``limits``, week by week.

    A day offers the longest worked hours of a shift she may take on it; a calendar week
    at most its ``max_consecutive_days`` best days and the weekly hours cap.
    """
    rules = problem.rules
    absent = problem.absent_days(person.id) if "absences" in limits else set()
    demand = {(n.day, n.shift) for n in problem.demand if n.role in person.roles}
    threshold = rules.night_shift_threshold_minutes
    weeks: dict[date, list[float]] = {}
    for day in problem.days:
        offers = [
            shift.worked_hours
            for shift in problem.shift_types
            if day not in absent
            and ("demand" not in limits or (day, shift.code) in demand)
            and ("demand" not in limits or person.night_work or not shift.is_night(threshold))
            and (
                "pattern" not in limits
                or person.working_pattern.allows(
                    day, shift.is_night(threshold), day in problem.holidays
                )
            )
        ]
        weeks.setdefault(day - timedelta(days=day.weekday()), []).append(max(offers, default=0.0))
    days_a_week = min(rules.max_consecutive_days, 7)
    return sum(
        min(rules.weekly_hours_cap, sum(sorted(offers, reverse=True)[:days_a_week]))
        for offers in weeks.values()
    )


def coverage_counts(roster: Roster) -> Counter[tuple[date, str, str]]:
    return Counter((a.day, a.shift, a.role) for a in roster.assignments)


def open_shifts(problem: PlanningProblem, roster: Roster, person: StaffMember) -> bool:
    """Whether a shift of her roles, on a day she is free and present, is below desired."""
    counts = coverage_counts(roster)
    busy = {a.day for a in roster.assignments if a.staff_id == person.id}
    absent = problem.absent_days(person.id)
    return any(
        need.role in person.roles
        and need.day not in busy | absent
        and counts[(need.day, need.shift, need.role)] < need.desired
        for need in problem.demand
    )


def holds_a_minimum(problem: PlanningProblem, roster: Roster, person: StaffMember) -> bool:
    """Whether one of her shifts is covered at or below its minimum (without her, a gap)."""
    counts = coverage_counts(roster)
    minimum = {(n.day, n.shift, n.role): n.minimum for n in problem.demand}
    return any(
        counts[(a.day, a.shift, a.role)] <= minimum.get((a.day, a.shift, a.role), 0)
        for a in roster.assignments
        if a.staff_id == person.id
    )
