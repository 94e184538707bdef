"""TOML and JSON: the quarterly summary's one structure, and work plans as files to edit and import."""

from __future__ import annotations

import json
from datetime import date

from ccmtui.domain.dates import iso
from ccmtui.reports.quarter import QuarterSummary


def render_toml(summary: QuarterSummary) -> str:
    import tomli_w

    return tomli_w.dumps(summary.as_data(), multiline_strings=True)


def render_json(summary: QuarterSummary) -> str:
    return json.dumps(summary.as_data(), ensure_ascii=False, indent=2, default=_json_value) + "\n"


def _json_value(value):
    """`json.dumps`' hook: dates as YYYY-MM-DD; any other value it cannot write is refused."""
    if isinstance(value, date):
        return iso(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


def work_plan_data(plan, states, items, milestones, slips, links) -> dict:
    """A work plan as its TOML file holds it, from the rows the work-plan queries return.

    The keys and their order are those `ccm workplan import` reads; empty values are left out.
    """
    from ccmtui.domain.workplan import Due

    def listed(section: str) -> list[str]:
        return [item.text for item in items if item.section == section]

    data = {
        "id": plan["uuid"],
        "title": plan["title"],
        "area": plan["area"],
        "starts_on": plan["starts_on"],
        "ends_on": plan["ends_on"],
        "coordinators": [s.iso3 for s in states if s.role == "coordinator"],
        "states": [s.iso3 for s in states if s.role == "focus"],
        "source": plan["source"],
        "background": plan["background"],
        "objectives": listed("objective"),
        "strategy": plan["strategy"],
        "expected_outputs": plan["expected_outputs"],
        "estimated_budget": plan["estimated_budget"],
        "implementers": listed("implementer"),
        "partners": listed("partner"),
    }
    entries = []
    for m in milestones:
        entry = {
            "id": m.uuid,
            "title": m.title,
            "due": Due.stored(m.due_on, m.due_quarter).value,
            "status": m.status,
            "done_on": m.done_on,
            "action_points": m.action_points.split(),
            "engagements": [link.engagement_uuid for link in links if link.milestone_uuid == m.uuid],
            "notes": m.notes,
            "slips": [
                _kept(
                    {
                        "recorded_on": s.recorded_on,
                        "from": Due.stored(s.from_due_on, s.from_quarter).value,
                        "to": Due.stored(s.to_due_on, s.to_quarter).value,
                        "reason": s.reason,
                    }
                )
                for s in slips
                if s.milestone_uuid == m.uuid
            ],
        }
        entry = _kept(entry)
        # The work plan's recorder is every milestone's unless it says otherwise ("" for nobody).
        if m.recorded_by != plan["recorded_by"]:
            entry["recorded_by"] = m.recorded_by or ""
        entries.append(entry)
    data = _kept(data)
    # Always written: a file without it is stamped with whoever imports it.
    data["recorded_by"] = plan["recorded_by"] or ""
    if entries:
        data["milestones"] = entries
    return data


def _kept(values: dict) -> dict:
    return {k: v for k, v in values.items() if v not in (None, "", [])}


def render_work_plan(data: dict) -> str:
    import tomli_w

    return tomli_w.dumps(data, multiline_strings=True)
