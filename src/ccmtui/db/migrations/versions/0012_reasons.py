"""reasons on classifications and replies

Why a state holds back (domain/reasons.py): reason codes on a Category I/II/III assessment and
on a reply. Existing rows carry none.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-27 15:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # On SQLite the tables are rebuilt with the columns in the models' order, so an upgraded file
    # matches a new one column for column; elsewhere they are added at the end.
    sqlite = op.get_bind().dialect.name == "sqlite"
    recreate = "always" if sqlite else "auto"
    for table, after in (("classifications", "recorded_by"), ("replies", "delivered_on")):
        with op.batch_alter_table(table, schema=None, recreate=recreate) as batch_op:
            where = {"insert_after": after} if sqlite else {}
            batch_op.add_column(sa.Column("reasons", sa.String(length=200), nullable=False, server_default=""), **where)


def downgrade() -> None:
    for table in ("replies", "classifications"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("reasons")
