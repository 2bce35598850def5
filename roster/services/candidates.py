"""Who could cover one shift of a month's current roster: what the coordinator sees when she
clicks a red coverage cell (models.candidates ranks them)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.orm import Session

from models import Roster
from models.candidates import Candidate, rank_candidates
from models.validator import coverage_gaps
from roster.services.editing import merged_gaps, token_of
from roster.services.errors import InvalidInput
from roster.services.labels import day_es
from roster.services.lookup import shelter_row
from roster.services.planning import planning_problem
from roster.services.rosters import get_roster, latest_row


@dataclass(frozen=True)
class ShiftCandidates:
    """One role on one shift of one day: its cover, the gap's reason code, everyone ranked."""

    day: date
    shift: str
    role: str
    needed: int
    assigned: int
    missing: int
    reason: str | None
    version: int | None
    candidates: list[Candidate]
    token: tuple[int, int] = (0, 0)  # the month's newest (version, revision), for an edit


def _role_for(problem_demand: list[tuple[str, int, int]], role: str | None) -> str:
    """The role asked for, else the first one short on the shift, else the first needed."""
    if role is not None:
        return role
    short = [code for code, minimum, count in problem_demand if count < minimum]
    return (short or [code for code, _, _ in problem_demand])[0]


def shift_candidates(
    session: Session,
    shelter_code: str,
    day: date,
    shift: str,
    role: str | None = None,
    version: int | None = None,
) -> ShiftCandidates:
    """Candidates for ``shift`` on ``day`` in the month's newest version (or ``version``).

    Without ``role``, the role the shift is short of (or the first it needs).
    """
    problem = planning_problem(session, shelter_code, day.year, day.month)
    if shift not in problem.shifts:
        raise InvalidInput(f"Turno: el hogar no tiene un turno '{shift}'.")
    roles = {r.code for r in problem.roles}
    if role is not None and role not in roles:
        raise InvalidInput(f"Función: no existe una función '{role}'.")
    stored = get_roster(session, shelter_code, day.year, day.month, version=version)
    roster = stored or Roster(shelter_code, day.year, day.month, version=0)
    counts = [
        (
            need.role,
            need.minimum,
            sum(
                1 for a in roster.assignments if (a.day, a.shift, a.role) == (day, shift, need.role)
            ),
        )
        for need in problem.demand
        if (need.day, need.shift) == (day, shift)
    ]
    if role is None and not counts:
        raise InvalidInput(
            f"El turno {shift} del {day_es(day)} no necesita a nadie: indique la función."
        )
    chosen = _role_for(counts, role)
    needed = next((minimum for code, minimum, _ in counts if code == chosen), 0)
    assigned = sum(
        1 for a in roster.assignments if (a.day, a.shift, a.role) == (day, shift, chosen)
    )
    checked = replace(problem, locks=[a for a in roster.assignments if a.locked])
    gaps = merged_gaps(coverage_gaps(checked, roster), roster.gaps)
    gap = next((g for g in gaps if (g.day, g.shift, g.role) == (day, shift, chosen)), None)
    return ShiftCandidates(
        day,
        shift,
        chosen,
        needed,
        assigned,
        max(0, needed - assigned),
        None if gap is None else str(gap.reason),
        None if stored is None else stored.version,
        rank_candidates(checked, roster, day, shift, chosen),
        token_of(latest_row(session, shelter_row(session, shelter_code), day.year, day.month)),
    )
