"""One set of values for every backend: what a text field may hold, checked before anything is written.

PostgreSQL refuses a NUL byte and a string longer than its column; SQLite takes both. So every
value is checked here, on every write path (the Writer calls `check`), with the limits of the
PostgreSQL columns: a text field holds no control character (a free text — notes, summaries of
replies, rationales — may hold newlines and tabs) and no more characters than its column.
`TEXT_COLUMNS` is kept equal to the models' columns (a test checks); it is written out here so
that checking a value needs no SQLAlchemy.
"""

from __future__ import annotations

import re
from functools import cache

from ccmtui.domain.errors import InputError

# table -> column -> the most characters it holds (None: free text, any length, lines allowed).
TEXT_COLUMNS: dict[str, dict[str, int | None]] = {
    "attachments": {
        "engagement_uuid": 36,
        "filename": 255,
        "media_type": 100,
        "sha256": 64,
        "recorded_by": 100,
        "uuid": 36,
    },
    "blobs": {"sha256": 64, "uuid": 36},
    "campaigns": {
        "title": 200,
        "engagement_uuid": 36,
        "selection": 500,
        "recorded_by": 100,
        "follows_uuid": 36,
        "area": 30,
        "uuid": 36,
    },
    "changes": {
        "changeset_uuid": 36,
        "table_name": 40,
        "record_uuid": 36,
        "action": 6,
        "before": None,
        "after": None,
        "uuid": 36,
    },
    "changesets": {
        "made_by": 100,
        "made_as": 100,
        "made_in": 36,
        "command": 300,
        "reverts": 36,
        "reverted_by": 36,
        "chain": 64,
        "uuid": 36,
    },
    "classifications": {
        "iso3": 3,
        "category": 3,
        "rationale": None,
        "source_engagement": 36,
        "recorded_by": 100,
        "reasons": 200,
        "uuid": 36,
    },
    "coalition_activities": {
        "coalition_uuid": 36,
        "need_uuid": 36,
        "title": 300,
        "funded_by": 200,
        "implemented_by": 200,
        "currency": 3,
        "status": 10,
        "source": None,
        "uuid": 36,
    },
    "coalition_engagements": {"coalition_uuid": 36, "engagement_uuid": 36, "uuid": 36},
    "coalition_members": {"coalition_uuid": 36, "role": 12, "iso3": 3, "organisation": 100, "source": None, "uuid": 36},
    "coalition_needs": {
        "coalition_uuid": 36,
        "area": 30,
        "description": 300,
        "currency": 3,
        "status": 10,
        "source": None,
        "uuid": 36,
    },
    "coalitions": {
        "iso3": 3,
        "name": 200,
        "strategy": 300,
        "strategy_dated": 10,
        "strategy_attachment_uuid": 36,
        "notes": None,
        "source": None,
        "recorded_by": 100,
        "uuid": 36,
    },
    "conflicts": {
        "table_name": 40,
        "record_uuid": 36,
        "kept": 1,
        "a_in": 36,
        "a_label": 300,
        "a_version": None,
        "a_by": 100,
        "a_login": 63,
        "b_in": 36,
        "b_label": 300,
        "b_version": None,
        "b_by": 100,
        "b_login": 63,
        "settled_by": 36,
        "uuid": 36,
    },
    "cooperation_reports": {"iso3": 3, "role": 10, "details": None, "source": None, "recorded_by": 100, "uuid": 36},
    "database_info": {"label": 300, "uuid": 36},
    "engagement_actors": {"engagement_uuid": 36, "actor": 100, "uuid": 36},
    "engagement_counterparts": {"engagement_uuid": 36, "person_uuid": 36, "organisation": 20, "uuid": 36},
    "engagement_states": {"engagement_uuid": 36, "iso3": 3, "kind": 20, "area": 30, "uuid": 36},
    "engagements": {
        "kind": 20,
        "area": 30,
        "channel": 20,
        "summary": 300,
        "notes": None,
        "action_points": 200,
        "recorded_by": 100,
        "uuid": 36,
    },
    "frozen_reports": {
        "name": 100,
        "kind": 20,
        "parameters": None,
        "figures": None,
        "content": None,
        "recorded_by": 100,
        "uuid": 36,
    },
    "margin_slots": {
        "meeting_uuid": 36,
        "iso3": 3,
        "starts": 5,
        "ends": 5,
        "room": 60,
        "objective": 300,
        "status": 10,
        "engagement_uuid": 36,
        "recorded_by": 100,
        "uuid": 36,
    },
    "meetings": {
        "code": 10,
        "name": 100,
        "city": 60,
        "country": 60,
        "president_state": 100,
        "source": None,
        "notes": None,
        "kind": 20,
        "uuid": 36,
    },
    "milestone_engagements": {"milestone_uuid": 36, "engagement_uuid": 36, "uuid": 36},
    "milestone_slips": {"milestone_uuid": 36, "from_quarter": 6, "to_quarter": 6, "reason": None, "uuid": 36},
    "milestones": {
        "work_plan_uuid": 36,
        "title": 300,
        "due_quarter": 6,
        "status": 12,
        "notes": None,
        "action_points": 200,
        "recorded_by": 100,
        "uuid": 36,
    },
    "national_measures": {
        "iso3": 3,
        "status": 20,
        "dated": 10,
        "measure": 300,
        "source": None,
        "recorded_by": 100,
        "uuid": 36,
    },
    "obligation_extensions": {
        "iso3": 3,
        "requested": 10,
        "meeting": 10,
        "decision": 20,
        "granted": 10,
        "source": None,
        "notes": None,
        "recorded_by": 100,
        "uuid": 36,
    },
    "organisations": {
        "code": 20,
        "name": 200,
        "aliases": 300,
        "kind": 20,
        "helps": 200,
        "source": None,
        "notes": None,
        "uuid": 36,
    },
    "people": {
        "name": 100,
        "role": 100,
        "iso3": 3,
        "organisation": 20,
        "location": 10,
        "email": 200,
        "phone": 50,
        "notes": None,
        "uuid": 36,
    },
    "obligations": {
        "iso3": 3,
        "extension_requested": 10,
        "extension_granted": 10,
        "completed": 10,
        "first_completed": 10,
        "reopened": 10,
        "status": 30,
        "source": None,
        "notes": None,
        "recorded_by": 100,
        "uuid": 36,
    },
    "replies": {
        "engagement_uuid": 36,
        "iso3": 3,
        "status": 10,
        "stance": 10,
        "summary": None,
        "supports_category": 3,
        "classification_uuid": 36,
        "recorded_by": 100,
        "reasons": 200,
        "kind": 20,
        "area": 30,
        "uuid": 36,
    },
    "indicator_values": {
        "iso3": 3,
        "action": 12,
        "value": 20,
        "note": None,
        "source": None,
        "recorded_by": 100,
        "uuid": 36,
    },
    "plan_actions": {
        "code": 12,
        "plan": 3,
        "number": 8,
        "area": 30,
        "title": None,
        "indicators": None,
        "source": None,
        "uuid": 36,
    },
    "practices": {
        "iso3": 3,
        "method": 30,
        "currency": 3,
        "safety": None,
        "environment": None,
        "efficiency": None,
        "notes": None,
        "source": None,
        "document": 255,
        "document_sha256": 64,
        "engagement_uuid": 36,
        "recorded_by": 100,
        "uuid": 36,
    },
    "retention": {
        "iso3": 3,
        "planned_use": None,
        "actual_use": None,
        "purpose": None,
        "source": None,
        "recorded_by": 100,
        "uuid": 36,
    },
    "state_aliases": {"iso3": 3, "alias": 100, "uuid": 36},
    "states": {
        "iso3": 3,
        "name": 100,
        "region": 40,
        "subregion": 60,
        "intermediate_region": 60,
        "instrument": 20,
        "source": None,
        "uuid": 36,
    },
    "sync_peers": {"peer_uuid": 36, "peer_label": 300, "taken_chain": 64, "uuid": 36},
    "transparency_forms": {
        "iso3": 3,
        "kind": 10,
        "form": 1,
        "status": 20,
        "source": None,
        "recorded_by": 100,
        "uuid": 36,
    },
    "transparency_reports": {"iso3": 3, "kind": 10, "source": None, "recorded_by": 100, "uuid": 36},
    "unga_votes": {"iso3": 3, "vote": 12, "resolution": 40, "source": None, "recorded_by": 100, "uuid": 36},
    "work_plan_items": {"work_plan_uuid": 36, "section": 12, "text": None, "uuid": 36},
    "work_plan_states": {"work_plan_uuid": 36, "iso3": 3, "role": 12, "uuid": 36},
    "work_plans": {
        "title": 300,
        "area": 30,
        "background": None,
        "strategy": None,
        "expected_outputs": None,
        "estimated_budget": None,
        "source": None,
        "recorded_by": 100,
        "uuid": 36,
    },
}

