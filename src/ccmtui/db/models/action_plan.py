"""The action plans' actions (reference data) and the indicator values recorded per state and year."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ccmtui.db.models.base import Base, Record
from ccmtui.domain.action_plan import ACTION_PLANS, INDICATOR_VALUES


def _in(column: str, values) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class PlanAction(Record, Base):
    """One action of an action plan: VAP-20, DAP-4.1, LAP-12, with its thematic area and source."""

    __tablename__ = "plan_actions"

    code: Mapped[str] = mapped_column(String(12), unique=True)
    plan: Mapped[str] = mapped_column(String(3))
    number: Mapped[str] = mapped_column(String(8))
    area: Mapped[str] = mapped_column(String(30), default="")
    title: Mapped[str] = mapped_column(Text, default="")
    # The action's indicators as the plan words them, one per line; empty where the text was not reachable.
    indicators: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (CheckConstraint(_in("plan", ACTION_PLANS), name="ck_plan_actions_plan"),)


class IndicatorValue(Record, Base):
    """What a State Party reported (or a source says) it has done on an action's indicator in a year."""

    __tablename__ = "indicator_values"

    iso3: Mapped[str] = mapped_column(String(3), ForeignKey("states.iso3", onupdate="CASCADE"))
    action: Mapped[str] = mapped_column(String(12), ForeignKey("plan_actions.code", onupdate="CASCADE"))
    indicator: Mapped[int] = mapped_column(Integer, default=1)
    year: Mapped[int] = mapped_column(Integer)
    value: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        UniqueConstraint("iso3", "action", "indicator", "year", name="uq_indicator_values"),
        CheckConstraint(_in("value", INDICATOR_VALUES), name="ck_indicator_values_value"),
        CheckConstraint("indicator >= 1", name="ck_indicator_values_indicator"),
        Index("ix_indicator_values_action", "action", "year"),
    )
