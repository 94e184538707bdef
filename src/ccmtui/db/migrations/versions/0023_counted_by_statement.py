"""the rows of one INSERT or DELETE counted and carried together (PostgreSQL)

On PostgreSQL the triggers keeping the per-day counts and each engagement's values on the rows
pointing at it (db/rollups.py) handle the rows one INSERT or DELETE brings or takes all at once, by
statement with their transition tables: a sync's COPY of thousands of engagements and links costs one
grouped upsert a table of counts and one UPDATE a table of links, not a trigger call a row. Edits
(UPDATE) stay row by row. On SQLite nothing changes.

Revision ID: 0023
Revises: 0022
Create Date: 2026-11-28 07:20:00
"""

from __future__ import annotations

from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def _replace(*, sets: bool) -> None:
    from ccmtui.db import rollups

    dialect = op.get_bind().dialect.name
    if dialect != "postgresql":
        return
    for statement in (*rollups.drop(dialect), *rollups.drop_day_counts(dialect), *rollups.ddl(dialect, sets=sets)):
        op.execute(statement)


def upgrade() -> None:
    _replace(sets=True)


def downgrade() -> None:
    _replace(sets=False)
