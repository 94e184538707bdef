"""What is due, a page at a time, newest or oldest first: the app's Due screen."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Date, Integer, Select, bindparam, select

from ccmtui.db.models import Engagement, Reply, State
from ccmtui.db.queries import Q
from ccmtui.db.queries.campaigns import pending_by
from ccmtui.db.queries.log import ENGAGEMENT_COLUMNS


def _follow_ups(newest: bool) -> Callable[[], Select]:
    def query() -> Select:
        order = (
            (Engagement.follow_up_on.desc(), Engagement.uuid.desc())
            if newest
            else (
                Engagement.follow_up_on,
                Engagement.uuid,
            )
        )
        return (
            select(*ENGAGEMENT_COLUMNS)
            .where(Engagement.follow_up_on.is_not(None), Engagement.follow_up_on <= bindparam("until", type_=Date))
            .order_by(*order)
            .limit(bindparam("limit", type_=Integer))
            .offset(bindparam("offset", type_=Integer))
        )

    return query


def _replies(newest: bool) -> Callable[[], Select]:
    def query() -> Select:
        # The replies' (status, date) index read from one end, on the date each reply carries.
        order = (Reply.occurred_on.desc(), State.name.desc()) if newest else (Reply.occurred_on, State.name)
        return (
            select(
                Reply.engagement_uuid,
                Reply.iso3,
                State.name,
                Reply.occurred_on,
                Engagement.summary.label("engagement_summary"),
            )
            .join(State, State.iso3 == Reply.iso3)
            .join(Engagement, Engagement.uuid == Reply.engagement_uuid)
            .where(*pending_by(bindparam("cutoff", type_=Date)))
            .order_by(*order)
            .limit(bindparam("limit", type_=Integer))
            .offset(bindparam("offset", type_=Integer))
        )

    return query


QUERIES: dict[str, Callable[[], Select]] = {
    Q.due_follow_ups_newest: _follow_ups(newest=True),
    Q.due_follow_ups_oldest: _follow_ups(newest=False),
    Q.due_replies_newest: _replies(newest=True),
    Q.due_replies_oldest: _replies(newest=False),
}
