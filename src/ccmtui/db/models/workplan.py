"""Thematic work plans and their timeline milestones."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ccmtui.db.models.base import Base, Record
from ccmtui.db.models.log import _in
from ccmtui.domain.areas import AREAS
from ccmtui.domain.workplan import MILESTONE_STATUSES

WORK_PLAN_ROLES = ("coordinator", "focus")
WORK_PLAN_SECTIONS = ("objective", "implementer", "partner")


class WorkPlan(Record, Base):
    """A thematic coordinators' work plan for a period, in the structure CCM work plans use."""

    __tablename__ = "work_plans"

    title: Mapped[str] = mapped_column(String(300))
    area: Mapped[str] = mapped_column(String(30))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    background: Mapped[str] = mapped_column(Text, default="")
    strategy: Mapped[str] = mapped_column(Text, default="")
    expected_outputs: Mapped[str] = mapped_column(Text, default="")
    estimated_budget: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        CheckConstraint(_in("area", AREAS), name="ck_work_plans_area"),
        CheckConstraint("ends_on >= starts_on", name="ck_work_plans_period"),
        CheckConstraint("length(trim(title)) > 0", name="ck_work_plans_title"),
        Index("ix_work_plans_area_starts_on", "area", "starts_on"),
    )


class WorkPlanState(Record, Base):
    """A state a work plan names: one of its coordinators, or a state its strategy focuses on."""

    __tablename__ = "work_plan_states"

    work_plan_uuid: Mapped[str] = mapped_column(String(36), ForeignKey("work_plans.uuid"))
    iso3: Mapped[str] = mapped_column(String(3), ForeignKey("states.iso3", onupdate="CASCADE"))
    role: Mapped[str] = mapped_column(String(12))
    position: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        UniqueConstraint("work_plan_uuid", "role", "iso3", name="uq_work_plan_states"),
        CheckConstraint(_in("role", WORK_PLAN_ROLES), name="ck_work_plan_states_role"),
        Index("ix_work_plan_states_iso3", "iso3", "work_plan_uuid"),
    )


class WorkPlanItem(Record, Base):
    """One entry of a work plan's lists: an objective, an implementer, a partner."""

    __tablename__ = "work_plan_items"

    work_plan_uuid: Mapped[str] = mapped_column(String(36), ForeignKey("work_plans.uuid"))
    section: Mapped[str] = mapped_column(String(12))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("work_plan_uuid", "section", "position", name="uq_work_plan_items"),
        CheckConstraint(_in("section", WORK_PLAN_SECTIONS), name="ck_work_plan_items_section"),
    )


class Milestone(Record, Base):
    """A timeline milestone of a work plan, due by the end of a quarter or on a date."""

    __tablename__ = "milestones"

    work_plan_uuid: Mapped[str] = mapped_column(String(36), ForeignKey("work_plans.uuid"))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    # due_on is the quarter's last day when the milestone is due by quarter (due_quarter = '2025Q1').
    due_on: Mapped[date] = mapped_column(Date)
    due_quarter: Mapped[str | None] = mapped_column(String(6))
    status: Mapped[str] = mapped_column(String(12), default="planned")
    done_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    action_points: Mapped[str] = mapped_column(String(200), default="")
    recorded_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        CheckConstraint(_in("status", MILESTONE_STATUSES), name="ck_milestones_status"),
        CheckConstraint(
            "(status = 'done' AND done_on IS NOT NULL) OR (status != 'done' AND done_on IS NULL)",
            name="ck_milestones_done_on",
        ),
        CheckConstraint("length(trim(title)) > 0", name="ck_milestones_title"),
        Index("ix_milestones_due_on", "due_on"),
        Index("ix_milestones_done_on", "done_on"),
        Index("ix_milestones_work_plan", "work_plan_uuid", "position"),
    )


class MilestoneSlip(Record, Base):
    """A milestone's due date moved later: from when to when, recorded on which day and why."""

    __tablename__ = "milestone_slips"

    milestone_uuid: Mapped[str] = mapped_column(String(36), ForeignKey("milestones.uuid"))
    recorded_on: Mapped[date] = mapped_column(Date)
    from_due_on: Mapped[date] = mapped_column(Date)
    from_quarter: Mapped[str | None] = mapped_column(String(6))
    to_due_on: Mapped[date] = mapped_column(Date)
    to_quarter: Mapped[str | None] = mapped_column(String(6))
    reason: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint("to_due_on > from_due_on", name="ck_milestone_slips_later"),
        Index("ix_milestone_slips_milestone", "milestone_uuid", "from_due_on"),
        Index("ix_milestone_slips_from_due_on", "from_due_on"),
    )


class MilestoneEngagement(Record, Base):
    """An engagement that delivered (part of) a milestone."""

    __tablename__ = "milestone_engagements"

    milestone_uuid: Mapped[str] = mapped_column(String(36), ForeignKey("milestones.uuid"))
    engagement_uuid: Mapped[str] = mapped_column(String(36), ForeignKey("engagements.uuid"))

    __table_args__ = (
        UniqueConstraint("milestone_uuid", "engagement_uuid", name="uq_milestone_engagements"),
        Index("ix_milestone_engagements_engagement", "engagement_uuid"),
    )
