"""Read queries on the bilateral meetings planned in a meeting's margins."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Select, bindparam, select

from ccmtui.db.models import Engagement, MarginSlot, State
from ccmtui.db.queries import Q


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


QUERIES: dict[str, Callable[[], Select]] = {
    Q.margin_slots: margin_slots,
}
