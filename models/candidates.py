"""Who could take one uncovered shift: everyone ranked by cost, or the rule that stops her.

For each active person: add the shift to a copy of the roster and ask the independent
validator which hard rules her schedule now breaks that it did not break before. None:
she is a candidate, and her cost is what the roster loses by the change, in the soft
rules' own weighted points (models.rules): hours against her contract (S3), fairness of
nights and weekends (S4), requests (S5), patterns (S6), stability against the published
roster (S7) and coverage elsewhere (S1, S2: the cover of this shift is the same whoever
takes it, and is left out). Some: she is blocked, and the rules are the reasons.

A person already on another shift that day may still be a candidate if moving her is
legal: that is a knock-on change, and its cost includes the coverage her old shift
loses (S1's 1000 points an hour when it falls below its minimum). Ties in cost go to the
person with the longer rest around the shift. Pure Python, no solver.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from models.problem import PlanningProblem
from models.roster import Assignment, Roster
from models.validator.report import Violation
from models.validator.soft_coverage import score_coverage_desired, score_coverage_minimum
from models.validator.validate import hard_violations, soft_results

# What stops a person, in the coordinator's words (Spanish), by hard-rule code.
BLOCKERS_ES = {
    "H1": "No está calificada",
    "H2": "Ya tiene turno ese día",
    "H3": "Descanso mínimo entre turnos",
    "H4": "Descanso semanal",
    "H5": "Límite de horas semanales",
    "H6": "Ausente",
    "H7": "Días o noches consecutivos",
    "H8": "Turno fijado",
    "H10": "Sus límites de trabajo",
    "H11": "Sucesión de turnos prohibida",
}

# What a candidate costs, grouped for the coordinator (Spanish), by soft-rule code.
COSTS_ES = {
    "S1": "Cobertura",
    "S2": "Cobertura",
    "S3": "Horas frente al contrato",
    "S4": "Equidad",
    "S5": "Preferencias",
    "S6": "Patrones",
    "S7": "Estabilidad",
}


@dataclass(frozen=True)
class Blocker:
    """A hard rule that stops the person, with the validator's message."""

    rule: str
    label: str
    message: str


@dataclass(frozen=True)
class Candidate:
    """One person for the shift: her cost (lower is better) or what blocks her.

    ``costs`` are weighted soft-penalty changes by rule code (negative: the roster gets
    better, e.g. she is below her contract hours); ``moves_from`` is her shift that day
    she would leave (a knock-on change); ``rest_hours`` the shorter rest before or after
    the shift (None without a neighbouring shift in view).
    """

    staff_id: str
    name: str
    primary_role: str
    blockers: tuple[Blocker, ...] = ()
    costs: tuple[tuple[str, float], ...] = ()
    moves_from: Assignment | None = None
    rest_hours: float | None = None
    worked_hours: float = 0.0
    target_hours: float = 0.0

    @property
    def feasible(self) -> bool:
        return not self.blockers

    @property
    def cost(self) -> float:
        """The weighted soft-penalty change of assigning her (points)."""
        return sum(points for _, points in self.costs)


def _keys(violations: list[Violation]) -> set[tuple[str, tuple[date, ...], float]]:
    return {(v.rule, v.days, round(v.amount, 6)) for v in violations}


def _new_violations(
    problem: PlanningProblem, staff_id: str, before: list[Assignment], after: list[Assignment]
) -> list[Violation]:
    """Hard-rule violations of her schedule ``after`` that ``before`` did not have."""
    mine = replace(problem, locks=[a for a in problem.locks if a.staff_id == staff_id])
    label = (problem.shelter.code, problem.year, problem.month)
    old = _keys(hard_violations(mine, Roster(*label, before)))
    found = hard_violations(mine, Roster(*label, after))
    return [v for v in found if (v.rule, v.days, round(v.amount, 6)) not in old]


def _blockers(violations: list[Violation]) -> tuple[Blocker, ...]:
    seen: dict[str, Blocker] = {}
    for v in violations:
        seen.setdefault(v.rule, Blocker(v.rule, BLOCKERS_ES.get(v.rule, v.rule), v.message))
    return tuple(sorted(seen.values(), key=lambda b: int(b.rule[1:])))


