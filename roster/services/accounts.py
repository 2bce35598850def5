"""Accounts: who may sign in, with which role, for which shelters; passwords hashed with argon2."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pwdlib import PasswordHash
from sqlalchemy import select
from sqlalchemy.orm import Session

from roster.services.errors import InvalidInput, NotFound
from roster.services.lookup import shelter_row, staff_row
from roster.storage import ACCOUNT_ROLES, ShelterRow, StaffRow, UserRow, UserShelterRow

MIN_PASSWORD = 10
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_hasher = PasswordHash.recommended()  # argon2id with the library's current parameters

ROLE_NAMES = {
    "admin": "Administración nacional",
    "hr": "Recursos humanos",
    "coordinator": "Coordinación de hogar",
    "staff": "Personal",
}


@dataclass(frozen=True)
class Account:
    """A signed-in person: her role and the shelters (and, for staff, the person) she may see."""

    id: int
    email: str
    role: str
    shelter_codes: tuple[str, ...] = ()
    staff_code: str | None = None
    staff_name: str | None = None
    language: str = "es"

    @property
    def national(self) -> bool:
        """Admin and HR see every shelter."""
        return self.role in ("admin", "hr")

    def sees(self, shelter_code: str) -> bool:
        """Whether this shelter's pages are hers to open (staff see only their own shifts)."""
        if self.national:
            return True
        return self.role == "coordinator" and shelter_code in self.shelter_codes

    def manages(self, shelter_code: str) -> bool:
        """Whether she may change this shelter's rosters: the admin, or its coordinator."""
        if self.role == "admin":
            return True
        return self.role == "coordinator" and shelter_code in self.shelter_codes


def hash_password(password: str) -> str:
    """The argon2 hash of ``password``."""
    return _hasher.hash(password)


def password_matches(password: str, hashed: str) -> bool:
    """Whether ``password`` is the one behind ``hashed``."""
    try:
        return _hasher.verify(password, hashed)
    except Exception:  # a malformed stored hash never signs anyone in
        return False


def account_from_row(session: Session, row: UserRow) -> Account:
    """The account of a user row, with her shelters' codes."""
    staff = None if row.staff_id is None else session.get(StaffRow, row.staff_id)
    if staff is not None:
        shelters = [session.get(ShelterRow, staff.shelter_id)]
    else:
        shelters = [session.get(ShelterRow, link.shelter_id) for link in row.shelter_links]
    return Account(
        id=row.id,
        email=row.email,
        role=row.role,
        shelter_codes=tuple(sorted(s.code for s in shelters if s is not None)),
        staff_code=None if staff is None else staff.code,
        staff_name=None if staff is None else staff.name,
        language=row.language,
    )


def _check(email: str, password: str, role: str, shelters: list[str], staff: str | None) -> None:
    if not _EMAIL.match(email):
        raise InvalidInput(
            f"Correo '{email}' no válido: escriba una dirección como ana@ejemplo.pe."
        )
    if role not in ACCOUNT_ROLES:
        raise InvalidInput(f"Rol '{role}' no válido: use {', '.join(ACCOUNT_ROLES)}.")
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(f"La contraseña debe tener al menos {MIN_PASSWORD} caracteres.")
    if role == "coordinator" and not shelters:
        raise InvalidInput("Una cuenta de coordinación necesita al menos un hogar (--shelter).")
    if role == "staff" and (staff is None or len(shelters) != 1):
        raise InvalidInput(
            "Una cuenta de personal necesita su hogar y su código (--shelter, --staff)."
        )
    if role in ("admin", "hr") and (shelters or staff):
        raise InvalidInput("Las cuentas nacionales (admin, hr) no se limitan a un hogar.")


def create_user(
    session: Session,
    email: str,
    password: str,
    role: str,
    shelters: list[str] | None = None,
    staff: str | None = None,
) -> Account:
    """Add an account; ``InvalidInput`` names the field that is wrong and why."""
    email = email.strip().lower()
    shelters = list(shelters or [])
    _check(email, password, role, shelters, staff)
    if session.scalar(select(UserRow.id).where(UserRow.email == email)) is not None:
        raise InvalidInput(f"Ya existe una cuenta con el correo '{email}'.")
    rows = [shelter_row(session, code) for code in shelters]
    row = UserRow(email=email, password_hash=hash_password(password), role=role)
    if role == "staff" and staff is not None:
        row.staff_id = staff_row(session, rows[0], staff).id
    else:
        row.shelter_links = [UserShelterRow(shelter_id=shelter.id) for shelter in rows]
    session.add(row)
    session.flush()
    return account_from_row(session, row)


def find_user(session: Session, email: str) -> UserRow | None:
    """The active user with this e-mail (any case), if any."""
    row = session.scalar(select(UserRow).where(UserRow.email == email.strip().lower()))
    return row if row is not None and row.active else None


def get_account(session: Session, user_id: int) -> Account:
    """The account with this id; ``NotFound`` if it does not exist or was deactivated."""
    row = session.get(UserRow, user_id)
    if row is None or not row.active:
        raise NotFound("La cuenta no existe o fue desactivada.")
    return account_from_row(session, row)


def list_accounts(session: Session) -> list[Account]:
    """Every active account, by e-mail."""
    rows = session.scalars(select(UserRow).where(UserRow.active).order_by(UserRow.email))
    return [account_from_row(session, row) for row in rows]


def set_password(session: Session, email: str, password: str) -> None:
    """Replace a user's password."""
    row = find_user(session, email)
    if row is None:
        raise NotFound(f"No existe una cuenta activa con el correo '{email}'.")
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(f"La contraseña debe tener al menos {MIN_PASSWORD} caracteres.")
    row.password_hash = hash_password(password)


def set_language(session: Session, user_id: int, language: str) -> None:
    """Remember the interface language a user chose ("es" or "en")."""
    row = session.get(UserRow, user_id)
    if row is not None and language in ("es", "en"):
        row.language = language
