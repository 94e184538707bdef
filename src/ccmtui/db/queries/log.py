"""Read queries on the daily log: engagements, categories, attachments, what is due (campaigns and
their replies: queries/campaigns.py).

Listings come in variants, one per index that drives them (by date, by state, by actor,
by campaign), with the remaining filters applied on top; none scans the engagement table.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Date, Integer, Select, String, and_, bindparam, case, func, literal_column, or_, select, tuple_
from sqlalchemy.orm import aliased

from ccmtui.db.models import (
    Attachment,
    Blob,
    Campaign,
    Classification,
    Engagement,
    EngagementActor,
    EngagementState,
    Reply,
    State,
)
from ccmtui.db.models.derived import EngagementsPerDay, StateEngagementsPerDay
from ccmtui.db.queries import Q

ENGAGEMENT_COLUMNS = (
    Engagement.uuid,
    Engagement.occurred_on,
    Engagement.kind,
    Engagement.area,
    Engagement.channel,
    Engagement.summary,
    Engagement.follow_up_on,
    Engagement.recorded_by,
    Engagement.illustrative,
)


def _optional(column, name: str):
    parameter = bindparam(name, type_=String)
    return or_(parameter.is_(None), column == parameter)


def _listing(base: Select) -> Select:
    return (
        base.where(
            Engagement.occurred_on >= bindparam("since", type_=Date),
            Engagement.occurred_on <= bindparam("until", type_=Date),
            _optional(Engagement.area, "area"),
            _optional(Engagement.kind, "kind"),
        )
        .order_by(Engagement.occurred_on.desc(), Engagement.uuid)
        .limit(bindparam("limit", type_=Integer))
    )


def engagements_recent() -> Select:
    return _listing(select(*ENGAGEMENT_COLUMNS))


def _linked_range(link, key: str) -> Select:
    return (
        select(*ENGAGEMENT_COLUMNS)
        .select_from(link)
        .join(Engagement, Engagement.uuid == link.engagement_uuid)
        .where(
            getattr(link, key) == bindparam(key),
            link.occurred_on >= bindparam("since", type_=Date),
            link.occurred_on <= bindparam("until", type_=Date),
            _optional(Engagement.area, "area"),
            _optional(Engagement.kind, "kind"),
        )
        .limit(bindparam("limit", type_=Integer))
    )


def _linked_listing(link, key: str) -> Select:
    """A state's (or an actor's) engagements, newest first: a range of the link's (key, date)
    index read backwards, each engagement then found by its id. A page reads a page's rows,
    however many engagements the state has (the dates on the link: db/rollups.py)."""
    # Both descending: the index's own order read backwards, with no sort even within a day.
    return _linked_range(link, key).order_by(link.occurred_on.desc(), link.engagement_uuid.desc())


def engagements_of_state() -> Select:
    return _linked_listing(EngagementState, "iso3")


def engagements_of_state_oldest() -> Select:
    """A state's engagements, oldest day first, as a timeline shows them: the (state, date) index
    read forwards, so LIMIT stops the read after a page; within a day the listing's own order
    (the newest-first listing's, id descending), the one part sorted."""
    return _linked_range(EngagementState, "iso3").order_by(
        EngagementState.occurred_on, EngagementState.engagement_uuid.desc()
    )


def engagements_by_actor() -> Select:
    return _linked_listing(EngagementActor, "actor")


def engagements_of_campaign() -> Select:
    return _listing(
        select(*ENGAGEMENT_COLUMNS)
        .join(Campaign, Campaign.engagement_uuid == Engagement.uuid)
        .where(Campaign.uuid == bindparam("campaign"))
    )


ANY_SQL = "''"  # the rows counting every kind or every area (derived.ANY)


def _days(kind, area) -> Select:
    """Engagements per day in [:since, :until], newest first: where each day starts in a listing,
    without reading the listing. From the per-day counts the database keeps (db/rollups.py): one
    row per day of a range of their key, whatever the number of engagements."""
    return (
        select(EngagementsPerDay.c.occurred_on, EngagementsPerDay.c.engagements)
        .where(
            EngagementsPerDay.c.kind == kind,
            EngagementsPerDay.c.area == area,
            EngagementsPerDay.c.occurred_on >= bindparam("since", type_=Date),
            EngagementsPerDay.c.occurred_on <= bindparam("until", type_=Date),
        )
        .order_by(EngagementsPerDay.c.occurred_on.desc())
    )


def engagement_days() -> Select:
    return _days(literal_column(ANY_SQL), literal_column(ANY_SQL))


def engagement_days_of_area() -> Select:
    return _days(literal_column(ANY_SQL), bindparam("area", type_=String))


def engagement_days_of_kind() -> Select:
    return _days(bindparam("kind", type_=String), literal_column(ANY_SQL))


def engagement_days_of_kind_area() -> Select:
    return _days(bindparam("kind", type_=String), bindparam("area", type_=String))


def engagement_days_of_state() -> Select:
    """A state's engagements per day, from the per-day counts the database keeps (db/rollups.py)."""
    return (
        select(StateEngagementsPerDay.c.occurred_on, StateEngagementsPerDay.c.engagements)
        .where(
            StateEngagementsPerDay.c.iso3 == bindparam("iso3"),
            StateEngagementsPerDay.c.occurred_on >= bindparam("since", type_=Date),
            StateEngagementsPerDay.c.occurred_on <= bindparam("until", type_=Date),
        )
        .order_by(StateEngagementsPerDay.c.occurred_on.desc())
    )


def engagement_days_of_state_filtered() -> Select:
    """A state's engagements of an area or a kind per day, from its (state, date) index, each
    engagement read to see its area and kind."""
    return (
        select(EngagementState.occurred_on, func.count().label("engagements"))
        .join(Engagement, Engagement.uuid == EngagementState.engagement_uuid)
        .where(
            EngagementState.iso3 == bindparam("iso3"),
            EngagementState.occurred_on >= bindparam("since", type_=Date),
            EngagementState.occurred_on <= bindparam("until", type_=Date),
            _optional(Engagement.area, "area"),
            _optional(Engagement.kind, "kind"),
        )
        .group_by(EngagementState.occurred_on)
        .order_by(EngagementState.occurred_on.desc())
    )


def attachment_days_of_state() -> Select:
    """Files attached to a state's engagements per day, newest first: a timeline places its entries
    by day without reading them. Driven by the attachments (few beside the engagements): each
    attachment's day is looked up on the state's link by the link's (engagement, state) key, in a
    subquery of its own, so that no plan walks every link of a busy state instead."""
    day = (
        select(EngagementState.occurred_on)
        .where(
            EngagementState.engagement_uuid == Attachment.engagement_uuid,
            EngagementState.iso3 == bindparam("iso3"),
        )
        .scalar_subquery()
    )
    days = select(day.label("occurred_on")).select_from(Attachment).subquery("attached")
    return (
        select(days.c.occurred_on, func.count().label("attachments"))
        .where(days.c.occurred_on.is_not(None))
        .group_by(days.c.occurred_on)
        .order_by(days.c.occurred_on.desc())
    )


def assessment_of_state() -> Select:
    """A state's latest assessment made on or before :as_of: `assessments_until`'s row for one state,
    from its (state, date) index."""
    from ccmtui.db.queries.universalization import assessment_columns

    return (
        select(*assessment_columns())
        .where(Classification.iso3 == bindparam("iso3"), Classification.assessed_on <= bindparam("as_of", type_=Date))
        .order_by(Classification.assessed_on.desc(), Classification.created_at.desc(), Classification.uuid.desc())
        .limit(1)
    )


def reply_reasons_of_state() -> Select:
    """A state's replies received that name reasons, on or before :as_of (`reply_reasons` for one state)."""
    return (
        select(Reply.iso3, Reply.received_on, Reply.reasons)
        .where(
            Reply.iso3 == bindparam("iso3"),
            Reply.reasons != "",
            Reply.received_on <= bindparam("as_of", type_=Date),
        )
        .order_by(Reply.received_on)
    )


def engagement() -> Select:
    return select(Engagement).where(Engagement.uuid == bindparam("uuid"))


def states_of_engagements() -> Select:
    return (
        select(EngagementState.engagement_uuid, EngagementState.iso3, EngagementState.uuid)
        .where(EngagementState.engagement_uuid.in_(bindparam("uuids", expanding=True)))
        .order_by(EngagementState.engagement_uuid, EngagementState.iso3)
    )


def actors_of_engagements() -> Select:
    return (
        select(EngagementActor.engagement_uuid, EngagementActor.actor)
        .where(EngagementActor.engagement_uuid.in_(bindparam("uuids", expanding=True)))
        .order_by(EngagementActor.engagement_uuid, EngagementActor.created_at, EngagementActor.actor)
    )


def _ids_with_prefix(model) -> Callable[[], Select]:
    """Up to two ids starting with a prefix (a range on the primary key, so index-backed)."""

    def build() -> Select:
        return (
            select(model.uuid)
            .where(model.uuid >= bindparam("low"), model.uuid < bindparam("high"))
            .order_by(model.uuid)
            .limit(2)
        )

    return build


def follow_ups_overdue_count() -> Select:
    """How many follow-ups fell due on or before :until."""
    return select(func.count().label("count")).where(
        Engagement.follow_up_on.is_not(None), Engagement.follow_up_on <= bindparam("until", type_=Date)
    )


def follow_ups_due() -> Select:
    return (
        select(*ENGAGEMENT_COLUMNS)
        .where(Engagement.follow_up_on.is_not(None), Engagement.follow_up_on <= bindparam("until", type_=Date))
        .order_by(Engagement.follow_up_on, Engagement.uuid)
        .limit(bindparam("limit", type_=Integer))
    )


CLASSIFICATION_COLUMNS = (
    Classification.uuid,
    Classification.iso3,
    Classification.category,
    Classification.assessed_on,
    Classification.rationale,
    Classification.source_engagement,
    Classification.recorded_by,
    Classification.reasons,
)


def classifications_of_state() -> Select:
    return (
        select(*CLASSIFICATION_COLUMNS)
        .where(Classification.iso3 == bindparam("iso3"))
        .order_by(Classification.assessed_on, Classification.created_at)
    )


def classification_changes_latest() -> Select:
    """`classification_changes` from the day of the :skip+1-th latest on: the latest a terminal
    shows, whatever their order within that day, and not the period's every one."""
    later = aliased(Classification)
    cutoff = (
        select(later.assessed_on)
        .where(_assessed_in_period(later))
        .order_by(later.assessed_on.desc())
        .limit(1)
        .offset(bindparam("skip", type_=Integer))
        .scalar_subquery()
    )
    return classification_changes().where(
        Classification.assessed_on >= func.coalesce(cutoff, bindparam("since", type_=Date))
    )


def classification_changes_count() -> Select:
    """How many classifications [:since, :until] holds, and whether any of them gives a rationale."""
    reasoned = func.max(case((Classification.rationale != "", 1), else_=0))
    return select(func.count().label("changes"), reasoned.label("reasoned")).where(_assessed_in_period(Classification))


def _assessed_in_period(classification):
    return and_(
        classification.assessed_on >= bindparam("since", type_=Date),
        classification.assessed_on <= bindparam("until", type_=Date),
    )


def classification_changes() -> Select:
    """Classifications made in [:since, :until], each with the category it replaced."""
    earlier = aliased(Classification)
    # One step back in the state's (iso3, assessed_on, created_at) index, whatever its history's length.
    previous = (
        select(earlier.category)
        .where(
            earlier.iso3 == Classification.iso3,
            tuple_(earlier.assessed_on, earlier.created_at)
            < tuple_(Classification.assessed_on, Classification.created_at),
        )
        .order_by(earlier.assessed_on.desc(), earlier.created_at.desc())
        .limit(1)
        .correlate(Classification)
        .scalar_subquery()
    )
    return (
        select(*CLASSIFICATION_COLUMNS, State.name, previous.label("previous"))
        .join(State, State.iso3 == Classification.iso3)
        .where(_assessed_in_period(Classification))
        .order_by(Classification.assessed_on, State.name)
    )


def search_portable() -> Select:
    """Text search without FTS: summaries and notes containing every word (case-insensitive)."""
    pattern = bindparam("pattern", type_=String)
    return (
        select(*ENGAGEMENT_COLUMNS[:4], Engagement.summary, Engagement.notes)
        .where(or_(func.lower(Engagement.summary).like(pattern), func.lower(Engagement.notes).like(pattern)))
        .order_by(Engagement.occurred_on.desc())
        .limit(bindparam("limit", type_=Integer))
    )


def attachments_of_engagements() -> Select:
    return (
        select(
            Attachment.uuid,
            Attachment.engagement_uuid,
            Attachment.filename,
            Attachment.media_type,
            Attachment.size,
            Attachment.sha256,
            Attachment.created_at,
        )
        .where(Attachment.engagement_uuid.in_(bindparam("uuids", expanding=True)))
        .order_by(Attachment.created_at, Attachment.filename)
    )


def attachments_by_id() -> Select:
    return select(Attachment.uuid, Attachment.filename, Attachment.size, Attachment.sha256).where(
        Attachment.uuid == bindparam("uuid")
    )


def blob() -> Select:
    return select(Blob.uuid, Blob.content).where(Blob.sha256 == bindparam("sha256"))


QUERIES: dict[str, Callable[[], Select]] = {
    Q.attachments_of_engagements: attachments_of_engagements,
    Q.attachment_ids: _ids_with_prefix(Attachment),
    Q.blob: blob,
    Q.attachments_by_id: attachments_by_id,
    Q.engagements_recent: engagements_recent,
    Q.engagements_of_state: engagements_of_state,
    Q.engagements_of_state_oldest: engagements_of_state_oldest,
    Q.engagements_by_actor: engagements_by_actor,
    Q.engagements_of_campaign: engagements_of_campaign,
    Q.engagement_days: engagement_days,
    Q.engagement_days_of_area: engagement_days_of_area,
    Q.engagement_days_of_kind: engagement_days_of_kind,
    Q.engagement_days_of_kind_area: engagement_days_of_kind_area,
    Q.engagement_days_of_state: engagement_days_of_state,
    Q.engagement_days_of_state_filtered: engagement_days_of_state_filtered,
    Q.attachment_days_of_state: attachment_days_of_state,
    Q.assessment_of_state: assessment_of_state,
    Q.reply_reasons_of_state: reply_reasons_of_state,
    Q.engagement: engagement,
    Q.states_of_engagements: states_of_engagements,
    Q.actors_of_engagements: actors_of_engagements,
    Q.engagement_ids: _ids_with_prefix(Engagement),
    Q.follow_ups_due: follow_ups_due,
    Q.follow_ups_overdue_count: follow_ups_overdue_count,
    Q.classifications_of_state: classifications_of_state,
    Q.classification_changes: classification_changes,
    Q.classification_changes_latest: classification_changes_latest,
    Q.classification_changes_count: classification_changes_count,
    Q.search_portable: search_portable,
}
