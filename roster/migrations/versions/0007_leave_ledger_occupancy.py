"""Leave kinds, the worked-feriado ledger and expected occupancy.

Absences keep their kinds (vacation, medical, leave, training, unplanned stay valid; the new
kinds are new values of the same column) and gain the child's birth date; the ledger of
worked feriados and the expected occupancy per month are new tables; a coverage rule may
carry a ratio of residents.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("absences", schema=None) as batch_op:
        batch_op.add_column(sa.Column("child_born", sa.Date(), nullable=True))
    with op.batch_alter_table("coverage_rules", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ratio_group", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("ratio_per", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("ratio_above", sa.Integer(), server_default="0", nullable=False)
        )
    op.create_table(
        "feriado_ledger",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("feriado", sa.String(length=120), nullable=False),
        sa.Column("shift", sa.String(length=10), nullable=False),
        sa.Column("hours", sa.Double(), nullable=False),
        sa.Column("compensation", sa.String(length=8), nullable=False),
        sa.Column("settled_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff_members.id"],
            name=op.f("fk_feriado_ledger_staff_id_staff_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feriado_ledger")),
        sa.UniqueConstraint("staff_id", "day", name=op.f("uq_feriado_ledger_staff_id_day")),
    )
    with op.batch_alter_table("feriado_ledger", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feriado_ledger_staff_id"), ["staff_id"], unique=False)
    op.create_table(
        "occupancy",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shelter_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("women", sa.Integer(), nullable=False),
        sa.Column("children", sa.Integer(), nullable=False),
        sa.Column("under_six", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["shelter_id"],
            ["shelters.id"],
            name=op.f("fk_occupancy_shelter_id_shelters"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_occupancy")),
        sa.UniqueConstraint(
            "shelter_id", "year", "month", name=op.f("uq_occupancy_shelter_id_year_month")
        ),
    )


def downgrade() -> None:
    op.drop_table("occupancy")
    with op.batch_alter_table("feriado_ledger", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feriado_ledger_staff_id"))
    op.drop_table("feriado_ledger")
    with op.batch_alter_table("coverage_rules", schema=None) as batch_op:
        batch_op.drop_column("ratio_above")
        batch_op.drop_column("ratio_per")
        batch_op.drop_column("ratio_group")
    with op.batch_alter_table("absences", schema=None) as batch_op:
        batch_op.drop_column("child_born")
