"""Read queries for the summaries: obligations, retention, Art. 7 reports, national measures,
cooperation, meeting details, and the period's démarches counted through the engagement indexes.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Date, Integer, Select, String, bindparam, func, literal_column, or_, select

from ccmtui.db.models import (
    CooperationReport,
    Engagement,
    EngagementState,
    Meeting,
    NationalMeasure,
    Obligation,
    ObligationExtension,
    Reply,
    Retention,
    State,
    TransparencyForm,
    TransparencyReport,
)
from ccmtui.db.models.derived import EngagementsPerDay
from ccmtui.db.queries import Q
from ccmtui.domain.engagements import KINDS

STATE_COLUMNS = (State.name, State.region)


def _optional(column, name: str, kind=String):
    parameter = bindparam(name, type_=kind)
    return or_(parameter.is_(None), column == parameter)


def obligations() -> Select:
    """Obligations under Art. 3, 4 and 5 (all, or one :article), with the state's instruments."""
    return (
        select(
            Obligation.uuid,
            Obligation.iso3,
            *STATE_COLUMNS,
            State.signed,
            State.deposited,
            State.withdrawal_notified,
            Obligation.article,
            Obligation.deadline,
            Obligation.extension_requested,
            Obligation.extension_requested_to,
            Obligation.extension_granted,
            Obligation.extended_to,
            Obligation.completed,
            Obligation.first_completed,
            Obligation.reopened,
            Obligation.status,
            Obligation.status_as_of,
            Obligation.source,
            Obligation.notes,
            Obligation.recorded_by,
        )
        .join(State, State.iso3 == Obligation.iso3)
        .where(_optional(Obligation.article, "article", Integer))
        .order_by(Obligation.article, State.name)
    )


def obligation_extensions() -> Select:
    """Every extension request and its decision (Art. 3(3)-(5), 4(5)-(8)), in order per obligation."""
    return select(
        ObligationExtension.uuid,
        ObligationExtension.iso3,
        ObligationExtension.article,
        ObligationExtension.number,
        ObligationExtension.requested,
        ObligationExtension.requested_to,
        ObligationExtension.meeting,
        ObligationExtension.decision,
        ObligationExtension.granted,
        ObligationExtension.extended_to,
        ObligationExtension.source,
        ObligationExtension.notes,
    ).order_by(ObligationExtension.iso3, ObligationExtension.article, ObligationExtension.number)


def obligation_of_state() -> Select:
    return select(Obligation.uuid, Obligation.status, Obligation.completed).where(
        Obligation.iso3 == bindparam("iso3"), Obligation.article == bindparam("article", type_=Integer)
    )


def retention() -> Select:
    return (
        select(
            Retention.uuid,
            Retention.iso3,
            *STATE_COLUMNS,
            Retention.year,
            Retention.munitions_retained,
            Retention.submunitions_retained,
            Retention.munitions_used,
            Retention.submunitions_used,
            Retention.munitions_planned,
            Retention.submunitions_planned,
            Retention.planned_use,
            Retention.actual_use,
            Retention.purpose,
            Retention.source,
        )
        .join(State, State.iso3 == Retention.iso3)
        .order_by(Retention.year, State.name)
    )


def retention_of_state() -> Select:
    return select(Retention.uuid).where(
        Retention.iso3 == bindparam("iso3"), Retention.year == bindparam("year", type_=Integer)
    )


def transparency_reports() -> Select:
    return (
        select(
            TransparencyReport.uuid,
            TransparencyReport.iso3,
            *STATE_COLUMNS,
            TransparencyReport.kind,
            TransparencyReport.year,
            TransparencyReport.due,
            TransparencyReport.submitted,
            TransparencyReport.source,
        )
        .join(State, State.iso3 == TransparencyReport.iso3)
        .order_by(TransparencyReport.kind.desc(), TransparencyReport.year, State.name)
    )


def transparency_forms() -> Select:
    """What each Art. 7 report says, form by form (A-J)."""
    return (
        select(
            TransparencyForm.uuid,
            TransparencyForm.iso3,
            *STATE_COLUMNS,
            TransparencyForm.kind,
            TransparencyForm.year,
            TransparencyForm.form,
            TransparencyForm.status,
            TransparencyForm.last_reported,
            TransparencyForm.source,
        )
        .join(State, State.iso3 == TransparencyForm.iso3)
        .order_by(TransparencyForm.year, State.name, TransparencyForm.kind.desc(), TransparencyForm.form)
    )


def transparency_of_state() -> Select:
    return select(TransparencyReport.uuid, TransparencyReport.kind, TransparencyReport.year).where(
        TransparencyReport.iso3 == bindparam("iso3")
    )


