"""Tables of the network's standing data: shelters, their extra holidays, roles, rule sets."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roster.storage.base import Base


class ShelterRow(Base):
    """A shelter. Deliberately no address, district or coordinates (DESIGN.md §7)."""

    __tablename__ = "shelters"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    department: Mapped[str] = mapped_column(String(80))
    province: Mapped[str] = mapped_column(String(80))
    operator: Mapped[str] = mapped_column(String(200))
    capacity: Mapped[int]
    women: Mapped[int]
    children: Mapped[int]
    companions: Mapped[int]
    active: Mapped[bool] = mapped_column(default=True)

    holidays: Mapped[list[ShelterHolidayRow]] = relationship(
        cascade="all, delete-orphan", order_by="ShelterHolidayRow.day", lazy="selectin"
    )


class ShelterHolidayRow(Base):
    """An extra non-working day a shelter observes (e.g. a regional holiday)."""

    __tablename__ = "shelter_holidays"
    __table_args__ = (UniqueConstraint("shelter_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    shelter_id: Mapped[int] = mapped_column(ForeignKey("shelters.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)


class RoleRow(Base):
    """A role (función) shared by the whole network."""

    __tablename__ = "roles"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(120), default="")
    active: Mapped[bool] = mapped_column(default=True)


class RuleSetRow(Base):
    """A shelter's rule set, stored whole as ``RuleSet.to_dict()``."""

    __tablename__ = "rule_sets"

    shelter_id: Mapped[int] = mapped_column(
        ForeignKey("shelters.id", ondelete="CASCADE"), primary_key=True
    )
    settings: Mapped[dict[str, Any]] = mapped_column(JSON)
