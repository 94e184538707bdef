"""margin slots

Bilateral meetings planned in the margins of a meeting's week (`ccm margins`): the state met, the
day and times, the room, the objective, and the engagement that records the outcome. Existing
databases gain the empty table.

Revision ID: 0018
Revises: 0012
Create Date: 2026-11-27 18:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "margin_slots",
        sa.Column("meeting_uuid", sa.String(length=36), nullable=False),
        sa.Column("iso3", sa.String(length=3), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("starts", sa.String(length=5), nullable=False),
        sa.Column("ends", sa.String(length=5), nullable=False),
        sa.Column("room", sa.String(length=60), nullable=False),
        sa.Column("objective", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("engagement_uuid", sa.String(length=36), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("status IN ('planned', 'held', 'cancelled')", name="ck_margin_slots_status"),
        sa.CheckConstraint("ends > starts", name="ck_margin_slots_times"),
        sa.ForeignKeyConstraint(["engagement_uuid"], ["engagements.uuid"], name="fk_margin_slots_engagement"),
        sa.ForeignKeyConstraint(["iso3"], ["states.iso3"], onupdate="CASCADE"),
        sa.ForeignKeyConstraint(["meeting_uuid"], ["meetings.uuid"]),
        sa.PrimaryKeyConstraint("uuid"),
    )
    with op.batch_alter_table("margin_slots", schema=None) as batch_op:
        batch_op.create_index("ix_margin_slots_engagement", ["engagement_uuid"], unique=False)
        batch_op.create_index("ix_margin_slots_meeting_day", ["meeting_uuid", "day", "starts"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("margin_slots", schema=None) as batch_op:
        batch_op.drop_index("ix_margin_slots_meeting_day")
        batch_op.drop_index("ix_margin_slots_engagement")
    op.drop_table("margin_slots")
