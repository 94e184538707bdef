"""Milestones moved on: added to a work plan's timeline, started, done, slipped or dropped.

`add_milestone` and `move_milestone` are what `ccm milestone add|start|done|slip|drop` and the
app's milestone dialogs call with the values as typed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ccmtui.actions.action_plan import action_points as known_points
from ccmtui.actions.fields import Fields, Written, day, given, named
from ccmtui.db.ids import resolve_engagement, resolve_id, short, stable_uuid
from ccmtui.db.queries import Q
from ccmtui.domain.areas import parse_area
from ccmtui.domain.errors import InputError, NotFoundError, one_of
from ccmtui.domain.workplan import TITLE_MAX, Due, check_move, check_slip, check_within_period, slip_length

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.db.write import Writer
    from ccmtui.reports.register import Register

MOVES = ("start", "done", "slip", "drop")


def slip_values(milestone_uuid: str, recorded_on: date, old: Due, new: Due, reason: str) -> dict:
    """A milestone_slips record: its id is its content, so a file imported twice holds it once."""
    return {
        "uuid": stable_uuid("milestone-slip", milestone_uuid, old.code, new.code, recorded_on),
        "milestone_uuid": milestone_uuid,
        "recorded_on": recorded_on,
        "from_due_on": old.on,
        "from_quarter": old.quarter.code if old.quarter else None,
        "to_due_on": new.on,
        "to_quarter": new.quarter.code if new.quarter else None,
        "reason": reason,
    }


def _note(notes: str, on: date, text: str) -> str:
    """Notes grow by dated lines, so the history of a milestone reads in order."""
    text = " ".join(text.split())
    if not text:
        return notes
    line = f"{on.isoformat()}: {text}"
    return f"{notes}\n{line}" if notes else line


def _current(writer: Writer, uuid: str) -> dict:
    row = writer.get("milestones", uuid)
    if row is None:
        raise NotFoundError(f"no milestone with id {uuid!r}")
    return row


def _link(writer: Writer, milestone_uuid: str, engagements: list[str]) -> None:
    known = {r.engagement_uuid for r in writer.rows(Q.engagements_of_milestones, uuids=[milestone_uuid])}
    for engagement in dict.fromkeys(engagements):
        if engagement not in known:
            writer.insert(
                "milestone_engagements",
                {
                    "uuid": stable_uuid("milestone-engagement", milestone_uuid, engagement),
                    "milestone_uuid": milestone_uuid,
                    "engagement_uuid": engagement,
                },
            )


@dataclass
class NewMilestone:
    title: str
    due: Due
    notes: str = ""
    action_points: str = ""
    engagements: list[str] = field(default_factory=list)


def insert_milestone(writer: Writer, plan_uuid: str, milestone: NewMilestone) -> dict:
    """A new planned milestone at the end of its work plan's timeline (its title already checked)."""
    plan = writer.get("work_plans", plan_uuid)
    if plan is None:
        raise NotFoundError(f"no work plan with id {plan_uuid!r}")
    check_within_period(milestone.due, plan["starts_on"], plan["ends_on"])
    existing = writer.rows(Q.milestones_of_work_plan, work_plan=plan_uuid)
    if any(row.title.casefold() == milestone.title.casefold() for row in existing):
        raise InputError(f"the work plan already has a milestone {milestone.title!r}")
    row = writer.insert(
        "milestones",
        {
            "uuid": stable_uuid("milestone", plan_uuid, milestone.title),
            "work_plan_uuid": plan_uuid,
            "position": max((r.position for r in existing), default=0) + 1,
            "title": milestone.title,
            "due_on": milestone.due.on,
            "due_quarter": milestone.due.quarter.code if milestone.due.quarter else None,
            "status": "planned",
            "notes": milestone.notes.strip(),
            "action_points": milestone.action_points,
            "recorded_by": writer.by,
        },
    )
    _link(writer, row["uuid"], milestone.engagements)
    return row


def start_milestone(writer: Writer, uuid: str, on: date, note: str = "") -> dict:
    row = _current(writer, uuid)
    check_move("start", row["status"], row["title"])
    return writer.update("milestones", uuid, {"status": "in-progress", "notes": _note(row["notes"], on, note)})


def complete_milestone(
    writer: Writer, uuid: str, on: date, note: str = "", engagements: list[str] | None = None
) -> dict:
    """Mark done on a day, with the engagements that delivered it."""
    row = _current(writer, uuid)
    check_move("done", row["status"], row["title"])
    if on > date.today():
        raise InputError(f"the done date {on} is in the future")
    _link(writer, uuid, engagements or [])
    return writer.update("milestones", uuid, {"status": "done", "done_on": on, "notes": _note(row["notes"], on, note)})


