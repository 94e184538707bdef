"""the daily log, change log, sync and attachments

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 09:28:42.790206
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# SQLite only: full-text search over engagements, as this revision created it.
FULL_TEXT_SEARCH = (
    "CREATE VIRTUAL TABLE engagement_search USING fts5(summary, notes, content='engagements', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER engagement_search_insert AFTER INSERT ON engagements BEGIN INSERT INTO engagement_search(rowid, summary, notes) VALUES (new.rowid, new.summary, new.notes); END",
    "CREATE TRIGGER engagement_search_delete AFTER DELETE ON engagements BEGIN INSERT INTO engagement_search(engagement_search, rowid, summary, notes) VALUES ('delete', old.rowid, old.summary, old.notes); END",
    "CREATE TRIGGER engagement_search_update AFTER UPDATE OF summary, notes ON engagements BEGIN INSERT INTO engagement_search(engagement_search, rowid, summary, notes) VALUES ('delete', old.rowid, old.summary, old.notes); INSERT INTO engagement_search(rowid, summary, notes) VALUES (new.rowid, new.summary, new.notes); END",
)

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("sha256"),
    )
    op.create_table(
        "changesets",
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.Column("made_by", sa.String(length=100), nullable=True),
        sa.Column("made_in", sa.String(length=36), nullable=True),
        sa.Column("command", sa.String(length=300), nullable=False),
        sa.Column("reverts", sa.String(length=36), nullable=True),
        sa.Column("reverted_by", sa.String(length=36), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["reverts"],
            ["changesets.uuid"],
        ),
        sa.PrimaryKeyConstraint("uuid"),
    )
    with op.batch_alter_table("changesets", schema=None) as batch_op:
        batch_op.create_index("ix_changesets_made_in_at", ["made_in", "made_at"], unique=False)

    op.create_table(
        "database_info",
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("uuid"),
    )
    op.create_table(
        "engagements",
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("area", sa.String(length=30), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("summary", sa.String(length=300), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("action_points", sa.String(length=200), nullable=False),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "area IN ('universalization', 'stockpile-destruction', 'clearance', 'victim-assistance', 'cooperation', 'transparency', 'national-implementation', 'compliance', 'implementation-support')",
            name="ck_engagements_area",
        ),
        sa.CheckConstraint("channel IN ('capital', 'geneva', 'new-york', 'other')", name="ck_engagements_channel"),
        sa.CheckConstraint(
            "kind IN ('demarche', 'meeting', 'letter', 'note-verbale', 'call', 'email', 'workshop', 'statement', 'other')",
            name="ck_engagements_kind",
        ),
        sa.CheckConstraint("length(trim(summary)) > 0", name="ck_engagements_summary"),
        sa.PrimaryKeyConstraint("uuid"),
    )
    with op.batch_alter_table("engagements", schema=None) as batch_op:
        batch_op.create_index("ix_engagements_area_occurred_on", ["area", "occurred_on"], unique=False)
        batch_op.create_index("ix_engagements_follow_up_on", ["follow_up_on"], unique=False)
        batch_op.create_index("ix_engagements_kind_occurred_on", ["kind", "occurred_on"], unique=False)
        batch_op.create_index("ix_engagements_occurred_on", ["occurred_on"], unique=False)

    op.create_table(
        "sync_peers",
        sa.Column("peer_uuid", sa.String(length=36), nullable=False),
        sa.Column("peer_label", sa.String(length=300), nullable=False),
        sa.Column("last_synced_at", sa.DateTime(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("peer_uuid"),
    )
    op.create_table(
        "attachments",
        sa.Column("engagement_uuid", sa.String(length=36), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["engagement_uuid"],
            ["engagements.uuid"],
        ),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["blobs.sha256"],
        ),
        sa.PrimaryKeyConstraint("uuid"),
    )
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.create_index("ix_attachments_engagement", ["engagement_uuid"], unique=False)

    op.create_table(
        "campaigns",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("engagement_uuid", sa.String(length=36), nullable=False),
        sa.Column("selection", sa.String(length=500), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["engagement_uuid"],
            ["engagements.uuid"],
        ),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("engagement_uuid"),
    )
    op.create_table(
        "changes",
        sa.Column("changeset_uuid", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=6), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["changeset_uuid"],
            ["changesets.uuid"],
        ),
        sa.PrimaryKeyConstraint("uuid"),
    )
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.create_index("ix_changes_action", ["action", "table_name"], unique=False)
        batch_op.create_index("ix_changes_changeset", ["changeset_uuid", "seq"], unique=False)
        batch_op.create_index("ix_changes_record", ["table_name", "record_uuid"], unique=False)

    op.create_table(
        "engagement_actors",
        sa.Column("engagement_uuid", sa.String(length=36), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["engagement_uuid"],
            ["engagements.uuid"],
        ),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("engagement_uuid", "actor", name="uq_engagement_actors"),
    )
    with op.batch_alter_table("engagement_actors", schema=None) as batch_op:
        batch_op.create_index("ix_engagement_actors_actor", ["actor", "engagement_uuid"], unique=False)

    op.create_table(
        "engagement_states",
        sa.Column("engagement_uuid", sa.String(length=36), nullable=False),
        sa.Column("iso3", sa.String(length=3), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["engagement_uuid"],
            ["engagements.uuid"],
        ),
        sa.ForeignKeyConstraint(["iso3"], ["states.iso3"], onupdate="CASCADE"),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("engagement_uuid", "iso3", name="uq_engagement_states"),
    )
    with op.batch_alter_table("engagement_states", schema=None) as batch_op:
        batch_op.create_index("ix_engagement_states_iso3", ["iso3", "engagement_uuid"], unique=False)

    op.create_table(
        "replies",
        sa.Column("engagement_uuid", sa.String(length=36), nullable=False),
        sa.Column("iso3", sa.String(length=3), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("stance", sa.String(length=10), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("supports_category", sa.String(length=3), nullable=True),
        sa.Column("classification_uuid", sa.String(length=36), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("stance IS NULL OR stance IN ('positive', 'neutral', 'negative')", name="ck_replies_stance"),
        sa.CheckConstraint("status != 'replied' OR received_on IS NOT NULL", name="ck_replies_received"),
        sa.CheckConstraint("status IN ('pending', 'replied', 'no-reply')", name="ck_replies_status"),
        sa.CheckConstraint(
            "supports_category IS NULL OR supports_category IN ('I', 'II', 'III')", name="ck_replies_category"
        ),
        sa.ForeignKeyConstraint(
            ["classification_uuid"],
            ["classifications.uuid"],
        ),
        sa.ForeignKeyConstraint(
            ["engagement_uuid"],
            ["engagements.uuid"],
        ),
        sa.ForeignKeyConstraint(["iso3"], ["states.iso3"], onupdate="CASCADE"),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("engagement_uuid", "iso3", name="uq_replies_engagement_state"),
    )
    with op.batch_alter_table("replies", schema=None) as batch_op:
        batch_op.create_index("ix_replies_iso3", ["iso3", "engagement_uuid"], unique=False)
        batch_op.create_index("ix_replies_status_engagement", ["status", "engagement_uuid"], unique=False)

    with op.batch_alter_table("classifications", schema=None) as batch_op:
        batch_op.create_foreign_key(
            "fk_classifications_source_engagement", "engagements", ["source_engagement"], ["uuid"]
        )

    if op.get_bind().dialect.name == "sqlite":
        for statement in FULL_TEXT_SEARCH:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("engagement_search_insert", "engagement_search_delete", "engagement_search_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS engagement_search")
    with op.batch_alter_table("classifications", schema=None) as batch_op:
        batch_op.drop_constraint("fk_classifications_source_engagement", type_="foreignkey")

    with op.batch_alter_table("replies", schema=None) as batch_op:
        batch_op.drop_index("ix_replies_status_engagement")
        batch_op.drop_index("ix_replies_iso3")

    op.drop_table("replies")
    with op.batch_alter_table("engagement_states", schema=None) as batch_op:
        batch_op.drop_index("ix_engagement_states_iso3")

    op.drop_table("engagement_states")
    with op.batch_alter_table("engagement_actors", schema=None) as batch_op:
        batch_op.drop_index("ix_engagement_actors_actor")

    op.drop_table("engagement_actors")
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.drop_index("ix_changes_record")
        batch_op.drop_index("ix_changes_changeset")
        batch_op.drop_index("ix_changes_action")

    op.drop_table("changes")
    op.drop_table("campaigns")
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.drop_index("ix_attachments_engagement")

    op.drop_table("attachments")
    op.drop_table("sync_peers")
    with op.batch_alter_table("engagements", schema=None) as batch_op:
        batch_op.drop_index("ix_engagements_occurred_on")
        batch_op.drop_index("ix_engagements_kind_occurred_on")
        batch_op.drop_index("ix_engagements_follow_up_on")
        batch_op.drop_index("ix_engagements_area_occurred_on")

    op.drop_table("engagements")
    op.drop_table("database_info")
    with op.batch_alter_table("changesets", schema=None) as batch_op:
        batch_op.drop_index("ix_changesets_made_in_at")

    op.drop_table("changesets")
    op.drop_table("blobs")
