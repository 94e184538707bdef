"""Read queries on any record by its id: which kind it is, what goes with it, what changed it later."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import DateTime, Select, String, bindparam, cast, func, literal_column, select, union_all

from ccmtui.db.models import (
    Attachment,
    Campaign,
    Change,
    ChangeSet,
    Classification,
    CooperationReport,
    Engagement,
    EngagementActor,
    EngagementCounterpart,
    EngagementState,
    IndicatorValue,
    MarginSlot,
    Meeting,
    Milestone,
    MilestoneEngagement,
    MilestoneSlip,
    NationalMeasure,
    Obligation,
    ObligationExtension,
    Practice,
    Reply,
    Retention,
    State,
    TransparencyReport,
    WorkPlan,
    WorkPlanItem,
    WorkPlanState,
)
from ccmtui.db.queries import Q

# Every kind of record an id can name (reference data included, so that it can be refused by name).
ID_TABLES = (
    Engagement, Campaign, Reply, Classification, Milestone, WorkPlan, Obligation, ObligationExtension, Retention,
    TransparencyReport, NationalMeasure, CooperationReport, Attachment, Meeting, ChangeSet, State, IndicatorValue, Practice,
)  # fmt: skip


def _named(table: str):
    return literal_column(f"'{table}'", String).label("table_name")


def record_ids() -> Select:
    """Up to two records of any kind whose id starts with a prefix (a range on each primary key)."""
    parts = [
        select(_named(model.__tablename__), model.uuid).where(
            model.uuid >= bindparam("low"), model.uuid < bindparam("high")
        )
        for model in ID_TABLES
    ]
    found = union_all(*parts).subquery()
    return select(found.c.table_name, found.c.uuid).order_by(found.c.uuid, found.c.table_name).limit(2)


def _parts(*selects: Select) -> Select:
    found = union_all(*selects).subquery()
    return select(found.c.table_name, found.c.uuid, found.c.label).order_by(
        found.c.table_name, found.c.label, found.c.uuid
    )


def parts_of_engagement() -> Select:
    """What goes with an engagement: its states, acting parties, attachments, replies, campaign and
    milestone links, and the classifications and practices that cite it and the margin slot it was the
    outcome of (those are kept, unlinked)."""
    engagement = bindparam("engagement")
    return _parts(
        select(_named("engagement_states"), EngagementState.uuid, EngagementState.iso3.label("label")).where(
            EngagementState.engagement_uuid == engagement
        ),
        select(_named("engagement_actors"), EngagementActor.uuid, EngagementActor.actor).where(
            EngagementActor.engagement_uuid == engagement
        ),
        select(
            _named("engagement_counterparts"),
            EngagementCounterpart.uuid,
            func.coalesce(EngagementCounterpart.organisation, "a person"),
        ).where(EngagementCounterpart.engagement_uuid == engagement),
        select(_named("attachments"), Attachment.uuid, Attachment.filename).where(
            Attachment.engagement_uuid == engagement
        ),
        select(_named("replies"), Reply.uuid, Reply.iso3).where(Reply.engagement_uuid == engagement),
        select(_named("campaigns"), Campaign.uuid, Campaign.title).where(Campaign.engagement_uuid == engagement),
        select(_named("milestone_engagements"), MilestoneEngagement.uuid, MilestoneEngagement.milestone_uuid).where(
            MilestoneEngagement.engagement_uuid == engagement
        ),
        select(_named("classifications"), Classification.uuid, Classification.iso3).where(
            Classification.source_engagement == engagement
        ),
        select(_named("margin_slots"), MarginSlot.uuid, MarginSlot.iso3).where(
            MarginSlot.engagement_uuid == engagement
        ),
        select(_named("practices"), Practice.uuid, Practice.iso3).where(Practice.engagement_uuid == engagement),
    )


def parts_of_work_plan() -> Select:
    """What goes with a work plan: its states, items, milestones and theirs."""
    plan = bindparam("work_plan")
    milestones = select(Milestone.uuid).where(Milestone.work_plan_uuid == plan)
    return _parts(
        select(_named("work_plan_states"), WorkPlanState.uuid, WorkPlanState.iso3.label("label")).where(
            WorkPlanState.work_plan_uuid == plan
        ),
        select(_named("work_plan_items"), WorkPlanItem.uuid, WorkPlanItem.text).where(
            WorkPlanItem.work_plan_uuid == plan
        ),
        select(_named("milestones"), Milestone.uuid, Milestone.title).where(Milestone.work_plan_uuid == plan),
        select(_named("milestone_slips"), MilestoneSlip.uuid, cast(MilestoneSlip.from_due_on, String)).where(
            MilestoneSlip.milestone_uuid.in_(milestones)
        ),
        select(_named("milestone_engagements"), MilestoneEngagement.uuid, MilestoneEngagement.engagement_uuid).where(
            MilestoneEngagement.milestone_uuid.in_(milestones)
        ),
    )


def parts_of_milestone() -> Select:
    milestone = bindparam("milestone")
    return _parts(
        select(
            _named("milestone_slips"), MilestoneSlip.uuid, cast(MilestoneSlip.from_due_on, String).label("label")
        ).where(MilestoneSlip.milestone_uuid == milestone),
        select(_named("milestone_engagements"), MilestoneEngagement.uuid, MilestoneEngagement.engagement_uuid).where(
            MilestoneEngagement.milestone_uuid == milestone
        ),
    )


def changesets_touching() -> Select:
    """Change sets made here after a moment, neither undone nor themselves an undo, that changed any of
    the records. Another database's change sets come in with a sync, which logs here what it changed."""
    return (
        select(ChangeSet.uuid, ChangeSet.made_at, ChangeSet.made_by, ChangeSet.command)
        .where(
            ChangeSet.uuid.in_(
                select(Change.changeset_uuid).where(Change.record_uuid.in_(bindparam("records", expanding=True)))
            ),
            ChangeSet.made_at > bindparam("after", type_=DateTime),
            ChangeSet.made_in == bindparam("database"),
            ChangeSet.uuid != bindparam("changeset"),
            ChangeSet.reverts.is_(None),
            ChangeSet.reverted_by.is_(None),
        )
        .order_by(ChangeSet.made_at, ChangeSet.uuid)
    )


QUERIES: dict[str, Callable[[], Select]] = {
    Q.record_ids: record_ids,
    Q.parts_of_engagement: parts_of_engagement,
    Q.parts_of_work_plan: parts_of_work_plan,
    Q.parts_of_milestone: parts_of_milestone,
    Q.changesets_touching: changesets_touching,
}
