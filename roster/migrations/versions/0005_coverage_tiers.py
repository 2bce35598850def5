"""Coverage priority tiers (essential, normal, optional).

Coverage rules and stored gaps get a ``tier`` column ('normal' by default); a rule is
unique per role, shift, day class and tier, the tiers' minimums adding up. Existing
rules keep their numbers and are sorted into tiers as the programme's default coverage
reads (DOMAIN.md): the first caregiver (role CUI) of every shift is the essential floor
(a rule of 1 caregiver becomes essential; a larger one gives 1 to a new essential rule
and keeps the rest as normal); workshop instructors (TAL) and nurses (ENF) are optional;
everything else is normal. Desired levels stay desired. Stored gaps are read as normal.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

KEY = ("shelter_id", "role_id", "shift_type_id", "day_class")
FLOOR_ROLE = "CUI"  # the caregiver: one awake on every shift is the 24/7 floor
OPTIONAL_ROLES = ("TAL", "ENF")  # workshops and the nurse: optional cover

rules = sa.table(
    "coverage_rules",
    *(sa.column(name) for name in ("id", *KEY, "minimum", "desired", "tier")),
)
roles = sa.table("roles", sa.column("id"), sa.column("code"))


def upgrade() -> None:
    with op.batch_alter_table("coverage_rules") as batch:
        batch.add_column(
            sa.Column("tier", sa.String(length=16), nullable=False, server_default="normal")
        )
        batch.drop_constraint("uq_coverage_rules_key", type_="unique")
        batch.create_unique_constraint("uq_coverage_rules_key", [*KEY, "tier"])
    with op.batch_alter_table("gaps") as batch:
        batch.add_column(
            sa.Column("tier", sa.String(length=16), nullable=False, server_default="normal")
        )
    sort_into_tiers(op.get_bind())


def sort_into_tiers(bind: sa.Connection) -> None:
    """The first caregiver of each rule essential, workshops and nurse optional."""
    role_ids = dict(bind.execute(sa.select(roles.c.code, roles.c.id)).all())
    optional = [role_ids[code] for code in OPTIONAL_ROLES if code in role_ids]
    if optional:
        bind.execute(rules.update().where(rules.c.role_id.in_(optional)).values(tier="optional"))
    floor = role_ids.get(FLOOR_ROLE)
    if floor is None:
        return
    query = sa.select(rules).where(rules.c.role_id == floor, rules.c.minimum >= 1)
    for row in bind.execute(query).mappings().all():
        if row["minimum"] == 1 and row["desired"] == 1:
            bind.execute(rules.update().where(rules.c.id == row["id"]).values(tier="essential"))
            continue
        bind.execute(
            rules.insert().values(
                **{name: row[name] for name in KEY}, minimum=1, desired=1, tier="essential"
            )
        )
        bind.execute(
            rules.update()
            .where(rules.c.id == row["id"])
            .values(minimum=row["minimum"] - 1, desired=row["desired"] - 1)
        )


def downgrade() -> None:
    merge_tiers(op.get_bind())
    with op.batch_alter_table("gaps") as batch:
        batch.drop_column("tier")
    with op.batch_alter_table("coverage_rules") as batch:
        batch.drop_constraint("uq_coverage_rules_key", type_="unique")
        batch.create_unique_constraint("uq_coverage_rules_key", list(KEY))
        batch.drop_column("tier")


def merge_tiers(bind: sa.Connection) -> None:
    """One rule per role, shift and day class again: the tiers' numbers added up."""
    merged: dict[tuple, dict] = {}
    for row in bind.execute(sa.select(rules).order_by(rules.c.id)).mappings().all():
        key = tuple(row[name] for name in KEY)
        if key not in merged:
            merged[key] = dict(row)
            continue
        kept = merged[key]
        kept["minimum"] += row["minimum"]
        kept["desired"] += row["desired"]
        bind.execute(rules.delete().where(rules.c.id == row["id"]))
        bind.execute(
            rules.update()
            .where(rules.c.id == kept["id"])
            .values(minimum=kept["minimum"], desired=kept["desired"])
        )
