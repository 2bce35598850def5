"""Repair proposals after a sick call, shift swaps, and the append-only audit trail.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "repair_proposals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shelter_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("from_day", sa.Date(), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("roster", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("solve_report", sa.Text(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "state IN ('open', 'accepted', 'discarded')", name=op.f("ck_repair_proposals_state")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_repair_proposals_created_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["users.id"], name=op.f("fk_repair_proposals_decided_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["shelter_id"], ["shelters.id"], name=op.f("fk_repair_proposals_shelter_id_shelters")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_repair_proposals")),
    )
    with op.batch_alter_table("repair_proposals", schema=None) as batch_op:
        batch_op.create_index(
            "ix_repair_proposals_month", ["shelter_id", "year", "month"], unique=False
        )

    op.create_table(
        "roster_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shelter_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=254), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("staff_code", sa.String(length=40), nullable=True),
        sa.Column("staff_name", sa.String(length=200), nullable=True),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("from_shift", sa.String(length=10), nullable=True),
        sa.Column("from_role", sa.String(length=20), nullable=True),
        sa.Column("to_shift", sa.String(length=10), nullable=True),
        sa.Column("to_role", sa.String(length=20), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('repair', 'hand_edit', 'swap', 'publish', 'absence')",
            name=op.f("ck_roster_changes_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["shelter_id"], ["shelters.id"], name=op.f("fk_roster_changes_shelter_id_shelters")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_roster_changes_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_changes")),
    )
    with op.batch_alter_table("roster_changes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_roster_changes_month", ["shelter_id", "year", "month"], unique=False
        )

    op.create_table(
        "swap_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shelter_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("partner_day", sa.Date(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "state IN ('awaiting_partner', 'pending', 'approved', 'rejected', 'declined', "
            "'withdrawn')",
            name=op.f("ck_swap_requests_state"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_swap_requests_created_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["users.id"], name=op.f("fk_swap_requests_decided_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["staff_members.id"],
            name=op.f("fk_swap_requests_partner_id_staff_members"),
        ),
        sa.ForeignKeyConstraint(
            ["shelter_id"], ["shelters.id"], name=op.f("fk_swap_requests_shelter_id_shelters")
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff_members.id"], name=op.f("fk_swap_requests_staff_id_staff_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_swap_requests")),
    )
    with op.batch_alter_table("swap_requests", schema=None) as batch_op:
        batch_op.create_index(
            "ix_swap_requests_month", ["shelter_id", "year", "month"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("swap_requests", schema=None) as batch_op:
        batch_op.drop_index("ix_swap_requests_month")

    op.drop_table("swap_requests")
    with op.batch_alter_table("roster_changes", schema=None) as batch_op:
        batch_op.drop_index("ix_roster_changes_month")

    op.drop_table("roster_changes")
    with op.batch_alter_table("repair_proposals", schema=None) as batch_op:
        batch_op.drop_index("ix_repair_proposals_month")

    op.drop_table("repair_proposals")
