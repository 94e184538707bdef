"""Read queries on the register: states, aliases, meetings, categories."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Date, Select, bindparam, select

from ccmtui.db.models import Classification, Meeting, State, StateAlias
from ccmtui.db.queries import Q


def _latest_classification(column):
    """The latest classification of each state as of :as_of (a correlated subquery)."""
    return (
        select(column)
        .where(Classification.iso3 == State.iso3, Classification.assessed_on <= bindparam("as_of", type_=Date))
        .order_by(Classification.assessed_on.desc(), Classification.created_at.desc())
        .limit(1)
        .correlate(State)
        .scalar_subquery()
    )


def register() -> Select:
    """Every state with its instruments and its category as of :as_of."""
    return select(
        State.iso3,
        State.name,
        State.region,
        State.subregion,
        State.signed,
        State.deposited,
        State.instrument,
        State.withdrawal_notified,
        _latest_classification(Classification.category).label("category"),
        _latest_classification(Classification.assessed_on).label("category_since"),
    ).order_by(State.iso3)


def state_regions() -> Select:
    """Every state's region, sub-region and intermediate region (UN M49)."""
    return select(State.iso3, State.region, State.subregion, State.intermediate_region).order_by(State.iso3)


def states_file() -> Select:
    """Every state with the columns of states.csv, for `ccm states export`."""
    return select(
        State.name,
        State.iso3,
        State.region,
        State.subregion,
        State.signed,
        State.deposited,
        State.instrument,
        State.withdrawal_notified,
        State.source,
        State.intermediate_region,
    ).order_by(State.name)


def aliases() -> Select:
    return select(StateAlias.iso3, StateAlias.alias).order_by(StateAlias.alias)


def meetings() -> Select:
    return select(
        Meeting.code,
        Meeting.name,
        Meeting.city,
        Meeting.country,
        Meeting.start,
        Meeting.end,
        Meeting.kind,
        Meeting.uuid,
    ).order_by(Meeting.start)


QUERIES: dict[str, Callable[[], Select]] = {
    Q.register: register,
    Q.state_regions: state_regions,
    Q.states_file: states_file,
    Q.aliases: aliases,
    Q.meetings: meetings,
}
