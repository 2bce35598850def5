"""Tables of changes to published rosters: repair proposals, shift swaps, the audit trail.

The audit trail (``roster_changes``) is append-only: the application inserts rows and
reads them; no code path updates or deletes one (only wiping the whole database with
``roster demo --replace`` removes them, with everything else).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from roster.storage.base import Base
from roster.storage.rosters import utc_now

CHANGE_KINDS = ("repair", "hand_edit", "swap", "publish", "absence")
PROPOSAL_STATES = ("open", "accepted", "discarded")
SWAP_STATES = ("awaiting_partner", "pending", "approved", "rejected", "declined", "withdrawn")


def _among(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class RosterChangeRow(Base):
    """One entry of a month's audit trail: who changed what, when and why (never edited).

    A cell change names the person (code and name as they were), the day and the
    (shift, role) before and after; a publication or an absence leaves the cell empty.
    ``actor`` is the account's e-mail at the time, or the command line's label.
    """

    __tablename__ = "roster_changes"
    __table_args__ = (
        CheckConstraint(_among("kind", CHANGE_KINDS), name="kind"),
        Index("ix_roster_changes_month", "shelter_id", "year", "month"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    shelter_id: Mapped[int] = mapped_column(ForeignKey("shelters.id"))
    year: Mapped[int]
    month: Mapped[int]
    version: Mapped[int | None]
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor: Mapped[str] = mapped_column(String(254))
    kind: Mapped[str] = mapped_column(String(16))
    staff_code: Mapped[str | None] = mapped_column(String(40))
    staff_name: Mapped[str | None] = mapped_column(String(200))
    day: Mapped[date | None] = mapped_column(Date)
    from_shift: Mapped[str | None] = mapped_column(String(10))
    from_role: Mapped[str | None] = mapped_column(String(20))
    to_shift: Mapped[str | None] = mapped_column(String(10))
    to_role: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")


class RepairProposalRow(Base):
    """A repaired month waiting for the coordinator: accepted (published) or discarded.

    ``roster`` holds the proposed month (assignments and gaps, JSON); ``summary`` what
    changed, the coverage before and after and the comparison with a re-plan (JSON).
    """

    __tablename__ = "repair_proposals"
    __table_args__ = (
        CheckConstraint(_among("state", PROPOSAL_STATES), name="state"),
        Index("ix_repair_proposals_month", "shelter_id", "year", "month"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    shelter_id: Mapped[int] = mapped_column(ForeignKey("shelters.id"))
    year: Mapped[int]
    month: Mapped[int]
    from_day: Mapped[date] = mapped_column(Date)
    base_version: Mapped[int]
    state: Mapped[str] = mapped_column(String(16), default="open")
    roster: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    solve_report: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int | None]  # the published version it became


class SwapRequestRow(Base):
    """Two staff members' swap of shifts (or one giving hers away), and its approval.

    ``staff_id`` gives her shift of ``day`` to ``partner_id``; in a swap the partner
    gives hers of ``partner_day`` back (None: a give-away). Both days lie in one month.
    """

    __tablename__ = "swap_requests"
    __table_args__ = (
        CheckConstraint(_among("state", SWAP_STATES), name="state"),
        Index("ix_swap_requests_month", "shelter_id", "year", "month"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    shelter_id: Mapped[int] = mapped_column(ForeignKey("shelters.id"))
    year: Mapped[int]
    month: Mapped[int]
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_members.id"))
    day: Mapped[date] = mapped_column(Date)
    partner_id: Mapped[int] = mapped_column(ForeignKey("staff_members.id"))
    partner_day: Mapped[date | None] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decision_note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int | None]  # the published version it became
