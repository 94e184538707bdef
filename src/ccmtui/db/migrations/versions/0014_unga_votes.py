"""UN General Assembly votes on the resolution on the Convention's implementation

How each state voted in each year (domain/unga.py), imported from the UN Digital Library's
voting data (`ccm votes import`). Existing databases start with none.

Revision ID: 0014
Revises: 0012
Create Date: 2026-11-27 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "unga_votes",
        sa.Column("iso3", sa.String(length=3), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("voted_on", sa.Date(), nullable=False),
        sa.Column("vote", sa.String(length=12), nullable=False),
        sa.Column("resolution", sa.String(length=40), server_default="", nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("vote IN ('yes', 'no', 'abstain', 'absent', 'non-member')", name="ck_unga_votes_vote"),
        sa.ForeignKeyConstraint(["iso3"], ["states.iso3"], onupdate="CASCADE"),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("iso3", "year", name="uq_unga_votes_state_year"),
    )
    op.create_index("ix_unga_votes_year", "unga_votes", ["year"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_unga_votes_year", table_name="unga_votes")
    op.drop_table("unga_votes")
