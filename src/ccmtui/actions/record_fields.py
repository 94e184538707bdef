"""A record's editable fields: the column each is stored in, and how typed text becomes the stored value.

`record_fields` gives the fields of the record an id names as text (lists for the fields that take
several values), as a form or an editor shows them; each field parses with the parsers that creation
uses, so an edit is checked as a new record is.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ccmtui.actions.fields import given, named, not_future
from ccmtui.actions.records import Found, _refuse_here, open_record
from ccmtui.db.queries import Q
from ccmtui.domain.errors import InputError

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.reports.register import Register

# Fields that take several values (a list in the editor, repeated options on the command line).
LIST_FIELDS = frozenset({"states", "by", "with", "action_points"})


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True)
class Field:
    """One editable field: the column it is stored in and how typed text becomes the stored value."""

    name: str
    column: str
    parse: Callable[[Register, Any, datetime.date], Any]


def _past(value: datetime.date, today: datetime.date) -> datetime.date:
    return not_future(value, today)


def _date(option: str, *, optional: bool = False, past: bool = False):
    def parse(register: Register, text, today):
        value = given(text)
        if value is None:
            if optional:
                return None
            raise InputError(f"give a date for {option}")
        day = register.resolve_day(value, option)
        return _past(day, today) if past else day

    return parse


def _partial(option: str, *, optional: bool = True):
    def parse(register: Register, text, today):
        from ccmtui.domain.dates import parse_partial_date

        value = given(text)
        if value is None:
            if optional:
                return None
            raise InputError(f"give a date for {option}")
        return str(parse_partial_date(value, option))

    return parse


def _int(option: str, *, optional: bool = False):
    def parse(register: Register, text, today):
        value = given(_text(text))
        if value is None:
            if optional:
                return None
            raise InputError(f"give a number for {option}")
        try:
            number = int(value)
        except ValueError:
            raise InputError(f"bad {option} {value!r}: give a whole number") from None
        if number < 0:
            raise InputError(f"bad {option} {number}: it cannot be negative")
        return number

    return parse


def _str(option: str, *, required: bool = False, limit: int | None = None, empty=""):
    def parse(register: Register, text, today):
        value = " ".join(_text(text).split()) if option != "--notes" else _text(text).strip()
        if required and not value:
            raise InputError(f"{option} is empty")
        if limit and len(value) > limit:
            raise InputError(f"{option} is {len(value)} characters; keep it under {limit}")
        return value if value else empty

    return parse


def _choice(parser: Callable[[str], Any], *, optional: bool = False):
    def parse(register: Register, text, today):
        value = given(_text(text))
        if value is None and optional:
            return None
        result = parser(value or "")
        return getattr(result, "value", result)

    return parse


def _state(register: Register, text, today):
    return register.index.resolve(named(_text(text), "name the state"))


def _fields() -> dict[str, list[Field]]:
    from ccmtui.domain.action_plan import parse_indicator_value
    from ccmtui.domain.areas import parse_area
    from ccmtui.domain.categories import parse_category
    from ccmtui.domain.engagements import clean_summary, parse_channel, parse_kind, parse_stance
    from ccmtui.domain.obligations import parse_measure_status, parse_obligation_status, parse_role
    from ccmtui.domain.workplan import parse_status

    def summary(register: Register, text, today):
        return clean_summary(_text(text))

    def actions(register: Register, values, today):
        from ccmtui.actions.action_plan import action_points

        return action_points(register.reader, [v for v in _list(values) if v.strip()])

    return {
        "engagements": [
            Field("date", "occurred_on", _date("--date")),
            Field("kind", "kind", _choice(parse_kind)),
            Field("area", "area", _choice(parse_area)),
            Field("channel", "channel", _choice(parse_channel)),
            Field("summary", "summary", summary),
            Field("action_points", "action_points", actions),
            Field("follow_up", "follow_up_on", _date("--follow-up", optional=True)),
            Field("notes", "notes", _str("--notes")),
        ],
        "replies": [
            Field("date", "received_on", _date("--date", optional=True, past=True)),
            Field("stance", "stance", _choice(parse_stance, optional=True)),
            Field("summary", "summary", _str("--summary")),
            Field("category", "supports_category", _choice(parse_category, optional=True)),
        ],
        "classifications": [
            Field("category", "category", _choice(parse_category)),
            Field("date", "assessed_on", _date("--date", past=True)),
            Field("rationale", "rationale", _str("--rationale", required=True)),
        ],
        "milestones": [
            Field("title", "title", _str("--title", required=True, limit=300)),
            Field("due", "due_on", _date("--due")),
            Field("status", "status", _choice(parse_status)),
            Field("done", "done_on", _date("--done", optional=True, past=True)),
            Field("notes", "notes", _str("--notes")),
        ],
        "work_plans": [
            Field("title", "title", _str("--title", required=True, limit=300)),
            Field("area", "area", _choice(parse_area)),
            Field("starts", "starts_on", _date("--starts")),
            Field("ends", "ends_on", _date("--ends")),
            Field("background", "background", _str("--background")),
            Field("strategy", "strategy", _str("--strategy")),
            Field("expected_outputs", "expected_outputs", _str("--expected-outputs")),
            Field("estimated_budget", "estimated_budget", _str("--estimated-budget")),
            Field("source", "source", _str("--source")),
        ],
        "obligations": [
            Field("deadline", "deadline", _date("--deadline", optional=True)),
            Field("status", "status", _choice(parse_obligation_status)),
            Field("status_as_of", "status_as_of", _date("--status-as-of", past=True)),
            Field("completed", "completed", _partial("--completed")),
            Field("source", "source", _str("--source", empty=None)),
            Field("notes", "notes", _str("--notes")),
        ],
        "obligation_extensions": [
            Field("requested", "requested", _partial("--requested")),
            Field("requested_to", "requested_to", _date("--requested-to", optional=True)),
            Field("meeting", "meeting", _str("--meeting", limit=10, empty=None)),
            Field("granted", "granted", _partial("--granted")),
            Field("extended_to", "extended_to", _date("--extended-to", optional=True)),
            Field("source", "source", _str("--source", empty=None)),
            Field("notes", "notes", _str("--notes")),
        ],
        "retention": [
            Field("year", "year", _int("--year")),
            Field("munitions", "munitions_retained", _int("--munitions", optional=True)),
            Field("submunitions", "submunitions_retained", _int("--submunitions", optional=True)),
            Field("munitions_used", "munitions_used", _int("--munitions-used", optional=True)),
            Field("submunitions_used", "submunitions_used", _int("--submunitions-used", optional=True)),
            Field("munitions_planned", "munitions_planned", _int("--munitions-planned", optional=True)),
            Field("submunitions_planned", "submunitions_planned", _int("--submunitions-planned", optional=True)),
            Field("planned_use", "planned_use", _str("--planned-use")),
            Field("actual_use", "actual_use", _str("--actual-use")),
            Field("purpose", "purpose", _str("--purpose")),
            Field("source", "source", _str("--source", empty=None)),
        ],
        "transparency_reports": [
            Field("year", "year", _int("--year")),
            Field("due", "due", _date("--due")),
            Field("submitted", "submitted", _date("--submitted", optional=True, past=True)),
            Field("source", "source", _str("--source", empty=None)),
        ],
        "national_measures": [
            Field("status", "status", _choice(parse_measure_status)),
            Field("date", "dated", _partial("--date", optional=False)),
            Field("measure", "measure", _str("--measure", limit=300)),
            Field("source", "source", _str("--source", empty=None)),
        ],
        "cooperation_reports": [
            Field("year", "year", _int("--year")),
            Field("role", "role", _choice(parse_role)),
            Field("details", "details", _str("--details")),
            Field("source", "source", _str("--source", empty=None)),
        ],
        "indicator_values": [
            Field("value", "value", _choice(parse_indicator_value)),
            Field("note", "note", _str("--note")),
            Field("source", "source", _str("--source", empty=None)),
        ],
        "practices": _practice_fields(),
        "attachments": [Field("filename", "filename", _str("--filename", required=True, limit=255))],
        "meetings": [
            Field("name", "name", _str("--name", required=True, limit=100)),
            Field("city", "city", _str("--city", required=True, limit=60)),
            Field("country", "country", _str("--country", required=True, limit=60)),
            Field("start", "start", _date("--start")),
            Field("end", "end", _date("--end")),
            Field("president_state", "president_state", _str("--president-state", empty=None)),
            Field("source", "source", _str("--source", empty=None)),
            Field("notes", "notes", _str("--notes", empty=None)),
        ],
    }


def _practice_fields() -> list[Field]:
    """Art. 3(2): a destruction practice's fields, parsed alike when it is added and when it is edited."""
    from ccmtui.domain.practices import parse_cost, parse_currency, parse_method

    def year(register: Register, text, today):
        value = _int("--year", optional=True)(register, text, today)
        if value is not None and not 1970 <= value <= today.year:
            raise InputError(f"year {value} is outside 1970-{today.year}")
        return value

    def engagement(register: Register, text, today):
        from ccmtui.db.ids import resolve_engagement

        value = given(_text(text))
        return resolve_engagement(register.reader, value) if value else None

    return [
        Field("method", "method", _choice(parse_method)),
        Field("year", "year", year),
        Field("cost", "cost_per_unit", lambda register, text, today: parse_cost(_text(text))),
        Field("currency", "currency", lambda register, text, today: parse_currency(_text(text))),
        Field("safety", "safety", _str("--safety")),
        Field("environment", "environment", _str("--environment")),
        Field("efficiency", "efficiency", _str("--efficiency")),
        Field("notes", "notes", _str("--notes")),
        Field("source", "source", _str("--source", empty=None)),
        Field("engagement", "engagement_uuid", engagement),
    ]


