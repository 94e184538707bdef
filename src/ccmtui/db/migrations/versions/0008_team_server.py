"""log positions for sync, conflicts

Each change set's position
in this database's log (existing ones numbered in the order they were made) and, per peer, the
position in its log taken in so far, so that a sync reads only what came after; and the conflicts
a sync found, with both versions, to be seen and settled.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27 13:41:39.149884
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conflicts",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("kept", sa.String(length=1), nullable=False),
        sa.Column("a_in", sa.String(length=36), nullable=True),
        sa.Column("a_label", sa.String(length=300), nullable=False),
        sa.Column("a_version", sa.Text(), nullable=True),
        sa.Column("a_by", sa.String(length=100), nullable=True),
        sa.Column("a_login", sa.String(length=63), nullable=True),
        sa.Column("a_at", sa.DateTime(), nullable=True),
        sa.Column("b_in", sa.String(length=36), nullable=True),
        sa.Column("b_label", sa.String(length=300), nullable=False),
        sa.Column("b_version", sa.Text(), nullable=True),
        sa.Column("b_by", sa.String(length=100), nullable=True),
        sa.Column("b_login", sa.String(length=63), nullable=True),
        sa.Column("b_at", sa.DateTime(), nullable=True),
        sa.Column("found_at", sa.DateTime(), nullable=False),
        sa.Column("settled_by", sa.String(length=36), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("uuid"),
    )
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.create_index("ix_conflicts_record", ["table_name", "record_uuid"], unique=False)

    with op.batch_alter_table("changesets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("position", sa.BigInteger(), nullable=True))
        batch_op.create_index("ix_changesets_position", ["position"], unique=False)
    op.execute(
        "UPDATE changesets SET position = (SELECT ordered.n FROM (SELECT uuid, row_number() OVER "
        "(ORDER BY made_at, uuid) AS n FROM changesets) AS ordered WHERE ordered.uuid = changesets.uuid)"
    )

    with op.batch_alter_table("sync_peers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("taken_up_to", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_peers", schema=None) as batch_op:
        batch_op.drop_column("taken_up_to")

    with op.batch_alter_table("changesets", schema=None) as batch_op:
        batch_op.drop_index("ix_changesets_position")
        batch_op.drop_column("position")

    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.drop_index("ix_conflicts_record")

    op.drop_table("conflicts")
