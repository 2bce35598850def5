"""The audit trail of a month: every change to its published roster, kept as it happened.

Who (the account, or the command line), when (UTC), what (the person, the day, the shift
and role before and after) and why (a repair, a hand edit, a swap, a publication, an
unplanned absence). This module only inserts entries and reads them: nothing in the
application updates or deletes one (tests/roster/test_audit.py checks the code for it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.repair import CellChange
from roster.services.lookup import shelter_row, staff_by_code
from roster.storage import RosterChangeRow, ShelterRow, UserRow, utc_now

COMMAND_LINE = "línea de comandos"

KINDS_ES = {
    "repair": "Reparación",
    "hand_edit": "Cambio a mano",
    "swap": "Intercambio",
    "publish": "Publicación",
    "absence": "Ausencia",
}


@dataclass(frozen=True)
class AuditEntry:
    """One entry of the trail (``before`` and ``after`` are (shift, role) or None)."""

    id: int
    at: datetime
    actor: str
    kind: str
    version: int | None
    staff_id: str | None
    staff_name: str | None
    day: date | None
    before: tuple[str, str] | None
    after: tuple[str, str] | None
    note: str

    @property
    def kind_label(self) -> str:
        return KINDS_ES.get(self.kind, self.kind)


def actor_of(session: Session, user_id: int | None) -> str:
    """Who acts: the account's e-mail, or the command line when no account is named."""
    user = None if user_id is None else session.get(UserRow, user_id)
    return COMMAND_LINE if user is None else user.email


def record(
    session: Session,
    shelter: ShelterRow,
    year: int,
    month: int,
    kind: str,
    *,
    user_id: int | None,
    changes: Iterable[CellChange] = (),
    version: int | None = None,
    note: str = "",
    staff_id: str | None = None,
) -> int:
    """Append entries to the month's trail: one per cell change, or one (e.g. a publication,
    or an absence of ``staff_id``) when there is none; how many were written."""
    names = {code: row.name for code, row in staff_by_code(session, shelter).items()}
    common = {
        "shelter_id": shelter.id,
        "year": year,
        "month": month,
        "version": version,
        "at": utc_now(),
        "user_id": user_id,
        "actor": actor_of(session, user_id),
        "kind": kind,
        "note": note,
    }
    rows = [
        RosterChangeRow(
            **common,
            staff_code=change.staff_id,
            staff_name=names.get(change.staff_id),
            day=change.day,
            from_shift=None if change.before is None else change.before[0],
            from_role=None if change.before is None else change.before[1],
            to_shift=None if change.after is None else change.after[0],
            to_role=None if change.after is None else change.after[1],
        )
        for change in changes
    ]
    if not rows:
        rows = [
            RosterChangeRow(**common, staff_code=staff_id, staff_name=names.get(staff_id or ""))
        ]
    session.add_all(rows)
    session.flush()
    return len(rows)


def _cell(shift: str | None, role: str | None) -> tuple[str, str] | None:
    return None if shift is None or role is None else (shift, role)


def _entry(row: RosterChangeRow) -> AuditEntry:
    at = row.at if row.at.tzinfo is not None else row.at.replace(tzinfo=UTC)
    return AuditEntry(
        row.id,
        at,
        row.actor,
        row.kind,
        row.version,
        row.staff_code,
        row.staff_name,
        row.day,
        _cell(row.from_shift, row.from_role),
        _cell(row.to_shift, row.to_role),
        row.note,
    )


def audit_trail(
    session: Session, shelter_code: str, year: int, month: int, limit: int | None = None
) -> list[AuditEntry]:
    """The month's trail, newest first (``limit`` entries at most)."""
    shelter = shelter_row(session, shelter_code)
    query = (
        select(RosterChangeRow)
        .where(
            RosterChangeRow.shelter_id == shelter.id,
            RosterChangeRow.year == year,
            RosterChangeRow.month == month,
        )
        .order_by(RosterChangeRow.id.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    return [_entry(row) for row in session.scalars(query)]
