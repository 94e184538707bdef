"""country coalitions

A coalition around an affected state (Art. 6): its lead donors and partners, needs by thematic
area, activities and programmes, and the engagements held for it. New tables only: existing
records are kept as they are.

Revision ID: 0015
Revises: 0012
Create Date: 2026-11-27 18:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def _record() -> list[sa.Column]:
    return [
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def _coalition() -> sa.Column:
    return sa.Column("coalition_uuid", sa.String(length=36), sa.ForeignKey("coalitions.uuid"), nullable=False)


def _amounts() -> list[sa.Column]:
    return [
        sa.Column("amount", sa.BigInteger(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "coalitions",
        sa.Column("iso3", sa.String(length=3), sa.ForeignKey("states.iso3", onupdate="CASCADE"), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("strategy", sa.String(length=300), nullable=False),
        sa.Column("strategy_dated", sa.String(length=10), nullable=True),
        sa.Column("strategy_attachment_uuid", sa.String(length=36), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        *_record(),
        sa.CheckConstraint("length(trim(name)) > 0", name="ck_coalitions_name"),
        sa.PrimaryKeyConstraint("uuid"),
    )
    op.create_index("ix_coalitions_iso3", "coalitions", ["iso3"])
    op.create_table(
        "coalition_members",
        _coalition(),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("iso3", sa.String(length=3), sa.ForeignKey("states.iso3", onupdate="CASCADE"), nullable=True),
        sa.Column("organisation", sa.String(length=100), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        *_record(),
        sa.CheckConstraint("role IN ('lead-donor', 'partner')", name="ck_coalition_members_role"),
        sa.CheckConstraint("(iso3 IS NULL) <> (organisation IS NULL)", name="ck_coalition_members_who"),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("coalition_uuid", "iso3", "organisation", name="uq_coalition_members"),
    )
    op.create_index("ix_coalition_members_coalition", "coalition_members", ["coalition_uuid", "role"])
    op.create_table(
        "coalition_needs",
        _coalition(),
        sa.Column("area", sa.String(length=30), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        *_amounts(),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        *_record(),
        sa.CheckConstraint(
            "area IN ('clearance', 'stockpile-destruction', 'victim-assistance', 'risk-education')",
            name="ck_coalition_needs_area",
        ),
        sa.CheckConstraint("status IN ('open', 'met')", name="ck_coalition_needs_status"),
        sa.CheckConstraint("amount IS NULL OR amount >= 0", name="ck_coalition_needs_amount"),
        sa.CheckConstraint("(amount IS NULL) = (currency IS NULL)", name="ck_coalition_needs_currency"),
        sa.PrimaryKeyConstraint("uuid"),
    )
    op.create_index("ix_coalition_needs_coalition", "coalition_needs", ["coalition_uuid", "status"])
    op.create_table(
        "coalition_activities",
        _coalition(),
        sa.Column("need_uuid", sa.String(length=36), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("funded_by", sa.String(length=200), nullable=False),
        sa.Column("implemented_by", sa.String(length=200), nullable=False),
        *_amounts(),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        *_record(),
        sa.CheckConstraint(
            "status IN ('planned', 'ongoing', 'completed', 'cancelled')", name="ck_coalition_activities_status"
        ),
        sa.CheckConstraint("amount IS NULL OR amount >= 0", name="ck_coalition_activities_amount"),
        sa.CheckConstraint("(amount IS NULL) = (currency IS NULL)", name="ck_coalition_activities_currency"),
        sa.PrimaryKeyConstraint("uuid"),
    )
    op.create_index("ix_coalition_activities_coalition", "coalition_activities", ["coalition_uuid", "status"])
    op.create_table(
        "coalition_engagements",
        _coalition(),
        sa.Column("engagement_uuid", sa.String(length=36), sa.ForeignKey("engagements.uuid"), nullable=False),
        *_record(),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("coalition_uuid", "engagement_uuid", name="uq_coalition_engagements"),
    )
    op.create_index("ix_coalition_engagements_engagement", "coalition_engagements", ["engagement_uuid"])


def downgrade() -> None:
    for table in ("coalition_engagements", "coalition_activities", "coalition_needs", "coalition_members"):
        op.drop_table(table)
    op.drop_table("coalitions")
