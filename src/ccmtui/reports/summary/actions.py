"""An area's actions in the action plan in force on the day: the States Parties each concerns and those that
have done it (reports/action_plan.py counts them), for the actions with values recorded up to that year."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ccmtui.reports.action_plan import action_plan, plan_in_force
from ccmtui.reports.summary.common import Period, StateRef, by_name

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.reports.register import Register


@dataclass(frozen=True, slots=True)
class ActionTally:
    code: str
    title: str
    concerned: list[StateRef]
    done: list[StateRef]


def action_tallies(reader: Reader, register: Register, area: str, period: Period) -> list[ActionTally]:
    plan = plan_in_force(register.meetings, period.as_of)
    regions = {s.iso3: s.region for s in register.on(period.as_of)}

    def refs(states) -> list[StateRef]:
        return by_name([StateRef(s.iso3, s.name, regions.get(s.iso3, "")) for s in states])

    return [
        ActionTally(a.code, a.title, refs(a.concerned), refs(a.done))
        for a in action_plan(reader, period.as_of.year, plan)
        if a.area == area and a.states
    ]
