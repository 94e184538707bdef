"""Work plans and milestones: reading a work-plan TOML file, importing it, moving milestones on.

A work-plan file is checked whole before anything is written; each problem names
its key and line. Importing a file whose work plan exists already brings the
database to what the file says (fields, milestones, slips, links), so a
coordinator can export, edit and import again.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date

from ccmtui.db.ids import stable_uuid
from ccmtui.domain.areas import AREAS, parse_area
from ccmtui.domain.engagements import parse_action_points
from ccmtui.domain.errors import CCMError, InputError, NotFoundError
from ccmtui.domain.states import StateIndex
from ccmtui.domain.workplan import (
    Due,
    check_move,
    check_period,
    check_slip,
    check_within_period,
    parse_status,
)

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
TEXT_MAX = 300


@dataclass
class SlipEntry:
    recorded_on: date
    old: Due
    new: Due
    reason: str = ""


@dataclass
class MilestoneEntry:
    title: str
    due: Due
    status: str = "planned"
    done_on: date | None = None
    notes: str = ""
    action_points: str = ""
    engagements: list[str] = field(default_factory=list)
    slips: list[SlipEntry] = field(default_factory=list)
    recorded_by: str | None = None
    recorded_by_given: bool = False
    uuid: str = ""


@dataclass
class WorkPlanDocument:
    """A work plan as a file describes it, checked and resolved (states as ISO3 codes)."""

    title: str
    area: str
    starts_on: date
    ends_on: date
    coordinators: list[str]
    states: list[str] = field(default_factory=list)
    background: str = ""
    objectives: list[str] = field(default_factory=list)
    strategy: str = ""
    expected_outputs: str = ""
    estimated_budget: str = ""
    implementers: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    source: str = ""
    recorded_by: str | None = None
    recorded_by_given: bool = False  # an empty recorded_by says "nobody", a missing one "whoever imports"
    milestones: list[MilestoneEntry] = field(default_factory=list)
    uuid: str = ""


# -- where keys are in the file, for errors that name the line


_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.\-]+)\s*\]\]")
_TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\-]+)\s*\]")
_KEY = re.compile(r"^\s*(?:\"([^\"]+)\"|'([^']+)'|([A-Za-z0-9_\-]+))\s*=\s*(.*)$")


class KeyLines:
    """The line of each key and array-of-tables entry: ('milestones', 1, 'due') -> 23."""

    def __init__(self, text: str):
        self.lines: dict[tuple, int] = {}
        counts: dict[tuple, int] = {}
        current: tuple = ()
        closer = None
        for number, line in enumerate(text.splitlines(), 1):
            if closer:
                if closer in line:
                    closer = None
                continue
            header = _HEADER.match(line)
            if header:
                parts = header.group(1).split(".")
                parent = ()
                for part in parts[:-1]:
                    parent += (part, max(counts.get(parent + (part,), 1) - 1, 0))
                key = parent + (parts[-1],)
                index = counts.get(key, 0)
                counts[key] = index + 1
                current = key + (index,)
                self.lines.setdefault(current, number)
                continue
            table = _TABLE.match(line)
            if table:
                current = tuple(table.group(1).split("."))
                self.lines.setdefault(current, number)
                continue
            found = _KEY.match(line)
            if found:
                name = found.group(1) or found.group(2) or found.group(3)
                self.lines.setdefault(current + (name,), number)
                value = found.group(4).lstrip()
                for quotes in ('"""', "'''"):
                    if value.startswith(quotes) and quotes not in value[3:]:
                        closer = quotes

    def line(self, path: tuple) -> int:
        """The key's line, else its table's, else 1."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 1


def _describe(path: tuple) -> str:
    """('milestones', 1, 'due') -> milestones[2].due (entries counted from 1, as people do)."""
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


class Problems:
    """Problems found in a file; raised together as one line."""

    def __init__(self, source: str, lines: KeyLines):
        self.source = source
        self.lines = lines
        self.found: list[tuple[int, str]] = []

    def add(self, path: tuple, message: str) -> None:
        self.found.append((self.lines.line(path), f"{_describe(path)}: {message}" if path else message))

    def raise_if_any(self) -> None:
        if not self.found:
            return
        self.found.sort(key=lambda item: item[0])
        shown = "; ".join(f"line {line}: {message}" for line, message in self.found[:3])
        more = f" (and {len(self.found) - 3} more)" if len(self.found) > 3 else ""
        raise InputError(f"{self.source}: {shown}{more}; nothing written")


# -- reading a file

_KINDS = {
    "text": "a text",
    "texts": "a list of texts",
    "date": "a date (YYYY-MM-DD)",
    "due": "a quarter (2025Q1) or a date (YYYY-MM-DD)",
    "tables": "a list of tables ([[...]])",
}

PLAN_KEYS: dict[str, tuple[str, bool]] = {
    "id": ("text", False),
    "title": ("text", True),
    "area": ("text", True),
    "starts_on": ("date", True),
    "ends_on": ("date", True),
    "coordinators": ("texts", True),
    "states": ("texts", False),
    "background": ("text", False),
    "objectives": ("texts", False),
    "strategy": ("text", False),
    "expected_outputs": ("text", False),
    "estimated_budget": ("text", False),
    "implementers": ("texts", False),
    "partners": ("texts", False),
    "source": ("text", False),
    "recorded_by": ("text", False),
    "milestones": ("tables", False),
}
MILESTONE_KEYS: dict[str, tuple[str, bool]] = {
    "id": ("text", False),
    "title": ("text", True),
    "due": ("due", True),
    "status": ("text", False),
    "done_on": ("date", False),
    "notes": ("text", False),
    "action_points": ("texts", False),
    "engagements": ("texts", False),
    "recorded_by": ("text", False),
    "slips": ("tables", False),
}
SLIP_KEYS: dict[str, tuple[str, bool]] = {
    "recorded_on": ("date", True),
    "from": ("due", True),
    "to": ("due", True),
    "reason": ("text", False),
}


def _typed(value, kind: str):
    """The value if it has the kind, else raises ValueError."""
    if kind == "text" and isinstance(value, str):
        return value
    if kind == "texts" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    if kind == "date":
        if isinstance(value, date) and not hasattr(value, "hour"):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
    if kind == "due" and (isinstance(value, (str, date)) and not hasattr(value, "hour")):
        try:
            return Due.parse(value)
        except InputError:
            pass
    if kind == "tables" and isinstance(value, list) and all(isinstance(v, dict) for v in value):
        return value
    raise ValueError(f"expected {_KINDS[kind]}, got {_shown(value)}")


def _shown(value) -> str:
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return f"{value!r}" if not hasattr(value, "isoformat") else value.isoformat()


def _fields(table: dict, keys: dict, path: tuple, problems: Problems) -> dict | None:
    """The table's known keys with their types checked; problems for unknown, missing or mistyped ones."""
    values: dict = {}
    ok = True
    for key, value in table.items():
        if key not in keys:
            near = difflib.get_close_matches(key, list(keys), n=1)
            hint = f" (did you mean {near[0]!r}?)" if near else f"; valid: {', '.join(keys)}"
            problems.add(path + (key,), f"unknown key{hint}")
            ok = False
            continue
        try:
            values[key] = _typed(value, keys[key][0])
        except ValueError as error:
            problems.add(path + (key,), str(error))
            ok = False
    for key, (_, required) in keys.items():
        if required and key not in table:
            problems.add(path, f"missing key {key!r}")
            ok = False
    return values if ok else None


