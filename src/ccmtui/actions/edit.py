"""Correcting the record: any record found by its id and its fields edited, every one checked.

`edit_record` takes the fields changed, as typed, parses every one with the parsers that creation
uses (`record_fields`), checks the rules the record keeps, and writes the differences as one change
set. A campaign and the engagement that carries it answer to both ids: either one edits the pair.
Finding a record by id is `records`, its fields `record_fields`, deleting it `delete`; their names
are importable from here too.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ccmtui.actions.delete import (
    DELETE_ORDER,
    GoesWith,
    _title,
    delete_record,
    what_goes_with,
)
from ccmtui.actions.fields import Fields, Written, named
from ccmtui.actions.record_fields import (
    LIST_FIELDS,
    Field,
    _choice,
    _date,
    _fields,
    _fields_of,
    _int,
    _list,
    _partial,
    _past,
    _state,
    _str,
    _text,
    _with_state,
    fields_of,
    record_fields,
)
from ccmtui.actions.records import (
    LABELS,
    NOT_HERE,
    Found,
    _refuse_here,
    find_record,
    load,
    open_record,
)
from ccmtui.db.ids import short
from ccmtui.db.queries import Q
from ccmtui.domain.errors import FieldErrors, InputError
from ccmtui.domain.words import possessive

if TYPE_CHECKING:
    from ccmtui.db.write import Writer
    from ccmtui.reports.register import Register

# Names moved to records, record_fields and delete stay importable from here.
__all__ = [
    "DELETE_ORDER",
    "LABELS",
    "LIST_FIELDS",
    "NOT_HERE",
    "Field",
    "Found",
    "GoesWith",
    "_Plan",
    "_check",
    "_choice",
    "_date",
    "_fields",
    "_fields_of",
    "_int",
    "_list",
    "_parse_engagement",
    "_parse_fields",
    "_parse_record",
    "_partial",
    "_past",
    "_refuse_here",
    "_state",
    "_str",
    "_text",
    "_title",
    "_unique",
    "_with_state",
    "delete_record",
    "edit_record",
    "fields_of",
    "find_record",
    "load",
    "open_record",
    "record_fields",
    "what_goes_with",
]


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
    counterparts: tuple[list, list[str]] = ((), ())  # (Counterparts added, links removed)
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
        met, gone = self.counterparts
        for link in gone:
            writer.delete("engagement_counterparts", link)
        if met:
            from ccmtui.actions.counterparts import add_counterparts

            add_counterparts(writer, self.uuid, met)
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
        actors = fields("by", lambda: parse_actors(register.index, _list(changes["by"]), register.organisations))
        if actors is not None and actors != old_actors:
            plan.actors = ([a for a in actors if a not in old_actors], [a for a in old_actors if a not in actors])
            plan.names.append("by")
    if "with" in changes:
        from ccmtui.actions.counterparts import Counterpart, parse_counterparts

        links = {
            Counterpart(r.person_uuid, r.organisation): r.uuid
            for r in register.reader.rows(Q.counterparts_of_engagements, uuids=[uuid])
        }
        met = fields("with", lambda: parse_counterparts(register, _list(changes["with"])))
        if met is not None and set(met) != set(links):
            plan.counterparts = ([m for m in met if m not in links], [links[m] for m in links if m not in met])
            plan.names.append("with")
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
                f"{possessive(register.index.name(after['iso3']), 'retention')} for {after['year']}")  # fmt: skip
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
            f"{possessive(register.index.name(after['iso3']), row['kind'] + ' report')} for {after['year']}",
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
            fields,
            same,
            row,
            "year",
            f"{possessive(register.index.name(after['iso3']), after['role'])} for {after['year']}",
        )
    elif table == "practices":
        from ccmtui.actions.practices import check_practice

        check_practice(fields, after)
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
