"""the replies still pending, by date

An index of the replies by status and by their engagement's date (the copy the database keeps on each
reply): the oldest replies still pending, which `ccm due` and the app's Due list first, are read from
the front of it, however many replies are pending.

Revision ID: 0022
Revises: 0021
Create Date: 2026-11-28 05:50:00
"""

from __future__ import annotations

from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_replies_status_occurred_on", "replies", ["status", "occurred_on"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_replies_status_occurred_on", table_name="replies")