def _text(value: str | None) -> str:
    """Multi-line text as written, without leading or trailing blank space."""
    return (value or "").strip()


def _line(value: str) -> str:
    return " ".join(value.split())


def _states(names: list[str], index: StateIndex, path: tuple, problems: Problems) -> list[str]:
    found: list[str] = []
    for name in names:
        try:
            found.append(index.resolve(name))
        except CCMError as error:
            problems.add(path, str(error))
    return list(dict.fromkeys(found))


def _uuid(value: str | None, path: tuple, problems: Problems) -> str:
    if value is None:
        return ""
    cleaned = value.strip().lower()
    if not _UUID.match(cleaned):
        problems.add(path, f"{value!r} is not a record id (a UUID such as 3f2a…-…)")
    return cleaned


def read_work_plan(text: str, source: str, index: StateIndex) -> WorkPlanDocument:
    """Parse and check a work-plan TOML file: the whole file is valid, or InputError names each problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{source}: not valid TOML: {error}; nothing written") from None
    except RecursionError:
        raise InputError(f"{source}: not a work plan (values nested too deeply); nothing written") from None
    problems = Problems(source, KeyLines(text))
    values = _fields(data, PLAN_KEYS, (), problems)
    if values is None:
        problems.raise_if_any()
    assert values is not None
    try:
        area = parse_area(values["area"])
    except InputError:
        problems.add(("area",), f"unknown thematic area {values['area']!r}; valid: {', '.join(AREAS)}")
        area = ""
    title = _line(values["title"])
    if not title:
        problems.add(("title",), "is empty")
    starts_on, ends_on = values["starts_on"], values["ends_on"]
    try:
        check_period(starts_on, ends_on)
    except InputError as error:
        problems.add(("ends_on",), str(error))
    coordinators = _states(values["coordinators"], index, ("coordinators",), problems)
    if not values["coordinators"]:
        problems.add(("coordinators",), "name at least one coordinator state")
    document = WorkPlanDocument(
        uuid=_uuid(values.get("id"), ("id",), problems),
        title=title,
        area=area,
        starts_on=starts_on,
        ends_on=ends_on,
        coordinators=coordinators,
        states=_states(values.get("states", []), index, ("states",), problems),
        background=_text(values.get("background")),
        objectives=[_line(v) for v in values.get("objectives", []) if v.strip()],
        strategy=_text(values.get("strategy")),
        expected_outputs=_text(values.get("expected_outputs")),
        estimated_budget=_text(values.get("estimated_budget")),
        implementers=[_line(v) for v in values.get("implementers", []) if v.strip()],
        partners=[_line(v) for v in values.get("partners", []) if v.strip()],
        source=_text(values.get("source")),
        recorded_by=_line(values.get("recorded_by") or "") or None,
        recorded_by_given="recorded_by" in values,
    )
    if not document.uuid:
        # A hand-written file without ids: one work plan per area and period.
        document.uuid = stable_uuid("work-plan", area, starts_on, ends_on)
    seen: dict[str, int] = {}
    for number, table in enumerate(values.get("milestones", [])):
        entry = _milestone(table, ("milestones", number), document, problems)
        if entry is None:
            continue
        if entry.uuid in seen:
            problems.add(("milestones", number, "id"), f"the same milestone as milestones[{seen[entry.uuid] + 1}]")
            continue
        seen[entry.uuid] = number
        document.milestones.append(entry)
    problems.raise_if_any()
    return document


def _milestone(table: dict, path: tuple, plan: WorkPlanDocument, problems: Problems) -> MilestoneEntry | None:
    values = _fields(table, MILESTONE_KEYS, path, problems)
    if values is None:
        return None
    title = _line(values["title"])
    if not title:
        problems.add(path + ("title",), "is empty")
    elif len(title) > TEXT_MAX:
        problems.add(path + ("title",), f"is {len(title)} characters; keep it under {TEXT_MAX} (put the rest in notes)")
    due: Due = values["due"]
    try:
        check_within_period(due, plan.starts_on, plan.ends_on)
    except InputError as error:
        problems.add(path + ("due",), str(error))
    try:
        status = parse_status(values.get("status", "planned"))
    except InputError as error:
        problems.add(path + ("status",), str(error))
        status = "planned"
    done_on = values.get("done_on")
    if status == "done" and done_on is None:
        problems.add(path, "a done milestone needs done_on")
    if status != "done" and done_on is not None:
        problems.add(path + ("done_on",), f"given for a milestone that is {status}, not done")
    try:
        action_points = parse_action_points(values.get("action_points", []))
    except InputError as error:
        problems.add(path + ("action_points",), str(error))
        action_points = ""
    engagements = [_uuid(v, path + ("engagements",), problems) for v in values.get("engagements", [])]
    entry = MilestoneEntry(
        uuid=_uuid(values.get("id"), path + ("id",), problems) or stable_uuid("milestone", plan.uuid, title),
        title=title,
        due=due,
        status=status,
        done_on=done_on,
        notes=_text(values.get("notes")),
        action_points=action_points,
        engagements=list(dict.fromkeys(engagements)),
        recorded_by=_line(values.get("recorded_by") or "") or None,
        recorded_by_given="recorded_by" in values,
    )
    for number, slip_table in enumerate(values.get("slips", [])):
        slip_path = path + ("slips", number)
        slip = _fields(slip_table, SLIP_KEYS, slip_path, problems)
        if slip is None:
            continue
        try:
            check_slip(slip["from"], slip["to"])
        except InputError as error:
            problems.add(slip_path + ("to",), str(error))
        entry.slips.append(SlipEntry(slip["recorded_on"], slip["from"], slip["to"], _text(slip.get("reason"))))
    if entry.slips and entry.slips[-1].new != due:
        problems.add(path + ("due",), f"is {due.code} but the last slip moved it to {entry.slips[-1].new.code}")
    return entry


# -- writing a work plan


@dataclass
class ImportResult:
    uuid: str
    title: str
    created: bool
    added: int = 0
    updated: int = 0
    removed: int = 0

    @property
    def changed(self) -> bool:
        return self.created or bool(self.added or self.updated or self.removed)


def _plan_values(document: WorkPlanDocument, by: str | None) -> dict:
    return {
        "title": document.title,
        "area": document.area,
        "starts_on": document.starts_on,
        "ends_on": document.ends_on,
        "background": document.background,
        "strategy": document.strategy,
        "expected_outputs": document.expected_outputs,
        "estimated_budget": document.estimated_budget,
        "source": document.source,
        "recorded_by": document.recorded_by if document.recorded_by_given else by,
    }


def _milestone_values(entry: MilestoneEntry, plan_uuid: str, position: int, by: str | None) -> dict:
    return {
        "work_plan_uuid": plan_uuid,
        "position": position,
        "title": entry.title,
        "due_on": entry.due.on,
        "due_quarter": entry.due.quarter.code if entry.due.quarter else None,
        "status": entry.status,
        "done_on": entry.done_on,
        "notes": entry.notes,
        "action_points": entry.action_points,
        "recorded_by": entry.recorded_by if entry.recorded_by_given else by,
    }


def _slip_values(milestone_uuid: str, slip: SlipEntry) -> dict:
    return {
        "uuid": stable_uuid("milestone-slip", milestone_uuid, slip.old.code, slip.new.code, slip.recorded_on),
        "milestone_uuid": milestone_uuid,
        "recorded_on": slip.recorded_on,
        "from_due_on": slip.old.on,
        "from_quarter": slip.old.quarter.code if slip.old.quarter else None,
        "to_due_on": slip.new.on,
        "to_quarter": slip.new.quarter.code if slip.new.quarter else None,
        "reason": slip.reason,
    }


def _differs(row: dict, values: dict) -> dict:
    return {key: value for key, value in values.items() if row.get(key) != value}


def _replace_rows(writer, table: str, existing: list[tuple[str, tuple]], wanted: list[tuple[dict, tuple]]) -> bool:
    """Make a child list what the file says: untouched when equal, else replaced whole."""
    if [key for _, key in existing] == [key for _, key in wanted]:
        return False
    for uuid, _ in existing:
        writer.delete(table, uuid)
    for values, _ in wanted:
        writer.insert(table, values)
    return True


def import_work_plan(writer, document: WorkPlanDocument) -> ImportResult:
    """Write a checked work plan: create it, or bring the existing one to what the document says."""
    plan_uuid = document.uuid
    existing = writer.get("work_plans", plan_uuid)
    values = _plan_values(document, writer.by if existing is None else existing["recorded_by"])
    result = ImportResult(uuid=plan_uuid, title=document.title, created=existing is None)
    if existing is None:
        writer.insert("work_plans", {"uuid": plan_uuid, **values})
    elif _differs(existing, values):
        writer.update("work_plans", plan_uuid, _differs(existing, values))
        result.updated += 1

    states = [
        ({"uuid": stable_uuid("work-plan-state", plan_uuid, role, iso3), "work_plan_uuid": plan_uuid,
          "role": role, "position": position, "iso3": iso3}, (role, position, iso3))
        for role, codes in (("coordinator", document.coordinators), ("focus", document.states))
        for position, iso3 in enumerate(codes, 1)
    ]
    states.sort(key=lambda item: item[1])
    old_states = [(r.uuid, (r.role, r.position, r.iso3)) for r in writer.rows("work_plan_states", uuids=[plan_uuid])]
    if _replace_rows(writer, "work_plan_states", old_states, states) and existing is not None:
        result.updated += 1

    items = [
        ({"uuid": stable_uuid("work-plan-item", plan_uuid, section, position), "work_plan_uuid": plan_uuid,
          "section": section, "position": position, "text": text}, (section, position, text))
        for section, texts in (
            ("implementer", document.implementers),
            ("objective", document.objectives),
            ("partner", document.partners),
        )
        for position, text in enumerate(texts, 1)
    ]
    old_items = [(r.uuid, (r.section, r.position, r.text)) for r in writer.rows("work_plan_items", work_plan=plan_uuid)]
    if _replace_rows(writer, "work_plan_items", old_items, items) and existing is not None:
        result.updated += 1

    old_milestones = {row.uuid: row for row in writer.rows("milestones_of_work_plan", work_plan=plan_uuid)}
    wanted = {entry.uuid for entry in document.milestones}
    for uuid in old_milestones:
        if uuid not in wanted:
            _delete_milestone(writer, uuid)
            result.removed += 1
    for position, entry in enumerate(document.milestones, 1):
        found = writer.get("milestones", entry.uuid)
        if found is not None and found["work_plan_uuid"] != plan_uuid:
            raise InputError(f"milestone {entry.uuid} belongs to another work plan; remove its id to add it here")
        for engagement in entry.engagements:
            if writer.get("engagements", engagement) is None:
                raise NotFoundError(f"milestone {entry.title!r} names engagement {engagement}, which is not in the database")
        # A new milestone without its own recorder is the work plan's recorder's.
        recorder = values["recorded_by"] if found is None else found["recorded_by"]
        fields = _milestone_values(entry, plan_uuid, position, recorder)
        if found is None:
            writer.insert("milestones", {"uuid": entry.uuid, **fields})
            result.added += 1
            changed = True
        else:
            changes = _differs(found, fields)
            if changes:
                writer.update("milestones", entry.uuid, changes)
            changed = bool(changes)
        slips = [(_slip_values(entry.uuid, slip), tuple(_slip_values(entry.uuid, slip).values())) for slip in entry.slips]
        old_slips = [
            (r.uuid, (r.uuid, r.milestone_uuid, r.recorded_on, r.from_due_on, r.from_quarter, r.to_due_on, r.to_quarter, r.reason))
            for r in writer.rows("slips_of_milestones", uuids=[entry.uuid])
        ]
        changed |= _replace_rows(writer, "milestone_slips", old_slips, slips)
        links = [
            ({"uuid": stable_uuid("milestone-engagement", entry.uuid, e), "milestone_uuid": entry.uuid,
              "engagement_uuid": e}, (e,))
            for e in sorted(entry.engagements)
        ]
        old_links = [(r.uuid, (r.engagement_uuid,)) for r in writer.rows("engagements_of_milestones", uuids=[entry.uuid])]
        old_links.sort(key=lambda item: item[1])
        changed |= _replace_rows(writer, "milestone_engagements", old_links, links)
        if changed and found is not None:
            result.updated += 1
    return result


def _delete_milestone(writer, uuid: str) -> None:
    for slip in writer.rows("slips_of_milestones", uuids=[uuid]):
        writer.delete("milestone_slips", slip.uuid)
    for link in writer.rows("engagements_of_milestones", uuids=[uuid]):
        writer.delete("milestone_engagements", link.uuid)
    writer.delete("milestones", uuid)


# -- moving milestones on


def _note(notes: str, on: date, text: str) -> str:
    """Notes grow by dated lines, so the history of a milestone reads in order."""
    text = " ".join(text.split())
    if not text:
        return notes
    line = f"{on.isoformat()}: {text}"
    return f"{notes}\n{line}" if notes else line


def _current(writer, uuid: str) -> dict:
    row = writer.get("milestones", uuid)
    if row is None:
        raise NotFoundError(f"no milestone with id {uuid!r}")
    return row


def _link(writer, milestone_uuid: str, engagements: list[str]) -> None:
    known = {r.engagement_uuid for r in writer.rows("engagements_of_milestones", uuids=[milestone_uuid])}
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


def add_milestone(writer, plan_uuid: str, milestone: NewMilestone) -> dict:
    """A new planned milestone at the end of its work plan's timeline."""
    plan = writer.get("work_plans", plan_uuid)
    if plan is None:
        raise NotFoundError(f"no work plan with id {plan_uuid!r}")
    title = _line(milestone.title)
    if not title:
        raise InputError("the milestone's title is empty: say what is to be achieved")
    if len(title) > TEXT_MAX:
        raise InputError(f"the title is {len(title)} characters; keep it under {TEXT_MAX} (put the rest in --notes)")
    check_within_period(milestone.due, plan["starts_on"], plan["ends_on"])
    existing = writer.rows("milestones_of_work_plan", work_plan=plan_uuid)
    if any(row.title.casefold() == title.casefold() for row in existing):
        raise InputError(f"the work plan already has a milestone {title!r}")
    row = writer.insert(
        "milestones",
        {
            "uuid": stable_uuid("milestone", plan_uuid, title),
            "work_plan_uuid": plan_uuid,
            "position": max((r.position for r in existing), default=0) + 1,
            "title": title,
            "due_on": milestone.due.on,
            "due_quarter": milestone.due.quarter.code if milestone.due.quarter else None,
            "status": "planned",
            "notes": _text(milestone.notes),
            "action_points": milestone.action_points,
            "recorded_by": writer.by,
        },
    )
    _link(writer, row["uuid"], milestone.engagements)
    return row


