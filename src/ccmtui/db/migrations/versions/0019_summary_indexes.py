"""indexes the summaries read without a scan

The replies that name reasons get a partial index of their own (by state and day), so that a state's current
reasons are read without walking every reply; a state's assessments are indexed in the order they
replace one another (day, then recording), so that the category each one replaced is one step back;
the (kind, area, date) index of the engagements carries their id, so that a period's démarches are
walked to their states and replies from the index alone. An existing database gets the indexes
built in place; no table is copied.

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-28 01:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

REPLY_WITH_REASONS = "reasons != ''"
# (table, index, columns before, columns after)
WIDENED = (
    (
        "engagements",
        "ix_engagements_kind_area_occurred_on",
        ["kind", "area", "occurred_on"],
        ["kind", "area", "occurred_on", "uuid"],
    ),
    (
        "classifications",
        "ix_classifications_state_date",
        ["iso3", "assessed_on"],
        ["iso3", "assessed_on", "created_at"],
    ),
)


def upgrade() -> None:
    for table, name, _before, after in WIDENED:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, after, unique=False)
    op.create_index(
        "ix_replies_reasons",
        "replies",
        ["iso3", "received_on"],
        unique=False,
        sqlite_where=sa.text(REPLY_WITH_REASONS),
        postgresql_where=sa.text(REPLY_WITH_REASONS),
    )


def downgrade() -> None:
    op.drop_index("ix_replies_reasons", table_name="replies")
    for table, name, before, _after in WIDENED:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, before, unique=False)
