"""Writes for the action plans: an updated plan imported from a file, and indicator values per state and year.

An indicator value says what a State Party has done on an action in a year (done, partly, not done, or
not applicable to it). Only a State Party can be reported against the plans: the Convention must have
been in force for the state on some day of that year (Art. 17), and not yet withdrawn (Art. 20(2)).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ccmtui.actions.fields import Fields, Written, given, named
from ccmtui.actions.recording import _source
from ccmtui.db.ids import stable_uuid
from ccmtui.db.queries import Q
from ccmtui.domain.action_plan import (
    INDICATOR_VALUES,
    parse_action,
    parse_action_points,
    parse_indicator_value,
    party_during,
)
from ccmtui.domain.errors import InputError
from ccmtui.domain.treaty import OPENED_FOR_SIGNATURE, entry_into_force, withdrawal_effective

if TYPE_CHECKING:
    from collections.abc import Callable

    from ccmtui.db.read import Reader
    from ccmtui.db.write import Writer
    from ccmtui.reports.register import Register

INDICATOR_COLUMNS = ("state", "action", "indicator", "year", "value", "note", "source")


def known_actions(reader: Reader) -> frozenset[str]:
    """The codes of the actions the plans in this database hold."""
    return frozenset(row.code for row in reader.rows(Q.plan_action_codes))


def action_points(reader: Reader, values: list[str] | tuple[str, ...]) -> str:
    """`--ap` values as canonical codes, each an action the plans hold (suggestions otherwise)."""
    wanted = [v for v in values if v and v.strip()]
    return parse_action_points(wanted, known_actions(reader)) if wanted else ""


@dataclass
class IndicatorInput:
    iso3: str
    name: str
    action: str
    indicator: int
    year: int
    value: str
    note: str
    source: str


def _check_party(state, year: int) -> None:
    if party_during(year, state.deposited, state.withdrawal_notified):
        return
    if state.deposited is None:
        why = "it has not ratified or acceded, so the Convention is not in force for it (Art. 17)"
    elif entry_into_force(state.deposited).year > year:
        why = f"the Convention entered into force for it on {entry_into_force(state.deposited).isoformat()} (Art. 17)"
    else:
        why = (
            f"its withdrawal took effect on {withdrawal_effective(state.withdrawal_notified).isoformat()} (Art. 20(2))"
        )
    raise InputError(f"{state.name} was not a State Party in {year}: {why}")


def _year(text: str | None, today: date) -> int:
    value = named(text, "which year? e.g. --year 2024")
    if not value.strip().isdigit():
        raise InputError(f"the year is a whole number such as 2024, not {value!r}")
    year = int(value)
    if not OPENED_FOR_SIGNATURE.year <= year <= today.year:
        raise InputError(f"year {year} is outside {OPENED_FOR_SIGNATURE.year}-{today.year}")
    return year


def _indicator(text: str | None) -> int:
    value = (given(text) or "1").strip()
    if not value.isdigit() or int(value) < 1:
        raise InputError(f"the indicator is its number in the action (1, 2, …), not {value!r}")
    return int(value)


def check_indicator(
    register: Register,
    known: frozenset[str],
    *,
    state: str | None,
    action: str | None,
    indicator: str | None,
    year: str | None,
    value: str | None,
    note: str | None = None,
    source: str | None = None,
    today: date | None = None,
) -> IndicatorInput:
    """Every field of one indicator value checked at once (FieldErrors keyed by field)."""
    today = today or date.today()
    fields = Fields()
    record = fields("state", lambda: register.resolve(named(state, "which state? an ISO3 code or a name")))
    code = fields("action", lambda: parse_action(named(action, "which action? e.g. LAP-12"), known))
    number = fields("indicator", lambda: _indicator(indicator))
    when = fields("year", lambda: _year(year, today))
    slug = fields("value", lambda: parse_indicator_value(named(value, f"what value? {', '.join(INDICATOR_VALUES)}")))
    cited = fields("source", lambda: _source(source))
    if fields.ok("state", "year"):
        fields("year", lambda: _check_party(record, when))
    fields.check()
    return IndicatorInput(record.iso3, record.name, code, number, when, slug, " ".join((note or "").split()), cited)


def _store(writer: Writer, given_value: IndicatorInput) -> tuple[dict, bool]:
    """Insert the value, or replace the one already set for that state, action, indicator and year."""
    key = {"iso3": given_value.iso3, "action": given_value.action, "indicator": given_value.indicator}
    values = {
        **key,
        "year": given_value.year,
        "value": given_value.value,
        "note": given_value.note,
        "source": given_value.source,
        "recorded_by": writer.by,
    }
    same = writer.rows(Q.indicator_value_of_state, **key, year=given_value.year)
    if same:
        return writer.update("indicator_values", same[0].uuid, values), True
    uuid = stable_uuid("indicator", given_value.iso3, given_value.action, given_value.indicator, given_value.year)
    if writer.get("indicator_values", uuid) is not None:
        import uuid as uuidlib

        uuid = str(uuidlib.uuid4())
    return writer.insert("indicator_values", {"uuid": uuid, **values}), False


def set_indicator(
    register: Register,
    reader: Reader,
    writing: Callable,
    *,
    state: str | None = None,
    action: str | None = None,
    indicator: str | None = None,
    year: str | None = None,
    value: str | None = None,
    note: str | None = None,
    source: str | None = None,
    today: date | None = None,
) -> Written:
    """`ccm indicator set`: what a State Party has done on an action's indicator in a year."""
    checked = check_indicator(
        register,
        known_actions(reader),
        state=state,
        action=action,
        indicator=indicator,
        year=year,
        value=value,
        note=note,
        source=source,
        today=today,
    )
    label = f"{checked.action} indicator {checked.indicator}"
    with writing(f"indicator {checked.iso3} {label} {checked.year}") as writer:
        row, replaced = _store(writer, checked)
    verb = "now" if replaced else "recorded as"
    return Written(row, f"{checked.name}, {label}, {checked.year}: {verb} {INDICATOR_VALUES[checked.value].lower()}.")


