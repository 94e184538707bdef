"""obligations, retention, transparency reports, national measures, cooperation

The Art. 3-9 records the summaries and the progress report read, an index for counting a period's
démarches, and the shipped Art. 3 and 4 obligations (obligations.csv) loaded into the upgraded
database as a new one receives them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 09:54:08.574293
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cooperation_reports",
        sa.Column("iso3", sa.String(length=3), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("role IN ('needs', 'provides')", name="ck_cooperation_role"),
        sa.ForeignKeyConstraint(["iso3"], ["states.iso3"], onupdate="CASCADE"),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("iso3", "year", "role", name="uq_cooperation_state_year_role"),
    )
    with op.batch_alter_table("cooperation_reports", schema=None) as batch_op:
        batch_op.create_index("ix_cooperation_year", ["year", "role"], unique=False)

    op.create_table(
        "national_measures",
        sa.Column("iso3", sa.String(length=3), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("dated", sa.String(length=10), nullable=False),
        sa.Column("measure", sa.String(length=300), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('adopted', 'existing-law', 'in-progress', 'none')", name="ck_national_measures_status"
        ),
        sa.ForeignKeyConstraint(["iso3"], ["states.iso3"], onupdate="CASCADE"),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("iso3", "status", "dated", name="uq_national_measures"),
    )
    with op.batch_alter_table("national_measures", schema=None) as batch_op:
        batch_op.create_index("ix_national_measures_state", ["iso3", "dated"], unique=False)

    op.create_table(
        "obligations",
        sa.Column("iso3", sa.String(length=3), nullable=False),
        sa.Column("article", sa.Integer(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("extension_requested", sa.String(length=10), nullable=True),
        sa.Column("extension_requested_to", sa.Date(), nullable=True),
        sa.Column("extension_granted", sa.String(length=10), nullable=True),
        sa.Column("extended_to", sa.Date(), nullable=True),
        sa.Column("completed", sa.String(length=10), nullable=True),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("status_as_of", sa.Date(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('outstanding', 'completed', 'no stockpile reported', 'uncertain')", name="ck_obligations_status"
        ),
        sa.CheckConstraint("article IN (3, 4, 5)", name="ck_obligations_article"),
        sa.CheckConstraint(
            "extended_to IS NULL OR deadline IS NULL OR extended_to > deadline", name="ck_obligations_extension"
        ),
        sa.ForeignKeyConstraint(["iso3"], ["states.iso3"], onupdate="CASCADE"),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("iso3", "article", name="uq_obligations_state_article"),
    )
    with op.batch_alter_table("obligations", schema=None) as batch_op:
        batch_op.create_index("ix_obligations_article", ["article", "iso3"], unique=False)

    op.create_table(
        "retention",
        sa.Column("iso3", sa.String(length=3), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("munitions_retained", sa.Integer(), nullable=True),
        sa.Column("submunitions_retained", sa.Integer(), nullable=True),
        sa.Column("munitions_used", sa.Integer(), nullable=True),
        sa.Column("submunitions_used", sa.Integer(), nullable=True),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "(munitions_retained IS NULL OR munitions_retained >= 0) AND (submunitions_retained IS NULL OR submunitions_retained >= 0) AND (munitions_used IS NULL OR munitions_used >= 0) AND (submunitions_used IS NULL OR submunitions_used >= 0)",
            name="ck_retention_counts",
        ),
        sa.CheckConstraint(
            "(munitions_used IS NULL OR munitions_used <= munitions_retained) AND (submunitions_used IS NULL OR submunitions_used <= submunitions_retained)",
            name="ck_retention_used",
        ),
        sa.ForeignKeyConstraint(["iso3"], ["states.iso3"], onupdate="CASCADE"),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("iso3", "year", name="uq_retention_state_year"),
    )
    with op.batch_alter_table("retention", schema=None) as batch_op:
        batch_op.create_index("ix_retention_year", ["year", "iso3"], unique=False)

    op.create_table(
        "transparency_reports",
        sa.Column("iso3", sa.String(length=3), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("submitted", sa.Date(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('initial', 'annual')", name="ck_transparency_kind"),
        sa.ForeignKeyConstraint(["iso3"], ["states.iso3"], onupdate="CASCADE"),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("iso3", "kind", "year", name="uq_transparency_state_kind_year"),
    )
    with op.batch_alter_table("transparency_reports", schema=None) as batch_op:
        batch_op.create_index("ix_transparency_kind_year", ["kind", "year"], unique=False)

    with op.batch_alter_table("engagements", schema=None) as batch_op:
        batch_op.create_index("ix_engagements_kind_area_occurred_on", ["kind", "area", "occurred_on"], unique=False)

    _load_reference_obligations()


def _load_reference_obligations() -> None:
    from ccmtui.db.ids import stable_uuid
    from ccmtui.db.reference import REFERENCE_STAMP, _text, read_obligations

    bind = op.get_bind()
    known = {iso3 for (iso3,) in bind.execute(sa.text("SELECT iso3 FROM states"))}
    if not known:
        return  # an empty schema being built: the reference data comes with the database's creation
    rows = read_obligations(_text("obligations.csv"), known)
    table = sa.table(
        "obligations",
        sa.column("uuid", sa.String),
        sa.column("created_at", sa.DateTime),
        sa.column("updated_at", sa.DateTime),
        sa.column("notes", sa.Text),
        sa.column("iso3", sa.String),
        sa.column("article", sa.Integer),
        sa.column("deadline", sa.Date),
        sa.column("extended_to", sa.Date),
        sa.column("completed", sa.String),
        sa.column("status", sa.String),
        sa.column("status_as_of", sa.Date),
        sa.column("source", sa.Text),
    )
    op.bulk_insert(
        table,
        [
            {
                "uuid": stable_uuid("obligation", row["iso3"], row["article"]),
                "created_at": REFERENCE_STAMP,
                "updated_at": REFERENCE_STAMP,
                "notes": "",
                **row,
            }
            for row in rows
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table("engagements", schema=None) as batch_op:
        batch_op.drop_index("ix_engagements_kind_area_occurred_on")

    with op.batch_alter_table("transparency_reports", schema=None) as batch_op:
        batch_op.drop_index("ix_transparency_kind_year")

    op.drop_table("transparency_reports")
    with op.batch_alter_table("retention", schema=None) as batch_op:
        batch_op.drop_index("ix_retention_year")

    op.drop_table("retention")
    with op.batch_alter_table("obligations", schema=None) as batch_op:
        batch_op.drop_index("ix_obligations_article")

    op.drop_table("obligations")
    with op.batch_alter_table("national_measures", schema=None) as batch_op:
        batch_op.drop_index("ix_national_measures_state")

    op.drop_table("national_measures")
    with op.batch_alter_table("cooperation_reports", schema=None) as batch_op:
        batch_op.drop_index("ix_cooperation_year")

    op.drop_table("cooperation_reports")
