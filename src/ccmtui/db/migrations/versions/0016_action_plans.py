"""the action plans' actions and indicator values

The actions of the Vientiane, Dubrovnik and Lausanne action plans (action_plan.csv) as reference
data, and indicator values per state, action and year. Action points already written in a known
spelling ('lap 17', 'VAP#3') are rewritten in the canonical one ('LAP-17'); others stay as written.

Revision ID: 0016
Revises: 0012
Create Date: 2026-11-27 18:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plan_actions",
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("plan", sa.String(length=3), nullable=False),
        sa.Column("number", sa.String(length=8), nullable=False),
        sa.Column("area", sa.String(length=30), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("indicators", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("plan IN ('VAP', 'DAP', 'LAP')", name="ck_plan_actions_plan"),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("code"),
    )
    op.create_table(
        "indicator_values",
        sa.Column("iso3", sa.String(length=3), nullable=False),
        sa.Column("action", sa.String(length=12), nullable=False),
        sa.Column("indicator", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("value", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "value IN ('done', 'partly', 'not-done', 'not-applicable')", name="ck_indicator_values_value"
        ),
        sa.CheckConstraint("indicator >= 1", name="ck_indicator_values_indicator"),
        sa.ForeignKeyConstraint(["action"], ["plan_actions.code"], onupdate="CASCADE"),
        sa.ForeignKeyConstraint(["iso3"], ["states.iso3"], onupdate="CASCADE"),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("iso3", "action", "indicator", "year", name="uq_indicator_values"),
    )
    with op.batch_alter_table("indicator_values", schema=None) as batch_op:
        batch_op.create_index("ix_indicator_values_action", ["action", "year"], unique=False)
    _load_reference_actions()
    _respell_action_points()


def _load_reference_actions() -> None:
    from ccmtui.db.ids import stable_uuid
    from ccmtui.db.reference import REFERENCE_STAMP, _text
    from ccmtui.db.reference.plans import read_plan_actions

    bind = op.get_bind()
    if not bind.execute(sa.text("SELECT count(*) FROM states")).scalar():
        return  # an empty schema being built: the reference data comes with the database's creation
    table = sa.table(
        "plan_actions",
        *(sa.column(name, sa.String) for name in ("uuid", "code", "plan", "number", "area", "title")),
        *(sa.column(name, sa.String) for name in ("indicators", "source")),
        sa.column("created_at", sa.DateTime),
        sa.column("updated_at", sa.DateTime),
    )
    op.bulk_insert(
        table,
        [
            {
                "uuid": stable_uuid("plan-action", row["code"]),
                "created_at": REFERENCE_STAMP,
                "updated_at": REFERENCE_STAMP,
                **row,
            }
            for row in read_plan_actions(_text("action_plan.csv"))
        ],
    )


def _respell(text: str) -> str:
    import re

    from ccmtui.domain.action_plan import spell_action
    from ccmtui.domain.errors import InputError

    words = []
    for word in (w.strip() for w in re.split(r"[,;]\s*|\s+(?=[A-Za-z])", text) if w.strip()):
        try:
            words.append(spell_action(word))
        except InputError:
            words.append(word)
    return " ".join(dict.fromkeys(words))


def _respell_action_points() -> None:
    bind = op.get_bind()
    for table in ("engagements", "milestones"):
        rows = bind.execute(sa.text(f"SELECT uuid, action_points FROM {table} WHERE action_points <> ''"))
        for uuid, points in rows.fetchall():
            if (better := _respell(points)) != points:
                bind.execute(
                    sa.text(f"UPDATE {table} SET action_points = :points WHERE uuid = :uuid"),
                    {"points": better, "uuid": uuid},
                )


def downgrade() -> None:
    with op.batch_alter_table("indicator_values", schema=None) as batch_op:
        batch_op.drop_index("ix_indicator_values_action")
    op.drop_table("indicator_values")
    op.drop_table("plan_actions")
