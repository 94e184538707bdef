"""Read queries for country coalitions: the coalitions, their members, needs, activities and engagements.

Each takes an optional :coalition (None: every coalition's), so the board reads each table once.
"""

from __future__ import annotations

from sqlalchemy import Select, String, bindparam, func, or_, select

from ccmtui.db.models import (
    Coalition,
    CoalitionActivity,
    CoalitionEngagement,
    CoalitionMember,
    CoalitionNeed,
    Engagement,
    State,
)
from ccmtui.db.queries import Q
from ccmtui.db.queries.log import _ids_with_prefix


def _of(column) -> object:
    parameter = bindparam("coalition", type_=String)
    return or_(parameter.is_(None), column == parameter)


def coalitions() -> Select:
    return (
        select(
            Coalition.uuid,
            Coalition.iso3,
            State.name.label("state"),
            Coalition.name,
            Coalition.strategy,
            Coalition.strategy_dated,
            Coalition.strategy_attachment_uuid,
            Coalition.notes,
            Coalition.source,
            Coalition.recorded_by,
            Coalition.illustrative,
            Coalition.created_at,
        )
        .join(State, State.iso3 == Coalition.iso3)
        .where(_of(Coalition.uuid))
        .order_by(State.name, Coalition.name, Coalition.uuid)
    )


def coalition_members() -> Select:
    return (
        select(
            CoalitionMember.uuid,
            CoalitionMember.coalition_uuid,
            CoalitionMember.role,
            CoalitionMember.iso3,
            CoalitionMember.organisation,
            State.name.label("state"),
            CoalitionMember.source,
            CoalitionMember.illustrative,
        )
        .outerjoin(State, State.iso3 == CoalitionMember.iso3)
        .where(_of(CoalitionMember.coalition_uuid))
        .order_by(
            CoalitionMember.coalition_uuid,
            CoalitionMember.role,
            func.coalesce(State.name, CoalitionMember.organisation),
            CoalitionMember.uuid,
        )
    )


def coalition_needs() -> Select:
    return (
        select(
            CoalitionNeed.uuid,
            CoalitionNeed.coalition_uuid,
            CoalitionNeed.area,
            CoalitionNeed.description,
            CoalitionNeed.amount,
            CoalitionNeed.currency,
            CoalitionNeed.status,
            CoalitionNeed.source,
            CoalitionNeed.illustrative,
        )
        .where(_of(CoalitionNeed.coalition_uuid))
        .order_by(CoalitionNeed.coalition_uuid, CoalitionNeed.area, CoalitionNeed.created_at, CoalitionNeed.uuid)
    )


def coalition_activities() -> Select:
    return (
        select(
            CoalitionActivity.uuid,
            CoalitionActivity.coalition_uuid,
            CoalitionActivity.need_uuid,
            CoalitionActivity.title,
            CoalitionActivity.funded_by,
            CoalitionActivity.implemented_by,
            CoalitionActivity.amount,
            CoalitionActivity.currency,
            CoalitionActivity.status,
            CoalitionActivity.source,
            CoalitionActivity.illustrative,
        )
        .where(_of(CoalitionActivity.coalition_uuid))
        .order_by(CoalitionActivity.coalition_uuid, CoalitionActivity.created_at, CoalitionActivity.uuid)
    )


def coalition_engagements() -> Select:
    return (
        select(
            CoalitionEngagement.uuid,
            CoalitionEngagement.coalition_uuid,
            CoalitionEngagement.engagement_uuid,
            Engagement.occurred_on,
            Engagement.kind,
            Engagement.summary,
        )
        .join(Engagement, Engagement.uuid == CoalitionEngagement.engagement_uuid)
        .where(_of(CoalitionEngagement.coalition_uuid))
        .order_by(Engagement.occurred_on, Engagement.uuid)
    )


QUERIES = {
    Q.coalitions: coalitions,
    Q.coalition_members: coalition_members,
    Q.coalition_needs: coalition_needs,
    Q.coalition_activities: coalition_activities,
    Q.coalition_engagements: coalition_engagements,
    Q.coalition_ids: _ids_with_prefix(Coalition),
    Q.coalition_member_ids: _ids_with_prefix(CoalitionMember),
    Q.coalition_need_ids: _ids_with_prefix(CoalitionNeed),
    Q.coalition_activity_ids: _ids_with_prefix(CoalitionActivity),
}