def start_milestone(writer, uuid: str, on: date, note: str = "") -> dict:
    row = _current(writer, uuid)
    check_move("start", row["status"], row["title"])
    return writer.update("milestones", uuid, {"status": "in-progress", "notes": _note(row["notes"], on, note)})


def complete_milestone(writer, uuid: str, on: date, note: str = "", engagements: list[str] | None = None) -> dict:
    """Mark done on a day, with the engagements that delivered it."""
    row = _current(writer, uuid)
    check_move("done", row["status"], row["title"])
    if on > date.today():
        raise InputError(f"the done date {on} is in the future")
    _link(writer, uuid, engagements or [])
    return writer.update("milestones", uuid, {"status": "done", "done_on": on, "notes": _note(row["notes"], on, note)})


def slip_milestone(writer, uuid: str, new_due: Due, on: date, reason: str = "") -> tuple[dict, Due]:
    """Move the due date later, keeping the old and new dates; returns the row and the old due."""
    row = _current(writer, uuid)
    check_move("slip", row["status"], row["title"])
    old = Due.stored(row["due_on"], row["due_quarter"])
    check_slip(old, new_due)
    plan = writer.get("work_plans", row["work_plan_uuid"])
    check_within_period(new_due, plan["starts_on"], plan["ends_on"])
    writer.insert("milestone_slips", _slip_values(uuid, SlipEntry(on, old, new_due, " ".join(reason.split()))))
    changes = {
        "status": "slipped",
        "due_on": new_due.on,
        "due_quarter": new_due.quarter.code if new_due.quarter else None,
    }
    return writer.update("milestones", uuid, changes), old


def drop_milestone(writer, uuid: str, on: date, reason: str = "") -> dict:
    row = _current(writer, uuid)
    check_move("drop", row["status"], row["title"])
    note = f"dropped: {reason}" if reason.strip() else "dropped"
    return writer.update("milestones", uuid, {"status": "dropped", "notes": _note(row["notes"], on, note)})
