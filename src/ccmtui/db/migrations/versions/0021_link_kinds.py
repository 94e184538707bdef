"""each engagement's kind and area on its states' links

The rows linking an engagement to its states carry its kind and area beside its date, kept equal to
the engagement's by the same triggers (db/rollups.py), and are indexed by (kind, area, state, date):
whether a state had a démarche of an area in a period is one step into that index, so the states a
period's démarches reached cost the number of states, not of démarches. An existing database gets
the values copied in, the index built and the triggers replaced.

Revision ID: 0021
Revises: 0019
Create Date: 2026-11-28 04:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0019"
branch_labels = None
depends_on = None

INDEX = ("ix_engagement_states_kind_area_iso3_occurred_on", ["kind", "area", "iso3", "occurred_on"])


def upgrade() -> None:
    from ccmtui.db import rollups

    dialect = op.get_bind().dialect.name
    for statement in rollups.drop(dialect):
        op.execute(statement)
    # Nullable columns at the end: no copy of the table, on SQLite either.
    op.add_column("engagement_states", sa.Column("kind", sa.String(length=20), nullable=True))
    op.add_column("engagement_states", sa.Column("area", sa.String(length=30), nullable=True))
    op.execute(
        "UPDATE engagement_states SET (kind, area) = "
        "(SELECT kind, area FROM engagements WHERE engagements.uuid = engagement_states.engagement_uuid)"
        if dialect == "sqlite"
        else "UPDATE engagement_states SET kind = engagements.kind, area = engagements.area FROM engagements "
        "WHERE engagements.uuid = engagement_states.engagement_uuid"
    )
    op.create_index(INDEX[0], "engagement_states", INDEX[1], unique=False)
    for statement in rollups.ddl(dialect):
        op.execute(statement)


def downgrade() -> None:
    from ccmtui.db import rollups

    dialect = op.get_bind().dialect.name
    for statement in rollups.drop(dialect):
        op.execute(statement)
    op.drop_index(INDEX[0], table_name="engagement_states")
    with op.batch_alter_table("engagement_states", schema=None) as batch_op:
        batch_op.drop_column("area")
        batch_op.drop_column("kind")
    for statement in rollups.ddl(dialect, rollups.DATES_ONLY):
        op.execute(statement)
