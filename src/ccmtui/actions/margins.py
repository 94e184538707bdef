"""Bilateral meetings in the margins of an MSP or intersessional week: planned, moved, cancelled,
and, once held, recorded as an engagement (a meeting) with its follow-up.

The actions behind `ccm margins add|edit|cancel|outcome` and the app's Margins screen; each is one
change set, so `ccm undo` takes it back whole.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from ccmtui.actions.fields import Fields, Written, given, named
from ccmtui.actions.journal import NewEngagement, add_engagement, engagement_fields
from ccmtui.db.ids import MIN_PREFIX, short
from ccmtui.db.queries import Q
from ccmtui.domain.dates import parse_date
from ccmtui.domain.engagements import clean_summary
from ccmtui.domain.errors import InputError, NotFoundError
from ccmtui.domain.margins import OBJECTIVE_MAX, ROOM_MAX, Slot, clash, parse_slot
from ccmtui.domain.states import normalize

if TYPE_CHECKING:
    from ccmtui.reports.register import Register


def find_meeting(register: Register, text: str | None):
    """A meeting of the calendar by its code or name (any case, any accents); else the closest ones."""
    typed = named(text, "name the meeting by its code, e.g. 13MSP (`ccm meeting list`)")
    key = normalize(typed)
    for meeting in register.meetings:
        if key in (normalize(meeting.code), normalize(meeting.name)):
            return meeting
    codes = {normalize(m.code): m.code for m in register.meetings}
    names = {normalize(m.name): m.code for m in register.meetings}
    near = difflib.get_close_matches(key, list(codes), n=3, cutoff=0.5)
    near += [names[k] for k in difflib.get_close_matches(key, list(names), n=2, cutoff=0.6)]
    near = [codes.get(k, k) for k in dict.fromkeys(near)]
    hint = f"; did you mean {' or '.join(dict.fromkeys(near))}?" if near else ""
    raise NotFoundError(
        f"meeting {typed!r} is not in the calendar{hint} (`ccm meeting list`; add it with `ccm meeting add`)"
    )


def meeting_slots(register: Register, meeting) -> list:
    """The meeting's slots in the order of its week, cancelled ones included."""
    return register.reader.rows(Q.margin_slots, meeting=meeting.uuid)


