"""Read queries on the bilateral meetings planned in a meeting's margins."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Date, Integer, Select, bindparam, select

from ccmtui.db.models import Engagement, MarginSlot, State
from ccmtui.db.queries import Q
from ccmtui.db.queries.log import ENGAGEMENT_COLUMNS


def margin_slots() -> Select:
    """A meeting's slots in the order of its week (cancelled ones included), each with the state's
    name and the outcome's follow-up date."""
    return (
        select(
            MarginSlot.uuid,
            MarginSlot.iso3,
            State.name,
            MarginSlot.day,
            MarginSlot.starts,
            MarginSlot.ends,
            MarginSlot.room,
            MarginSlot.objective,
            MarginSlot.status,
            MarginSlot.engagement_uuid,
            Engagement.summary.label("outcome"),
            Engagement.follow_up_on,
        )
        .join(State, State.iso3 == MarginSlot.iso3)
        .outerjoin(Engagement, Engagement.uuid == MarginSlot.engagement_uuid)
        .where(MarginSlot.meeting_uuid == bindparam("meeting"))
        .order_by(MarginSlot.day, MarginSlot.starts, MarginSlot.room, State.name, MarginSlot.uuid)
    )


def margin_follow_ups() -> Select:
    """Follow-ups still open that fall due in [:since, :until], the latest first (the ones nearest a
    meeting), a page of them: one range of the follow-up index read backwards."""
    return (
        select(*ENGAGEMENT_COLUMNS)
        .where(
            Engagement.follow_up_on >= bindparam("since", type_=Date),
            Engagement.follow_up_on <= bindparam("until", type_=Date),
        )
        .order_by(Engagement.follow_up_on.desc(), Engagement.uuid.desc())
        .limit(bindparam("limit", type_=Integer))
    )


QUERIES: dict[str, Callable[[], Select]] = {
    Q.margin_slots: margin_slots,
    Q.margin_follow_ups: margin_follow_ups,
}