_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_LINES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # newline, carriage return and tab allowed


def problem(table: str, column: str, value) -> str | None:
    """Why `value` cannot be stored in `table.column`, or None."""
    if not isinstance(value, str):
        return None
    columns = TEXT_COLUMNS.get(table)
    if columns is None or column not in columns:
        return None
    limit = columns[column]
    bad = (_LINES if limit is None else _ONE_LINE).search(value)
    if bad is not None:
        where = "a line break" if bad.group() in "\r\n" else ("a tab" if bad.group() == "\t" else "a control character")
        return f"contains {where} (U+{ord(bad.group()):04X})"
    if limit is not None and len(value) > limit:
        return f"is {len(value):,} characters long; at most {limit:,}"
    return None


@cache
def _text_columns(table: str) -> tuple[tuple[str, ...], tuple[tuple[str, int], ...], tuple[str, ...]]:
    """A table's text columns: those of one line, their limits, those of many lines."""
    columns = TEXT_COLUMNS.get(table, {})
    one_line = tuple(name for name, limit in columns.items() if limit is not None)
    limits = tuple((name, limit) for name, limit in columns.items() if limit is not None)
    return one_line, limits, tuple(name for name, limit in columns.items() if limit is None)


def clean(table: str, row: dict) -> bool:
    """Whether `table` can hold every value of `row` (quicker than `problems` on the many records a sync copies)."""
    one_line, limits, lines = _text_columns(table)
    # A space joins the values: it is none of the characters looked for.
    if _ONE_LINE.search(" ".join([value for name in one_line if isinstance(value := row.get(name), str)])):
        return False
    if _LINES.search(" ".join([value for name in lines if isinstance(value := row.get(name), str)])):
        return False
    return not any(isinstance(value := row.get(name), str) and len(value) > limit for name, limit in limits)


def problems(table: str, row: dict) -> list[tuple[str, str]]:
    """(column, why) for every value of `row` that `table` cannot hold."""
    found = []
    for column, value in row.items():
        why = problem(table, column, value)
        if why is not None:
            found.append((column, why))
    return found


def check(table: str, row: dict) -> None:
    """A one-line InputError naming the first value `table` cannot hold."""
    for column, why in problems(table, row):
        raise InputError(f"{_label(table, column)} {why}")


def _label(table: str, column: str) -> str:
    singular = table[:-1] if table.endswith("s") else table
    return f"the {singular.replace('_', ' ')}'s {column.replace('_', ' ')}"
