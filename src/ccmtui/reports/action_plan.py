"""Per action of the action plans: the States Parties it concerns and those that have done it.

Counted as the progress reports count ("how many … have implemented actions 20, 21, 22, 23 and 26"): for
each state and each indicator of an action, the latest value recorded up to the year asked. A state is
concerned by an action when some indicator's latest value is other than not-applicable; it has done the
action when every such indicator's latest value is done.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain.action_plan import sort_key
from ccmtui.domain.errors import InputError

if TYPE_CHECKING:
    from ccmtui.db.read import Reader

NOT_SHIPPED = (
    "not shipped: the public text of this plan reachable when ccm was built does not give them;"
    " import the plan with its indicators with `ccm actionplan import FILE`"
)


# The action plan each meeting adopted: Vientiane (1MSP), Dubrovnik (1RC), Lausanne (2RC).
PLAN_ADOPTED_AT = {"1MSP": "VAP", "1RC": "DAP", "2RC": "LAP"}


def plan_in_force(meetings, day: date) -> str:
    """The action plan in force on `day`: the one adopted by the last of those meetings to have closed."""
    plan = "VAP"
    for meeting in sorted(meetings, key=lambda m: m.end):
        if meeting.code in PLAN_ADOPTED_AT and meeting.end <= day:
            plan = PLAN_ADOPTED_AT[meeting.code]
    return plan


@dataclass
class StateOnAction:
    iso3: str
    name: str
    state: str  # done, partly, not-done or not-applicable: the state's standing on the action
    year: int  # the latest year a value was recorded for it
    values: dict[int, str] = field(default_factory=dict)  # indicator -> latest value
    source: str = ""


@dataclass
class ActionStanding:
    code: str
    plan: str
    number: str
    area: str
    title: str
    indicators: list[str]
    source: str
    states: list[StateOnAction] = field(default_factory=list)

    @property
    def concerned(self) -> list[StateOnAction]:
        return [s for s in self.states if s.state != "not-applicable"]

    @property
    def done(self) -> list[StateOnAction]:
        return [s for s in self.states if s.state == "done"]

    def as_json(self, with_states: bool = False) -> dict:
        record = {
            "code": self.code,
            "plan": self.plan,
            "number": self.number,
            "area": self.area,
            "title": self.title,
            "indicators": self.indicators,
            "concerned": len(self.concerned),
            "done": len(self.done),
            "source": self.source,
        }
        if with_states:
            record["states"] = [
                {
                    "iso3": s.iso3,
                    "name": s.name,
                    "standing": s.state,
                    "year": s.year,
                    "indicators": {str(k): v for k, v in sorted(s.values.items())},
                    "source": s.source,
                }
                for s in self.states
            ]
        return record


def standing_of(values: dict[int, str]) -> str:
    """A state's standing on an action from its indicators' latest values."""
    concerned = [v for v in values.values() if v != "not-applicable"]
    if not concerned:
        return "not-applicable"
    if all(v == "done" for v in concerned):
        return "done"
    if any(v in ("done", "partly") for v in concerned):
        return "partly"
    return "not-done"


def action_plan(reader: Reader, until: int | None = None, plan: str | None = None) -> list[ActionStanding]:
    """Every action (of one plan, or all), with each State Party's standing as of the end of `until`."""
    until = until or date.today().year
    actions = {
        row.code: ActionStanding(
            row.code,
            row.plan,
            row.number,
            row.area,
            row.title,
            [line for line in (row.indicators or "").splitlines() if line.strip()],
            row.source or "",
        )
        for row in reader.rows(Q.plan_actions)
        if plan is None or row.plan == plan
    }
    latest: dict[tuple[str, str], dict[int, tuple[int, str, str]]] = {}
    names: dict[str, str] = {}
    for row in reader.rows(Q.indicator_values, until=until):
        if row.action not in actions:
            continue
        names[row.iso3] = row.name
        per = latest.setdefault((row.action, row.iso3), {})
        if row.indicator not in per or per[row.indicator][0] <= row.year:
            per[row.indicator] = (row.year, row.value, row.source or "")
    for (code, iso3), per in latest.items():
        values = {number: value for number, (_, value, _) in per.items()}
        year = max(y for y, _, _ in per.values())
        source = "; ".join(dict.fromkeys(s for y, _, s in per.values() if s))
        actions[code].states.append(StateOnAction(iso3, names[iso3], standing_of(values), year, values, source))
    for action in actions.values():
        action.states.sort(key=lambda s: s.name)
    return sorted(actions.values(), key=lambda a: sort_key(a.code))


def one_action(reader: Reader, code: str, until: int | None = None) -> ActionStanding:
    for action in action_plan(reader, until, code.partition("-")[0]):
        if action.code == code:
            return action
    raise InputError(f"unknown action {code!r}")


def actions_of_state(reader: Reader, iso3: str, until: int | None = None) -> list[tuple[ActionStanding, StateOnAction]]:
    """The actions a state has a value on, with its standing on each."""
    found = []
    for action in action_plan(reader, until):
        for state in action.states:
            if state.iso3 == iso3:
                found.append((action, state))
    return found
