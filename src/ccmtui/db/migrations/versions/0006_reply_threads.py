"""reply threads and the login role of a change set

A state may reply more than once to the same engagement: the unique constraint on (engagement,
state) is dropped (a plain index takes its place), so a further reply is added beside the earlier
ones. An index finds the classifications that cite an engagement (deleted with it, they are
unlinked). A change set records the login role it was made under on a database server
(`made_as`), so that `ccm undo` reverts only one's own.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 13:55:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("replies", schema=None) as batch_op:
        batch_op.drop_constraint("uq_replies_engagement_state", type_="unique")
        batch_op.create_index("ix_replies_engagement", ["engagement_uuid", "iso3"], unique=False)
    with op.batch_alter_table("classifications", schema=None) as batch_op:
        batch_op.create_index("ix_classifications_source_engagement", ["source_engagement"], unique=False)
    with op.batch_alter_table("changesets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("made_as", sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("changesets", schema=None) as batch_op:
        batch_op.drop_column("made_as")
    with op.batch_alter_table("classifications", schema=None) as batch_op:
        batch_op.drop_index("ix_classifications_source_engagement")
    with op.batch_alter_table("replies", schema=None) as batch_op:
        batch_op.drop_index("ix_replies_engagement")
        batch_op.create_unique_constraint("uq_replies_engagement_state", ["engagement_uuid", "iso3"])
