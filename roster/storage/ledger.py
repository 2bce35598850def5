"""Tables of what a shelter carries from month to month: the worked-feriado ledger and the
residents it expects each month."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from roster.storage.base import Base


class FeriadoEntryRow(Base):
    """A feriado a staff member worked, filled when its month's roster is published."""

    __tablename__ = "feriado_ledger"
    __table_args__ = (UniqueConstraint("staff_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(
        ForeignKey("staff_members.id", ondelete="CASCADE"), index=True
    )
    day: Mapped[date] = mapped_column(Date)
    feriado: Mapped[str] = mapped_column(String(120))
    shift: Mapped[str] = mapped_column(String(10))
    hours: Mapped[float]
    compensation: Mapped[str] = mapped_column(String(8))  # rest or pay (D.Leg. 713 art. 9)
    settled_on: Mapped[date | None] = mapped_column(Date)


class OccupancyRow(Base):
    """The residents a shelter expects in one month (coverage ratios read it)."""

    __tablename__ = "occupancy"
    __table_args__ = (UniqueConstraint("shelter_id", "year", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    shelter_id: Mapped[int] = mapped_column(ForeignKey("shelters.id", ondelete="CASCADE"))
    year: Mapped[int]
    month: Mapped[int]
    women: Mapped[int]
    children: Mapped[int]
    under_six: Mapped[int]