_FIELDS: dict[str, list[Field]] | None = None


def fields_of(table: str) -> list[Field]:
    global _FIELDS
    if _FIELDS is None:
        _FIELDS = _fields()
    return _FIELDS.get(table, [])


def _list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.replace("\n", ";").split(";") if part.strip()]
    return [str(v) for v in value]


def _with_state(table: str) -> bool:
    return table in ("replies", "classifications", "retention", "transparency_reports", "national_measures",
                     "cooperation_reports", "obligations", "obligation_extensions", "practices")  # fmt: skip


def record_fields(reader: Reader, id: str) -> tuple[str, dict[str, str | list[str]]]:
    """(kind, editable fields as text) of the record an id names: what an editor or a form shows."""
    found = open_record(reader, id)
    _refuse_here(found)
    return found.kind, _fields_of(reader, found)


def _fields_of(reader: Reader, found: Found) -> dict[str, str | list[str]]:
    values: dict[str, str | list[str]] = {}
    if found.campaign:
        values["title"] = found.campaign["title"]
    if found.engagement:
        row = found.engagement
        uuid = row["uuid"]
        values["states"] = [r.iso3 for r in reader.rows(Q.states_of_engagements, uuids=[uuid])]
        values["by"] = [r.actor for r in reader.rows(Q.actors_of_engagements, uuids=[uuid])]
        for spec in fields_of("engagements"):
            if spec.name == "action_points":
                values[spec.name] = (row["action_points"] or "").split()
            else:
                values[spec.name] = _text(row[spec.column])
        # Whom it met besides its states: people by name, organisations by code.
        values["with"] = [
            r.person_name if r.person_uuid else r.organisation
            for r in reader.rows(Q.counterparts_of_engagements, uuids=[uuid])
        ]
        return values
    if _with_state(found.table):
        values["state"] = found.row["iso3"]
    for spec in fields_of(found.table):
        values[spec.name] = _text(found.row[spec.column])
    return values
