"""Read queries on work plans and milestones, and the engagement figures of a quarter."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Date, Integer, Select, bindparam, case, exists, func, or_, select

from ccmtui.db.models import (
    Engagement,
    EngagementState,
    Milestone,
    MilestoneEngagement,
    MilestoneSlip,
    State,
    WorkPlan,
    WorkPlanItem,
    WorkPlanState,
)
from ccmtui.db.queries import Q
from ccmtui.db.queries.log import ENGAGEMENT_COLUMNS, _ids_with_prefix, _optional


def work_plans() -> Select:
    """Every work plan (of :area, when given) with its milestone counts."""
    done = func.sum(case((Milestone.status == "done", 1), else_=0))
    return (
        select(
            WorkPlan.uuid,
            WorkPlan.title,
            WorkPlan.area,
            WorkPlan.starts_on,
            WorkPlan.ends_on,
            func.count(Milestone.uuid).label("milestones"),
            done.label("done"),
        )
        .outerjoin(Milestone, Milestone.work_plan_uuid == WorkPlan.uuid)
        .where(_optional(WorkPlan.area, "area"))
        .group_by(WorkPlan.uuid, WorkPlan.title, WorkPlan.area, WorkPlan.starts_on, WorkPlan.ends_on)
        .order_by(WorkPlan.starts_on.desc(), WorkPlan.area, WorkPlan.uuid)
    )


def work_plan() -> Select:
    return select(WorkPlan).where(WorkPlan.uuid == bindparam("uuid"))


def work_plan_states() -> Select:
    """The coordinators and focus states of the work plans :uuids, in their order."""
    return (
        select(
            WorkPlanState.uuid,
            WorkPlanState.work_plan_uuid,
            WorkPlanState.role,
            WorkPlanState.position,
            WorkPlanState.iso3,
            State.name,
        )
        .join(State, State.iso3 == WorkPlanState.iso3)
        .where(WorkPlanState.work_plan_uuid.in_(bindparam("uuids", expanding=True)))
        .order_by(WorkPlanState.work_plan_uuid, WorkPlanState.role, WorkPlanState.position)
    )


def work_plan_items() -> Select:
    return (
        select(WorkPlanItem.uuid, WorkPlanItem.section, WorkPlanItem.position, WorkPlanItem.text)
        .where(WorkPlanItem.work_plan_uuid == bindparam("work_plan"))
        .order_by(WorkPlanItem.section, WorkPlanItem.position)
    )


MILESTONE_COLUMNS = (
    Milestone.uuid,
    Milestone.work_plan_uuid,
    Milestone.position,
    Milestone.title,
    Milestone.due_on,
    Milestone.due_quarter,
    Milestone.status,
    Milestone.done_on,
    Milestone.notes,
    Milestone.action_points,
    Milestone.recorded_by,
)
PLAN_COLUMNS = (
    WorkPlan.title.label("work_plan_title"),
    WorkPlan.area,
    WorkPlan.starts_on,
    WorkPlan.ends_on,
)


def _milestones() -> Select:
    return select(*MILESTONE_COLUMNS, *PLAN_COLUMNS).join(WorkPlan, WorkPlan.uuid == Milestone.work_plan_uuid)


def milestones_of_work_plan() -> Select:
    return _milestones().where(Milestone.work_plan_uuid == bindparam("work_plan")).order_by(Milestone.position)


def milestones_due() -> Select:
    """Milestones due in [:since, :until] with a status among :statuses (of :area, when given)."""
    return (
        _milestones()
        .where(
            Milestone.due_on >= bindparam("since", type_=Date),
            Milestone.due_on <= bindparam("until", type_=Date),
            Milestone.status.in_(bindparam("statuses", expanding=True)),
            _optional(WorkPlan.area, "area"),
        )
        .order_by(Milestone.due_on, WorkPlan.starts_on, Milestone.work_plan_uuid, Milestone.position)
    )


def milestones_done() -> Select:
    """Milestones done in [:since, :until], whenever they were due."""
    return (
        _milestones()
        .where(
            Milestone.done_on >= bindparam("since", type_=Date),
            Milestone.done_on <= bindparam("until", type_=Date),
            _optional(WorkPlan.area, "area"),
        )
        .order_by(Milestone.due_on, WorkPlan.starts_on, Milestone.work_plan_uuid, Milestone.position)
    )


def milestones_slipped_from() -> Select:
    """Milestones that were due in [:since, :until] and slipped from there."""
    return (
        _milestones()
        .join(MilestoneSlip, MilestoneSlip.milestone_uuid == Milestone.uuid)
        .where(
            MilestoneSlip.from_due_on >= bindparam("since", type_=Date),
            MilestoneSlip.from_due_on <= bindparam("until", type_=Date),
            _optional(WorkPlan.area, "area"),
        )
        .distinct()
        .order_by(Milestone.due_on, WorkPlan.starts_on, Milestone.work_plan_uuid, Milestone.position)
    )


def milestone() -> Select:
    return _milestones().where(Milestone.uuid == bindparam("uuid"))


SLIP_COLUMNS = (
    MilestoneSlip.uuid,
    MilestoneSlip.milestone_uuid,
    MilestoneSlip.recorded_on,
    MilestoneSlip.from_due_on,
    MilestoneSlip.from_quarter,
    MilestoneSlip.to_due_on,
    MilestoneSlip.to_quarter,
    MilestoneSlip.reason,
)


def slips_of_milestones() -> Select:
    return (
        select(*SLIP_COLUMNS)
        .where(MilestoneSlip.milestone_uuid.in_(bindparam("uuids", expanding=True)))
        .order_by(MilestoneSlip.milestone_uuid, MilestoneSlip.from_due_on, MilestoneSlip.recorded_on)
    )


def engagements_of_milestones() -> Select:
    return (
        select(
            MilestoneEngagement.uuid,
            MilestoneEngagement.milestone_uuid,
            MilestoneEngagement.engagement_uuid,
            Engagement.occurred_on,
            Engagement.summary,
        )
        .join(Engagement, Engagement.uuid == MilestoneEngagement.engagement_uuid)
        .where(MilestoneEngagement.milestone_uuid.in_(bindparam("uuids", expanding=True)))
        .order_by(MilestoneEngagement.milestone_uuid, Engagement.occurred_on, Engagement.uuid)
    )


def _in_period(query: Select) -> Select:
    return query.where(
        Engagement.occurred_on >= bindparam("since", type_=Date),
        Engagement.occurred_on <= bindparam("until", type_=Date),
        _optional(Engagement.area, "area"),
    )


def engagement_counts_by_kind() -> Select:
    return _in_period(select(Engagement.kind, func.count(Engagement.uuid).label("engagements"))).group_by(
        Engagement.kind
    )


def engagement_counts_by_state() -> Select:
    count = func.count(Engagement.uuid)
    return (
        _in_period(
            select(EngagementState.iso3, State.name, count.label("engagements"))
            .join(EngagementState, EngagementState.engagement_uuid == Engagement.uuid)
            .join(State, State.iso3 == EngagementState.iso3)
        )
        .group_by(EngagementState.iso3, State.name)
        .order_by(count.desc(), State.name)
    )


def engagements_notable() -> Select:
    """Engagements of the period that delivered a milestone or cite an action-plan point."""
    delivered = exists().where(MilestoneEngagement.engagement_uuid == Engagement.uuid)
    return (
        _in_period(select(*ENGAGEMENT_COLUMNS, Engagement.notes, Engagement.action_points))
        .where(or_(Engagement.action_points != "", delivered))
        .order_by(Engagement.occurred_on, Engagement.uuid)
        .limit(bindparam("limit", type_=Integer))
    )


def follow_ups_between() -> Select:
    return (
        select(*ENGAGEMENT_COLUMNS)
        .where(
            Engagement.follow_up_on >= bindparam("since", type_=Date),
            Engagement.follow_up_on <= bindparam("until", type_=Date),
        )
        .order_by(Engagement.follow_up_on, Engagement.uuid)
    )


QUERIES: dict[str, Callable[[], Select]] = {
    Q.work_plans: work_plans,
    Q.work_plan: work_plan,
    Q.work_plan_ids: _ids_with_prefix(WorkPlan),
    Q.work_plan_states: work_plan_states,
    Q.work_plan_items: work_plan_items,
    Q.milestones_of_work_plan: milestones_of_work_plan,
    Q.milestones_due: milestones_due,
    Q.milestones_done: milestones_done,
    Q.milestones_slipped_from: milestones_slipped_from,
    Q.milestone: milestone,
    Q.milestone_ids: _ids_with_prefix(Milestone),
    Q.slips_of_milestones: slips_of_milestones,
    Q.engagements_of_milestones: engagements_of_milestones,
    Q.engagement_counts_by_kind: engagement_counts_by_kind,
    Q.engagement_counts_by_state: engagement_counts_by_state,
    Q.engagements_notable: engagements_notable,
    Q.follow_ups_between: follow_ups_between,
}