def _rest_hours(problem: PlanningProblem, mine: list[Assignment], new: Assignment) -> float | None:
    """Hours between the new shift and her nearest shift before or after it (history too)."""
    shift = problem.shifts[new.shift]
    start, end = shift.starts_at(new.day), shift.ends_at(new.day)
    gaps: list[float] = []
    for other in [*problem.history_window(), *mine]:
        if (
            other.staff_id != new.staff_id
            or other.day == new.day
            or other.shift not in problem.shifts
        ):
            continue
        kind = problem.shifts[other.shift]
        begins, ends = kind.starts_at(other.day), kind.ends_at(other.day)
        gaps.append(_hours(ends, start) if ends <= start else _hours(end, begins))
    near = [g for g in gaps if g >= 0]
    return min(near) if near else None


def _hours(earlier: datetime, later: datetime) -> float:
    return (later - earlier).total_seconds() / 3600


def _costs(
    problem: PlanningProblem, roster: Roster, after: list[Assignment], base: dict[str, float]
) -> tuple[tuple[str, float], ...]:
    """Soft-penalty changes by rule, from the roster as it is to the roster ``after``."""
    changed = soft_results(problem, replace(roster, assignments=after))
    deltas = {code: changed[code].penalty - base[code] for code in base}
    return tuple((code, round(value, 3)) for code, value in deltas.items() if abs(value) > 1e-6)


def rank_candidates(
    problem: PlanningProblem, roster: Roster, day: date, shift: str, role: str
) -> list[Candidate]:
    """Everyone who does not already hold this shift: candidates by cost, then the blocked.

    Candidates come first, cheapest first (ties: longer rest first, then name); blocked
    people follow by name, each with every hard rule that stops her. The cover the shift
    itself gains is the same whoever takes it, so it is left out of every cost.
    """
    base = {code: result.penalty for code, result in soft_results(problem, roster).items()}
    wanted = Assignment("", day, shift, role, source="manual")
    filled = replace(roster, assignments=[*roster.assignments, wanted])  # whoever takes it
    base["S1"] = score_coverage_minimum(problem, filled).penalty
    base["S2"] = score_coverage_desired(problem, filled).penalty
    found = []
    for person in problem.staff:
        mine = [a for a in roster.assignments if a.staff_id == person.id]
        if any(a.day == day and (a.shift, a.role) == (shift, role) for a in mine):
            continue
        found.append(
            _judge(problem, roster, base, person.id, mine, replace(wanted, staff_id=person.id))
        )
    feasible = sorted(
        (c for c in found if c.feasible),
        key=lambda c: (round(c.cost, 3), -(c.rest_hours or 1e9), c.name),
    )
    return feasible + sorted((c for c in found if not c.feasible), key=lambda c: c.name)


def _judge(
    problem: PlanningProblem,
    roster: Roster,
    base: dict[str, float],
    staff_id: str,
    mine: list[Assignment],
    new: Assignment,
) -> Candidate:
    """One person: blocked by the rules her schedule would break, or her cost.

    If she already works that day, taking the shift means leaving hers (a knock-on
    change): blocked by H2 and by what the move would break, or a candidate for the move.
    """
    person = problem.staff_by_id[staff_id]
    same_day = [a for a in mine if a.day == new.day]
    kept = [a for a in mine if a.day != new.day]
    moved = same_day[0] if same_day else None
    broken = _new_violations(problem, staff_id, mine, [*kept, new])
    shifts = problem.shifts
    candidate = Candidate(
        staff_id,
        person.name,
        person.primary_role,
        worked_hours=round(sum(shifts[a.shift].minutes for a in mine if a.shift in shifts) / 60, 1),
        target_hours=round(problem.contract_target_minutes(person) / 60, 1),
    )
    if broken:
        busy = [] if moved is None else [_busy(moved)]
        return replace(candidate, blockers=(*busy, *_blockers(broken)))
    others = [a for a in roster.assignments if a.staff_id != staff_id]
    return replace(
        candidate,
        costs=_costs(problem, roster, [*others, *kept, new], base),
        moves_from=moved,
        rest_hours=_rest_hours(problem, kept, new),
    )


def _busy(moved: Assignment) -> Blocker:
    message = f"Ya trabaja el turno {moved.shift} ese día"
    return Blocker("H2", BLOCKERS_ES["H2"], message)
