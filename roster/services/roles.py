"""Roles (funciones) of the network: create, read, update, deactivate."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Role
from roster.services.errors import InvalidInput
from roster.services.lookup import role_row
from roster.storage import RoleRow


def role_from_row(row: RoleRow) -> Role:
    """The domain role of a row."""
    return Role(code=row.code, name=row.name, name_en=row.name_en)


def create_role(session: Session, role: Role) -> Role:
    """Store a new role."""
    if session.scalar(select(RoleRow.id).where(RoleRow.code == role.code)) is not None:
        raise InvalidInput(f"Ya existe una función con código '{role.code}'.")
    row = RoleRow(code=role.code, name=role.name, name_en=role.name_en, active=True)
    session.add(row)
    session.flush()
    return role_from_row(row)


def get_role(session: Session, code: str) -> Role:
    """The role with ``code`` (raises ``NotFound``)."""
    return role_from_row(role_row(session, code))


def list_roles(session: Session, include_inactive: bool = False) -> list[Role]:
    """Every role by code; only the active ones unless asked."""
    query = select(RoleRow).order_by(RoleRow.code)
    if not include_inactive:
        query = query.where(RoleRow.active.is_(True))
    return [role_from_row(row) for row in session.scalars(query)]


def update_role(session: Session, role: Role) -> Role:
    """Rename a role (its code stays)."""
    row = role_row(session, role.code)
    row.name, row.name_en = role.name, role.name_en
    session.flush()
    return role_from_row(row)


def deactivate_role(session: Session, code: str) -> Role:
    """Hide a role from new planning; people and old rosters keep it."""
    row = role_row(session, code)
    row.active = False
    session.flush()
    return role_from_row(row)
