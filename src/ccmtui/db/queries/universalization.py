"""Read queries for universalisation intelligence: assessments with their reasons, contacts, replies pending."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Date, Integer, Select, bindparam, func, select, text
from sqlalchemy.orm import aliased

from ccmtui.db.models import Classification, Engagement, EngagementState, Reply, State, UngaVote
from ccmtui.db.models.log import REPLY_WITH_REASONS
from ccmtui.db.queries import Q


def assessment_columns() -> tuple:
    """What an assessment read gives: the state, its category, the day, the reasons and the id."""
    return (
        Classification.iso3,
        Classification.category,
        Classification.assessed_on,
        Classification.reasons,
        Classification.uuid,
    )


def assessments_until() -> Select:
    """Each state's latest assessment made on or before :as_of (the last in the order of day, then
    of recording): one short backward read of its (state, date) index a state, however many
    assessments the record holds."""
    earlier = aliased(Classification)
    latest = (
        select(earlier.uuid)
        .where(earlier.iso3 == State.iso3, earlier.assessed_on <= bindparam("as_of", type_=Date))
        .order_by(earlier.assessed_on.desc(), earlier.created_at.desc(), earlier.uuid.desc())
        .limit(1)
        .correlate(State)
        .scalar_subquery()
    )
    return (
        select(*assessment_columns())
        .select_from(State)
        .join(Classification, Classification.uuid == latest)
        .order_by(State.iso3)
    )


def last_contact_of_state() -> Select:
    """A state's latest engagement on or before :as_of (its index, then each of its engagements)."""
    return (
        select(func.max(Engagement.occurred_on).label("last_contact"))
        .join(EngagementState, EngagementState.engagement_uuid == Engagement.uuid)
        .where(EngagementState.iso3 == bindparam("iso3"), Engagement.occurred_on <= bindparam("as_of", type_=Date))
    )


def last_contact_of_state_in_area() -> Select:
    """A state's latest engagement in :area on or before :as_of."""
    return last_contact_of_state().where(Engagement.area == bindparam("area"))


def _recent_contacts(area: bool) -> Select:
    recent = select(Engagement.uuid, Engagement.occurred_on).where(
        Engagement.occurred_on <= bindparam("as_of", type_=Date)
    )
    if area:
        recent = recent.where(Engagement.area == bindparam("area"))
    window = recent.order_by(Engagement.occurred_on.desc()).limit(bindparam("limit", type_=Integer)).subquery()
    return (
        select(EngagementState.iso3, func.max(window.c.occurred_on).label("last_contact"))
        .join(window, EngagementState.engagement_uuid == window.c.uuid)
        .group_by(EngagementState.iso3)
        .order_by(EngagementState.iso3)
    )


def recent_contacts() -> Select:
    """Each state's latest contact among the :limit most recent engagements on or before :as_of:
    one pass over the newest engagements finds the states contacted often."""
    return _recent_contacts(area=False)


def recent_contacts_in_area() -> Select:
    """The same, among the engagements in :area."""
    return _recent_contacts(area=True)


def replies_pending_by_state() -> Select:
    """How many replies each state still owes, for engagements made on or before :as_of."""
    return (
        select(Reply.iso3, func.count().label("pending"), func.min(Engagement.occurred_on).label("oldest"))
        .join(Engagement, Engagement.uuid == Reply.engagement_uuid)
        .where(Reply.status == "pending", Engagement.occurred_on <= bindparam("as_of", type_=Date))
        .group_by(Reply.iso3)
        .order_by(Reply.iso3)
    )


def reply_reasons() -> Select:
    """Replies received that name reasons, on or before :as_of: a range of their partial index
    (ix_replies_reasons), whose condition the query states literally so that the index answers."""
    return (
        select(Reply.iso3, Reply.received_on, Reply.reasons)
        .where(text(REPLY_WITH_REASONS), Reply.received_on <= bindparam("as_of", type_=Date))
        .order_by(Reply.iso3, Reply.received_on)
    )


def unga_votes() -> Select:
    """Every state's recorded vote on the General Assembly's resolution, by year then state name."""
    return (
        select(
            UngaVote.uuid,
            UngaVote.iso3,
            State.name,
            UngaVote.year,
            UngaVote.voted_on,
            UngaVote.vote,
            UngaVote.resolution,
            UngaVote.source,
        )
        .join(State, State.iso3 == UngaVote.iso3)
        .order_by(UngaVote.year, State.name)
    )


def unga_votes_of_state() -> Select:
    """One state's votes, the latest first."""
    return (
        select(UngaVote.uuid, UngaVote.year, UngaVote.voted_on, UngaVote.vote, UngaVote.resolution, UngaVote.source)
        .where(UngaVote.iso3 == bindparam("iso3"))
        .order_by(UngaVote.year.desc())
    )


QUERIES: dict[str, Callable[[], Select]] = {
    Q.assessments_until: assessments_until,
    Q.last_contact_of_state: last_contact_of_state,
    Q.last_contact_of_state_in_area: last_contact_of_state_in_area,
    Q.recent_contacts: recent_contacts,
    Q.recent_contacts_in_area: recent_contacts_in_area,
    Q.replies_pending_by_state: replies_pending_by_state,
    Q.reply_reasons: reply_reasons,
    Q.unga_votes: unga_votes,
    Q.unga_votes_of_state: unga_votes_of_state,
}
