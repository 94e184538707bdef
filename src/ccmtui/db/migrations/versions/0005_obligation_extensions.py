"""obligation extensions and reopened obligations

Each extension request and its decision (Art. 3(3)-(5), 4(5)-(8)) in a table of its own; what
each Art. 7 report says form by form (A-J of the 1MSP reporting format); an
obligation's first completion and reopening (a second period); and the shipped reference data
brought up to date in an upgraded database: the obligations still as shipped are refreshed, the
new obligation, extension and retention rows added. Rows a coordinator changed are left alone.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 12:48:53.378297
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "obligation_extensions",
        sa.Column("iso3", sa.String(length=3), nullable=False),
        sa.Column("article", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("requested", sa.String(length=10), nullable=True),
        sa.Column("requested_to", sa.Date(), nullable=True),
        sa.Column("meeting", sa.String(length=10), nullable=True),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("granted", sa.String(length=10), nullable=True),
        sa.Column("extended_to", sa.Date(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "decision IN ('granted', 'refused', 'pending', 'not recorded')", name="ck_obligation_extensions_decision"
        ),
        sa.CheckConstraint("article IN (3, 4)", name="ck_obligation_extensions_article"),
        sa.ForeignKeyConstraint(["iso3"], ["states.iso3"], onupdate="CASCADE"),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("iso3", "article", "number", name="uq_obligation_extensions_number"),
    )
    with op.batch_alter_table("obligation_extensions", schema=None) as batch_op:
        batch_op.create_index("ix_obligation_extensions_state", ["iso3", "article"], unique=False)

    op.create_table(
        "transparency_forms",
        sa.Column("iso3", sa.String(length=3), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("form", sa.String(length=1), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("last_reported", sa.Integer(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "form IN ('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J')", name="ck_transparency_forms_form"
        ),
        sa.CheckConstraint(
            "status IN ('reported', 'changed', 'unchanged', 'not applicable')", name="ck_transparency_forms_status"
        ),
        sa.CheckConstraint("kind IN ('initial', 'annual')", name="ck_transparency_forms_kind"),
        sa.ForeignKeyConstraint(["iso3"], ["states.iso3"], onupdate="CASCADE"),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("iso3", "kind", "year", "form", name="uq_transparency_forms"),
    )
    with op.batch_alter_table("transparency_forms", schema=None) as batch_op:
        batch_op.create_index("ix_transparency_forms_report", ["iso3", "kind", "year"], unique=False)

    # On SQLite the table is rebuilt with the columns in the models' order, so an upgraded file
    # matches a new one column for column; elsewhere they are added at the end.
    sqlite = op.get_bind().dialect.name == "sqlite"
    with op.batch_alter_table("obligations", schema=None, recreate="always" if sqlite else "auto") as batch_op:
        after = {"insert_after": "completed"} if sqlite else {}
        batch_op.add_column(sa.Column("first_completed", sa.String(length=10), nullable=True), **after)
        after = {"insert_after": "first_completed"} if sqlite else {}
        batch_op.add_column(sa.Column("reopened", sa.String(length=10), nullable=True), **after)

    _refresh_reference_obligations()


def _refresh_reference_obligations() -> None:
    from ccmtui.db.ids import stable_uuid
    from ccmtui.db.reference import (
        REFERENCE_STAMP,
        _text,
        read_extensions,
        read_meetings,
        read_obligations,
        read_retention,
    )

    bind = op.get_bind()
    known = {iso3 for (iso3,) in bind.execute(sa.text("SELECT iso3 FROM states"))}
    if not known:
        return  # an empty schema being built: the reference data comes with the database's creation
    obligations = read_obligations(_text("obligations.csv"), known)
    meetings = read_meetings(_text("meetings.csv"))
    stamps = {
        uuid: str(updated_at) for uuid, updated_at in bind.execute(sa.text("SELECT uuid, updated_at FROM obligations"))
    }
    as_shipped = str(REFERENCE_STAMP)
    reference = {"uuid": None, "created_at": REFERENCE_STAMP, "updated_at": REFERENCE_STAMP}
    obligation_table = sa.table(
        "obligations",
        *(
            sa.column(c)
            for c in (
                "uuid",
                "created_at",
                "updated_at",
                "notes",
                "iso3",
                "article",
                "deadline",
                "extended_to",
                "completed",
                "first_completed",
                "reopened",
                "status",
                "status_as_of",
                "source",
            )
        ),
    )
    for row in obligations:
        uuid = stable_uuid("obligation", row["iso3"], row["article"])
        if uuid not in stamps:
            op.bulk_insert(obligation_table, [{**reference, "uuid": uuid, "notes": "", **row}])
        elif stamps[uuid].startswith(as_shipped[:19]):
            bind.execute(obligation_table.update().where(obligation_table.c.uuid == uuid).values(**row))
    present = {
        (iso3, article): uuid
        for iso3, article, uuid in bind.execute(sa.text("SELECT iso3, article, uuid FROM obligations"))
    }
    extension_table = sa.table(
        "obligation_extensions",
        *(
            sa.column(c)
            for c in (
                "uuid",
                "created_at",
                "updated_at",
                "iso3",
                "article",
                "number",
                "requested",
                "requested_to",
                "meeting",
                "decision",
                "granted",
                "extended_to",
                "source",
                "notes",
            )
        ),
    )
    op.bulk_insert(
        extension_table,
        [
            {**reference, "uuid": stable_uuid("obligation-extension", e["iso3"], e["article"], e["number"]), **e}
            for e in read_extensions(_text("obligation_extensions.csv"), obligations, meetings)
            if (e["iso3"], e["article"]) in present
        ],
    )
    retained = {(iso3, year) for iso3, year in bind.execute(sa.text("SELECT iso3, year FROM retention"))}
    retention_table = sa.table(
        "retention",
        *(
            sa.column(c)
            for c in (
                "uuid",
                "created_at",
                "updated_at",
                "iso3",
                "year",
                "munitions_retained",
                "submunitions_retained",
                "munitions_used",
                "submunitions_used",
                "purpose",
                "source",
            )
        ),
    )
    op.bulk_insert(
        retention_table,
        [
            {**reference, "uuid": stable_uuid("retention", r["iso3"], r["year"]), **r}
            for r in read_retention(_text("retention.csv"), known)
            if (r["iso3"], r["year"]) not in retained
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table("transparency_forms", schema=None) as batch_op:
        batch_op.drop_index("ix_transparency_forms_report")

    op.drop_table("transparency_forms")
    with op.batch_alter_table("obligations", schema=None) as batch_op:
        batch_op.drop_column("reopened")
        batch_op.drop_column("first_completed")

    with op.batch_alter_table("obligation_extensions", schema=None) as batch_op:
        batch_op.drop_index("ix_obligation_extensions_state")

    op.drop_table("obligation_extensions")
