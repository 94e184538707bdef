"""Importing a work plan: its file checked whole (`workplan_file`), then written.

Importing a file whose work plan exists already brings the database to what the file says
(fields, states, lists, milestones, slips, links), so a coordinator can export, edit and
import again; what the file does not change is left untouched.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import uuid4

from ccmtui.actions.fields import Written
from ccmtui.actions.milestones import slip_values
from ccmtui.actions.workplan_file import MilestoneEntry, WorkPlanDocument, read_work_plan
from ccmtui.db.ids import short, stable_uuid
from ccmtui.db.queries import Q
from ccmtui.domain.errors import InputError, NotFoundError

if TYPE_CHECKING:
    from ccmtui.db.write import Writer
    from ccmtui.reports.register import Register

__all__ = ["ImportResult", "check_same_plan", "import_work_plan", "import_work_plan_file", "read_work_plan", "renumber"]


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

    @property
    def message(self) -> str:
        if self.created:
            return f"Imported work plan {short(self.uuid)} with {self.added} milestones: {self.title}"
        if self.changed:
            return (
                f"Updated work plan {short(self.uuid)}: {self.added} milestones added, "
                f"{self.updated} records changed, {self.removed} milestones removed."
            )
        return f"Work plan {short(self.uuid)} is already as the file says; nothing changed."


def import_work_plan_file(
    register: Register, writing, file: Path, *, replace: bool = False, as_new: bool = False
) -> Written:
    """`ccm workplan import`: read and check the file, then write it in one transaction.

    A file whose id is a work plan of another area, title or period is refused unless `replace`
    (bring that plan to what the file says) or `as_new` (import it as a new plan, new ids)."""
    from ccmtui.files import read_text

    if replace and as_new:
        raise InputError("choose one: --replace overwrites the plan with the file's id, --as-new imports a new plan")
    from ccmtui.actions.action_plan import known_actions

    text = read_text(file, "save it as UTF-8")
    document = read_work_plan(text, str(file), register.index, known_actions(register.reader))
    if as_new:
        renumber(document)
    with writing(f"import work plan {document.title[:200]} from {file.name}") as writer:
        if not replace:
            check_same_plan(writer, document)
        result = import_work_plan(writer, document)
    return Written(result, result.message)


def renumber(document: WorkPlanDocument) -> None:
    """New ids for the plan and its milestones: the file becomes a new plan beside the one it came from."""
    document.uuid = str(uuid4())
    for entry in document.milestones:
        entry.uuid = stable_uuid("milestone", document.uuid, entry.title)


def check_same_plan(writer: Writer, document: WorkPlanDocument) -> None:
    """Refuse a file whose id is a different plan (another area, title or period) in one line."""
    from ccmtui.domain.workplan import period_label

    existing = writer.get("work_plans", document.uuid)
    if existing is None:
        return
    theirs = (existing["area"], " ".join(existing["title"].split()), existing["starts_on"], existing["ends_on"])
    ours = (document.area, " ".join(document.title.split()), document.starts_on, document.ends_on)
    if theirs == ours:
        return
    what = [
        name
        for name, a, b in zip(("area", "title", "period"), theirs[:2] + (theirs[2:],), ours[:2] + (ours[2:],))
        if a != b
    ]
    raise InputError(
        f"the file's id {short(document.uuid)} is the work plan '{existing['title']}' "
        f"({existing['area']}, {period_label(existing['starts_on'], existing['ends_on'])}), "
        f"whose {' and '.join(what)} the file changes: --replace overwrites that plan, --as-new imports the file as a new plan"
    )


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


def _differs(row: dict, values: dict) -> dict:
    return {key: value for key, value in values.items() if row.get(key) != value}


def _replace_rows(
    writer: Writer, table: str, existing: list[tuple[str, tuple]], wanted: list[tuple[dict, tuple]]
) -> bool:
    """Make a child list what the file says: untouched when equal, else replaced whole."""
    if [key for _, key in existing] == [key for _, key in wanted]:
        return False
    for uuid, _ in existing:
        writer.delete(table, uuid)
    for values, _ in wanted:
        writer.insert(table, values)
    return True


def import_work_plan(writer: Writer, document: WorkPlanDocument) -> ImportResult:
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
    lists_changed = [_write_states(writer, document), _write_items(writer, document)]
    if existing is not None:
        result.updated += sum(lists_changed)
    _write_milestones(writer, document, values["recorded_by"], result)
    return result


def _write_states(writer: Writer, document: WorkPlanDocument) -> bool:
    """The coordinator and focus states, in the file's order."""
    plan_uuid = document.uuid
    states = [
        (
            {
                "uuid": stable_uuid("work-plan-state", plan_uuid, role, iso3),
                "work_plan_uuid": plan_uuid,
                "role": role,
                "position": position,
                "iso3": iso3,
            },
            (role, position, iso3),
        )
        for role, codes in (("coordinator", document.coordinators), ("focus", document.states))
        for position, iso3 in enumerate(codes, 1)
    ]
    states.sort(key=lambda item: item[1])
    old_states = [(r.uuid, (r.role, r.position, r.iso3)) for r in writer.rows(Q.work_plan_states, uuids=[plan_uuid])]
    return _replace_rows(writer, "work_plan_states", old_states, states)


