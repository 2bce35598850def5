"""Tables of accounts: users, the shelters a coordinator holds, sessions, failed logins."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roster.storage.base import Base
from roster.storage.rosters import utc_now

ACCOUNT_ROLES = ("admin", "hr", "coordinator", "staff")


class UserRow(Base):
    """A person who signs in: national admin, HR, a coordinator or a staff member."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role IN ('admin', 'hr', 'coordinator', 'staff')", name="role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"))
    language: Mapped[str] = mapped_column(String(8), default="es")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)

    shelter_links: Mapped[list[UserShelterRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )


class UserShelterRow(Base):
    """A shelter a coordinator is responsible for."""

    __tablename__ = "user_shelters"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    shelter_id: Mapped[int] = mapped_column(ForeignKey("shelters.id"), primary_key=True)


class SessionRow(Base):
    """A signed-in browser or API client: the hash of its token, its CSRF token, its expiry."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class LoginFailureRow(Base):
    """One failed sign-in, kept for throttling by account and by address."""

    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    address: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now, index=True)
