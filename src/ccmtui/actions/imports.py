"""Importing engagements and replies from a spreadsheet: every row checked first, all or nothing."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ccmtui.actions.action_plan import action_points as known_points
from ccmtui.actions.campaigns import NewReply, record_reply
from ccmtui.actions.journal import NewEngagement, add_engagement, parse_actors
from ccmtui.domain.areas import parse_area
from ccmtui.domain.dates import parse_date
from ccmtui.domain.engagements import clean_summary, parse_channel, parse_kind, parse_stance
from ccmtui.domain.errors import CCMError, InputError
from ccmtui.files import RowProblems, read_table

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.db.write import Writer
    from ccmtui.reports.register import Register

ENGAGEMENT_COLUMNS = ("date", "kind", "states", "area", "summary")
ENGAGEMENT_OPTIONAL = ("channel", "by", "notes", "action_points", "follow_up")
REPLY_COLUMNS = ("engagement", "state", "date", "stance")
REPLY_OPTIONAL = ("summary", "category")


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.replace("|", ";").split(";") if part.strip()]


def read_rows(
    path: Path, required: tuple[str, ...], optional: tuple[str, ...], label: str | None = None
) -> list[tuple[int, dict]]:
    """(line number, row) for each data row; an error naming missing or unknown columns (and the
    file as `label` says it, `stdin` for a copy of what came in on `-`)."""
    # strict: a quote left open (which would swallow the rest of the file) is an error, not a cell.
    reader = csv.DictReader(io.StringIO(read_table(path)), strict=True)
    try:
        return _read_rows(label or path, reader, required, optional)
    except csv.Error as error:
        raise InputError(f"{label or path}, line {max(reader.line_num, 1)}: not valid CSV ({error})") from None


def _read_rows(
    path: Path | str, reader: Reader, required: tuple[str, ...], optional: tuple[str, ...]
) -> list[tuple[int, dict]]:
    header = [h.strip().lower() for h in reader.fieldnames or []]
    twice = sorted({c for c in header if c and header.count(c) > 1})
    if twice:
        raise InputError(f"{path}: column(s) named twice: {', '.join(twice)}")
    missing = [c for c in required if c not in header]
    if missing:
        raise InputError(f"{path}: missing column(s) {', '.join(missing)}; expected {', '.join(required + optional)}")
    unknown = [c for c in header if c and c not in required + optional]
    if unknown:
        raise InputError(f"{path}: unknown column(s) {', '.join(unknown)}; expected {', '.join(required + optional)}")
    reader.fieldnames = header
    rows = []
    for row in reader:
        if None in row:
            rows.append((reader.line_num, {"__extra__": "1"}))
            continue
        rows.append((reader.line_num, {k: (v or "").strip() for k, v in row.items()}))
    if not rows:
        raise InputError(f"{path}: no rows")
    return rows


def parse_engagement_row(row: dict, register: Register, default_area: str | None) -> NewEngagement:
    if "__extra__" in row:
        raise InputError("more cells than columns")
    occurred_on = parse_date(row["date"], "date")
    states = [register.index.resolve(s) for s in _split(row["states"])]
    if not states:
        raise InputError("no state in the states column")
    area = row.get("area") or default_area
    if not area:
        raise InputError("no area")
    engagement = NewEngagement(
        occurred_on=occurred_on,
        kind=parse_kind(row["kind"]),
        area=parse_area(area),
        channel=parse_channel(row.get("channel") or "geneva"),
        summary=clean_summary(row["summary"]),
        states=states,
        actors=parse_actors(register.index, _split(row.get("by", "")), register.organisations),
        notes=row.get("notes", ""),
        action_points=known_points(register.reader, [row.get("action_points", "")]),
        follow_up_on=parse_date(row["follow_up"], "follow_up") if row.get("follow_up") else None,
    )
    engagement.check()
    return engagement


def _nothing(_done: int) -> None:
    return None


@dataclass
class Imported:
    rows: int


def import_engagements(
    writer: Writer,
    path: Path,
    register: Register,
    default_area: str | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> Imported:
    """Every row checked, then every row written (`on_progress(1)` after each row of each pass)."""
    step = on_progress or _nothing
    problems = RowProblems(str(path))
    parsed = []
    for line, row in read_rows(path, ENGAGEMENT_COLUMNS, ENGAGEMENT_OPTIONAL):
        try:
            parsed.append((line, parse_engagement_row(row, register, default_area)))
        except CCMError as error:
            problems.add(line, str(error))
        step(1)
    problems.raise_if_any()
    for line, engagement in parsed:
        try:
            add_engagement(writer, engagement)
        except InputError as error:  # a value no database may hold (a failing database stops the import)
            problems.add(line, str(error))
        step(1)
    problems.raise_if_any()
    return Imported(len(parsed))


def import_replies(
    writer: Writer, path: Path, register: Register, resolve_target, on_progress: Callable[[int], None] | None = None
) -> Imported:
    """Replies by campaign or engagement id; each checked against its engagement before any is written."""
    step = on_progress or _nothing
    problems = RowProblems(str(path))
    parsed: list[tuple[int, str, NewReply]] = []
    seen: dict[tuple[str, str], int] = {}
    for line, row in read_rows(path, REPLY_COLUMNS, REPLY_OPTIONAL):
        try:
            if "__extra__" in row:
                raise InputError("more cells than columns")
            engagement_uuid, _label = resolve_target(row["engagement"])
            reply = NewReply(
                iso3=register.index.resolve(row["state"]),
                received_on=parse_date(row["date"], "date"),
                stance=parse_stance(row["stance"]),
                summary=row.get("summary", ""),
                supports_category=row.get("category") or None,
            )
            first = seen.setdefault((engagement_uuid, reply.iso3), line)
            if first != line:
                raise InputError(f"{reply.iso3} replies to this engagement twice (also line {first})")
            parsed.append((line, engagement_uuid, reply))
        except CCMError as error:
            problems.add(line, str(error))
        step(1)
    problems.raise_if_any()
    for line, engagement_uuid, reply in parsed:
        try:
            record_reply(writer, engagement_uuid, reply, register)
        except CCMError as error:
            problems.add(line, str(error))
        step(1)
    problems.raise_if_any()
    return Imported(len(parsed))
