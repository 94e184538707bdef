"""Any record found by its id: ids are unique across the kinds of record, so one id names one record.

`find_record` gives the table and full id of the record an id (or enough of it) names; `open_record`
gives the record itself, a campaign and the engagement that carries it found together by either id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ccmtui.db.ids import id_prefix, short
from ccmtui.db.queries import Q
from ccmtui.domain.errors import InputError, NotFoundError

if TYPE_CHECKING:
    from ccmtui.db.read import Reader

# What each kind of record is called, by table.
LABELS = {
    "engagements": "engagement",
    "campaigns": "campaign",
    "replies": "reply",
    "classifications": "classification",
    "milestones": "milestone",
    "work_plans": "work plan",
    "obligations": "obligation",
    "obligation_extensions": "extension request",
    "retention": "retention entry",
    "transparency_reports": "Article 7 report",
    "national_measures": "national measure",
    "cooperation_reports": "cooperation entry",
    "indicator_values": "indicator value",
    "practices": "practice",
    "attachments": "attachment",
    "meetings": "meeting",
    "margin_slots": "margin slot",
    "changesets": "change set",
    "states": "state",
}
# Kinds that are not edited or deleted by id, and what to use instead.
NOT_HERE = {
    "states": "a state is reference data; change it with `ccm states update`",
    "changesets": "a change set is history; revert it with `ccm undo --change {id}`",
}


def find_record(reader: Reader, text: str) -> tuple[str, str]:
    """(table, full id) of the record of any kind whose id starts with `text`."""
    low, high = id_prefix(text)
    found = reader.rows(Q.record_ids, low=low, high=high)
    if not found:
        raise NotFoundError(f"no record with id {text!r}")
    if len(found) > 1:
        raise InputError(f"id {text!r} is ambiguous; give more characters")
    return found[0].table_name, found[0].uuid


def load(reader: Reader, table: str, uuid: str) -> dict:
    row = reader.get(table, uuid)
    if row is None:
        raise NotFoundError(f"no {LABELS.get(table, table)} with id {short(uuid)}")
    return row


@dataclass
class Found:
    """A record found by its id: its kind, its row, and for a campaign or its engagement, both rows."""

    table: str
    uuid: str
    row: dict
    engagement: dict | None = None
    campaign: dict | None = None

    @property
    def kind(self) -> str:
        return "campaign" if self.campaign else LABELS[self.table]


def open_record(reader: Reader, text: str) -> Found:
    """The record an id names; a campaign and its engagement are found together, by either id."""
    table, uuid = find_record(reader, text)
    row = load(reader, table, uuid)
    if table == "campaigns":
        return Found(table, uuid, row, engagement=load(reader, "engagements", row["engagement_uuid"]), campaign=row)
    if table == "engagements":
        carried = reader.rows(Q.campaign_of_engagement, engagement=uuid)
        campaign = load(reader, "campaigns", carried[0].uuid) if carried else None
        return Found(table, uuid, row, engagement=row, campaign=campaign)
    return Found(table, uuid, row)


def _refuse_here(found: Found) -> None:
    if found.table in NOT_HERE:
        raise InputError(NOT_HERE[found.table].format(id=short(found.uuid)))
