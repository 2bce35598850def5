"""Working patterns and meal breaks.

Posts get the contract's working pattern ('rotating' for every existing post: the rota
as it was planned until now); a staff member may carry her own pattern (NULL: her
post's); shift types get their unpaid meal break in minutes (0: none, as before). The
humane-pattern settings live in the shelter's rule set (JSON): missing keys default.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

PATTERNS = "working_pattern IN ('rotating', 'weekdays_day', 'mon_sat_day', 'nights')"


def upgrade() -> None:
    with op.batch_alter_table("posts") as batch:
        batch.add_column(
            sa.Column(
                "working_pattern", sa.String(length=16), nullable=False, server_default="rotating"
            )
        )
        batch.create_check_constraint(op.f("ck_posts_working_pattern"), PATTERNS)
    with op.batch_alter_table("staff_members") as batch:
        batch.add_column(sa.Column("working_pattern", sa.String(length=16), nullable=True))
        batch.create_check_constraint(op.f("ck_staff_members_working_pattern"), PATTERNS)
    with op.batch_alter_table("shift_types") as batch:
        batch.add_column(
            sa.Column("break_minutes", sa.Integer(), nullable=False, server_default="0")
        )
        batch.create_check_constraint(op.f("ck_shift_types_break_minutes"), "break_minutes >= 0")


def downgrade() -> None:
    with op.batch_alter_table("shift_types") as batch:
        batch.drop_constraint(op.f("ck_shift_types_break_minutes"), type_="check")
        batch.drop_column("break_minutes")
    with op.batch_alter_table("staff_members") as batch:
        batch.drop_constraint(op.f("ck_staff_members_working_pattern"), type_="check")
        batch.drop_column("working_pattern")
    with op.batch_alter_table("posts") as batch:
        batch.drop_constraint(op.f("ck_posts_working_pattern"), type_="check")
        batch.drop_column("working_pattern")
