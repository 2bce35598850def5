"""Signing in and out: throttled password checks and server-side sessions with a CSRF token."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from roster.services.accounts import (
    Account,
    account_from_row,
    find_user,
    hash_password,
    password_matches,
)
from roster.services.errors import ServiceError
from roster.storage import LoginFailureRow, SessionRow, UserRow, utc_now

WINDOW = timedelta(minutes=15)
MAX_PER_ACCOUNT = 5  # failed sign-ins of one e-mail within WINDOW
MAX_PER_ADDRESS = 20  # failed sign-ins from one address within WINDOW
LIFETIME = timedelta(hours=12)  # a session ends this long after sign-in at the latest
IDLE = timedelta(hours=2)  # ... or after this long without a request


class SignInRefused(ServiceError):
    """Wrong e-mail or password, or too many attempts; the message says which, in Spanish."""


@dataclass(frozen=True)
class OpenSession:
    """A signed-in session: the account, the CSRF token of its forms, and when it ends."""

    account: Account
    csrf_token: str
    expires_at: datetime


@cache
def _dummy_hash() -> str:
    """A hash checked when the e-mail is unknown, so both answers take the same time."""
    return hash_password(secrets.token_urlsafe(16))


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _failures(session: Session, column: object, value: str, since: datetime) -> int:
    query = select(func.count()).where(column == value, LoginFailureRow.at >= since)  # type: ignore[operator]
    return session.scalar(query) or 0


def check_throttle(session: Session, email: str, address: str) -> None:
    """Refuse a sign-in while the account or the address has too many recent failures."""
    since = utc_now() - WINDOW
    email = email.strip().lower()
    if (
        _failures(session, LoginFailureRow.email, email, since) >= MAX_PER_ACCOUNT
        or _failures(session, LoginFailureRow.address, address, since) >= MAX_PER_ADDRESS
    ):
        minutes = int(WINDOW.total_seconds() // 60)
        raise SignInRefused(
            f"Demasiados intentos fallidos. Espere {minutes} minutos antes de volver a intentar."
        )


def sign_in(session: Session, email: str, password: str, address: str) -> tuple[str, OpenSession]:
    """Check the password and open a session; returns the cookie token (shown once) and it."""
    check_throttle(session, email, address)
    user = find_user(session, email)
    if user is None:
        password_matches(password, _dummy_hash())  # same work whether or not the account exists
    if user is None or not password_matches(password, user.password_hash):
        session.add(LoginFailureRow(email=email.strip().lower()[:254], address=address[:64]))
        session.flush()
        raise SignInRefused("Correo o contraseña incorrectos.")
    session.execute(delete(LoginFailureRow).where(LoginFailureRow.email == user.email))
    token = secrets.token_urlsafe(32)
    now = utc_now()
    row = SessionRow(
        token_hash=_digest(token),
        user_id=user.id,
        csrf_token=secrets.token_urlsafe(32),
        created_at=now,
        last_seen_at=now,
        expires_at=now + LIFETIME,
    )
    session.add(row)
    session.flush()
    return token, OpenSession(account_from_row(session, user), row.csrf_token, row.expires_at)


def resume(session: Session, token: str) -> OpenSession | None:
    """The open session behind a cookie token, or None if unknown, expired or idle too long."""
    row = session.scalar(select(SessionRow).where(SessionRow.token_hash == _digest(token)))
    if row is None:
        return None
    now = utc_now()
    if _aware(row.expires_at) <= now or _aware(row.last_seen_at) + IDLE <= now:
        session.delete(row)
        return None
    user = session.get(UserRow, row.user_id)
    if user is None or not user.active:
        return None
    if now - _aware(row.last_seen_at) > timedelta(minutes=1):
        row.last_seen_at = now  # a write a minute at most, not one per request
    return OpenSession(account_from_row(session, user), row.csrf_token, _aware(row.expires_at))


def sign_out(session: Session, token: str) -> None:
    """End the session behind a cookie token (nothing happens if it is already gone)."""
    session.execute(delete(SessionRow).where(SessionRow.token_hash == _digest(token)))


def forget_old_failures(session: Session) -> None:
    """Drop failed sign-ins older than the throttling window."""
    session.execute(delete(LoginFailureRow).where(LoginFailureRow.at < utc_now() - WINDOW))
