"""The audit side of a hand edit: what the cell held, and the entry once the month is published."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import RosterStatus
from models.repair import CellChange
from roster.services.audit import record
from roster.services.lookup import roles_by_code, shifts_by_code
from roster.services.rosters import latest_row
from roster.storage import AssignmentRow, RosterRow, ShelterRow


def held(
    session: Session, shelter: ShelterRow, row: RosterRow, staff_id: int, day: date
) -> tuple[str, str] | None:
    """The (shift, role) codes a person holds on a day of ``row`` (None when free)."""
    current = session.scalars(
        select(AssignmentRow).where(
            AssignmentRow.roster_id == row.id,
            AssignmentRow.staff_id == staff_id,
            AssignmentRow.day == day,
        )
    ).all()
    if not current:
        return None
    shifts = {r.id: code for code, r in shifts_by_code(session, shelter).items()}
    roles = {r.id: code for code, r in roles_by_code(session).items()}
    return shifts[current[0].shift_type_id], roles[current[0].role_id]


def record_hand_edit(
    session: Session, shelter: ShelterRow, row: RosterRow, change: CellChange, user_id: int | None
) -> None:
    """Add a changed cell to the audit trail once the month has been published."""
    if change.before == change.after:
        return  # only the lock changed: nobody's shift did
    if latest_row(session, shelter, row.year, row.month, RosterStatus.PUBLISHED) is None:
        return  # a month never published: no published roster changes
    note = f"Cambio a mano en el borrador (versión {row.version}), aún sin publicar."
    record(
        session,
        shelter,
        row.year,
        row.month,
        "hand_edit",
        user_id=user_id,
        changes=[change],
        version=row.version,
        note=note,
    )
