"""What is due, as the rows of one list in three groups: follow-ups (overdue and in the next
fortnight), replies pending over REPLY_WAIT_DAYS days, treaty deadlines and request windows.

The follow-ups and replies are read a block at a time (`LIMIT`/`OFFSET` on their date), so a
database with tens of thousands of them shows its first screenful as fast as one with ten; the
treaty lines are few and read with the counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from rich.text import Text

from ccmtui.db.queries import Q
from ccmtui.tui import format as fmt
from ccmtui.tui.dashboard_data import (
    DEADLINE_DAYS,
    REPLY_WAIT_DAYS,
    SOON_DAYS,
    TREATY_LABELS,
    follow_up_label,
)
from ccmtui.tui.widgets.virtual_table import Row

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.reports.register import Register

GROUPS = ("follow-ups", "replies", "treaty")
HEADINGS = {
    "follow-ups": "Follow-ups, overdue and in the next {soon} days",
    "replies": "Replies pending over {wait} days",
    "treaty": "Treaty deadlines and request windows (next {within} days)",
}


def follow_up_rows(reader: Reader, today: date, index, offset: int, count: int, newest: bool) -> list[Row]:
    from ccmtui.reports.engagements import with_parties

    query = Q.due_follow_ups_newest if newest else Q.due_follow_ups_oldest
    found = reader.rows(query, until=today + timedelta(days=SOON_DAYS), limit=count, offset=offset)
    return [
        Row(
            f"f:{line.uuid}",
            (
                fmt.day(line.follow_up_on),
                follow_up_label(today, line.follow_up_on),
                fmt.names(line.states, index, 2),
                line.summary,
            ),
        )
        for line in with_parties(reader, found)
    ]


def reply_rows(reader: Reader, today: date, offset: int, count: int, newest: bool) -> list[Row]:
    query = Q.due_replies_newest if newest else Q.due_replies_oldest
    found = reader.rows(query, cutoff=today - timedelta(days=REPLY_WAIT_DAYS), limit=count, offset=offset)
    return [
        Row(
            f"r:{reply.engagement_uuid}:{reply.iso3}",
            (
                fmt.day(reply.occurred_on),
                f"No reply, {(today - reply.occurred_on).days:,} days",
                reply.name,
                reply.engagement_summary,
            ),
        )
        for reply in found
    ]


def treaty_rows(reader: Reader, register: Register, today: date, index) -> list[Row]:
    """Art. 3 and 4 as `ccm due` shows them (reports/deadlines.py), then Art. 7 and 17 dates."""
    from ccmtui.reports.deadlines import obligation_deadlines
    from ccmtui.reports.due import treaty_deadlines

    rows = [
        (line.on, f"t:{line.iso3}:o{number}", TREATY_LABELS[line.kind](line), line.name, line.what)
        for number, line in enumerate(obligation_deadlines(reader, register, today, DEADLINE_DAYS))
    ]
    for number, deadline in enumerate(treaty_deadlines(reader, register, today, DEADLINE_DAYS)):
        who = index.name(deadline.iso3) if deadline.iso3 and deadline.iso3 in index else "All parties"
        rows.append(
            (deadline.on, f"t:{deadline.iso3 or ''}:d{number}", f"Deadline ({deadline.article})", who, deadline.what)
        )
    rows.sort(key=lambda row: row[0])
    return [Row(key, (fmt.day(on), what, who, summary)) for on, key, what, who, summary in rows]


@dataclass
class DueCounts:
    today: date
    follow_ups: int
    replies: int
    treaty: list[Row] = field(default_factory=list)

    def of(self, group: str) -> int:
        return {"follow-ups": self.follow_ups, "replies": self.replies, "treaty": len(self.treaty)}[group]


def count_due(register: Register, today: date) -> DueCounts:
    reader = register.reader
    return DueCounts(
        today,
        reader.rows(Q.follow_ups_overdue_count, until=today + timedelta(days=SOON_DAYS))[0].count,
        reader.rows(Q.replies_pending_since_count, cutoff=today - timedelta(days=REPLY_WAIT_DAYS))[0].count,
        treaty_rows(reader, register, today, register.index),
    )


def heading(group: str, count: int) -> str:
    title = HEADINGS[group].format(soon=SOON_DAYS, wait=REPLY_WAIT_DAYS, within=DEADLINE_DAYS)
    return f"{title} · {count:,}" if count else f"{title} · none"


class DueRows:
    """The three groups, each under a heading row, as a VirtualTable's rows, newest or oldest first."""

    local = False

    def __init__(self, counts: DueCounts, newest: bool = True, index=None):
        self.counts = counts
        self.newest = newest
        self.index = index
        # (group, first position of its rows, how many): its heading is the row before.
        self.spans: list[tuple[str, int, int]] = []
        at = 0
        for group in GROUPS:
            count = counts.of(group)
            self.spans.append((group, at + 1, count))
            at += 1 + count
        self.length = at
        self.sorted_as = None  # told of the rows in their new order

    def first_item(self) -> int:
        """The first row that is not a heading (the first heading when every group is empty)."""
        return next((first for _, first, number in self.spans if number), 0)

    def sorted(self, column: int, reverse: bool) -> DueRows | str:
        """By date only: descending is newest first."""
        if column != 0:
            return "Due sorts by date: O turns newest first to oldest first and back."
        rows = DueRows(self.counts, newest=reverse, index=self.index)
        rows.sorted_as = self.sorted_as
        if self.sorted_as is not None:
            self.sorted_as(rows)
        return rows

    def heading_row(self, group: str, count: int) -> Row:
        return Row(f"h:{group}", (Text(heading(group, count), style="bold"),))

    def read(self, register: Register, start: int, count: int) -> list[Row]:
        end = min(self.length, start + count)
        index = self.index or register.index
        today = self.counts.today
        found: list[Row] = []
        for group, first, number in self.spans:
            if start <= first - 1 < end:
                found.append(self.heading_row(group, number))
            lo, hi = max(start, first), min(end, first + number)
            if lo >= hi:
                continue
            offset, size = lo - first, hi - lo
            if group == "follow-ups":
                found += follow_up_rows(register.reader, today, index, offset, size, self.newest)
            elif group == "replies":
                found += reply_rows(register.reader, today, offset, size, self.newest)
            else:
                ordered = self.counts.treaty if not self.newest else self.counts.treaty[::-1]
                found += ordered[offset : offset + size]
        return found
