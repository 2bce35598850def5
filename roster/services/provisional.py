"""A solve's provisional draft: phase 1's roster shown at once, replaced when the solve ends.

A coordinator sees a complete, legal roster seconds after pressing "generate"; the final
roster then takes the same version's place, as long as nobody edited the provisional one
(its revision is still 0). An edited provisional draft is never overwritten: the final
roster becomes a new version instead, so nothing a person entered is lost.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models import Roster, RosterStatus
from roster.services.lookup import shelter_row
from roster.services.rosters import insert_roster_rows, roster_ids
from roster.storage import AssignmentRow, GapRow, RosterRow, utc_now


def _untouched(
    session: Session, shelter_code: str, year: int, month: int, version: int
) -> RosterRow | None:
    """The draft ``version`` of a month if it exists and was never edited."""
    shelter = shelter_row(session, shelter_code)
    row = session.scalar(
        select(RosterRow).where(
            RosterRow.shelter_id == shelter.id,
            RosterRow.year == year,
            RosterRow.month == month,
            RosterRow.version == version,
        )
    )
    untouched = row is not None and row.status == RosterStatus.DRAFT and row.revision == 0
    return row if untouched else None


def overwrite_untouched_draft(
    session: Session, roster: Roster, version: int, report_json: str | None
) -> Roster | None:
    """Put ``roster`` in place of draft ``version`` if nobody edited it; None otherwise."""
    row = _untouched(session, roster.shelter_code, roster.year, roster.month, version)
    if row is None:
        return None
    shelter = shelter_row(session, roster.shelter_code)
    staff, shifts, roles = roster_ids(session, shelter, roster)
    session.execute(delete(AssignmentRow).where(AssignmentRow.roster_id == row.id))
    session.execute(delete(GapRow).where(GapRow.roster_id == row.id))
    insert_roster_rows(session, row.id, roster, staff, shifts, roles)
    row.solve_report = report_json
    row.updated_at = utc_now()
    session.flush()
    return replace(roster, status=RosterStatus.DRAFT, version=version)


def drop_untouched_draft(
    session: Session, shelter_code: str, year: int, month: int, version: int
) -> bool:
    """Remove a provisional draft nobody edited (its solve failed); True if it was removed."""
    row = _untouched(session, shelter_code, year, month, version)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True
