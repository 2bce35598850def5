"""A shelter's expected occupancy per month, and the coverage ratios stored with its rules."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.occupancy import Occupancy, ResidentGroup, ResidentRatio
from roster.services.lookup import shelter_row
from roster.storage import CoverageRuleRow, OccupancyRow


def set_occupancy(session: Session, shelter_code: str, occupancy: Occupancy) -> Occupancy:
    """Store the residents a shelter expects in a month, replacing that month's figures."""
    shelter = shelter_row(session, shelter_code)
    row = session.scalar(
        select(OccupancyRow).where(
            OccupancyRow.shelter_id == shelter.id,
            OccupancyRow.year == occupancy.year,
            OccupancyRow.month == occupancy.month,
        )
    )
    if row is None:
        row = OccupancyRow(shelter_id=shelter.id, year=occupancy.year, month=occupancy.month)
        session.add(row)
    row.women, row.children, row.under_six = (
        occupancy.women,
        occupancy.children,
        occupancy.under_six,
    )
    session.flush()
    return occupancy


def occupancy_rows(shelter_id: int, entries: list[Occupancy]) -> list[OccupancyRow]:
    """New rows for a shelter's whole occupancy table (loading a network)."""
    return [
        OccupancyRow(shelter_id=shelter_id, year=o.year, month=o.month, women=o.women,
                     children=o.children, under_six=o.under_six)
        for o in entries
    ]  # fmt: skip


def list_occupancy(session: Session, shelter_code: str, year: int | None = None) -> list[Occupancy]:
    """A shelter's expected occupancy, month by month (of one year if given)."""
    query = select(OccupancyRow).where(
        OccupancyRow.shelter_id == shelter_row(session, shelter_code).id
    )
    if year is not None:
        query = query.where(OccupancyRow.year == year)
    rows = session.scalars(query.order_by(OccupancyRow.year, OccupancyRow.month))
    return [Occupancy(r.year, r.month, r.women, r.children, r.under_six) for r in rows]


def ratio_columns(ratio: ResidentRatio | None) -> dict[str, Any]:
    """A coverage rule's ratio as its row's columns (none: all empty)."""
    if ratio is None:
        return {"ratio_group": None, "ratio_per": None, "ratio_above": 0}
    return {"ratio_group": str(ratio.group), "ratio_per": ratio.per, "ratio_above": ratio.above}


def ratio_of(row: CoverageRuleRow) -> ResidentRatio | None:
    """The ratio a coverage rule's row carries, if any."""
    if row.ratio_group is None or row.ratio_per is None:
        return None
    return ResidentRatio(ResidentGroup(row.ratio_group), row.ratio_per, row.ratio_above)
