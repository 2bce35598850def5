"""Coverage rules of a shelter: set (create or update), list, delete; one rule per role,
shift, day class and tier."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import CoverageRule, DayClass, Tier
from models.coverage import TIER_NAMES_ES
from roster.services.errors import NotFound
from roster.services.labels import DAY_CLASS_LABELS_ES
from roster.services.lookup import role_row, shelter_row, shift_row
from roster.services.occupancy import ratio_columns, ratio_of
from roster.storage import CoverageRuleRow, RoleRow, ShelterRow, ShiftTypeRow


def _find(
    session: Session,
    shelter: ShelterRow,
    role: str,
    shift: str,
    day_class: DayClass,
    tier: Tier = Tier.NORMAL,
) -> CoverageRuleRow | None:
    return session.scalar(
        select(CoverageRuleRow).where(
            CoverageRuleRow.shelter_id == shelter.id,
            CoverageRuleRow.role_id == role_row(session, role).id,
            CoverageRuleRow.shift_type_id == shift_row(session, shelter, shift).id,
            CoverageRuleRow.day_class == str(day_class),
            CoverageRuleRow.tier == str(tier),
        )
    )


def set_coverage_rule(session: Session, shelter_code: str, rule: CoverageRule) -> CoverageRule:
    """Store a coverage rule, replacing the one for the same role, shift, day class and tier."""
    shelter = shelter_row(session, shelter_code)
    row = _find(session, shelter, rule.role, rule.shift, rule.day_class, rule.tier)
    if row is None:
        row = CoverageRuleRow(
            shelter_id=shelter.id,
            role_id=role_row(session, rule.role).id,
            shift_type_id=shift_row(session, shelter, rule.shift).id,
            day_class=str(rule.day_class),
            tier=str(rule.tier),
        )
        session.add(row)
    row.minimum, row.desired = rule.minimum, rule.desired
    for column, value in ratio_columns(rule.ratio).items():
        setattr(row, column, value)
    session.flush()
    return rule


def list_coverage(session: Session, shelter_code: str) -> list[CoverageRule]:
    """A shelter's coverage rules on active roles and shift types."""
    shelter = shelter_row(session, shelter_code)
    query = (
        select(CoverageRuleRow, RoleRow.code, ShiftTypeRow.code)
        .join(RoleRow, RoleRow.id == CoverageRuleRow.role_id)
        .join(ShiftTypeRow, ShiftTypeRow.id == CoverageRuleRow.shift_type_id)
        .where(CoverageRuleRow.shelter_id == shelter.id)
        .where(RoleRow.active.is_(True), ShiftTypeRow.active.is_(True))
        .order_by(CoverageRuleRow.id)
    )
    return [
        CoverageRule(
            role, shift, DayClass(row.day_class), row.minimum, row.desired, row.tier, ratio_of(row)
        )
        for row, role, shift in session.execute(query)
    ]


def delete_coverage_rule(
    session: Session,
    shelter_code: str,
    role: str,
    shift: str,
    day_class: DayClass,
    tier: Tier = Tier.NORMAL,
) -> None:
    """Remove one coverage rule (no need of that tier on that shift any more)."""
    shelter = shelter_row(session, shelter_code)
    row = _find(session, shelter, role, shift, day_class, tier)
    if row is None:
        raise NotFound(
            f"No hay regla de cobertura {TIER_NAMES_ES[tier]} para la función '{role}' en el "
            f"turno '{shift}' ({DAY_CLASS_LABELS_ES[day_class]}) del hogar '{shelter_code}'."
        )
    session.delete(row)
    session.flush()
