"""Read queries for the action plans: their actions, and the indicator values recorded per state and year."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Integer, Select, bindparam, select

from ccmtui.db.models import IndicatorValue, PlanAction, State
from ccmtui.db.queries import Q


def plan_actions() -> Select:
    return select(
        PlanAction.uuid,
        PlanAction.code,
        PlanAction.plan,
        PlanAction.number,
        PlanAction.area,
        PlanAction.title,
        PlanAction.indicators,
        PlanAction.source,
    ).order_by(PlanAction.plan, PlanAction.code)


def plan_action_codes() -> Select:
    return select(PlanAction.code).order_by(PlanAction.code)


def indicator_values() -> Select:
    return (
        select(
            IndicatorValue.uuid,
            IndicatorValue.iso3,
            State.name,
            State.deposited,
            State.withdrawal_notified,
            IndicatorValue.action,
            IndicatorValue.indicator,
            IndicatorValue.year,
            IndicatorValue.value,
            IndicatorValue.note,
            IndicatorValue.source,
        )
        .join(State, State.iso3 == IndicatorValue.iso3)
        .where(IndicatorValue.year <= bindparam("until", type_=Integer))
        .order_by(IndicatorValue.action, State.name, IndicatorValue.indicator, IndicatorValue.year)
    )


def indicator_value_of_state() -> Select:
    return select(IndicatorValue.uuid, IndicatorValue.value).where(
        IndicatorValue.iso3 == bindparam("iso3"),
        IndicatorValue.action == bindparam("action"),
        IndicatorValue.indicator == bindparam("indicator", type_=Integer),
        IndicatorValue.year == bindparam("year", type_=Integer),
    )


QUERIES: dict[str, Callable[[], Select]] = {
    Q.plan_actions: plan_actions,
    Q.plan_action_codes: plan_action_codes,
    Q.indicator_values: indicator_values,
    Q.indicator_value_of_state: indicator_value_of_state,
}
