"""A work plan started in the tool (`ccm workplan new`, the app's New plan dialog): a title, an area
and a period, its coordinators; or a previous plan's objectives and milestones copied as new records,
their quarters moved on by `--shift` quarters."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING
from uuid import uuid4

from ccmtui.actions.fields import Fields, Written, given, named
from ccmtui.db.ids import short, stable_uuid
from ccmtui.db.queries import Q
from ccmtui.domain.areas import AREAS, parse_area
from ccmtui.domain.errors import InputError
from ccmtui.domain.workplan import (
    Due,
    check_within_period,
    parse_period,
    period_label,
    quarters_between,
    shift_due,
)

if TYPE_CHECKING:
    from ccmtui.reports.register import Register

PLAN_FIELDS = ("background", "strategy", "expected_outputs", "estimated_budget")


def _coordinators(register: Register, values: Sequence[str]) -> list[str]:
    names = [text.strip() for value in values for text in value.split(",") if text.strip()]
    return list(dict.fromkeys(register.index.resolve(name) for name in names))


def _shift(text: str | int | None) -> int | None:
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    try:
        return int(str(text).strip())
    except ValueError:
        raise InputError(f"bad --shift {text!r}: give whole quarters, e.g. 8") from None


def new_work_plan(
    register: Register,
    writing,
    *,
    area: str | None,
    title: str,
    period: str,
    coordinators: Sequence[str] = (),
    from_plan: str | None = None,
    shift: str | int | None = None,
    area_option: str | None = None,
) -> Written:
    """Create a work plan; with `from_plan`, its objectives, lists and milestones copied as new
    records (new ids, planned again), each due moved by `shift` quarters (default: from the old
    period's start to the new one's). A plan of another area is copied only with `area_option`."""
    from ccmtui.reports.workplan import find_work_plan

    reader = register.reader
    fields = Fields()
    line = fields("title", lambda: named(" ".join(title.split()), "give the work plan a title (--title)"))
    span = fields("period", lambda: parse_period(period))
    chosen_area = fields(
        "area", lambda: parse_area(given(area_option) or given(area)) if given(area_option) or given(area) else None
    )
    people = fields("coordinators", lambda: _coordinators(register, coordinators))
    moved = fields("shift", lambda: _shift(shift))
    source = fields("from", lambda: find_work_plan(reader, from_plan)) if given(from_plan) else None
    old = reader.rows(Q.work_plan, uuid=source)[0]._asdict() if source else None
    if moved is not None and not source:
        fields.fail("shift", "--shift moves a previous plan's milestones: give the plan with --from")
    if fields.ok("area") and chosen_area is None and old is None:
        fields.fail("area", "say which thematic area the plan is for, e.g. stockpile-destruction")
    if old is not None and fields.ok("area"):
        if chosen_area is None:
            chosen_area = old["area"]
        elif chosen_area != old["area"] and not given(area_option):
            fields.fail(
                "from",
                f"plan {short(source)} is a {AREAS[old['area']]} plan, not {AREAS[chosen_area]}; "
                f"to copy it into {AREAS[chosen_area]} say so with --area {chosen_area}",
            )
    milestones = []
    if old is not None and span and fields.ok("shift", "from", "period"):
        quarters = moved if moved is not None else quarters_between(old["starts_on"], span[0])
        for row in reader.rows(Q.milestones_of_work_plan, work_plan=source):
            due = shift_due(Due.stored(row.due_on, row.due_quarter), quarters)
            try:
                check_within_period(due, *span)
            except InputError:
                fields.fail(
                    "shift",
                    f"shifted by {quarters} quarters, {row.title!r} would fall due {due.label}, outside "
                    f"{period_label(*span)}; choose another --shift or --period",
                )
                break
            milestones.append((row, due))
    if fields.ok("title", "period", "area") and chosen_area and span:
        for plan in reader.rows(Q.work_plans, area=chosen_area):
            if plan.title.casefold() == line.casefold() and (plan.starts_on, plan.ends_on) == span:
                fields.fail("title", f"work plan {short(plan.uuid)} already has this title and period")
    fields.check()
    plan_uuid = str(uuid4())
    with writing(f"workplan new {line[:200]}") as writer:
        values = {
            "uuid": plan_uuid,
            "title": line,
            "area": chosen_area,
            "starts_on": span[0],
            "ends_on": span[1],
            "recorded_by": writer.by,
            "source": "",
        }
        if old is not None:
            values.update({key: old[key] for key in PLAN_FIELDS})
            values["source"] = f"started from work plan {short(source)} ({old['title']})"
        writer.insert("work_plans", values)
        old_states = writer.rows(Q.work_plan_states, uuids=[source]) if source else []
        roles = [
            ("coordinator", people or [s.iso3 for s in old_states if s.role == "coordinator"]),
            ("focus", [s.iso3 for s in old_states if s.role == "focus"]),
        ]
        for role, codes in roles:
            for position, iso3 in enumerate(codes, 1):
                writer.insert(
                    "work_plan_states",
                    {
                        "uuid": stable_uuid("work-plan-state", plan_uuid, role, iso3),
                        "work_plan_uuid": plan_uuid,
                        "role": role,
                        "position": position,
                        "iso3": iso3,
                    },
                )
        if source:
            for item in writer.rows(Q.work_plan_items, work_plan=source):
                writer.insert(
                    "work_plan_items",
                    {
                        "uuid": stable_uuid("work-plan-item", plan_uuid, item.section, item.position),
                        "work_plan_uuid": plan_uuid,
                        "section": item.section,
                        "position": item.position,
                        "text": item.text,
                    },
                )
        for position, (row, due) in enumerate(milestones, 1):
            writer.insert(
                "milestones",
                {
                    "uuid": stable_uuid("milestone", plan_uuid, row.title),
                    "work_plan_uuid": plan_uuid,
                    "position": position,
                    "title": row.title,
                    "due_on": due.on,
                    "due_quarter": due.quarter.code if due.quarter else None,
                    "status": "planned",
                    "notes": "",
                    "action_points": row.action_points or "",
                    "recorded_by": writer.by,
                },
            )
    copied = f", {len(milestones)} milestones copied from {short(source)}" if source else ""
    return Written(
        {"uuid": plan_uuid, "title": line, "area": chosen_area, "starts_on": span[0], "ends_on": span[1]},
        f"Created work plan {short(plan_uuid)} ({AREAS[chosen_area]}, {period_label(*span)}){copied}: {line}",
    )
