"""The benchmark's own judge: hard rules 1-9 and the official objective of a roster.

A second, independent reading of benchmarks/curtois/README.md: it knows
only the instance and the roster (no PlanningProblem, no validator, no adapter), so
that agreeing with the product's validator means something. Rules 6 and 7 do not
apply to a run that touches day 0 or day H-1 (the README's reading).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from models.curtois.instance import CurtoisInstance, CurtoisStaff

Cell = tuple[str, int]  # (staff id, day index)
Rows = Iterable[tuple[str, int, str]]  # (staff id, day index, shift id)


@dataclass(frozen=True)
class CurtoisViolation:
    """One breach of hard rule ``rule`` (1-9) by one employee on some days."""

    rule: int
    staff: str
    days: tuple[int, ...]
    message: str


@dataclass
class CurtoisEvaluation:
    """The official objective, its parts, and the hard-rule violations of a roster."""

    objective: int
    violations: list[CurtoisViolation] = field(default_factory=list)
    breakdown: dict[str, int] = field(default_factory=dict)

    @property
    def is_feasible(self) -> bool:
        """True when no hard rule is broken."""
        return not self.violations


def evaluate(instance: CurtoisInstance, roster: Mapping[Cell, str] | Rows) -> CurtoisEvaluation:
    """Check rules 1-9 and compute the objective of a roster given as cells or rows.

    ``roster`` maps (staff, day) to a shift id, or lists (staff, day, shift) rows (rows
    may hold two shifts on one day, which breaks rule 1). Unknown ids or days outside
    the horizon raise ``ValueError``: such a roster is not about this instance.
    """
    rows = _rows(instance, roster)
    work: dict[Cell, list[str]] = {}
    for staff_id, day, shift_id in rows:
        work.setdefault((staff_id, day), []).append(shift_id)
    violations = []
    for person in instance.staff:
        violations += _person_violations(instance, person, work)
    breakdown = _breakdown(instance, work)
    return CurtoisEvaluation(sum(breakdown.values()), violations, breakdown)


def _rows(
    instance: CurtoisInstance, roster: Mapping[Cell, str] | Rows
) -> list[tuple[str, int, str]]:
    """The roster as rows, each checked against the instance."""
    if isinstance(roster, Mapping):
        rows = [(staff_id, day, shift_id) for (staff_id, day), shift_id in roster.items()]
    else:
        rows = [(staff_id, day, shift_id) for staff_id, day, shift_id in roster]
    staff = {person.id for person in instance.staff}
    for staff_id, day, shift_id in rows:
        if staff_id not in staff or shift_id not in instance.shifts:
            raise ValueError(f"empleado o turno desconocido: {staff_id}, {shift_id}")
        if not 0 <= day < instance.horizon:
            raise ValueError(f"día {day} fuera del horizonte 0-{instance.horizon - 1}")
    return rows


Week = dict[int, list[str]]  # day index -> the shifts one employee works that day


def _person_violations(
    instance: CurtoisInstance, person: CurtoisStaff, work: dict[Cell, list[str]]
) -> list[CurtoisViolation]:
    """Rules 1-9 for one employee."""
    days = {day: work.get((person.id, day), []) for day in range(instance.horizon)}
    found = []
    for rules in (_rules_1_2, _rules_3_4, _rules_5_to_7, _rules_8_9):
        found += [
            CurtoisViolation(rule, person.id, tuple(sorted(on_days)), message)
            for rule, on_days, message in rules(instance, person, days)
        ]
    return found


Breach = tuple[int, Iterable[int], str]  # (rule, days, message)


def _rules_1_2(instance: CurtoisInstance, person: CurtoisStaff, days: Week) -> list[Breach]:
    """Rule 1: one shift a day; rule 2: no shift in its predecessor's cannot-follow list."""
    found: list[Breach] = []
    for day, shifts in days.items():
        if len(shifts) > 1:
            found.append((1, [day], f"{len(shifts)} turnos el día {day}"))
        for first in shifts:
            for then in days.get(day + 1, []):
                if then in instance.shifts[first].cannot_follow:
                    found.append((2, [day, day + 1], f"{then} no puede seguir a {first}"))
    return found


