"""stockpile destruction practices; planned and actual use of retained munitions

Practices (Art. 3(2)): a state's destruction method with its cost, safety, environmental impact
and efficiency, and its source document. Retention (Art. 3(8)): the use planned for the year and
the uses planned and made, in words. Existing retention rows carry none.

Revision ID: 0017
Revises: 0012
Create Date: 2026-11-27 18:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

METHODS = (
    "open-burning-detonation", "incineration", "disassembly-recycling", "cryofracture", "contained-detonation",
    "industrial-demilitarisation", "transfer-for-destruction", "other",
)  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "practices",
        sa.Column("iso3", sa.String(length=3), nullable=False),
        sa.Column("method", sa.String(length=30), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("cost_per_unit", sa.Float(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("safety", sa.Text(), nullable=False),
        sa.Column("environment", sa.Text(), nullable=False),
        sa.Column("efficiency", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("document", sa.String(length=255), nullable=True),
        sa.Column("document_sha256", sa.String(length=64), nullable=True),
        sa.Column("engagement_uuid", sa.String(length=36), nullable=True),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(f"method IN ({', '.join(repr(m) for m in METHODS)})", name="ck_practices_method"),
        sa.CheckConstraint("cost_per_unit IS NULL OR cost_per_unit >= 0", name="ck_practices_cost"),
        sa.ForeignKeyConstraint(["document_sha256"], ["blobs.sha256"]),
        sa.ForeignKeyConstraint(["engagement_uuid"], ["engagements.uuid"]),
        sa.ForeignKeyConstraint(["iso3"], ["states.iso3"], onupdate="CASCADE"),
        sa.PrimaryKeyConstraint("uuid"),
    )
    with op.batch_alter_table("practices", schema=None) as batch_op:
        batch_op.create_index("ix_practices_method", ["method", "year"], unique=False)
        batch_op.create_index("ix_practices_state", ["iso3", "year"], unique=False)

    # On SQLite the table is rebuilt with the columns in the models' order, so an upgraded file
    # matches a new one column for column; elsewhere they are added at the end.
    sqlite = op.get_bind().dialect.name == "sqlite"
    with op.batch_alter_table("retention", schema=None, recreate="always" if sqlite else "auto") as batch_op:
        after = "submunitions_used"
        for name, kind in (
            ("munitions_planned", sa.Integer()),
            ("submunitions_planned", sa.Integer()),
            ("planned_use", sa.Text()),
            ("actual_use", sa.Text()),
        ):
            text = isinstance(kind, sa.Text)
            column = sa.Column(name, kind, nullable=not text, server_default="" if text else None)
            batch_op.add_column(column, **({"insert_after": after} if sqlite else {}))
            after = name
        batch_op.create_check_constraint(
            "ck_retention_planned",
            "(munitions_planned IS NULL OR munitions_planned >= 0) AND "
            "(submunitions_planned IS NULL OR submunitions_planned >= 0)",
        )


def downgrade() -> None:
    with op.batch_alter_table("retention", schema=None) as batch_op:
        batch_op.drop_constraint("ck_retention_planned", type_="check")
        for name in ("actual_use", "planned_use", "submunitions_planned", "munitions_planned"):
            batch_op.drop_column(name)
    with op.batch_alter_table("practices", schema=None) as batch_op:
        batch_op.drop_index("ix_practices_state")
        batch_op.drop_index("ix_practices_method")
    op.drop_table("practices")
