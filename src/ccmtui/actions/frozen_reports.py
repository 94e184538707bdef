"""Freezing a report: its figures, with their provenance, and its text, kept under a name."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

from ccmtui.actions.fields import Fields, Written, named
from ccmtui.db.queries import Q
from ccmtui.domain.errors import InputError

if TYPE_CHECKING:
    from ccmtui.db.read import Reader

NAME_MAX = 100


def parse_name(text: str | None) -> str:
    name = " ".join(named(text, "give the frozen report a name, e.g. --freeze 5MSP-progress").split())
    if len(name) > NAME_MAX:
        raise InputError(f"a frozen report's name is at most {NAME_MAX} characters")
    return name


def frozen_report(reader: Reader, name: str):
    """The frozen report of that name (case-insensitive), or an error naming those there are."""
    rows = reader.rows(Q.frozen_reports)
    found = next((r for r in rows if r.name.casefold() == name.strip().casefold()), None)
    if found is None:
        known = ", ".join(r.name for r in rows[:10]) or "none yet (freeze one with --freeze NAME)"
        raise InputError(f"no frozen report named {name!r}; frozen reports: {known}")
    return found


def check_new_name(reader: Reader, text: str | None) -> str:
    """The name, when no frozen report has it yet (checked before the report is written)."""
    fields = Fields()
    name = fields("--freeze", lambda: parse_name(text))
    if name and any(r.name.casefold() == name.casefold() for r in reader.rows(Q.frozen_reports)):
        fields.fail("--freeze", f"a frozen report named {name!r} exists; choose another name (ccm report list)")
    fields.check()
    return name


def freeze_report(
    reader: Reader,
    writing,
    *,
    name: str,
    kind: str,
    as_of: date,
    since: date,
    parameters: dict,
    figures: str,
    content: str,
    by: str | None,
) -> Written:
    """Keep the report under `name`: its parameters, its figures (JSON) and its text."""
    chosen = check_new_name(reader, name)
    with writing(f"report freeze {chosen}") as writer:
        row = writer.insert(
            "frozen_reports",
            {
                "name": chosen,
                "kind": kind,
                "as_of": as_of,
                "since": since,
                "parameters": json.dumps(parameters, ensure_ascii=False, sort_keys=True),
                "figures": figures,
                "content": content,
                "recorded_by": by,
            },
        )
    return Written(row, f"froze {chosen} (as of {as_of.isoformat()}): ccm report show {chosen}")
