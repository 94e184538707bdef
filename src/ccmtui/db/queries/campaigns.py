"""Read queries on campaigns and their replies: the reply board, the latest campaigns, a campaign's
or a state's replies, and those pending since a day."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Date, Integer, Select, bindparam, case, func, select
from sqlalchemy.orm import aliased

from ccmtui.db.models import Campaign, Engagement, Reply, State
from ccmtui.db.queries import Q
from ccmtui.db.queries.log import _ids_with_prefix, _optional


def campaign_board() -> Select:
    """Every campaign whose engagement falls in [:since, :until], with its reply counts.

    The period's campaigns are a range of the campaigns' own (date, area) index (the engagement's
    values on its campaign: db/rollups.py), never every campaign nor every engagement of the period;
    found first, by id, so that the board reads them in the order it groups them by."""
    in_period = aliased(Campaign)
    period = select(in_period.uuid).where(*_campaigns_in(in_period))
    return _board().where(Campaign.uuid.in_(period.scalar_subquery()))


def _campaigns_in(in_period) -> tuple:
    return (
        in_period.occurred_on >= bindparam("since", type_=Date),
        in_period.occurred_on <= bindparam("until", type_=Date),
        _optional(in_period.area, "area"),
    )


def campaign_board_latest() -> Select:
    """The :limit latest campaigns of [:since, :until] with their reply counts: the campaigns a
    terminal shows, whose replies alone are counted, however many campaigns the period holds."""
    in_period = aliased(Campaign)
    latest = (
        select(in_period.uuid)
        .where(*_campaigns_in(in_period))
        .order_by(in_period.occurred_on.desc(), in_period.uuid.desc())
        .limit(bindparam("limit", type_=Integer))
    )
    return _board().where(Campaign.uuid.in_(latest.scalar_subquery()))


def campaigns_in_period() -> Select:
    """How many campaigns [:since, :until] holds: a count of a range of their (date, area) index."""
    return select(func.count().label("count")).select_from(Campaign).where(*_campaigns_in(Campaign))


def campaigns_latest() -> Select:
    """The :limit latest campaigns with their reply counts: only their replies are counted. The
    latest are read from the end of the campaigns' date index (the date each carries, db/rollups.py)."""
    latest = (
        select(Campaign.uuid)
        .order_by(Campaign.occurred_on.desc(), Campaign.uuid)
        .limit(bindparam("limit", type_=Integer))
    )
    return _board().where(Campaign.uuid.in_(latest.scalar_subquery()))


def campaign_count() -> Select:
    return select(func.count().label("count")).select_from(Campaign)


def campaigns_all() -> Select:
    """Every campaign with its reply counts. Without a date range, SQLite drives it from the
    (few) campaigns rather than from the date index of every engagement."""
    return _board().where(_optional(Engagement.area, "area"))


def campaign_summary() -> Select:
    """One campaign with its reply counts, found by its id (the board, without walking every engagement)."""
    return _board().where(Campaign.uuid == bindparam("campaign"))


def _board() -> Select:
    # A state may reply more than once (a thread): each target is counted once, by its state.
    replied = func.count(func.distinct(case((Reply.status == "replied", Reply.iso3))))
    no_reply = func.count(func.distinct(case((Reply.status == "no-reply", Reply.iso3))))
    pending = func.count(func.distinct(case((Reply.status == "pending", Reply.iso3))))
    delivered = func.count(func.distinct(case((Reply.delivered_on.is_not(None), Reply.iso3))))
    return (
        select(
            Campaign.uuid,
            Campaign.title,
            Campaign.selection,
            Engagement.uuid.label("engagement_uuid"),
            Engagement.occurred_on,
            Engagement.kind,
            Engagement.area,
            func.count(func.distinct(Reply.iso3)).label("targets"),
            replied.label("replied"),
            pending.label("pending"),
            no_reply.label("no_reply"),
            delivered.label("delivered"),
            Campaign.follows_uuid,
        )
        .join(Engagement, Engagement.uuid == Campaign.engagement_uuid)
        .outerjoin(Reply, Reply.engagement_uuid == Engagement.uuid)
        .group_by(
            Campaign.uuid,
            Campaign.title,
            Campaign.selection,
            Campaign.follows_uuid,
            Engagement.uuid,
            Engagement.occurred_on,
            Engagement.kind,
            Engagement.area,
        )
        .order_by(Engagement.occurred_on.desc(), Campaign.uuid)
    )


def campaign_of_engagement() -> Select:
    return select(Campaign.uuid, Campaign.title).where(Campaign.engagement_uuid == bindparam("engagement"))


REPLY_COLUMNS = (
    Reply.uuid,
    Reply.engagement_uuid,
    Reply.iso3,
    State.name,
    Reply.status,
    Reply.received_on,
    Reply.stance,
    Reply.summary,
    Reply.supports_category,
    Reply.recorded_by,
    Reply.classification_uuid,
    Reply.delivered_on,
    Reply.reasons,
)


def replies_of_engagement() -> Select:
    return (
        select(*REPLY_COLUMNS)
        .join(State, State.iso3 == Reply.iso3)
        .where(Reply.engagement_uuid == bindparam("engagement"))
        # A state's thread in the order received: its latest reply, its current answer, last.
        .order_by(State.name, Reply.received_on, Reply.created_at, Reply.uuid)
    )


def replies_of_state() -> Select:
    return (
        select(*REPLY_COLUMNS, Engagement.occurred_on, Engagement.summary.label("engagement_summary"))
        .join(State, State.iso3 == Reply.iso3)
        .join(Engagement, Engagement.uuid == Reply.engagement_uuid)
        .where(Reply.iso3 == bindparam("iso3"))
        .order_by(Engagement.occurred_on, Reply.engagement_uuid, Reply.created_at, Reply.uuid)
    )


def pending_by(cutoff) -> tuple:
    # The engagement's date as the reply carries it (db/rollups.py): a range of the replies'
    # (status, date) index, read from its oldest end.
    return (Reply.status == "pending", Reply.occurred_on <= cutoff)


def replies_pending_since() -> Select:
    """Replies still pending for an engagement made on or before :cutoff, the oldest first: the
    first :limit of them read from the front of an index, however many are pending."""
    return (
        select(*REPLY_COLUMNS, Reply.occurred_on, Engagement.summary.label("engagement_summary"))
        .join(State, State.iso3 == Reply.iso3)
        .join(Engagement, Engagement.uuid == Reply.engagement_uuid)
        .where(*pending_by(bindparam("cutoff", type_=Date)))
        .order_by(Reply.occurred_on, State.name)
        .limit(bindparam("limit", type_=Integer))
    )


def replies_pending_since_count() -> Select:
    """How many replies `replies_pending_since` would list without its limit: counted in the index."""
    return select(func.count().label("count")).select_from(Reply).where(*pending_by(bindparam("cutoff", type_=Date)))


QUERIES: dict[str, Callable[[], Select]] = {
    Q.campaign_ids: _ids_with_prefix(Campaign),
    Q.campaign_board: campaign_board,
    Q.campaign_board_latest: campaign_board_latest,
    Q.campaigns_in_period: campaigns_in_period,
    Q.campaigns_all: campaigns_all,
    Q.campaigns_latest: campaigns_latest,
    Q.campaign_count: campaign_count,
    Q.campaign_summary: campaign_summary,
    Q.campaign_of_engagement: campaign_of_engagement,
    Q.replies_of_engagement: replies_of_engagement,
    Q.replies_of_state: replies_of_state,
    Q.replies_pending_since: replies_pending_since,
    Q.replies_pending_since_count: replies_pending_since_count,
}
