"""the register: states, aliases, meetings, categories

Revision ID: 0001
Revises:
Create Date: 2026-11-23 09:28:42.605981
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meetings",
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("city", sa.String(length=60), nullable=False),
        sa.Column("country", sa.String(length=60), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=False),
        sa.Column("president_state", sa.String(length=100), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("code"),
    )
    op.create_table(
        "states",
        sa.Column("iso3", sa.String(length=3), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=40), nullable=False),
        sa.Column("subregion", sa.String(length=60), nullable=False),
        sa.Column("intermediate_region", sa.String(length=60), nullable=True),
        sa.Column("signed", sa.Date(), nullable=True),
        sa.Column("deposited", sa.Date(), nullable=True),
        sa.Column("instrument", sa.String(length=20), nullable=True),
        sa.Column("withdrawal_notified", sa.Date(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "instrument IS NULL OR instrument IN ('ratification', 'accession', 'acceptance', 'approval')",
            name="ck_states_instrument",
        ),
        sa.CheckConstraint("deposited IS NULL OR instrument IS NOT NULL", name="ck_states_deposit_instrument"),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("iso3"),
    )
    op.create_table(
        "classifications",
        sa.Column("iso3", sa.String(length=3), nullable=False),
        sa.Column("category", sa.String(length=3), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("source_engagement", sa.String(length=36), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("category IN ('I', 'II', 'III')", name="ck_classifications_category"),
        sa.ForeignKeyConstraint(["iso3"], ["states.iso3"], onupdate="CASCADE"),
        sa.PrimaryKeyConstraint("uuid"),
    )
    with op.batch_alter_table("classifications", schema=None) as batch_op:
        batch_op.create_index("ix_classifications_date", ["assessed_on"], unique=False)
        batch_op.create_index("ix_classifications_state_date", ["iso3", "assessed_on"], unique=False)

    op.create_table(
        "state_aliases",
        sa.Column("iso3", sa.String(length=3), nullable=False),
        sa.Column("alias", sa.String(length=100), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["iso3"], ["states.iso3"], onupdate="CASCADE"),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("alias"),
    )
    with op.batch_alter_table("state_aliases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_state_aliases_iso3"), ["iso3"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("state_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_state_aliases_iso3"))

    op.drop_table("state_aliases")
    with op.batch_alter_table("classifications", schema=None) as batch_op:
        batch_op.drop_index("ix_classifications_state_date")
        batch_op.drop_index("ix_classifications_date")

    op.drop_table("classifications")
    op.drop_table("states")
    op.drop_table("meetings")
