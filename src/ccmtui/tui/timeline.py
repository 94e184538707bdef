"""One state's timeline: treaty events, engagements, replies and classifications, newest first.

Textual-free, so a worker can build it with its own reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ccmtui.domain import treaty
from ccmtui.domain.categories import Category
from ccmtui.tui import format as fmt
from ccmtui.tui.source import EARLIEST, LATEST

ENGAGEMENT_LIMIT = 200


@dataclass(frozen=True)
class Event:
    on: date
    what: str
    detail: str
    kind: str  # treaty, engagement, reply, category
    key: str | None = None  # "e:<uuid>" when the row opens an engagement


def build(reader, record, today: date) -> tuple[list[Event], bool]:
    """The events of the state behind `record` (a register row); True when engagements were cut."""
    events: list[Event] = []
    if record.signed:
        events.append(Event(record.signed, "Signed", "Signed the Convention (Art. 15)", "treaty"))
    if record.deposited:
        instrument = (record.instrument or "instrument").capitalize()
        events.append(Event(record.deposited, f"{instrument} deposited", "With the Secretary-General of the United Nations", "treaty"))
        in_force = treaty.entry_into_force(record.deposited)
        verb = "In force" if in_force <= today else "Enters into force"
        events.append(Event(in_force, verb, f"Entry into force for {record.name} (Art. 17)", "treaty"))
    if record.withdrawal_notified:
        events.append(Event(record.withdrawal_notified, "Withdrawal notified", "Art. 20", "treaty"))
        effective = treaty.withdrawal_effective(record.withdrawal_notified)
        events.append(Event(effective, "Withdrawal effective", "Six months after notice (Art. 20(2))", "treaty"))
    for row in reader.rows("classifications_of_state", iso3=record.iso3):
        meaning = Category(row.category).meaning
        events.append(Event(row.assessed_on, f"Category {row.category}", f"{meaning}: {row.rationale}", "category"))
    found = reader.rows(
        "engagements_of_state",
        iso3=record.iso3,
        since=EARLIEST,
        until=LATEST,
        area=None,
        kind=None,
        limit=ENGAGEMENT_LIMIT + 1,
    )
    cut = len(found) > ENGAGEMENT_LIMIT
    for row in found[:ENGAGEMENT_LIMIT]:
        events.append(
            Event(row.occurred_on, f"{fmt.kind(row.kind)} · {fmt.area(row.area)}", row.summary, "engagement", f"e:{row.uuid}")
        )
    for row in reader.rows("replies_of_state", iso3=record.iso3):
        if row.status == "replied":
            stance = f" ({row.stance})" if row.stance else ""
            what, on = f"Replied{stance}", row.received_on or row.occurred_on
            detail = row.summary or row.engagement_summary
        elif row.status == "no-reply":
            what, on, detail = "No reply", row.occurred_on, row.engagement_summary
        else:
            days = (today - row.occurred_on).days
            what, on, detail = f"Reply pending ({days} days)", row.occurred_on, row.engagement_summary
        events.append(Event(on, what, detail, "reply", f"e:{row.engagement_uuid}"))
    order = {"treaty": 0, "category": 1, "engagement": 2, "reply": 3}
    events.sort(key=lambda e: (e.on, -order[e.kind]), reverse=True)
    return events, cut