def _write_items(writer: Writer, document: WorkPlanDocument) -> bool:
    """The implementers, objectives and partners, in the file's order."""
    plan_uuid = document.uuid
    items = [
        (
            {
                "uuid": stable_uuid("work-plan-item", plan_uuid, section, position),
                "work_plan_uuid": plan_uuid,
                "section": section,
                "position": position,
                "text": text,
            },
            (section, position, text),
        )
        for section, texts in (
            ("implementer", document.implementers),
            ("objective", document.objectives),
            ("partner", document.partners),
        )
        for position, text in enumerate(texts, 1)
    ]
    old_items = [(r.uuid, (r.section, r.position, r.text)) for r in writer.rows(Q.work_plan_items, work_plan=plan_uuid)]
    return _replace_rows(writer, "work_plan_items", old_items, items)


def _write_milestones(
    writer: Writer, document: WorkPlanDocument, plan_recorder: str | None, result: ImportResult
) -> None:
    """Remove the milestones the file no longer has; add or update the others, in its order."""
    wanted = {entry.uuid for entry in document.milestones}
    for row in writer.rows(Q.milestones_of_work_plan, work_plan=document.uuid):
        if row.uuid not in wanted:
            _delete_milestone(writer, row.uuid)
            result.removed += 1
    for position, entry in enumerate(document.milestones, 1):
        outcome = _write_milestone(writer, entry, document.uuid, position, plan_recorder)
        result.added += outcome == "added"
        result.updated += outcome == "updated"


def _write_milestone(
    writer: Writer, entry: MilestoneEntry, plan_uuid: str, position: int, plan_recorder: str | None
) -> str:
    """One milestone with its slips and links: "added", "updated" or "" (as it was)."""
    found = writer.get("milestones", entry.uuid)
    _check_milestone(writer, entry, found, plan_uuid)
    # A new milestone without its own recorder is the work plan's recorder's.
    fields = _milestone_values(entry, plan_uuid, position, plan_recorder if found is None else found["recorded_by"])
    if found is None:
        writer.insert("milestones", {"uuid": entry.uuid, **fields})
    changes = _differs(found, fields) if found is not None else {}
    if changes:
        writer.update("milestones", entry.uuid, changes)
    slips_changed = _write_slips(writer, entry)
    links_changed = _write_links(writer, entry)
    if found is None:
        return "added"
    return "updated" if changes or slips_changed or links_changed else ""


def _check_milestone(writer: Writer, entry: MilestoneEntry, found: dict | None, plan_uuid: str) -> None:
    if found is not None and found["work_plan_uuid"] != plan_uuid:
        raise InputError(f"milestone {entry.uuid} belongs to another work plan; remove its id to add it here")
    for engagement in entry.engagements:
        if writer.get("engagements", engagement) is None:
            raise NotFoundError(
                f"milestone {entry.title!r} names engagement {engagement}, which is not in the database"
            )


def _write_slips(writer: Writer, entry: MilestoneEntry) -> bool:
    slips = [
        (values, tuple(values.values()))
        for values in (slip_values(entry.uuid, s.recorded_on, s.old, s.new, s.reason) for s in entry.slips)
    ]
    old_slips = [
        (
            r.uuid,
            (
                r.uuid,
                r.milestone_uuid,
                r.recorded_on,
                r.from_due_on,
                r.from_quarter,
                r.to_due_on,
                r.to_quarter,
                r.reason,
            ),
        )
        for r in writer.rows(Q.slips_of_milestones, uuids=[entry.uuid])
    ]
    return _replace_rows(writer, "milestone_slips", old_slips, slips)


def _write_links(writer: Writer, entry: MilestoneEntry) -> bool:
    links = [
        (
            {
                "uuid": stable_uuid("milestone-engagement", entry.uuid, e),
                "milestone_uuid": entry.uuid,
                "engagement_uuid": e,
            },
            (e,),
        )
        for e in sorted(entry.engagements)
    ]
    old_links = [(r.uuid, (r.engagement_uuid,)) for r in writer.rows(Q.engagements_of_milestones, uuids=[entry.uuid])]
    old_links.sort(key=lambda item: item[1])
    return _replace_rows(writer, "milestone_engagements", old_links, links)


def _delete_milestone(writer: Writer, uuid: str) -> None:
    for slip in writer.rows(Q.slips_of_milestones, uuids=[uuid]):
        writer.delete("milestone_slips", slip.uuid)
    for link in writer.rows(Q.engagements_of_milestones, uuids=[uuid]):
        writer.delete("milestone_engagements", link.uuid)
    writer.delete("milestones", uuid)
