"""engagements per day, kept by the database

Two tables of counts the database keeps current itself by triggers (db/rollups.py): engagements per
day by kind and area (and for every kind, every area, both), and a state's engagements per day. The
app's lists place a position on its day from them: counting costs the number of days, not the number
of engagements. An existing database gets them filled from its records, one GROUP BY each.

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-28 04:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from ccmtui.db import rollups

    dialect = op.get_bind().dialect.name
    op.create_table(
        "engagements_per_day",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("area", sa.String(length=30), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("engagements", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "area", "occurred_on"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "state_engagements_per_day",
        sa.Column("iso3", sa.String(length=3), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("engagements", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("iso3", "occurred_on"),
        sqlite_with_rowid=False,
    )
    for statement in rollups.rebuild(dialect):
        op.execute(statement)
    for statement in rollups.day_counts_ddl(dialect):
        op.execute(statement)


def downgrade() -> None:
    from ccmtui.db import rollups

    for statement in rollups.drop_day_counts(op.get_bind().dialect.name):
        op.execute(statement)
    op.drop_table("state_engagements_per_day")
    op.drop_table("engagements_per_day")
