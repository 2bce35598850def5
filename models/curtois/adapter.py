"""A Curtois & Qu instance as the product's own PlanningProblem, and rosters back and forth.

No second model: the benchmark's rules are general rules of the RuleSet. Mapping
(README rule -> product rule):
1 one shift a day -> H2; 2 cannot follow -> H11 ``forbidden_successions``; 3-8 ->
H10 per-person ``WorkLimits``; 9 days off -> H6 absences (leave); on/off requests ->
S5 with each request's weight (``requests.weight`` 1); cover -> explicit demand
(minimum = desired = requirement) counted in person-shifts (``coverage_unit``
"shifts"), S1 weight = weight under, over-coverage weight = weight over. Day 0 is
``CURTOIS_START``, a Monday; every shift starts at 00:00, so no two shifts overlap.
Rules the benchmark does not have are off: H3, H4, H5, H7, S3, S4, S6, S7.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date, time, timedelta

from models.coverage import Demand
from models.curtois.instance import CurtoisInstance
from models.limits import WorkLimits
from models.people import Absence, AbsenceKind, Request, Role, StaffMember
from models.problem import PlanningProblem
from models.roster import Assignment, Roster
from models.rules import RuleSet
from models.shelter import Shelter
from models.shifts import ShiftType
from models.validator.intervals import runs

CURTOIS_START = date(2029, 1, 1)  # a Monday, as the benchmark's day 0
ROLE = "ANY"
SHELTER_CODE = "CURTOIS"
OFF = {"enabled": False}


def to_problem(instance: CurtoisInstance, start: date = CURTOIS_START) -> PlanningProblem:
    """The instance as a PlanningProblem over ``instance.horizon`` days from ``start``."""
    if start.weekday() != 0:
        raise ValueError("el día 0 del benchmark es un lunes")
    days = [start + timedelta(days=offset) for offset in range(instance.horizon)]
    staff = [
        StaffMember(person.id, SHELTER_CODE, f"Empleado {person.id}", ROLE, (ROLE,))
        for person in instance.staff
    ]
    return PlanningProblem(
        shelter=Shelter(SHELTER_CODE, f"Curtois & Qu {instance.name}".strip(), "-", "-"),
        year=start.year,
        month=start.month,
        roles=[Role(ROLE, "Cualquier función", "Any role")],
        staff=staff,
        shift_types=_shift_types(instance),
        coverage=[],
        absences=_absences(instance, days),
        requests=_requests(instance, days),
        rules=benchmark_rules(instance),
        limits={person.id: _limits(instance, person.id) for person in instance.staff},
        explicit_demand=_demand(instance, days),
        start=start,
        horizon_days=instance.horizon,
    )


def benchmark_rules(instance: CurtoisInstance) -> RuleSet:
    """The RuleSet of the benchmark: its rules on, every other rule off."""
    under, over = cover_weights(instance)
    return RuleSet().with_changes(
        min_rest=OFF,
        weekly_rest=OFF,
        max_weekly_hours=OFF,
        max_consecutive=OFF,
        contract_hours=OFF,
        fairness=OFF,
        patterns=OFF,
        stability=OFF,
        forbidden_successions=tuple(
            (shift.id, banned)
            for shift in instance.shifts.values()
            for banned in sorted(shift.cannot_follow)
        ),
        coverage_unit="shifts",
        coverage_minimum={"enabled": True, "hard": False, "weight": float(under)},
        coverage_desired={"enabled": True, "hard": False, "weight": float(under)},
        over_coverage_weight=float(over),
        requests={"enabled": True, "hard": False, "weight": 1.0},
        someone_on_site=False,  # no floor in the benchmark's objective: no rows for it
    )


def cover_weights(instance: CurtoisInstance) -> tuple[int, int]:
    """The (under, over) cover weights, the same for every cover line (100 and 1 in all 24).

    Raises ``ValueError`` if they differ between lines, or if a (day, shift) has no
    cover line or two: the product's coverage weights are per rule set, not per cell.
    """
    weights = {(cover.weight_under, cover.weight_over) for cover in instance.cover}
    if len(weights) > 1:
        raise ValueError(f"pesos de cobertura distintos entre líneas: {sorted(weights)}")
    cells = Counter((cover.day, cover.shift) for cover in instance.cover)
    for day in range(instance.horizon):
        for shift_id in instance.shifts:
            if cells[(day, shift_id)] != 1:
                count = cells[(day, shift_id)]
                raise ValueError(
                    f"el turno {shift_id} del día {day} tiene {count} líneas de cobertura"
                )
    return weights.pop() if weights else (100, 1)


def _shift_types(instance: CurtoisInstance) -> list[ShiftType]:
    """One shift type per benchmark shift, starting at 00:00 (no overlaps, no rest rules)."""
    types = []
    for shift in instance.shifts.values():
        if not shift.id.isalnum():
            raise ValueError(f"turno {shift.id!r}: el producto admite solo letras y dígitos")
        types.append(ShiftType(shift.id, shift.id, time(0, 0), shift.minutes))
    return types


def _limits(instance: CurtoisInstance, staff_id: str) -> WorkLimits:
    """An employee's rules 3-8 as her WorkLimits."""
    person = instance.staff_by_id[staff_id]
    return WorkLimits(
        max_shifts_by_type=dict(person.max_shifts),
        min_minutes=person.min_total_minutes,
        max_minutes=person.max_total_minutes,
        max_consecutive_days=person.max_consecutive,
        min_consecutive_days=person.min_consecutive,
        min_consecutive_days_off=person.min_consecutive_days_off,
        max_weekends=person.max_weekends,
    )


