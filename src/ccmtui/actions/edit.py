"""Correcting the record: any record found by its id, its fields edited, or deleted with what goes with it.

Ids are unique across the kinds of record, so one id names one record of any kind (`find_record`).
`record_fields` gives its editable fields as text (lists for the fields that take several values),
as a form or an editor shows them; `edit_record` takes the fields changed, as typed, parses every
one with the parsers that creation uses, and writes the differences as one change set;
`what_goes_with` names what a deletion takes along, and `delete_record` deletes it all as one
change set. A campaign and the engagement that carries it answer to both ids: either one edits
or deletes the pair.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ccmtui.actions.fields import Fields, Written, given, named, not_future
from ccmtui.db.ids import MIN_PREFIX, short
from ccmtui.db.queries import Q
from ccmtui.domain.errors import FieldErrors, InputError, NotFoundError

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.db.write import Writer
    from ccmtui.reports.register import Register

# What each kind of record is called, by table.
LABELS = {
    "engagements": "engagement",
    "campaigns": "campaign",
    "replies": "reply",
    "classifications": "classification",
    "milestones": "milestone",
    "work_plans": "work plan",
    "obligations": "obligation",
    "obligation_extensions": "extension request",
    "retention": "retention entry",
    "transparency_reports": "Article 7 report",
    "national_measures": "national measure",
    "cooperation_reports": "cooperation entry",
    "attachments": "attachment",
    "meetings": "meeting",
    "changesets": "change set",
    "states": "state",
}
# Kinds that are not edited or deleted by id, and what to use instead.
NOT_HERE = {
    "states": "a state is reference data; change it with `ccm states update`",
    "changesets": "a change set is history; revert it with `ccm undo --change {id}`",
}
# Fields that take several values (a list in the editor, repeated options on the command line).
LIST_FIELDS = frozenset({"states", "by", "action_points"})
# The order records go in when deleted together: what refers to a record before the record.
DELETE_ORDER = (
    "milestone_engagements", "milestone_slips", "milestones", "work_plan_items", "work_plan_states",
    "attachments", "replies", "campaigns", "engagement_states", "engagement_actors", "transparency_forms",
    "obligation_extensions", "classifications", "engagements", "work_plans",
)  # fmt: skip


def find_record(reader: Reader, text: str) -> tuple[str, str]:
    """(table, full id) of the record of any kind whose id starts with `text`."""
    prefix = (text or "").strip().lower()
    if len(prefix) < MIN_PREFIX or any(c not in "0123456789abcdef-" for c in prefix):
        raise InputError(f"bad id {text!r}: give at least {MIN_PREFIX} characters of the id shown in listings")
    high = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    found = reader.rows(Q.record_ids, low=prefix, high=high)
    if not found:
        raise NotFoundError(f"no record with id {text!r}")
    if len(found) > 1:
        raise InputError(f"id {text!r} is ambiguous; give more characters")
    return found[0].table_name, found[0].uuid


def load(reader: Reader, table: str, uuid: str) -> dict:
    row = reader.get(table, uuid)
    if row is None:
        raise NotFoundError(f"no {LABELS.get(table, table)} with id {short(uuid)}")
    return row


@dataclass
class Found:
    """A record found by its id: its kind, its row, and for a campaign or its engagement, both rows."""

    table: str
    uuid: str
    row: dict
    engagement: dict | None = None
    campaign: dict | None = None

    @property
    def kind(self) -> str:
        return "campaign" if self.campaign else LABELS[self.table]


def open_record(reader: Reader, text: str) -> Found:
    """The record an id names; a campaign and its engagement are found together, by either id."""
    table, uuid = find_record(reader, text)
    row = load(reader, table, uuid)
    if table == "campaigns":
        return Found(table, uuid, row, engagement=load(reader, "engagements", row["engagement_uuid"]), campaign=row)
    if table == "engagements":
        carried = reader.rows(Q.campaign_of_engagement, engagement=uuid)
        campaign = load(reader, "campaigns", carried[0].uuid) if carried else None
        return Found(table, uuid, row, engagement=row, campaign=campaign)
    return Found(table, uuid, row)


def _refuse_here(found: Found) -> None:
    if found.table in NOT_HERE:
        raise InputError(NOT_HERE[found.table].format(id=short(found.uuid)))


# -- fields as text, and back


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
    from ccmtui.domain.areas import parse_area
    from ccmtui.domain.categories import parse_category
    from ccmtui.domain.engagements import clean_summary, parse_channel, parse_kind, parse_stance
    from ccmtui.domain.obligations import parse_measure_status, parse_obligation_status, parse_role
    from ccmtui.domain.workplan import parse_status

    def summary(register: Register, text, today):
        return clean_summary(_text(text))

    def actions(register: Register, values, today):
        from ccmtui.domain.engagements import parse_action_points

        return parse_action_points([v for v in _list(values) if v.strip()])

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
                     "cooperation_reports", "obligations", "obligation_extensions")  # fmt: skip


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
        return values
    if _with_state(found.table):
        values["state"] = found.row["iso3"]
    for spec in fields_of(found.table):
        values[spec.name] = _text(found.row[spec.column])
    return values


# -- editing


def edit_record(
    register: Register,
    writing,
    id: str,
    changes: Mapping[str, Any],
    *,
    today: datetime.date | None = None,
) -> Written:
    """Change the fields named in `changes` (values as typed; a list for states, by and action
    points, or `add_states` / `remove_states`) of the record an id names, as one change set.
    Every field is parsed as at creation; on any error nothing is written."""
    reader = register.reader
    today = today or datetime.date.today()
    found = open_record(reader, id)
    _refuse_here(found)
    current = _fields_of(reader, found)
    changes = dict(changes)
    added, removed = _list(changes.pop("add_states", None)), _list(changes.pop("remove_states", None))
    unknown = sorted(set(changes) - set(current))
    if unknown:
        known = ", ".join(current)
        raise FieldErrors({unknown[0]: f"a {found.kind} has no field {unknown[0]!r} (its fields: {known})"})
    if not changes and not added and not removed:
        raise InputError("nothing to change: give a field and its new value")
    fields = Fields()
    if found.engagement:
        plan = _parse_engagement(register, fields, found, current, changes, added, removed, today)
    else:
        plan = _parse_record(register, fields, found, current, changes, today)
    fields.check()
    if not plan.any():
        return Written(found.row, f"{found.kind.capitalize()} {short(found.uuid)}: nothing changed.")
    what = ", ".join(plan.names)
    with writing(f"edit {found.kind} {short(found.uuid)}: {what}") as writer:
        row = plan.write(writer)
    return Written(row, f"Edited {found.kind} {short(found.uuid)}: {what}.")


@dataclass
class _Plan:
    table: str
    uuid: str
    values: dict = field(default_factory=dict)
    names: list[str] = field(default_factory=list)
    campaign: tuple[str, dict] | None = None
    states: tuple[list[str], list[str]] = ((), ())  # (added, removed)
    actors: tuple[list[str], list[str]] = ((), ())
    campaign_replies: bool = False
    register: Any = None

    def any(self) -> bool:
        return bool(self.names)

    def write(self, writer: Writer) -> dict:
        row = writer.update(self.table, self.uuid, self.values) if self.values else writer.get(self.table, self.uuid)
        if self.campaign:
            writer.update("campaigns", *self.campaign)
        added, removed = self.states
        if added or removed:
            links = {
                p.label: p.uuid
                for p in writer.rows(Q.parts_of_engagement, engagement=self.uuid)
                if p.table_name == "engagement_states"
            }
            replies = writer.rows(Q.replies_of_engagement, engagement=self.uuid)
            for iso3 in removed:
                writer.delete("engagement_states", links[iso3])
                for reply in replies:
                    if reply.iso3 == iso3:
                        writer.delete("replies", reply.uuid)
            for iso3 in added:
                writer.insert("engagement_states", {"engagement_uuid": self.uuid, "iso3": iso3})
                if self.campaign_replies:
                    writer.insert(
                        "replies",
                        {"engagement_uuid": self.uuid, "iso3": iso3, "status": "pending", "recorded_by": writer.by},
                    )
        added, removed = self.actors
        if added or removed:
            links = {
                p.label: p.uuid
                for p in writer.rows(Q.parts_of_engagement, engagement=self.uuid)
                if p.table_name == "engagement_actors"
            }
            for actor in removed:
                writer.delete("engagement_actors", links[actor])
            for actor in added:
                writer.insert("engagement_actors", {"engagement_uuid": self.uuid, "actor": actor})
        return row


def _parse_fields(
    register: Register, fields: Fields, table: str, row: dict, changes: Mapping, today, plan: _Plan
) -> dict:
    """The new values of the fields changed, each parsed; the parsed value of every field (for checks)."""
    after = {}
    for spec in fields_of(table):
        if spec.name not in changes:
            after[spec.column] = row[spec.column]
            continue
        value = fields(spec.name, lambda spec=spec: spec.parse(register, changes[spec.name], today))
        if spec.name in fields.errors:
            continue
        after[spec.column] = value
        if value != row[spec.column]:
            plan.values[spec.column] = value
            plan.names.append(spec.name)
    return after


def _parse_engagement(
    register: Register, fields: Fields, found: Found, current, changes, added, removed, today
) -> _Plan:
    from ccmtui.actions.journal import parse_actors

    row = found.engagement
    uuid = row["uuid"]
    plan = _Plan("engagements", uuid, register=register, campaign_replies=found.campaign is not None)
    if "title" in changes and found.campaign:
        title = fields("title", lambda: named(" ".join(_text(changes["title"]).split()), "the campaign title is empty"))
        if title and title != found.campaign["title"]:
            plan.campaign = (found.campaign["uuid"], {"title": title})
            plan.names.append("title")
    after = _parse_fields(register, fields, "engagements", row, changes, today, plan)
    # States: the whole list, or some added and removed.
    old_states = list(current["states"])

    def states() -> list[str]:
        chosen = (
            [register.index.resolve(t) for t in _list(changes["states"])] if "states" in changes else list(old_states)
        )
        chosen += [register.index.resolve(t) for t in added]
        gone = {register.index.resolve(t) for t in removed}
        chosen = [s for s in dict.fromkeys(chosen) if s not in gone]
        if not chosen:
            raise InputError("name at least one state the engagement was with")
        return chosen

    new_states = fields("states", states)
    if new_states is not None:
        plus = [s for s in new_states if s not in old_states]
        minus = [s for s in old_states if s not in new_states]
        answered = {
            r.iso3 for r in register.reader.rows(Q.replies_of_engagement, engagement=uuid) if r.status == "replied"
        }
        kept = [s for s in minus if s in answered]
        if kept:
            fields.fail("states", f"{register.index.name(kept[0])} has replied; delete its reply first")
        elif plus or minus:
            plan.states = (plus, minus)
            plan.names.append("states")
    if "by" in changes:
        old_actors = list(current["by"])
        actors = fields("by", lambda: parse_actors(register.index, _list(changes["by"])))
        if actors is not None and actors != old_actors:
            plan.actors = ([a for a in actors if a not in old_actors], [a for a in old_actors if a not in actors])
            plan.names.append("by")
    day, follow = after.get("occurred_on"), after.get("follow_up_on")
    if fields.ok("date", "follow_up") and day and follow and follow < day:
        fields.fail("follow_up", f"the follow-up date {follow} is before the engagement ({day})")
    if fields.ok("date") and "occurred_on" in plan.values:
        received = [
            r.received_on for r in register.reader.rows(Q.replies_of_engagement, engagement=uuid) if r.received_on
        ]
        if received and min(received) < day:
            fields.fail("date", f"a reply ({min(received)}) is dated before {day}; the engagement must come first")
    return plan


def _parse_record(register: Register, fields: Fields, found: Found, current, changes, today) -> _Plan:
    table, row = found.table, found.row
    plan = _Plan(table, found.uuid, register=register)
    if "state" in changes:
        iso3 = fields("state", lambda: _state(register, changes["state"], today))
        if iso3 and iso3 != row["iso3"]:
            plan.values["iso3"] = iso3
            plan.names.append("state")
    after = _parse_fields(register, fields, table, row, changes, today, plan)
    after["iso3"] = plan.values.get("iso3", row.get("iso3"))
    if not fields.errors:
        _check(register, fields, table, row, after, today)
    return plan


def _check(register: Register, fields: Fields, table: str, row: dict, after: dict, today: datetime.date) -> None:
    """The rules a record of this kind keeps, checked on its values after the edit."""
    reader = register.reader
    if table == "replies":
        engagement = load(reader, "engagements", row["engagement_uuid"])
        if after["received_on"] and after["received_on"] < engagement["occurred_on"]:
            fields.fail(
                "date",
                f"the reply ({after['received_on']}) is dated before the engagement ({engagement['occurred_on']})",
            )
        if row["status"] == "replied" and not after["received_on"]:
            fields.fail("date", "a reply received needs its date")
    elif table == "classifications":
        from ccmtui.domain.categories import check_classifiable

        fields("state", lambda: check_classifiable(register.record(after["iso3"]), after["assessed_on"]))
    elif table == "retention":
        from ccmtui.domain.obligations import check_retention

        fields(
            "munitions_used",
            lambda: check_retention(after["munitions_retained"], after["munitions_used"], "cluster munitions"),
        )
        fields(
            "submunitions_used",
            lambda: check_retention(
                after["submunitions_retained"], after["submunitions_used"], "explosive submunitions"
            ),
        )
        _unique(fields, reader.rows(Q.retention_of_state, iso3=after["iso3"], year=after["year"]), row, "year",
                f"{register.index.name(after['iso3'])}'s retention for {after['year']}")  # fmt: skip
    elif table == "transparency_reports":
        same = [
            r for r in reader.rows(Q.transparency_of_state, iso3=after["iso3"])
            if r.kind == row["kind"] and (row["kind"] == "initial" or r.year == after["year"])
        ]  # fmt: skip
        _unique(
            fields,
            same,
            row,
            "year",
            f"{register.index.name(after['iso3'])}'s {row['kind']} report for {after['year']}",
        )
    elif table == "national_measures":
        same = reader.rows(
            Q.national_measure_of_state, iso3=after["iso3"], status=after["status"], dated=after["dated"]
        )
        _unique(
            fields,
            same,
            row,
            "date",
            f"{register.index.name(after['iso3'])}: '{after['status']}' dated {after['dated']}",
        )
    elif table == "cooperation_reports":
        same = reader.rows(Q.cooperation_of_state, iso3=after["iso3"], year=after["year"], role=after["role"])
        _unique(
            fields, same, row, "year", f"{register.index.name(after['iso3'])}'s {after['role']} for {after['year']}"
        )
    elif table == "milestones":
        if after["status"] == "done" and not after["done_on"]:
            fields.fail("done", "a milestone done needs the day it was done (done = YYYY-MM-DD)")
        if after["status"] != "done" and after["done_on"]:
            fields.fail("done", f"a milestone {after['status']} has no done date; leave done empty")
    elif table == "work_plans":
        if after["ends_on"] < after["starts_on"]:
            fields.fail("ends", f"the plan ends ({after['ends_on']}) before it starts ({after['starts_on']})")
    elif table == "meetings":
        if after["end"] < after["start"]:
            fields.fail("end", f"the meeting ends ({after['end']}) before it starts ({after['start']})")


def _unique(fields: Fields, same: list, row: dict, name: str, what: str) -> None:
    other = next((r for r in same if r.uuid != row["uuid"]), None)
    if other is not None:
        fields.fail(
            name,
            f"{what} is already recorded (id {short(other.uuid)}); correct that one with `ccm edit {short(other.uuid)}`",
        )


# -- deleting


@dataclass
class GoesWith:
    """A record to delete and what goes with it: `parts` are deleted too, `unlinked` kept without the link."""

    table: str
    uuid: str
    kind: str
    title: str
    parts: list[tuple[str, str, str]] = field(default_factory=list)  # (table, uuid, label)
    unlinked: list[tuple[str, str, str, str]] = field(default_factory=list)  # (table, uuid, column, label)

    def describe(self) -> str:
        """What goes with it, in words: '3 replies, 2 states, 1 attachment'."""
        counts: dict[str, int] = {}
        for table, _, _ in self.parts:
            counts[table] = counts.get(table, 0) + 1
        words = {
            "engagement_states": ("state", "states"), "engagement_actors": ("acting party", "acting parties"),
            "attachments": ("attachment", "attachments"), "replies": ("reply", "replies"),
            "campaigns": ("campaign", "campaigns"), "engagements": ("engagement", "engagements"),
            "milestone_engagements": ("milestone link", "milestone links"), "milestones": ("milestone", "milestones"),
            "milestone_slips": ("slip", "slips"), "work_plan_items": ("work plan item", "work plan items"),
            "work_plan_states": ("work plan state", "work plan states"), "transparency_forms": ("form", "forms"),
            "obligation_extensions": ("extension request", "extension requests"),
        }  # fmt: skip
        said = [
            f"{n} {words.get(t, (t, t))[n != 1]}"
            for t, n in sorted(
                counts.items(), key=lambda item: DELETE_ORDER.index(item[0]) if item[0] in DELETE_ORDER else 99
            )
        ]
        if self.unlinked:
            n = len(self.unlinked)
            said.append(f"{n} {LABELS.get(self.unlinked[0][0], self.unlinked[0][0])}{'s' * (n != 1)} kept, unlinked")
        return ", ".join(said)


def _title(found: Found, register: Register | None = None) -> str:
    row = found.campaign or found.row
    for key in ("title", "summary", "filename", "name", "code"):
        if row.get(key):
            return str(row[key])
    bits = [row.get("iso3"), row.get("year"), row.get("kind"), row.get("status"), row.get("category")]
    return " ".join(str(b) for b in bits if b)


def what_goes_with(reader: Reader, id: str) -> GoesWith:
    """The record an id names and everything a deletion of it takes along (nothing is written)."""
    found = open_record(reader, id)
    _refuse_here(found)
    goes = GoesWith(found.table, found.uuid, found.kind, _title(found))
    if found.engagement:
        goes.table, goes.uuid = "engagements", found.engagement["uuid"]
        for part in reader.rows(Q.parts_of_engagement, engagement=goes.uuid):
            if part.table_name == "classifications":
                goes.unlinked.append((part.table_name, part.uuid, "source_engagement", part.label))
            else:
                goes.parts.append((part.table_name, part.uuid, part.label))
    elif found.table == "work_plans":
        goes.parts = [(p.table_name, p.uuid, p.label) for p in reader.rows(Q.parts_of_work_plan, work_plan=found.uuid)]
    elif found.table == "milestones":
        goes.parts = [(p.table_name, p.uuid, p.label) for p in reader.rows(Q.parts_of_milestone, milestone=found.uuid)]
    elif found.table == "transparency_reports":
        row = found.row
        goes.parts = [
            ("transparency_forms", f.uuid, f.form)
            for f in reader.rows(Q.transparency_forms)
            if f.iso3 == row["iso3"] and f.kind == row["kind"] and f.year == row["year"]
        ]
    elif found.table == "obligations":
        row = found.row
        goes.parts = [
            ("obligation_extensions", e.uuid, str(e.number))
            for e in reader.rows(Q.obligation_extensions)
            if e.iso3 == row["iso3"] and e.article == row["article"]
        ]
    elif found.table == "classifications":
        goes.unlinked = [
            ("replies", r.uuid, "classification_uuid", r.iso3)
            for r in reader.rows(Q.replies_of_state, iso3=found.row["iso3"])
            if getattr(r, "classification_uuid", None) == found.uuid
        ]
    return goes


def delete_record(reader: Reader, writing, id: str) -> Written:
    """Delete the record an id names with everything that goes with it, as one change set."""
    goes = what_goes_with(reader, id)
    order = {name: i for i, name in enumerate(DELETE_ORDER)}
    with writing(f"delete {goes.kind} {short(goes.uuid)}: {goes.title}"[:300]) as writer:
        for table, uuid, column, _ in goes.unlinked:
            writer.update(table, uuid, {column: None})
        for table, uuid, _ in sorted(goes.parts, key=lambda part: order.get(part[0], -1)):
            writer.delete(table, uuid)
        row = writer.delete(goes.table, goes.uuid)
    extra = goes.describe()
    return Written(
        {"table": goes.table, "uuid": goes.uuid, "kind": goes.kind, "deleted": row, "parts": len(goes.parts)},
        f"Deleted {goes.kind} {short(goes.uuid)} ({goes.title})" + (f" with {extra}" if extra else "") + ".",
    )