def import_indicators(register: Register, reader: Reader, writing: Callable, path: Path) -> Written:
    """`ccm indicator import FILE.csv`: every row valid, or nothing written (each bad row named)."""
    from ccmtui.files import RowProblems, read_table

    text = read_table(path)
    table = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in ("state", "action", "year", "value", "source") if c not in (table.fieldnames or [])]
    if missing:
        raise InputError(f"{path}: no {', '.join(missing)} column; the columns are {', '.join(INDICATOR_COLUMNS)}")
    known = known_actions(reader)
    problems = RowProblems(str(path))
    rows: dict[tuple, IndicatorInput] = {}
    for row in table:
        try:
            checked = check_indicator(
                register,
                known,
                **{name: row.get(name) for name in ("state", "action", "indicator", "year", "value", "note", "source")},
            )
        except InputError as error:
            problems.add(table.line_num, str(error))
            continue
        key = (checked.iso3, checked.action, checked.indicator, checked.year)
        if key in rows:
            problems.add(table.line_num, f"{checked.name} {checked.action} {checked.year} is given twice")
            continue
        rows[key] = checked
    problems.raise_if_any()
    if not rows:
        raise InputError(f"{path}: no indicator values in the file")
    added = replaced = 0
    with writing(f"indicator import {Path(path).name}") as writer:
        for checked in rows.values():
            _, was = _store(writer, checked)
            replaced += was
            added += not was
    return Written(
        list(rows.values()),
        f"Imported {len(rows)} indicator value{'s' * (len(rows) != 1)} from {Path(path).name}"
        f" ({added} new, {replaced} replaced).",
    )


@dataclass
class PlanImport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0


def import_plan(writing: Callable, path: Path) -> Written:
    """`ccm actionplan import FILE`: add the file's new actions and update the ones it words anew.

    Actions the file leaves out are kept: indicator values and action points may name them.
    """
    from ccmtui.db.reference.plans import read_plan_actions
    from ccmtui.files import read_table

    rows = read_plan_actions(read_table(path), source=str(path))
    result = PlanImport()
    with writing(f"actionplan import {Path(path).name}") as writer:
        existing = {row.code: row for row in writer.rows(Q.plan_actions)}
        for values in rows:
            old = existing.get(values["code"])
            if old is None:
                writer.insert("plan_actions", {"uuid": stable_uuid("plan-action", values["code"]), **values})
                result.added.append(values["code"])
            elif any(getattr(old, key) != value for key, value in values.items()):
                writer.update("plan_actions", old.uuid, values)
                result.changed.append(values["code"])
            else:
                result.unchanged += 1
    parts = [f"{len(result.added)} added", f"{len(result.changed)} updated", f"{result.unchanged} unchanged"]
    return Written(result, f"Action plan from {Path(path).name}: {', '.join(parts)}.")