def _rules_3_4(instance: CurtoisInstance, person: CurtoisStaff, days: Week) -> list[Breach]:
    """Rule 3: at most MaxShifts of each type; rule 4: total minutes within the bounds."""
    found: list[Breach] = []
    counts = Counter(shift for shifts in days.values() for shift in shifts)
    for shift_id, cap in person.max_shifts.items():
        if counts[shift_id] > cap:
            on_days = [day for day, shifts in days.items() if shift_id in shifts]
            found.append((3, on_days, f"{counts[shift_id]} turnos {shift_id} (máximo {cap})"))
    minutes = sum(instance.shifts[shift].minutes for shift in counts.elements())
    if not person.min_total_minutes <= minutes <= person.max_total_minutes:
        bounds = f"{person.min_total_minutes}-{person.max_total_minutes}"
        found.append((4, [], f"{minutes} minutos (límites {bounds})"))
    return found


def _rules_5_to_7(instance: CurtoisInstance, person: CurtoisStaff, days: Week) -> list[Breach]:
    """Rules 5-7: longest work run, shortest work run, shortest run of days off.

    A run touching day 0 or day H-1 is exempt from rules 6 and 7.
    """
    horizon = instance.horizon
    found: list[Breach] = []
    for start, length, is_work in _blocks([bool(days[day]) for day in range(horizon)]):
        block, size = range(start, start + length), _days(length)
        inner = start > 0 and start + length < horizon
        if is_work and length > person.max_consecutive:
            found.append(
                (5, block, f"racha de trabajo de {size} (máximo {person.max_consecutive})")
            )
        if is_work and inner and length < person.min_consecutive:
            found.append(
                (6, block, f"racha de trabajo de {size} (mínimo {person.min_consecutive})")
            )
        minimum_off = person.min_consecutive_days_off
        if not is_work and inner and length < minimum_off:
            found.append((7, block, f"racha libre de {size} (mínimo {minimum_off})"))
    return found


def _rules_8_9(instance: CurtoisInstance, person: CurtoisStaff, days: Week) -> list[Breach]:
    """Rule 8: at most MaxWeekends weekends (days 7k+5, 7k+6) worked; rule 9: days off."""
    found: list[Breach] = []
    weekends = [
        [day for day in (7 * k + 5, 7 * k + 6) if days.get(day)]
        for k in range((instance.horizon + 1) // 7)
    ]
    worked = [weekend for weekend in weekends if weekend]
    if len(worked) > person.max_weekends:
        on_days = [day for weekend in worked for day in weekend]
        found.append((8, on_days, f"{len(worked)} fines de semana (máximo {person.max_weekends})"))
    for day in sorted(instance.days_off.get(person.id, frozenset())):
        if days[day]:
            found.append((9, [day], f"trabaja el día libre {day}"))
    return found


def _days(count: int) -> str:
    """``1 día`` or ``n días``."""
    return "1 día" if count == 1 else f"{count} días"


def _blocks(worked: list[bool]) -> list[tuple[int, int, bool]]:
    """Maximal blocks of equal values: (first day, length, worked)."""
    blocks: list[tuple[int, int, bool]] = []
    for day, value in enumerate(worked):
        if blocks and blocks[-1][2] == value:
            start, length, _ = blocks[-1]
            blocks[-1] = (start, length + 1, value)
        else:
            blocks.append((day, 1, value))
    return blocks


def _breakdown(instance: CurtoisInstance, work: dict[Cell, list[str]]) -> dict[str, int]:
    """The objective's four parts: unmet on requests, met off requests, under and over cover."""
    on = sum(
        r.weight for r in instance.on_requests if r.shift not in work.get((r.staff, r.day), [])
    )
    off = sum(r.weight for r in instance.off_requests if r.shift in work.get((r.staff, r.day), []))
    present = Counter((day, shift) for (_, day), shifts in work.items() for shift in shifts)
    under = over = 0
    for cover in instance.cover:
        count = present[(cover.day, cover.shift)]
        under += cover.weight_under * max(0, cover.requirement - count)
        over += cover.weight_over * max(0, count - cover.requirement)
    return {"on_requests": on, "off_requests": off, "under": under, "over": over}
