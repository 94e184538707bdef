"""One state's timeline: treaty events, engagements, replies and classifications."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain import treaty
from ccmtui.reports.engagements import EngagementFilter, list_engagements, rows_of_engagements

if TYPE_CHECKING:
    from ccmtui.db.read import Reader


@dataclass(frozen=True)
class TimelineEntry:
    on: date
    kind: str  # treaty, engagement, attachment, reply, category
    what: str
    ref: str | None = None

    def as_json(self) -> dict:
        return {"date": self.on.isoformat(), "kind": self.kind, "what": self.what, "id": self.ref}


def treaty_events(record) -> list[TimelineEntry]:
    """Signature, deposit, entry into force (Art. 17) and withdrawal (Art. 20) of a state."""
    events = []
    if record.signed:
        events.append(TimelineEntry(record.signed, "treaty", "Signed the Convention"))
    if record.deposited:
        instrument = (record.instrument or "instrument").capitalize()
        events.append(TimelineEntry(record.deposited, "treaty", f"{instrument} deposited"))
        events.append(
            TimelineEntry(treaty.entry_into_force(record.deposited), "treaty", "Convention in force for it (Art. 17)")
        )
    if record.withdrawal_notified:
        events.append(TimelineEntry(record.withdrawal_notified, "treaty", "Withdrawal notified (Art. 20)"))
        events.append(
            TimelineEntry(treaty.withdrawal_effective(record.withdrawal_notified), "treaty", "Withdrawal took effect")
        )
    return events


def state_history(reader: Reader, record, limit: int | None = None) -> list[TimelineEntry]:
    """Everything about one state, oldest first; `limit` keeps the most recent engagements."""
    entries = treaty_events(record)
    lines = list_engagements(reader, EngagementFilter(state=record.iso3, limit=limit))
    for line in lines:
        by = f" (by {', '.join(line.actors)})" if line.actors else ""
        entries.append(TimelineEntry(line.occurred_on, "engagement", f"{line.kind_label}: {line.summary}{by}", line.uuid))
    dated = {line.uuid: line.occurred_on for line in lines}
    if dated:
        attachments = rows_of_engagements(reader, Q.attachments_of_engagements, list(dated))
        # In the query's own order across the chunks.
        attachments.sort(key=lambda row: (row.created_at, row.filename))
        for row in attachments:
            entries.append(
                TimelineEntry(dated[row.engagement_uuid], "attachment", f"Attached {row.filename} ({row.size:,} bytes)", row.uuid)
            )
    for reply in reader.rows(Q.replies_of_state, iso3=record.iso3):
        if reply.status == "replied":
            supports = f", supports Category {reply.supports_category}" if reply.supports_category else ""
            text = f"Replied ({reply.stance}{supports}) to: {reply.engagement_summary}"
            if reply.summary:
                text += f" — {reply.summary}"
            entries.append(TimelineEntry(reply.received_on, "reply", text, reply.engagement_uuid))
    for row in reader.rows(Q.classifications_of_state, iso3=record.iso3):
        entries.append(TimelineEntry(row.assessed_on, "category", f"Category {row.category}: {row.rationale}", row.uuid))
    order = {"treaty": 0, "category": 1, "engagement": 2, "attachment": 3, "reply": 4}
    entries.sort(key=lambda e: (e.on, order[e.kind]))
    return entries
