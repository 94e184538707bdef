"""each engagement's date on its links

The rows linking an engagement to its states and acting parties carry its date, kept equal to it
by triggers (db/rollups.py), and are indexed by state (or actor) and date: a state's newest
engagements are read in index order, a page at a time, whatever the size of the log. An existing
database gets the dates copied in and the new indexes built.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27 15:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

OLD_INDEXES = {
    "engagement_states": ("ix_engagement_states_iso3", ["iso3", "engagement_uuid"]),
    "engagement_actors": ("ix_engagement_actors_actor", ["actor", "engagement_uuid"]),
}
NEW_INDEXES = {
    "engagement_states": ("ix_engagement_states_iso3_occurred_on", ["iso3", "occurred_on", "engagement_uuid"]),
    "engagement_actors": ("ix_engagement_actors_actor_occurred_on", ["actor", "occurred_on", "engagement_uuid"]),
}


def upgrade() -> None:
    from ccmtui.db import rollups

    dialect = op.get_bind().dialect.name
    for table in rollups.DATES_ONLY:
        # A nullable column at the end: no copy of the table, on SQLite either.
        op.add_column(table, sa.Column("occurred_on", sa.Date(), nullable=True))
    for statement in rollups.fill(dialect, rollups.DATES_ONLY):
        op.execute(statement)
    for table, (name, _columns) in OLD_INDEXES.items():
        op.drop_index(name, table_name=table)
    for table, (name, columns) in NEW_INDEXES.items():
        op.create_index(name, table, columns, unique=False)
    for statement in rollups.carry_ddl(dialect, rollups.DATES_ONLY):
        op.execute(statement)


def downgrade() -> None:
    from ccmtui.db import rollups

    dialect = op.get_bind().dialect.name
    for statement in rollups.drop(dialect):
        op.execute(statement)
    for table, (name, _columns) in NEW_INDEXES.items():
        op.drop_index(name, table_name=table)
    for table, (name, columns) in OLD_INDEXES.items():
        op.create_index(name, table, columns, unique=False)
    for table in rollups.DATES_ONLY:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("occurred_on")