def national_measures() -> Select:
    return (
        select(
            NationalMeasure.uuid,
            NationalMeasure.iso3,
            *STATE_COLUMNS,
            NationalMeasure.status,
            NationalMeasure.dated,
            NationalMeasure.measure,
            NationalMeasure.source,
        )
        .join(State, State.iso3 == NationalMeasure.iso3)
        .order_by(State.name, NationalMeasure.dated)
    )


def national_measure_of_state() -> Select:
    return select(NationalMeasure.uuid).where(
        NationalMeasure.iso3 == bindparam("iso3"),
        NationalMeasure.status == bindparam("status"),
        NationalMeasure.dated == bindparam("dated"),
    )


def cooperation_reports() -> Select:
    return (
        select(
            CooperationReport.uuid,
            CooperationReport.iso3,
            *STATE_COLUMNS,
            CooperationReport.year,
            CooperationReport.role,
            CooperationReport.details,
            CooperationReport.source,
        )
        .join(State, State.iso3 == CooperationReport.iso3)
        .order_by(CooperationReport.year, CooperationReport.role, State.name)
    )


def cooperation_of_state() -> Select:
    return select(CooperationReport.uuid).where(
        CooperationReport.iso3 == bindparam("iso3"),
        CooperationReport.year == bindparam("year", type_=Integer),
        CooperationReport.role == bindparam("role"),
    )


def meeting_details() -> Select:
    return select(
        Meeting.code,
        Meeting.name,
        Meeting.city,
        Meeting.country,
        Meeting.start,
        Meeting.end,
        Meeting.president_state,
    ).order_by(Meeting.start)


def _in_period(*conditions):
    """Engagements of one :area in [:since, :until]: a range on ix_engagements_area_occurred_on."""
    return (
        Engagement.area == bindparam("area"),
        Engagement.occurred_on >= bindparam("since", type_=Date),
        Engagement.occurred_on <= bindparam("until", type_=Date),
        *conditions,
    )


def engagements_by_kind() -> Select:
    """How many engagements of each kind an area logged in the period: summed from the per-day
    counts the database keeps (db/rollups.py), kind by kind a range of their key (the kinds written
    out): the days of the period, however many engagements it holds."""
    kinds = [literal_column(f"'{kind}'") for kind in KINDS]
    days = EngagementsPerDay.c
    return (
        select(days.kind, func.sum(days.engagements).label("engagements"))
        .where(
            days.kind.in_(kinds),
            days.area == bindparam("area"),
            days.occurred_on >= bindparam("since", type_=Date),
            days.occurred_on <= bindparam("until", type_=Date),
        )
        .group_by(days.kind)
        .order_by(days.kind)
    )


def demarche_reach() -> Select:
    """The states the period's démarches went to.

    State by state, one step into the links' (kind, area, state, date) index (the engagement's kind
    and area on its links: db/rollups.py): the number of states, however many démarches the period
    holds."""
    reached = (
        select(EngagementState.occurred_on)
        .where(
            EngagementState.kind == "demarche",
            EngagementState.area == bindparam("area"),
            EngagementState.iso3 == State.iso3,
            EngagementState.occurred_on >= bindparam("since", type_=Date),
            EngagementState.occurred_on <= bindparam("until", type_=Date),
        )
        .correlate(State)
        .exists()
    )
    return select(State.iso3).where(reached).order_by(State.iso3)


def demarche_replies() -> Select:
    """Replies to the period's démarches, counted by status (pending, replied, no-reply); a state that
    replied more than once to one démarche counts once.

    One range of the replies' (kind, area, date) index, which answers alone (the engagement's values
    on its replies: db/rollups.py): no engagement is read."""
    return (
        select(Reply.status, func.count(func.distinct(Reply.engagement_uuid + Reply.iso3)).label("replies"))
        .where(
            Reply.kind == "demarche",
            Reply.area == bindparam("area"),
            Reply.occurred_on >= bindparam("since", type_=Date),
            Reply.occurred_on <= bindparam("until", type_=Date),
        )
        .group_by(Reply.status)
        .order_by(Reply.status)
    )


QUERIES: dict[str, Callable[[], Select]] = {
    Q.obligations: obligations,
    Q.obligation_of_state: obligation_of_state,
    Q.obligation_extensions: obligation_extensions,
    Q.retention: retention,
    Q.retention_of_state: retention_of_state,
    Q.transparency_reports: transparency_reports,
    Q.transparency_of_state: transparency_of_state,
    Q.transparency_forms: transparency_forms,
    Q.national_measures: national_measures,
    Q.national_measure_of_state: national_measure_of_state,
    Q.cooperation_reports: cooperation_reports,
    Q.cooperation_of_state: cooperation_of_state,
    Q.meeting_details: meeting_details,
    Q.engagements_by_kind: engagements_by_kind,
    Q.demarche_reach: demarche_reach,
    Q.demarche_replies: demarche_replies,
}
