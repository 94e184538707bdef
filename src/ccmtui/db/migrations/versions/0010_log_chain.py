"""the change log's chain of hashes, for sync

Each change set's chain (SHA-256 of the previous change set's chain and its own uuid, in the
order of the log's positions; existing change sets are chained here) and, per peer, the chain at
the position taken in, so that a sync can tell the peer's log is still the one it read (a database
restored from a backup gives its later positions to other change sets).

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27 16:05:00.000000
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

BATCH = 5_000


def upgrade() -> None:
    with op.batch_alter_table("changesets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("chain", sa.String(length=64), nullable=True))
    with op.batch_alter_table("sync_peers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("taken_chain", sa.String(length=64), nullable=True))
    connection = op.get_bind()
    changesets = sa.table("changesets", sa.column("uuid", sa.String), sa.column("position", sa.BigInteger))
    update = sa.text("UPDATE changesets SET chain = :chain WHERE uuid = :id")
    chain, after = "", 0
    while True:
        page = connection.execute(
            sa.select(changesets.c.uuid, changesets.c.position)
            .where(changesets.c.position > after)
            .order_by(changesets.c.position)
            .limit(BATCH)
        ).fetchall()
        if not page:
            break
        values = []
        for uuid, position in page:
            chain = hashlib.sha256(f"{chain}:{uuid}".encode()).hexdigest()
            values.append({"chain": chain, "id": uuid})
            after = position
        connection.execute(update, values)


def downgrade() -> None:
    with op.batch_alter_table("sync_peers", schema=None) as batch_op:
        batch_op.drop_column("taken_chain")
    with op.batch_alter_table("changesets", schema=None) as batch_op:
        batch_op.drop_column("chain")
