"""Publishing a change to a published month at once: a repair or a swap becomes its next
version, the staff's calendar feeds follow, and the audit trail records every cell."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import update
from sqlalchemy.orm import Session

from models import Roster, RosterStatus
from models.repair import CellChange
from roster.services.audit import record
from roster.services.errors import Conflict, InvalidInput
from roster.services.lookup import shelter_row
from roster.services.rosters import latest_row, publish_roster, save_roster
from roster.storage import RosterRow, ShelterRow


def published_row(session: Session, shelter: ShelterRow, year: int, month: int) -> RosterRow:
    """The month's newest published version; ``InvalidInput`` when it has none."""
    row = latest_row(session, shelter, year, month, RosterStatus.PUBLISHED)
    if row is None:
        raise InvalidInput(
            f"El rol {month:02d}/{year} del hogar '{shelter.code}' aún no está publicado: "
            "publíquelo primero (los cambios de este tipo parten del rol publicado)."
        )
    return row


def check_base(row: RosterRow, base_version: int) -> None:
    """``Conflict`` unless ``base_version`` is still the month's newest published version."""
    if row.version != base_version:
        raise Conflict(
            f"El rol publicado cambió desde entonces (ahora es la versión {row.version}, "
            f"no la {base_version}): vuelva a calcularlo sobre el rol actual."
        )


def publish_change(
    session: Session,
    roster: Roster,
    changes: list[CellChange],
    *,
    kind: str,
    note: str,
    user_id: int | None,
    report_json: str | None = None,
) -> Roster:
    """Store ``roster`` as the month's next version, publish it and record ``changes``.

    A draft newer than the published version (hand edits in progress) stays stored
    as it was; the published version is now the newest one.
    """
    shelter = shelter_row(session, roster.shelter_code)
    stored = save_roster(session, replace(roster, status=RosterStatus.DRAFT), report_json)
    if user_id is not None:
        session.execute(
            update(RosterRow)
            .where(
                RosterRow.shelter_id == shelter.id,
                RosterRow.year == stored.year,
                RosterRow.month == stored.month,
                RosterRow.version == stored.version,
            )
            .values(created_by=user_id),
            execution_options={"synchronize_session": False},
        )
    published = publish_roster(
        session, roster.shelter_code, roster.year, roster.month, audited=False
    )
    record(
        session,
        shelter,
        roster.year,
        roster.month,
        kind,
        user_id=user_id,
        changes=changes,
        version=published.version,
        note=note,
    )
    return published
