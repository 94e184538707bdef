"""each engagement's kind and area on its states' links, and its values on its campaign and replies

The rows linking an engagement to its states carry its kind and area beside its date, its replies
its date, kind and area, its campaign its date and area, all kept equal to the engagement's by the
same triggers (db/rollups.py). Indexed, whether a state had a démarche of an area in a period is one
step into the links' (kind, area, state, date) index; the replies to a period's démarches are one
range of the replies' (kind, area, date) index, which answers alone; a period's campaigns one range
of theirs. An existing database gets the values copied in, the indexes built and the triggers
replaced; no table is copied.

Revision ID: 0021
Revises: 0019
Create Date: 2026-11-28 04:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

# The columns each table gains (the links to the actors carried the date already), then its index.
COLUMNS = {
    "engagement_states": (("kind", sa.String(length=20)), ("area", sa.String(length=30))),
    "campaigns": (("occurred_on", sa.Date()), ("area", sa.String(length=30))),
    "replies": (("occurred_on", sa.Date()), ("kind", sa.String(length=20)), ("area", sa.String(length=30))),
}
INDEXES = {
    "engagement_states": ("ix_engagement_states_kind_area_iso3_occurred_on", ["kind", "area", "iso3", "occurred_on"]),
    "campaigns": ("ix_campaigns_occurred_on_area", ["occurred_on", "area"]),
    "replies": (
        "ix_replies_kind_area_occurred_on",
        ["kind", "area", "occurred_on", "status", "engagement_uuid", "iso3"],
    ),
}


def upgrade() -> None:
    from ccmtui.db import rollups

    dialect = op.get_bind().dialect.name
    for statement in rollups.drop(dialect):
        op.execute(statement)
    for table, columns in COLUMNS.items():
        # Nullable columns at the end: no copy of the table, on SQLite either.
        for name, type_ in columns:
            op.add_column(table, sa.Column(name, type_, nullable=True))
    gained = {table: tuple(name for name, _ in columns) for table, columns in COLUMNS.items()}
    for statement in rollups.fill(dialect, gained):
        op.execute(statement)
    for table, (name, columns) in INDEXES.items():
        op.create_index(name, table, columns, unique=False)
    for statement in rollups.carry_ddl(dialect):
        op.execute(statement)


def downgrade() -> None:
    from ccmtui.db import rollups

    dialect = op.get_bind().dialect.name
    for statement in rollups.drop(dialect):
        op.execute(statement)
    # On SQLite a column is dropped by copying its table: the triggers of the per-day counts, which
    # name engagement_states, go first and come back after.
    for statement in rollups.drop_day_counts(dialect):
        op.execute(statement)
    for table, (name, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, _ in reversed(columns):
                batch_op.drop_column(name)
    for statement in (*rollups.carry_ddl(dialect, rollups.DATES_ONLY), *rollups.day_counts_ddl(dialect)):
        op.execute(statement)