def _absences(instance: CurtoisInstance, days: list[date]) -> list[Absence]:
    """Fixed days off as leave, one absence per run of consecutive days."""
    absences = []
    for staff_id, day_indexes in sorted(instance.days_off.items()):
        for run in runs(days[index] for index in day_indexes):
            absences.append(Absence(staff_id, AbsenceKind.LEAVE, run[0], run[-1], "Día libre"))
    return absences


def _requests(instance: CurtoisInstance, days: list[date]) -> list[Request]:
    """Shift-on and shift-off requests with their own weights."""
    wishes = [(request, True) for request in instance.on_requests]
    wishes += [(request, False) for request in instance.off_requests]
    return [
        Request(request.staff, days[request.day], on, request.shift, request.weight)
        for request, on in wishes
    ]


def _demand(instance: CurtoisInstance, days: list[date]) -> list[Demand]:
    """Each cover line as a demand with minimum = desired = requirement."""
    return [
        Demand(days[cover.day], cover.shift, ROLE, cover.requirement, cover.requirement)
        for cover in instance.cover
    ]


def to_roster(
    problem: PlanningProblem, cells: Mapping[tuple[str, int], str] | Iterable[tuple[str, int, str]]
) -> Roster:
    """A product Roster from benchmark cells {(staff, day): shift} or rows (staff, day, shift)."""
    if isinstance(cells, Mapping):
        rows = [(staff_id, day, shift) for (staff_id, day), shift in cells.items()]
    else:
        rows = list(cells)
    assignments = [
        Assignment(staff_id, problem.days[day], shift, ROLE) for staff_id, day, shift in rows
    ]
    return Roster(problem.shelter.code, problem.year, problem.month, assignments)


def roster_rows(roster: Roster, start: date = CURTOIS_START) -> list[tuple[str, int, str]]:
    """The roster as benchmark rows (staff, day index, shift), sorted; duplicates kept."""
    return sorted((a.staff_id, (a.day - start).days, a.shift) for a in roster.assignments)


def from_roster(
    instance: CurtoisInstance, roster: Roster, start: date = CURTOIS_START
) -> dict[tuple[str, int], str]:
    """The roster as benchmark cells {(staff, day index): shift} with the instance's ids.

    Raises ``ValueError`` on an assignment the instance cannot hold: an unknown
    employee or shift, a day outside the horizon, or two shifts in one cell (use
    ``roster_rows`` to keep those for the evaluator).
    """
    cells: dict[tuple[str, int], str] = {}
    staff = instance.staff_by_id
    for staff_id, day, shift in roster_rows(roster, start):
        if staff_id not in staff or shift not in instance.shifts:
            raise ValueError(f"empleado o turno desconocido: {staff_id}, {shift}")
        if not 0 <= day < instance.horizon or (staff_id, day) in cells:
            raise ValueError(f"día {day} fuera del horizonte o con dos turnos ({staff_id})")
        cells[(staff_id, day)] = shift
    return cells
