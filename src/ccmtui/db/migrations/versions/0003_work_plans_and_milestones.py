"""work plans and milestones

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 09:40:17.568226
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "work_plans",
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("area", sa.String(length=30), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("background", sa.Text(), nullable=False),
        sa.Column("strategy", sa.Text(), nullable=False),
        sa.Column("expected_outputs", sa.Text(), nullable=False),
        sa.Column("estimated_budget", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "area IN ('universalization', 'stockpile-destruction', 'clearance', 'victim-assistance', 'cooperation', 'transparency', 'national-implementation', 'compliance', 'implementation-support')",
            name="ck_work_plans_area",
        ),
        sa.CheckConstraint("ends_on >= starts_on", name="ck_work_plans_period"),
        sa.CheckConstraint("length(trim(title)) > 0", name="ck_work_plans_title"),
        sa.PrimaryKeyConstraint("uuid"),
    )
    with op.batch_alter_table("work_plans", schema=None) as batch_op:
        batch_op.create_index("ix_work_plans_area_starts_on", ["area", "starts_on"], unique=False)

    op.create_table(
        "milestones",
        sa.Column("work_plan_uuid", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("due_quarter", sa.String(length=6), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("action_points", sa.String(length=200), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "(status = 'done' AND done_on IS NOT NULL) OR (status != 'done' AND done_on IS NULL)",
            name="ck_milestones_done_on",
        ),
        sa.CheckConstraint(
            "status IN ('planned', 'in-progress', 'done', 'slipped', 'dropped')", name="ck_milestones_status"
        ),
        sa.CheckConstraint("length(trim(title)) > 0", name="ck_milestones_title"),
        sa.ForeignKeyConstraint(
            ["work_plan_uuid"],
            ["work_plans.uuid"],
        ),
        sa.PrimaryKeyConstraint("uuid"),
    )
    with op.batch_alter_table("milestones", schema=None) as batch_op:
        batch_op.create_index("ix_milestones_done_on", ["done_on"], unique=False)
        batch_op.create_index("ix_milestones_due_on", ["due_on"], unique=False)
        batch_op.create_index("ix_milestones_work_plan", ["work_plan_uuid", "position"], unique=False)

    op.create_table(
        "work_plan_items",
        sa.Column("work_plan_uuid", sa.String(length=36), nullable=False),
        sa.Column("section", sa.String(length=12), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("section IN ('objective', 'implementer', 'partner')", name="ck_work_plan_items_section"),
        sa.ForeignKeyConstraint(
            ["work_plan_uuid"],
            ["work_plans.uuid"],
        ),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("work_plan_uuid", "section", "position", name="uq_work_plan_items"),
    )
    op.create_table(
        "work_plan_states",
        sa.Column("work_plan_uuid", sa.String(length=36), nullable=False),
        sa.Column("iso3", sa.String(length=3), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("role IN ('coordinator', 'focus')", name="ck_work_plan_states_role"),
        sa.ForeignKeyConstraint(["iso3"], ["states.iso3"], onupdate="CASCADE"),
        sa.ForeignKeyConstraint(
            ["work_plan_uuid"],
            ["work_plans.uuid"],
        ),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("work_plan_uuid", "role", "iso3", name="uq_work_plan_states"),
    )
    with op.batch_alter_table("work_plan_states", schema=None) as batch_op:
        batch_op.create_index("ix_work_plan_states_iso3", ["iso3", "work_plan_uuid"], unique=False)

    op.create_table(
        "milestone_engagements",
        sa.Column("milestone_uuid", sa.String(length=36), nullable=False),
        sa.Column("engagement_uuid", sa.String(length=36), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["engagement_uuid"],
            ["engagements.uuid"],
        ),
        sa.ForeignKeyConstraint(
            ["milestone_uuid"],
            ["milestones.uuid"],
        ),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("milestone_uuid", "engagement_uuid", name="uq_milestone_engagements"),
    )
    with op.batch_alter_table("milestone_engagements", schema=None) as batch_op:
        batch_op.create_index("ix_milestone_engagements_engagement", ["engagement_uuid"], unique=False)

    op.create_table(
        "milestone_slips",
        sa.Column("milestone_uuid", sa.String(length=36), nullable=False),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        sa.Column("from_due_on", sa.Date(), nullable=False),
        sa.Column("from_quarter", sa.String(length=6), nullable=True),
        sa.Column("to_due_on", sa.Date(), nullable=False),
        sa.Column("to_quarter", sa.String(length=6), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("to_due_on > from_due_on", name="ck_milestone_slips_later"),
        sa.ForeignKeyConstraint(
            ["milestone_uuid"],
            ["milestones.uuid"],
        ),
        sa.PrimaryKeyConstraint("uuid"),
    )
    with op.batch_alter_table("milestone_slips", schema=None) as batch_op:
        batch_op.create_index("ix_milestone_slips_from_due_on", ["from_due_on"], unique=False)
        batch_op.create_index("ix_milestone_slips_milestone", ["milestone_uuid", "from_due_on"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("milestone_slips", schema=None) as batch_op:
        batch_op.drop_index("ix_milestone_slips_milestone")
        batch_op.drop_index("ix_milestone_slips_from_due_on")

    op.drop_table("milestone_slips")
    with op.batch_alter_table("milestone_engagements", schema=None) as batch_op:
        batch_op.drop_index("ix_milestone_engagements_engagement")

    op.drop_table("milestone_engagements")
    with op.batch_alter_table("work_plan_states", schema=None) as batch_op:
        batch_op.drop_index("ix_work_plan_states_iso3")

    op.drop_table("work_plan_states")
    op.drop_table("work_plan_items")
    with op.batch_alter_table("milestones", schema=None) as batch_op:
        batch_op.drop_index("ix_milestones_work_plan")
        batch_op.drop_index("ix_milestones_due_on")
        batch_op.drop_index("ix_milestones_done_on")

    op.drop_table("milestones")
    with op.batch_alter_table("work_plans", schema=None) as batch_op:
        batch_op.drop_index("ix_work_plans_area_starts_on")

    op.drop_table("work_plans")
