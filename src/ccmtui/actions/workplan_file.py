"""Work-plan files: a work plan as TOML, read and checked whole before anything is written.

Each problem names its key and line, and all are reported together; `read_work_plan` returns
the work plan as a `WorkPlanDocument`, with states resolved to ISO3 codes, for
`ccmtui.actions.workplan.import_work_plan` to write.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from ccmtui.db.ids import stable_uuid
from ccmtui.domain.action_plan import parse_action_points
from ccmtui.domain.areas import AREAS, parse_area
from ccmtui.domain.errors import CCMError, InputError
from ccmtui.domain.states import StateIndex
from ccmtui.domain.workplan import (
    TITLE_MAX,
    Due,
    check_period,
    check_slip,
    check_within_period,
    parse_status,
)

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


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


def read_work_plan(text: str, source: str, index: StateIndex, known: Collection[str] | None = None) -> WorkPlanDocument:
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
        entry = _milestone(table, ("milestones", number), document, problems, known)
        if entry is None:
            continue
        if entry.uuid in seen:
            problems.add(("milestones", number, "id"), f"the same milestone as milestones[{seen[entry.uuid] + 1}]")
            continue
        seen[entry.uuid] = number
        document.milestones.append(entry)
    problems.raise_if_any()
    return document


def _milestone(
    table: dict, path: tuple, plan: WorkPlanDocument, problems: Problems, known: Collection[str] | None = None
) -> MilestoneEntry | None:
    values = _fields(table, MILESTONE_KEYS, path, problems)
    if values is None:
        return None
    title = _line(values["title"])
    if not title:
        problems.add(path + ("title",), "is empty")
    elif len(title) > TITLE_MAX:
        problems.add(
            path + ("title",), f"is {len(title)} characters; keep it under {TITLE_MAX} (put the rest in notes)"
        )
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
        action_points = parse_action_points(values.get("action_points", []), known)
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