def find_slot(register: Register, meeting, text: str | None):
    """A slot of the meeting by its id (any unique prefix) or by its counterpart, when the state has
    one slot not cancelled."""
    typed = named(text, "name the slot by its id or its state (`ccm margins show MEETING`)")
    slots = meeting_slots(register, meeting)
    prefix = typed.lower()
    if len(prefix) >= MIN_PREFIX and all(c in "0123456789abcdef-" for c in prefix):
        found = [s for s in slots if s.uuid.startswith(prefix)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise InputError(f"slot id {typed!r} is ambiguous; give more characters")
    iso3 = register.index.find(typed)
    if iso3:
        found = [s for s in slots if s.iso3 == iso3 and s.status != "cancelled"] or [s for s in slots if s.iso3 == iso3]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            ids = ", ".join(f"{short(s.uuid)} ({s.day.isoformat()} {s.starts})" for s in found)
            raise InputError(f"{found[0].name} has {len(found)} slots at {meeting.code}; name one by its id: {ids}")
        raise NotFoundError(
            f"no slot with {register.index.name(iso3)} at {meeting.code} (`ccm margins show {meeting.code}`)"
        )
    raise NotFoundError(
        f"no slot {typed!r} at {meeting.code}: give its id or its state (`ccm margins show {meeting.code}`)"
    )


def _day(text: str | None, meeting) -> date:
    value = parse_date(
        named(text, f"give the day, from {meeting.start.isoformat()} to {meeting.end.isoformat()}"), "--day"
    )
    if not meeting.start <= value <= meeting.end:
        raise InputError(
            f"{value.isoformat()} is outside {meeting.code} ({meeting.start.isoformat()} to {meeting.end.isoformat()})"
        )
    return value


def _short_text(text: str | None, limit: int, what: str) -> str:
    value = " ".join((text or "").split())
    if len(value) > limit:
        raise InputError(f"the {what} is {len(value)} characters; keep it under {limit}")
    return value


def _check_clash(register: Register, meeting, slot: Slot, fields: Fields) -> None:
    others = [
        Slot(s.uuid, s.day, s.starts, s.ends, s.room, s.iso3)
        for s in meeting_slots(register, meeting)
        if s.status != "cancelled"
    ]
    why = clash(slot, others, {s.iso3: s.name for s in register.on(meeting.start)})
    if why:
        fields.fail("slot", why)


def add_slot(
    register: Register,
    writing,
    *,
    meeting: str,
    state: str,
    day: str | None,
    slot: str | None,
    room: str = "",
    objective: str = "",
) -> Written:
    """Plan a bilateral meeting with a state on a day of the meeting, in a slot and a room; refused when
    the room or the state is already taken at that time."""
    chosen = find_meeting(register, meeting)
    fields = Fields()
    iso3 = fields("with", lambda: register.resolve(named(state, "name the state to meet (--with)")).iso3)
    on = fields("day", lambda: _day(day, chosen))
    times = fields("slot", lambda: parse_slot(named(slot, "give the slot's times (--slot), e.g. 10:00-10:30")))
    where = fields("room", lambda: _short_text(room, ROOM_MAX, "room"))
    aim = fields("objective", lambda: _short_text(objective, OBJECTIVE_MAX, "objective"))
    if fields.ok("with", "day", "slot", "room"):
        _check_clash(register, chosen, Slot("", on, times[0], times[1], where, iso3), fields)
    fields.check()
    name = register.index.name(iso3)
    with writing(f"margins add {chosen.code} with {name} {on.isoformat()} {times[0]}") as writer:
        row = writer.insert(
            "margin_slots",
            {
                "meeting_uuid": chosen.uuid,
                "iso3": iso3,
                "day": on,
                "starts": times[0],
                "ends": times[1],
                "room": where,
                "objective": aim,
                "status": "planned",
                "engagement_uuid": None,
                "recorded_by": writer.by,
            },
        )
    place = f" in {where}" if where else ""
    return Written(
        row, f"Slot {short(row['uuid'])}: {name} at {chosen.code}, {on.isoformat()} {times[0]}-{times[1]}{place}."
    )


def edit_slot(
    register: Register,
    writing,
    *,
    meeting: str,
    slot: str,
    state: str | None = None,
    day: str | None = None,
    times: str | None = None,
    room: str | None = None,
    objective: str | None = None,
) -> Written:
    """Move a planned slot or change its counterpart, room or objective (what is not given stays)."""
    chosen = find_meeting(register, meeting)
    current = find_slot(register, chosen, slot)
    if current.status == "cancelled":
        raise InputError(f"slot {short(current.uuid)} is cancelled; plan a new one with `ccm margins add`")
    fields = Fields()
    iso3 = fields("with", lambda: register.resolve(state).iso3) if given(state) else current.iso3
    on = fields("day", lambda: _day(day, chosen)) if given(day) else current.day
    span = fields("slot", lambda: parse_slot(times)) if given(times) else (current.starts, current.ends)
    where = fields("room", lambda: _short_text(room, ROOM_MAX, "room")) if room is not None else current.room
    aim = (
        fields("objective", lambda: _short_text(objective, OBJECTIVE_MAX, "objective"))
        if objective is not None
        else current.objective
    )
    if current.status == "held" and (iso3 != current.iso3 or on != current.day):
        fields.fail(
            "day" if on != current.day else "with", "the meeting was held; its engagement records when and with whom"
        )
    if fields.ok("with", "day", "slot", "room"):
        _check_clash(register, chosen, Slot(current.uuid, on, span[0], span[1], where, iso3), fields)
    fields.check()
    changes = {"iso3": iso3, "day": on, "starts": span[0], "ends": span[1], "room": where, "objective": aim}
    changed = {k: v for k, v in changes.items() if getattr(current, k) != v}
    if not changed:
        return Written(current, f"Slot {short(current.uuid)}: nothing to change.")
    name = register.index.name(iso3)
    with writing(f"margins edit {chosen.code} slot {short(current.uuid)}") as writer:
        row = writer.update("margin_slots", current.uuid, changed)
    place = f" in {where}" if where else ""
    return Written(
        row, f"Slot {short(current.uuid)}: {name} at {chosen.code}, {on.isoformat()} {span[0]}-{span[1]}{place}."
    )


def cancel_slot(register: Register, writing, *, meeting: str, slot: str) -> Written:
    """Cancel a planned slot: it stays in the schedule, marked cancelled, and frees its room and time."""
    chosen = find_meeting(register, meeting)
    current = find_slot(register, chosen, slot)
    if current.status == "held":
        raise InputError(f"slot {short(current.uuid)} with {current.name} was held; its engagement records it")
    if current.status == "cancelled":
        raise InputError(f"slot {short(current.uuid)} with {current.name} is already cancelled")
    with writing(f"margins cancel {chosen.code} slot {short(current.uuid)} with {current.name}") as writer:
        row = writer.update("margin_slots", current.uuid, {"status": "cancelled"})
    return Written(
        row,
        f"Slot {short(current.uuid)} with {current.name} at {chosen.code} "
        f"({current.day.isoformat()} {current.starts}) cancelled.",
    )


def record_outcome(
    register: Register,
    writing,
    *,
    meeting: str,
    slot: str,
    summary: str,
    follow_up: str | None = None,
    area: str | None = None,
    notes: str = "",
    config: Mapping,
    today: date | None = None,
) -> Written:
    """What a held slot came to: an engagement (a meeting) with the state on the slot's day, with its
    follow-up date; the slot is marked held and points to it."""
    chosen = find_meeting(register, meeting)
    current = find_slot(register, chosen, slot)
    if current.status == "held" and current.engagement_uuid:
        raise InputError(
            f"slot {short(current.uuid)} with {current.name} already has its outcome: engagement "
            f"{short(current.engagement_uuid or '')} (change it with `ccm edit`)"
        )
    if current.status == "cancelled":
        raise InputError(f"slot {short(current.uuid)} with {current.name} was cancelled")
    if current.day > (today or date.today()):
        raise InputError(f"slot {short(current.uuid)} is on {current.day.isoformat()}: record its outcome once held")
    fields = Fields()
    line = fields("summary", lambda: clean_summary(summary))
    channel = "geneva" if "geneva" in normalize(chosen.city) else "other"
    basics = engagement_fields(
        fields,
        register,
        kind="meeting",
        date=current.day.isoformat(),
        area=area,
        channel=channel,
        by=(),
        action_points=(),
        follow_up=follow_up,
        config=config,
        today=today,
        default_channel=channel,
    )
    fields.check()
    aim = f"Objective: {current.objective}" if current.objective else ""
    margin = f"In the margins of {chosen.code}, {current.starts}-{current.ends}" + (
        f", {current.room}" if current.room else ""
    )
    text = "\n".join(part for part in (margin + ".", aim, notes.strip()) if part)
    engagement = NewEngagement(summary=line, states=[current.iso3], notes=text, **basics)
    with writing(f"margins outcome {chosen.code} with {current.name}: {engagement.summary}"[:300]) as writer:
        row = add_engagement(writer, engagement)
        writer.update("margin_slots", current.uuid, {"status": "held", "engagement_uuid": row["uuid"]})
    then = f"; follow up on {engagement.follow_up_on.isoformat()}" if engagement.follow_up_on else ""
    return Written(
        row,
        f"Logged meeting {short(row['uuid'])} with {current.name} on {current.day.isoformat()} "
        f"(slot {short(current.uuid)} held){then}.",
    )
