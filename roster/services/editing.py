"""Editing a month's roster by hand: the editable draft, one cell at a time, and publishing.

The month's newest version is the one a coordinator edits. A published version is never
changed: the first edit after publishing copies it into a new draft (locks included).
Every accepted edit raises the draft's revision; a save naming an older (version,
revision) than the newest is refused with ``Conflict``. After each edit the independent
validator checks the draft: its hard-rule findings are returned, never blocking a draft
save; publishing is what requires none.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import LIMA, Gap, PlanningProblem, Roster, RosterStatus, StaffMember
from models.repair import CellChange
from models.roster import AssignmentSource
from models.rules import RULES_BY_CODE
from models.validator import ValidationReport, validate
from roster.services.edit_audit import held, record_hand_edit
from roster.services.errors import Conflict, InvalidInput
from roster.services.labels import day_es
from roster.services.lookup import roles_by_code, shelter_row, shifts_by_code, staff_by_code
from roster.services.planning import planning_problem
from roster.services.rosters import (
    latest_row,
    new_draft_row,
    publish_roster,
    replace_gaps,
    roster_from_row,
)
from roster.storage import AssignmentRow, RosterRow, ShelterRow, utc_now

Token = tuple[int, int]  # (version, revision) of the month's newest stored version
CellIds = tuple[int, int | None, int | None]  # row ids of the person, shift and role


@dataclass(frozen=True)
class Finding:
    """A hard rule the roster breaks: rule code and name, Spanish message, who, which days."""

    rule: str
    label: str
    message: str
    staff_id: str
    staff_name: str
    days: tuple[date, ...]


@dataclass(frozen=True)
class EditOutcome:
    """An accepted edit: the stored draft (gaps recomputed), its new token and its findings."""

    roster: Roster
    token: Token
    findings: list[Finding]


class CellRefused(InvalidInput):
    """An edit refused because of one field (``staff``, ``day``, ``shift``, ``role``)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def token_of(row: RosterRow | None) -> Token:
    """The (version, revision) a page shows for the month's newest version; (0, 0) if none."""
    return (0, 0) if row is None else (row.version, row.revision)


def _lima_time(row: RosterRow) -> str:
    moments = [m for m in (row.updated_at, row.published_at, row.created_at) if m is not None]
    moment = max(m if m.tzinfo else m.replace(tzinfo=UTC) for m in moments)
    return moment.astimezone(LIMA).strftime("%H:%M")


def check_token(row: RosterRow | None, expected: Token | None) -> None:
    """``Conflict`` when the page's token is not the newest version's (someone saved since)."""
    if expected is None or tuple(expected) == token_of(row):
        return
    when = f" a las {_lima_time(row)}" if row is not None else ""
    solved = row is not None and row.solve_report is not None and row.revision == 0
    if solved and row is not None and row.version != expected[0]:
        what = f"El optimizador guardó la versión {row.version} de este rol{when}."
    else:
        what = f"Otra persona (o usted en otra ventana) guardó cambios en este rol{when}."
    raise Conflict(f"{what} Recargue la página para ver la versión actual; su cambio no se guardó.")


def check_roster(problem: PlanningProblem, roster: Roster) -> ValidationReport:
    """The validator's verdict on ``roster``, taking its own locked cells as the ones to keep."""
    return validate(replace(problem, locks=[a for a in roster.assignments if a.locked]), roster)


def findings_of(problem: PlanningProblem, report: ValidationReport) -> list[Finding]:
    """The report's hard-rule violations, with rule names and the people's names."""
    names = {person.id: person.name for person in problem.staff}
    return [
        Finding(
            v.rule,
            RULES_BY_CODE[v.rule].label_es if v.rule in RULES_BY_CODE else v.rule,
            v.message,
            v.staff_id,
            names.get(v.staff_id, v.staff_id),
            v.days,
        )
        for v in report.violations
    ]


def merged_gaps(recomputed: list[Gap], stored: list[Gap]) -> list[Gap]:
    """The validator's gaps, each keeping the reason the solve found for the same demand."""
    reasons = {(g.day, g.shift, g.role): g.reason for g in stored}
    return [replace(g, reason=reasons.get((g.day, g.shift, g.role), g.reason)) for g in recomputed]


def _default_role(problem: PlanningProblem, person: StaffMember, day: date, shift: str) -> str:
    """Her primary role if the shift needs it that day, else her first role it needs."""
    needed = {n.role for n in problem.demand if n.day == day and n.shift == shift}
    for role in (person.primary_role, *person.roles):
        if role in needed:
            return role
    return person.primary_role


def _checked_cell(
    problem: PlanningProblem, staff_code: str, day: date, shift: str | None, role: str | None
) -> str | None:
    """The role the edit assigns (None to clear); ``CellRefused`` naming a wrong field."""
    person = problem.staff_by_id.get(staff_code)
    if person is None:
        raise CellRefused("staff", f"Persona: '{staff_code}' no es parte del personal activo.")
    if day not in problem.days:
        month = f"{problem.month:02d}/{problem.year}"
        raise CellRefused("day", f"Día: el {day_es(day)} no pertenece al mes {month}.")
    if shift is None:
        return None
    if shift not in problem.shifts:
        raise CellRefused("shift", f"Turno: el hogar no tiene un turno '{shift}'.")
    if role is None:
        return _default_role(problem, person, day, shift)
    names = {r.code: r.name for r in problem.roles}
    if role not in names:
        raise CellRefused("role", f"Función: no existe una función '{role}'.")
    if not person.can_cover(role):
        raise CellRefused(
            "role", f"Función: {person.name} no está calificada para cubrir «{names[role]}»."
        )
    return role


