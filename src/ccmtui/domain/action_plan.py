"""The action plans the meetings adopt, their actions, and what an indicator value says a state has done.

Vientiane (1MSP, 2010), Dubrovnik (1RC, 2015), Lausanne (2RC, 2021-2026). An action is named by its
plan and number: VAP-20, DAP-4.1, LAP-12. Which actions exist is reference data (db/reference/
action_plan.csv, or an updated plan imported from a file); this module only spells and checks them.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from datetime import date

from ccmtui.domain.errors import InputError
from ccmtui.domain.states import normalize
from ccmtui.domain.treaty import entry_into_force, withdrawal_effective

ACTION_PLANS = {"VAP": "Vientiane Action Plan", "DAP": "Dubrovnik Action Plan", "LAP": "Lausanne Action Plan"}
# The year each plan was adopted (first day it can be reported against) and the last year it covers.
PLAN_YEARS = {"VAP": (2010, 2015), "DAP": (2015, 2020), "LAP": (2021, 2026)}

_ACTION = re.compile(r"^(VAP|DAP|LAP)[\s\-_#]*(\d{1,3}(?:\.\d{1,2})?)$", re.IGNORECASE)
_PLAN_NAMES = {normalize(name): code for code, name in ACTION_PLANS.items()}

# What a state's indicator value says: done, partly done, not done, or the action does not concern it.
INDICATOR_VALUES = {
    "done": "Done",
    "partly": "Partly done",
    "not-done": "Not done",
    "not-applicable": "Not applicable",
}
_VALUE_ALIASES = {
    "yes": "done",
    "implemented": "done",
    "completed": "done",
    "complete": "done",
    "partial": "partly",
    "partially": "partly",
    "in progress": "partly",
    "no": "not-done",
    "not done": "not-done",
    "n/a": "not-applicable",
    "na": "not-applicable",
    "not applicable": "not-applicable",
    "not concerned": "not-applicable",
}


def spell_action(text: str) -> str:
    """'lap 17', 'VAP#3', 'dap-4.1' as the canonical code ('LAP-17'); InputError if it is no action code."""
    match = _ACTION.match(" ".join(text.split()))
    if not match:
        raise InputError(f"bad action {text!r}: expected a code such as VAP-20, DAP-4.1 or LAP-17")
    number = match.group(2)
    whole, _, part = number.partition(".")
    return f"{match.group(1).upper()}-{int(whole)}" + (f".{int(part)}" if part else "")


def plan_of(code: str) -> str:
    return code.split("-", 1)[0]


def parse_plan(text: str) -> str:
    key = normalize(text)
    if key.upper() in ACTION_PLANS:
        return key.upper()
    if key in _PLAN_NAMES:
        return _PLAN_NAMES[key]
    raise InputError(f"unknown action plan {text!r}; valid: {', '.join(ACTION_PLANS)}")


def sort_key(code: str) -> tuple:
    plan, _, number = code.partition("-")
    order = list(ACTION_PLANS).index(plan) if plan in ACTION_PLANS else len(ACTION_PLANS)
    return (order, *(int(n) for n in number.split(".") if n.isdigit()))


def _ranges(codes: list[str]) -> str:
    """'LAP-12 to LAP-17, LAP-31 to LAP-37': consecutive whole-numbered actions run together."""
    parts: list[list[str]] = []
    for code in sorted(codes, key=sort_key):
        number = code.partition("-")[2]
        last = parts[-1][-1].partition("-")[2] if parts else ""
        if parts and number.isdigit() and last.isdigit() and int(number) == int(last) + 1:
            parts[-1].append(code)
        else:
            parts.append([code])
    return ", ".join(run[0] if len(run) == 1 else f"{run[0]} to {run[-1]}" for run in parts)


def unknown_action(text: str, known: Collection[str]) -> InputError:
    """The error for an action code the plans do not hold, with the nearest known codes of its plan."""
    try:
        code = spell_action(text)
    except InputError:
        code = text.strip().upper()
    same_plan = [c for c in known if plan_of(c) == plan_of(code)]
    near = difflib.get_close_matches(code, sorted(same_plan, key=sort_key), n=3, cutoff=0.75)
    if near:
        hint = f"; did you mean {', '.join(near)}?"
    elif same_plan:
        hint = f"; the {plan_of(code)} actions known here are {_ranges(same_plan)} (`ccm actionplan import` adds more)"
    else:
        hint = "; see `ccm actionplan list`"
    return InputError(f"unknown action {text.strip()!r}{hint}")


def parse_action(text: str, known: Collection[str]) -> str:
    """One action code, canonical and known to the plans."""
    code = spell_action(text)
    if code not in known:
        raise unknown_action(text, known)
    return code


def parse_action_points(values: list[str] | tuple[str, ...], known: Collection[str] | None = None) -> str:
    """Action references ('VAP-3', 'lap 17', 'DAP-4.1') as one space-separated string of canonical codes.

    With `known`, each must be an action of the plans (suggestions otherwise); without, only the
    spelling is checked.
    """
    points: list[str] = []
    for value in values:
        for part in re.split(r"[,;]\s*|\s+(?=[A-Za-z])", value.strip()):
            if not part.strip():
                continue
            code = spell_action(part)
            if known is not None and code not in known:
                raise unknown_action(part, known)
            points.append(code)
    return " ".join(dict.fromkeys(points))


def parse_indicator_value(text: str) -> str:
    key = " ".join(normalize(text).replace("_", " ").split())
    if key.replace(" ", "-") in INDICATOR_VALUES:
        return key.replace(" ", "-")
    if key in _VALUE_ALIASES:
        return _VALUE_ALIASES[key]
    for slug, label in INDICATOR_VALUES.items():
        if normalize(label) == key:
            return slug
    raise InputError(f"unknown indicator value {text!r}; valid: {', '.join(INDICATOR_VALUES)}")


def party_during(year: int, deposited: date | None, withdrawal_notified: date | None = None) -> bool:
    """Whether the Convention was in force for a state on some day of `year`.

    Art. 17: in force from 1 August 2010 for the first thirty instruments, otherwise from the first day
    of the sixth month after the deposit; Art. 20(2): a withdrawal takes effect six months after notice.
    """
    if deposited is None or entry_into_force(deposited) > date(year, 12, 31):
        return False
    return withdrawal_notified is None or withdrawal_effective(withdrawal_notified) > date(year, 1, 1)


def first_party_year(deposited: date | None) -> int | None:
    return None if deposited is None else entry_into_force(deposited).year