def slip_milestone(
    writer: Writer, uuid: str, new_due: Due, on: date, reason: str = "", extend_period: bool = False
) -> tuple[dict, Due]:
    """Move the due date later, keeping the old and new dates; returns the row and the old due.
    Past the plan's period it asks to extend it; with `extend_period` the period ends on the new due."""
    row = _current(writer, uuid)
    check_move("slip", row["status"], row["title"])
    old = Due.stored(row["due_on"], row["due_quarter"])
    check_slip(old, new_due)
    plan = writer.get("work_plans", row["work_plan_uuid"])
    if new_due.on > plan["ends_on"]:
        if not extend_period:
            raise InputError(
                f"{new_due.label} is after the work plan's period ends ({plan['ends_on']}); "
                f"extend the period to {new_due.on} with --extend-period"
            )
        writer.update("work_plans", plan["uuid"], {"ends_on": new_due.on})
        plan = {**plan, "ends_on": new_due.on}
    check_within_period(new_due, plan["starts_on"], plan["ends_on"])
    writer.insert("milestone_slips", slip_values(uuid, on, old, new_due, " ".join(reason.split())))
    changes = {
        "status": "slipped",
        "due_on": new_due.on,
        "due_quarter": new_due.quarter.code if new_due.quarter else None,
    }
    return writer.update("milestones", uuid, changes), old


def drop_milestone(writer: Writer, uuid: str, on: date, reason: str = "") -> dict:
    row = _current(writer, uuid)
    check_move("drop", row["status"], row["title"])
    note = f"dropped: {reason}" if reason.strip() else "dropped"
    return writer.update("milestones", uuid, {"status": "dropped", "notes": _note(row["notes"], on, note)})


# -- the actions behind `ccm milestone …` and the app's milestone dialogs


def engagement_ids(reader: Reader, values: Sequence[str]) -> list[str]:
    """Engagement ids as typed: each value may hold several, between commas or spaces."""
    return [resolve_engagement(reader, text) for value in values for text in value.replace(",", " ").split()]


def _title(text: str) -> str:
    title = named(" ".join(text.split()), "the milestone's title is empty: say what is to be achieved")
    if len(title) > TITLE_MAX:
        raise InputError(f"the title is {len(title)} characters; keep it under {TITLE_MAX} (put the rest in --notes)")
    return title


def add_milestone(
    reader: Reader,
    writing,
    *,
    title: str,
    due: str,
    plan: str | None = None,
    notes: str = "",
    action_points: Sequence[str] = (),
    engagements: Sequence[str] = (),
    config: Mapping,
) -> Written:
    """Add a milestone to a work plan (the one named, else the one whose period holds its due date)."""
    from ccmtui.reports.workplan import find_work_plan, plan_for_due

    fields = Fields()
    line = fields("title", lambda: _title(title))
    when = fields("due", lambda: Due.parse(given(due) or "", "--due"))
    points = fields("action_points", lambda: known_points(reader, list(action_points)))
    linked = fields("engagements", lambda: engagement_ids(reader, engagements))
    fields.check()
    if given(plan):
        plan_uuid = find_work_plan(reader, plan)
    else:
        area = config.get("area")
        plan_uuid = plan_for_due(reader, when, parse_area(area) if area else None)
    milestone = NewMilestone(title=line, due=when, notes=notes, action_points=points, engagements=linked)
    with writing(f"add milestone {line[:200]}") as writer:
        row = insert_milestone(writer, plan_uuid, milestone)
    return Written(row, f"Added milestone {short(row['uuid'])}, due {when.label}: {row['title']}")


def _move(text: str | None) -> str:
    chosen = named(text, "choose the change: start, done, slip or drop").lower()
    if chosen not in MOVES:
        raise one_of("change", chosen, MOVES)
    return chosen


def move_milestone(
    register: Register,
    writing,
    *,
    move: str,
    milestone: str,
    date: str | None = None,
    note: str = "",
    new_due: str | None = None,
    engagements: Sequence[str] = (),
    today: date | None = None,
    extend_period: bool = False,
) -> Written:
    """Start, mark done, slip (to `new_due`; `extend_period` past the plan's end) or drop a milestone; `note` is a dated line for its notes
    (the reason, for a slip or a drop)."""
    fields = Fields()
    chosen = fields("move", lambda: _move(move))
    uuid = fields("milestone", lambda: resolve_id(register.reader, Q.milestone_ids, milestone, "milestone"))
    on = fields("date", lambda: day(register, date, today))
    later = fields("new_due", lambda: Due.parse(given(new_due) or "", "new due")) if chosen == "slip" else None
    linked = fields("engagements", lambda: engagement_ids(register.reader, engagements)) if chosen == "done" else []
    fields.check()
    if chosen == "start":
        with writing("start milestone") as writer:
            row = start_milestone(writer, uuid, on, note)
        return Written(row, f"In progress: {row['title']}")
    if chosen == "done":
        with writing("milestone done") as writer:
            row = complete_milestone(writer, uuid, on, note, linked)
        due = Due.stored(row["due_on"], row["due_quarter"])
        late = f", {(on - due.on).days} days after it was due ({due.label})" if on > due.on else ""
        return Written(row, f"Done on {on.isoformat()}{late}: {row['title']}")
    if chosen == "slip":
        with writing(f"slip milestone to {later.label}") as writer:
            row, old = slip_milestone(writer, uuid, later, on, note, extend_period)
        return Written(row, f"Slipped from {old.label} to {later.label} ({slip_length(old, later)}): {row['title']}")
    with writing("drop milestone") as writer:
        row = drop_milestone(writer, uuid, on, note)
    return Written(row, f"Dropped: {row['title']}")
