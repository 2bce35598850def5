"""Tables of a shelter's people: posts, staff members, their roles, absences and requests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roster.storage.base import Base

# The contract patterns a post or a person may carry (models.people.WorkingPattern).
PATTERNS = "working_pattern IN ('rotating', 'weekdays_day', 'mon_sat_day', 'nights')"


class PostRow(Base):
    """A position (plaza) of a shelter; ``code`` is the domain ``Post.id``."""

    __tablename__ = "posts"
    __table_args__ = (
        UniqueConstraint("shelter_id", "code"),
        CheckConstraint(PATTERNS, name="working_pattern"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    shelter_id: Mapped[int] = mapped_column(ForeignKey("shelters.id"))
    code: Mapped[str] = mapped_column(String(40))
    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id"))
    regime: Mapped[str] = mapped_column(String(40))
    weekly_hours: Mapped[float]
    monthly_cost: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    status: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(default=True)
    working_pattern: Mapped[str] = mapped_column(String(16), server_default="rotating")


class StaffRow(Base):
    """A staff member of a shelter; ``code`` is the domain ``StaffMember.id``."""

    __tablename__ = "staff_members"
    __table_args__ = (
        UniqueConstraint("shelter_id", "code"),
        CheckConstraint(PATTERNS, name="working_pattern"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    shelter_id: Mapped[int] = mapped_column(ForeignKey("shelters.id"))
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    primary_role_id: Mapped[int] = mapped_column(ForeignKey("roles.id"))
    weekly_hours: Mapped[float]
    night_work: Mapped[bool]
    active: Mapped[bool] = mapped_column(default=True)
    working_pattern: Mapped[str | None] = mapped_column(String(16))  # None: her post's

    role_links: Mapped[list[StaffRoleRow]] = relationship(
        cascade="all, delete-orphan", order_by="StaffRoleRow.position", lazy="selectin"
    )
    post_links: Mapped[list[StaffPostRow]] = relationship(
        cascade="all, delete-orphan", order_by="StaffPostRow.position", lazy="selectin"
    )


class StaffRoleRow(Base):
    """A role a staff member is qualified to cover (H1), in her own order."""

    __tablename__ = "staff_roles"

    staff_id: Mapped[int] = mapped_column(
        ForeignKey("staff_members.id", ondelete="CASCADE"), primary_key=True
    )
    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id"), primary_key=True)
    position: Mapped[int]


class StaffPostRow(Base):
    """A post a staff member holds."""

    __tablename__ = "staff_posts"

    staff_id: Mapped[int] = mapped_column(
        ForeignKey("staff_members.id", ondelete="CASCADE"), primary_key=True
    )
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"), primary_key=True)
    position: Mapped[int]


class AbsenceRow(Base):
    """A staff member away from ``first_day`` to ``last_day`` inclusive (H6)."""

    __tablename__ = "absences"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(
        ForeignKey("staff_members.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(500), default="")
    child_born: Mapped[date | None] = mapped_column(Date)  # maternity, paternity, breastfeeding


class RequestRow(Base):
    """A wish to work (or not) a day, or one shift of it, with a weight (S5)."""

    __tablename__ = "requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(
        ForeignKey("staff_members.id", ondelete="CASCADE"), index=True
    )
    day: Mapped[date] = mapped_column(Date)
    wants_work: Mapped[bool]
    shift_type_id: Mapped[int | None] = mapped_column(ForeignKey("shift_types.id"))
    weight: Mapped[int]
