"""meetings of every kind, deliveries and chasers

A meeting has a kind (a Meeting of States Parties, a Review Conference, or a coordinator's own:
intersessional, First Committee, regional, other); the meetings already recorded are MSPs, and
Review Conferences by their code. A reply records the day the letter reached the target; a
campaign may follow an earlier one (a chaser to the states that did not answer).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 13:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

KINDS = "kind IN ('msp', 'rc', 'intersessional', 'first-committee', 'regional', 'other')"


def upgrade() -> None:
    # On SQLite the tables are rebuilt with the columns in the models' order, so an upgraded file
    # matches a new one column for column; elsewhere they are added at the end.
    sqlite = op.get_bind().dialect.name == "sqlite"
    recreate = "always" if sqlite else "auto"
    with op.batch_alter_table("meetings", schema=None, recreate=recreate) as batch_op:
        after = {"insert_after": "notes"} if sqlite else {}
        batch_op.add_column(sa.Column("kind", sa.String(length=20), nullable=False, server_default="msp"), **after)
        batch_op.create_check_constraint("ck_meetings_kind", KINDS)
    op.execute("UPDATE meetings SET kind = 'rc' WHERE upper(code) LIKE '%RC'")

    with op.batch_alter_table("campaigns", schema=None, recreate=recreate) as batch_op:
        after = {"insert_after": "recorded_by"} if sqlite else {}
        batch_op.add_column(sa.Column("follows_uuid", sa.String(length=36), nullable=True), **after)

    with op.batch_alter_table("replies", schema=None, recreate=recreate) as batch_op:
        after = {"insert_after": "illustrative"} if sqlite else {}
        batch_op.add_column(sa.Column("delivered_on", sa.Date(), nullable=True), **after)


def downgrade() -> None:
    with op.batch_alter_table("replies", schema=None) as batch_op:
        batch_op.drop_column("delivered_on")
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.drop_column("follows_uuid")
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_constraint("ck_meetings_kind", type_="check")
        batch_op.drop_column("kind")
