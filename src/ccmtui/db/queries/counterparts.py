"""Read queries on counterparts: organisations, people, and the people and organisations met."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Date, Select, bindparam, select

from ccmtui.db.models import Engagement, EngagementCounterpart, EngagementState, Organisation, Person, State
from ccmtui.db.queries import Q


def organisations() -> Select:
    return select(
        Organisation.code,
        Organisation.name,
        Organisation.aliases,
        Organisation.kind,
        Organisation.helps,
        Organisation.source,
        Organisation.notes,
        Organisation.shipped,
        Organisation.uuid,
    ).order_by(Organisation.code)


def people() -> Select:
    """Everyone, with the state's name beside its code."""
    return (
        select(
            Person.uuid,
            Person.name,
            Person.role,
            Person.iso3,
            State.name.label("state_name"),
            Person.organisation,
            Person.location,
            Person.email,
            Person.phone,
            Person.notes,
            Person.illustrative,
        )
        .outerjoin(State, State.iso3 == Person.iso3)
        .order_by(Person.name, Person.uuid)
    )


def counterparts_of_engagements() -> Select:
    """The people and organisations engagements were with, people by name."""
    return (
        select(
            EngagementCounterpart.engagement_uuid,
            EngagementCounterpart.uuid,
            EngagementCounterpart.person_uuid,
            Person.name.label("person_name"),
            EngagementCounterpart.organisation,
        )
        .outerjoin(Person, Person.uuid == EngagementCounterpart.person_uuid)
        .where(EngagementCounterpart.engagement_uuid.in_(bindparam("uuids", expanding=True)))
        .order_by(EngagementCounterpart.engagement_uuid, EngagementCounterpart.created_at, EngagementCounterpart.uuid)
    )


def counterparts_of_state() -> Select:
    """Whom the engagements with a state, up to :as_of, were with: each person or organisation
    with the last day met, the newest first."""
    return (
        select(
            EngagementCounterpart.person_uuid,
            Person.name.label("person_name"),
            Person.role,
            Person.iso3,
            Person.organisation.label("person_organisation"),
            EngagementCounterpart.organisation,
            EngagementState.occurred_on,
        )
        .join(EngagementState, EngagementState.engagement_uuid == EngagementCounterpart.engagement_uuid)
        .outerjoin(Person, Person.uuid == EngagementCounterpart.person_uuid)
        # The date on the link (the engagement's own, db/rollups.py): the state's dated index alone
        # finds its engagements up to :as_of and their counterparts; no engagement is read.
        .where(EngagementState.iso3 == bindparam("iso3"), EngagementState.occurred_on <= bindparam("as_of", type_=Date))
        .order_by(EngagementState.occurred_on.desc(), EngagementCounterpart.created_at, EngagementCounterpart.uuid)
    )


def counterpart_links_of_person() -> Select:
    """The engagements a person was met in (what goes with them on deletion)."""
    return select(EngagementCounterpart.uuid, EngagementCounterpart.engagement_uuid).where(
        EngagementCounterpart.person_uuid == bindparam("person_uuid")
    )


def engagement_summaries() -> Select:
    """Engagements' dates and summaries, by id, the newest first."""
    return (
        select(Engagement.uuid, Engagement.occurred_on, Engagement.summary)
        .where(Engagement.uuid.in_(bindparam("uuids", expanding=True)))
        .order_by(Engagement.occurred_on.desc(), Engagement.uuid)
    )


QUERIES: dict[str, Callable[[], Select]] = {
    Q.organisations: organisations,
    Q.people: people,
    Q.counterparts_of_engagements: counterparts_of_engagements,
    Q.counterparts_of_state: counterparts_of_state,
    Q.counterpart_links_of_person: counterpart_links_of_person,
    Q.engagement_summaries: engagement_summaries,
}