def _cell_rows(session: Session, roster_id: int, staff_id: int, day: date) -> list[AssignmentRow]:
    query = select(AssignmentRow).where(
        AssignmentRow.roster_id == roster_id,
        AssignmentRow.staff_id == staff_id,
        AssignmentRow.day == day,
    )
    return list(session.scalars(query))


def _write_cell(session: Session, row: RosterRow, ids: CellIds, day: date, locked: bool) -> None:
    """Make the person's day in ``row`` hold one (shift, role), or nothing when shift is None."""
    staff_id, shift_id, role_id = ids
    current = _cell_rows(session, row.id, staff_id, day)
    if len(current) == 1 and (current[0].shift_type_id, current[0].role_id) == (shift_id, role_id):
        current[0].locked = locked  # only the lock changes: the cell keeps its source
        return
    for old in current:
        session.delete(old)
    if shift_id is not None and role_id is not None:
        session.add(
            AssignmentRow(
                roster_id=row.id,
                staff_id=staff_id,
                day=day,
                shift_type_id=shift_id,
                role_id=role_id,
                locked=locked,
                source=str(AssignmentSource.MANUAL),
            )
        )


def _unchanged(
    session: Session, row: RosterRow | None, ids: CellIds, day: date, locked: bool
) -> bool:
    """True when the cell already holds what the edit asks for (nothing to save)."""
    current = [] if row is None else _cell_rows(session, row.id, ids[0], day)
    held = [(c.shift_type_id, c.role_id, c.locked) for c in current]
    return held == ([] if ids[1] is None else [(ids[1], ids[2], locked)])


def _revalidated(
    session: Session, shelter: ShelterRow, row: RosterRow, problem: PlanningProblem, store: bool
) -> tuple[Roster, list[Finding]]:
    """The stored version with the validator's gaps (saved with it if ``store``) and findings."""
    roster = roster_from_row(session, row, shelter)
    report = check_roster(problem, roster)
    gaps = merged_gaps(report.gaps, roster.gaps)
    if store:
        replace_gaps(session, row, shelter, gaps)
    return replace(roster, gaps=gaps), findings_of(problem, report)


def edit_cell(
    session: Session,
    shelter_code: str,
    year: int,
    month: int,
    staff_code: str,
    day: date,
    *,
    shift: str | None,
    role: str | None,
    locked: bool,
    expected: Token | None,
    user_id: int | None,
) -> EditOutcome:
    """Assign a shift, clear the day, or lock/unlock it in the month's draft; then validate."""
    shelter = shelter_row(session, shelter_code)
    newest = latest_row(session, shelter, year, month)
    check_token(newest, expected)
    problem = planning_problem(session, shelter_code, year, month)
    role = _checked_cell(problem, staff_code, day, shift, role)
    ids = (
        staff_by_code(session, shelter)[staff_code].id,
        None if shift is None else shifts_by_code(session, shelter)[shift].id,
        None if role is None else roles_by_code(session)[role].id,
    )
    if _unchanged(session, newest, ids, day, locked and shift is not None):
        if newest is None:
            return EditOutcome(Roster(shelter_code, year, month, version=0), (0, 0), [])
        roster, found = _revalidated(session, shelter, newest, problem, store=False)
        return EditOutcome(roster, token_of(newest), found)
    row = newest
    if row is None or row.status != RosterStatus.DRAFT:
        row = new_draft_row(session, shelter, year, month, newest, user_id)
    before = held(session, shelter, row, ids[0], day)
    _write_cell(session, row, ids, day, locked and shift is not None)
    after = None if shift is None or role is None else (shift, role)
    record_hand_edit(session, shelter, row, CellChange(staff_code, day, before, after), user_id)
    row.revision += 1
    row.updated_at = utc_now()
    session.flush()
    roster, found = _revalidated(session, shelter, row, problem, store=True)
    return EditOutcome(roster, token_of(row), found)


def publish_month(
    session: Session,
    shelter_code: str,
    year: int,
    month: int,
    expected: Token | None,
    user_id: int | None = None,
) -> Roster:
    """Publish the month's draft; refused if the page is stale or a hard rule is broken.

    ``user_id`` is who publishes: the audit trail records it (the version keeps who
    created it).
    """
    shelter = shelter_row(session, shelter_code)
    newest = latest_row(session, shelter, year, month)
    check_token(newest, expected)
    if newest is None or newest.status != RosterStatus.DRAFT:
        raise InvalidInput(f"No hay un borrador del rol {month:02d}/{year} por publicar.")
    problem = planning_problem(session, shelter_code, year, month)
    found = findings_of(problem, check_roster(problem, roster_from_row(session, newest, shelter)))
    if found:
        listed = "; ".join(
            f"{f.rule} {f.label}, {f.staff_name} ({', '.join(day_es(d) for d in f.days)})"
            for f in found[:5]
        )
        more = f" y {len(found) - 5} más" if len(found) > 5 else ""
        raise InvalidInput(
            f"No se puede publicar: el borrador incumple {len(found)} regla(s) obligatoria(s): "
            f"{listed}{more}. Corrija esas celdas y vuelva a intentarlo."
        )
    published = publish_roster(session, shelter_code, year, month, user_id=user_id)
    newest.revision += 1  # pages showing the draft learn it was published
    newest.updated_at = utc_now()
    session.flush()
    return published
