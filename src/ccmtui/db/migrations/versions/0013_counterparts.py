"""counterparts: organisations, people, and who an engagement was with

Organisations become records, the shipped ones (organisations.csv) added to an upgraded
database; people belong to a state or an organisation; an engagement names the people and
organisations it was with. Acting parties written as free text in a known organisation's
spelling ("Implementation Support Unit", "CMC") now name that organisation by its code; other
free text is kept as written.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-27 18:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def _record_columns() -> list[sa.Column]:
    return [
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "organisations",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("aliases", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("helps", sa.String(length=200), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("shipped", sa.Boolean(), nullable=False),
        *_record_columns(),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("code"),
    )
    op.create_table(
        "people",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=100), nullable=False),
        sa.Column("iso3", sa.String(length=3), nullable=True),
        sa.Column("organisation", sa.String(length=20), nullable=True),
        sa.Column("location", sa.String(length=10), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        *_record_columns(),
        sa.CheckConstraint("iso3 IS NULL OR organisation IS NULL", name="ck_people_one_employer"),
        sa.CheckConstraint("location IN ('', 'geneva', 'capital')", name="ck_people_location"),
        sa.CheckConstraint("length(trim(name)) > 0", name="ck_people_name"),
        sa.ForeignKeyConstraint(["iso3"], ["states.iso3"], onupdate="CASCADE"),
        sa.ForeignKeyConstraint(["organisation"], ["organisations.code"], onupdate="CASCADE"),
        sa.PrimaryKeyConstraint("uuid"),
    )
    op.create_index("ix_people_iso3", "people", ["iso3"])
    op.create_index("ix_people_organisation", "people", ["organisation"])
    op.create_table(
        "engagement_counterparts",
        sa.Column("engagement_uuid", sa.String(length=36), nullable=False),
        sa.Column("person_uuid", sa.String(length=36), nullable=True),
        sa.Column("organisation", sa.String(length=20), nullable=True),
        *_record_columns(),
        sa.CheckConstraint("(person_uuid IS NULL) != (organisation IS NULL)", name="ck_engagement_counterparts_one"),
        sa.ForeignKeyConstraint(["engagement_uuid"], ["engagements.uuid"]),
        sa.ForeignKeyConstraint(["person_uuid"], ["people.uuid"]),
        sa.ForeignKeyConstraint(["organisation"], ["organisations.code"], onupdate="CASCADE"),
        sa.PrimaryKeyConstraint("uuid"),
    )
    op.create_index("ix_engagement_counterparts_engagement", "engagement_counterparts", ["engagement_uuid"])
    op.create_index("ix_engagement_counterparts_person", "engagement_counterparts", ["person_uuid"])
    _ship_organisations()


def _ship_organisations() -> None:
    from ccmtui.db.ids import stable_uuid
    from ccmtui.db.reference import REFERENCE_STAMP, shipped_organisations
    from ccmtui.domain.counterparts import Organisation, OrganisationIndex, split_list

    bind = op.get_bind()
    rows = shipped_organisations()
    table = sa.table("organisations", *(sa.column(c) for c in (*rows[0], "uuid", "created_at", "updated_at")))
    op.bulk_insert(
        table,
        [
            {
                **r,
                "uuid": stable_uuid("organisation", r["code"]),
                "created_at": REFERENCE_STAMP,
                "updated_at": REFERENCE_STAMP,
            }
            for r in rows
        ],
    )
    index = OrganisationIndex(
        Organisation(r["code"], r["name"], r["kind"], aliases=split_list(r["aliases"])) for r in rows
    )
    states = {row[0] for row in bind.execute(sa.text("SELECT iso3 FROM states"))}
    actors = [row[0] for row in bind.execute(sa.text("SELECT DISTINCT actor FROM engagement_actors"))]
    for actor in actors:
        code = None if actor in states else index.find(actor)
        if code is None or code == actor:
            continue
        # An engagement that already names the organisation by its code keeps that row alone.
        bind.execute(
            sa.text(
                "DELETE FROM engagement_actors WHERE actor = :actor AND engagement_uuid IN "
                "(SELECT engagement_uuid FROM engagement_actors WHERE actor = :code)"
            ),
            {"actor": actor, "code": code},
        )
        bind.execute(
            sa.text("UPDATE engagement_actors SET actor = :code WHERE actor = :actor"), {"actor": actor, "code": code}
        )


def downgrade() -> None:
    op.drop_table("engagement_counterparts")
    op.drop_table("people")
    op.drop_table("organisations")
