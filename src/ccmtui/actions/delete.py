"""Deleting a record with what goes with it, as one change set.

`what_goes_with` names what a deletion takes along (an engagement's states, replies and attachments,
a report's forms, an obligation's extension requests; a classification's replies are kept, unlinked),
and `delete_record` deletes it all. A campaign and the engagement that carries it go together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ccmtui.actions.fields import Written
from ccmtui.actions.records import LABELS, Found, _refuse_here, open_record
from ccmtui.db.ids import short
from ccmtui.db.queries import Q

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.reports.register import Register

# The order records go in when deleted together: what refers to a record before the record.
DELETE_ORDER = (
    "milestone_engagements", "milestone_slips", "milestones", "work_plan_items", "work_plan_states",
    "attachments", "replies", "campaigns", "engagement_states", "engagement_actors", "engagement_counterparts",
    "transparency_forms",
    "obligation_extensions", "classifications", "engagements", "work_plans",
)  # fmt: skip

# Records that cite an engagement and stay when it goes, without the link: table -> column.
UNLINKED_FROM_ENGAGEMENT = {
    "classifications": "source_engagement",
    "margin_slots": "engagement_uuid",
    "practices": "engagement_uuid",
}


@dataclass
class GoesWith:
    """A record to delete and what goes with it: `parts` are deleted too, `unlinked` kept without the link."""

    table: str
    uuid: str
    kind: str
    title: str
    parts: list[tuple[str, str, str]] = field(default_factory=list)  # (table, uuid, label)
    unlinked: list[tuple[str, str, str, str]] = field(default_factory=list)  # (table, uuid, column, label)

    def describe(self) -> str:
        """What goes with it, in words: '3 replies, 2 states, 1 attachment'."""
        counts: dict[str, int] = {}
        for table, _, _ in self.parts:
            counts[table] = counts.get(table, 0) + 1
        words = {
            "engagement_states": ("state", "states"), "engagement_actors": ("acting party", "acting parties"),
            "engagement_counterparts": ("counterpart", "counterparts"),
            "attachments": ("attachment", "attachments"), "replies": ("reply", "replies"),
            "campaigns": ("campaign", "campaigns"), "engagements": ("engagement", "engagements"),
            "milestone_engagements": ("milestone link", "milestone links"), "milestones": ("milestone", "milestones"),
            "milestone_slips": ("slip", "slips"), "work_plan_items": ("work plan item", "work plan items"),
            "work_plan_states": ("work plan state", "work plan states"), "transparency_forms": ("form", "forms"),
            "obligation_extensions": ("extension request", "extension requests"),
        }  # fmt: skip
        said = [
            f"{n} {words.get(t, (t, t))[n != 1]}"
            for t, n in sorted(
                counts.items(), key=lambda item: DELETE_ORDER.index(item[0]) if item[0] in DELETE_ORDER else 99
            )
        ]
        kept: dict[str, int] = {}
        for table, _, _, _ in self.unlinked:
            kept[table] = kept.get(table, 0) + 1
        for table, n in kept.items():
            said.append(f"{n} {LABELS.get(table, table)}{'s' * (n != 1)} kept, unlinked")
        return ", ".join(said)


def _title(found: Found, register: Register | None = None) -> str:
    row = found.campaign or found.row
    for key in ("title", "summary", "filename", "name", "code"):
        if row.get(key):
            return str(row[key])
    bits = [row.get("iso3"), row.get("year"), row.get("kind"), row.get("status"), row.get("category")]
    return " ".join(str(b) for b in bits if b)


def what_goes_with(reader: Reader, id: str) -> GoesWith:
    """The record an id names and everything a deletion of it takes along (nothing is written)."""
    found = open_record(reader, id)
    _refuse_here(found)
    goes = GoesWith(found.table, found.uuid, found.kind, _title(found))
    if found.engagement:
        goes.table, goes.uuid = "engagements", found.engagement["uuid"]
        for part in reader.rows(Q.parts_of_engagement, engagement=goes.uuid):
            if part.table_name in UNLINKED_FROM_ENGAGEMENT:
                column = UNLINKED_FROM_ENGAGEMENT[part.table_name]
                goes.unlinked.append((part.table_name, part.uuid, column, part.label))
            else:
                goes.parts.append((part.table_name, part.uuid, part.label))
    elif found.table == "work_plans":
        goes.parts = [(p.table_name, p.uuid, p.label) for p in reader.rows(Q.parts_of_work_plan, work_plan=found.uuid)]
    elif found.table == "milestones":
        goes.parts = [(p.table_name, p.uuid, p.label) for p in reader.rows(Q.parts_of_milestone, milestone=found.uuid)]
    elif found.table == "transparency_reports":
        row = found.row
        goes.parts = [
            ("transparency_forms", f.uuid, f.form)
            for f in reader.rows(Q.transparency_forms)
            if f.iso3 == row["iso3"] and f.kind == row["kind"] and f.year == row["year"]
        ]
    elif found.table == "obligations":
        row = found.row
        goes.parts = [
            ("obligation_extensions", e.uuid, str(e.number))
            for e in reader.rows(Q.obligation_extensions)
            if e.iso3 == row["iso3"] and e.article == row["article"]
        ]
    elif found.table == "classifications":
        goes.unlinked = [
            ("replies", r.uuid, "classification_uuid", r.iso3)
            for r in reader.rows(Q.replies_of_state, iso3=found.row["iso3"])
            if getattr(r, "classification_uuid", None) == found.uuid
        ]
    return goes


def delete_record(reader: Reader, writing, id: str) -> Written:
    """Delete the record an id names with everything that goes with it, as one change set."""
    goes = what_goes_with(reader, id)
    order = {name: i for i, name in enumerate(DELETE_ORDER)}
    with writing(f"delete {goes.kind} {short(goes.uuid)}: {goes.title}"[:300]) as writer:
        for table, uuid, column, _ in goes.unlinked:
            writer.update(table, uuid, {column: None})
        for table, uuid, _ in sorted(goes.parts, key=lambda part: order.get(part[0], -1)):
            writer.delete(table, uuid)
        row = writer.delete(goes.table, goes.uuid)
    extra = goes.describe()
    return Written(
        {"table": goes.table, "uuid": goes.uuid, "kind": goes.kind, "deleted": row, "parts": len(goes.parts)},
        f"Deleted {goes.kind} {short(goes.uuid)} ({goes.title})" + (f" with {extra}" if extra else "") + ".",
    )
