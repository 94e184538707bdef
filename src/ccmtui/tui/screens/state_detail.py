"""One state: its treaty dates and category, and one timeline of everything about it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.cache import LRUCache
from textual.widgets import Static

from ccmtui.db.queries import Q
from ccmtui.domain.categories import Category
from ccmtui.reports.render import STATUS_STYLE
from ccmtui.textsafe import literal
from ccmtui.tui import format as fmt
from ccmtui.tui.records import RecordKeys, record_bindings
from ccmtui.tui.screens.base import SectionScreen
from ccmtui.tui.widgets.literal_table import literal_content
from ccmtui.tui.widgets.virtual_table import BLOCK, KEPT_BLOCKS, Column, LocalRows, Row, VirtualTable
from ccmtui.tui.workers import deliver, reporting

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.reports.history import TimelineEntry, TimelinePages
    from ccmtui.reports.register import Register
    from ccmtui.tui.source import Source

KIND_STYLE = {
    "treaty": "bold",
    "category": "magenta",
    "vote": "blue",
    "engagement": "",
    "attachment": "",
    "reply": "cyan",
}
KIND_LABEL = {
    "treaty": "Treaty",
    "category": "Category",
    "vote": "UNGA vote",
    "engagement": "Engagement",
    "attachment": "Attachment",
    "reply": "Reply",
}
COLUMNS = (Column("Date", 10), Column("", 10), Column("What"))
RECORD_LABEL = {
    "obligation": "Obligation",
    "extension": "Extension",
    "retention": "Retention",
    "art7": "Art. 7",
    "measure": "Measure",
    "cooperation": "Cooperation",
}
RECORD_COLUMNS = (Column("Kind", 11), Column("Year, as of", 11), Column("What"))


def _standing_extras(reader: Reader, iso3: str, today: date, config: Mapping) -> tuple[str, str, str, str]:
    """The state's current reasons, the help on offer for them (Art. 6), its groupings today and its
    latest vote on the General Assembly's resolution on the Convention."""
    from ccmtui.domain.reasons import meaning
    from ccmtui.reports.momentum import grouping_book
    from ccmtui.reports.reasons import OfferBook, current_assessment

    extra = config.get("reasons")
    assessment = current_assessment(reader, iso3, today)
    reasons = ", ".join(meaning(code, extra) for code in assessment.reasons) if assessment else ""
    offers = OfferBook(reader, extra, until=today.year).offers(assessment.reasons) if assessment else []
    return (
        reasons,
        "\n".join(o.describe() for o in offers),
        ", ".join(grouping_book().of_state(iso3, today)),
        _latest_vote(reader, iso3),
    )


def _latest_vote(reader: Reader, iso3: str) -> str:
    from ccmtui.reports.votes import votes_of_state

    votes = votes_of_state(reader, iso3)
    if not votes:
        return "none recorded (per-state votes are not shipped: ccm votes import)"
    latest = votes[0]
    earlier = ", ".join(v.short() for v in votes[1:4])
    symbol = f", {latest.resolution}" if latest.resolution else ""
    return f"{latest.vote} ({latest.year}{symbol})" + (f"; before: {earlier}" if earlier else "")


def _counterparts(reader: Reader, iso3: str, today: date) -> tuple[str, str]:
    """The state's own people, and the people and organisations met in its engagements."""
    from ccmtui.reports.counterparts import PLACES, People, met_with_state

    people = [
        f"{p.name}" + "".join(f" — {bit}" for bit in (p.role, PLACES.get(p.location or "")) if bit)
        for p in People(reader).of_state(iso3)
    ]
    met = [f"{m.label}, last {m.last.isoformat()}" for m in met_with_state(reader, iso3, today)]
    return "\n".join(people), "\n".join(met)


def timeline_row(number: int, entry) -> Row:
    # An engagement and a reply to it share the engagement's id: the number keeps keys unique.
    key = f"e:{entry.ref}:{number}" if entry.kind in ("engagement", "reply") and entry.ref else f"t:{number}"
    return Row(key, (fmt.day(entry.on), Text(KIND_LABEL[entry.kind], style=KIND_STYLE[entry.kind]), entry.what))


# Rows a tall terminal shows at once: the last block read ahead holds the last screenful.
SCREENFUL = 100


class TimelineRows:
    """A state's timeline as the table's rows, a block at a time (see VirtualTable's Rows); the
    entries of the blocks read are kept, so the highlighted row's entry is at hand."""

    local = False

    def __init__(self, pages: TimelinePages):
        self.pages = pages
        self.length = pages.total
        self._entries: LRUCache[int, list[TimelineEntry]] = LRUCache(KEPT_BLOCKS)

    def read(self, register: Register, start: int, count: int) -> list[Row]:
        entries = self.pages.entries(register.reader, start, count)
        self._entries[start // BLOCK] = entries
        return [timeline_row(start + offset, entry) for offset, entry in enumerate(entries)]

    def ends(self, register: Register) -> dict[int, list[Row]]:
        """The blocks of the first and of the last screenful (End goes there at once), by number."""
        last = max(0, self.length - 1)
        numbers = {0, *range(max(0, last - SCREENFUL) // BLOCK, last // BLOCK + 1)}
        return {number: self.read(register, number * BLOCK, BLOCK) for number in sorted(numbers)}

    def entry(self, index: int) -> TimelineEntry | None:
        """The entry at `index`, if its block has been read."""
        block = self._entries.get(index // BLOCK)
        offset = index % BLOCK
        return block[offset] if block is not None and offset < len(block) else None


class TimelineEntries(Sequence):
    """Every entry of the timeline by position, for a caller that wants entries wherever they are:
    a block not at hand is read when asked for (the screen itself asks only for rows in view)."""

    def __init__(self, rows: TimelineRows, source: Source):
        self.rows = rows
        self.source = source

    def __len__(self) -> int:
        return self.rows.length

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if not -len(self) <= index < len(self):
            raise IndexError(index)
        index %= len(self)
        entry = self.rows.entry(index)
        if entry is None:
            with self.source.register() as register:
                self.rows.read(register, index // BLOCK * BLOCK, BLOCK)
            entry = self.rows.entry(index)
        return entry


# The lines of text the preview of a timeline entry shows: its height in app.tcss, less its border.
PREVIEW_LINES = 2


def preview_lines(text: Text, width: int, console) -> Text:
    """The entry wrapped to `width` in PREVIEW_LINES lines at most, ending in "…" where cut."""
    if width < 2:
        return text
    lines = text.wrap(console, width)
    if len(lines) <= PREVIEW_LINES:
        return text
    kept = list(lines)[:PREVIEW_LINES]
    last = kept[-1]
    last.rstrip()
    last.truncate(width - 1)
    last.append("…")
    return Text("\n").join(kept)


class EntryPreview(Static):
    """The highlighted entry in full, on PREVIEW_LINES lines cut to the width it has now."""

    entry: Text | None = None

    def show_entry(self, text: Text) -> None:
        self.entry = text
        # Never laid out again (its height is fixed): only the preview is repainted.
        self.update(preview_lines(text, self.content_size.width, self.app.console), layout=False)

    def on_resize(self) -> None:
        if self.entry is not None:
            self.show_entry(self.entry)


def record_row(number: int, record) -> Row:
    return Row(record.ref, (RECORD_LABEL[record.kind], record.when, record.what))


class StateDetailScreen(RecordKeys, SectionScreen):
    SECTION = "states"
    BINDINGS = [
        Binding("escape,backspace", "app.pop_screen", "Back", id="state.back"),
        Binding("K", "classify", "Classify", id="state.classify"),
        Binding("N", "log_with", "Log with", id="state.log"),
        Binding("A", "reply", "Record reply…", id="state.reply"),
        Binding("W", "whatif", "What joining commits it to", id="state.whatif"),
        Binding("R", "toggle_records", "Timeline / records", id="state.records"),
        Binding("I", "action_plan", "Its actions in the action plans", id="state.actionplan", show=False),
        *record_bindings("state", show=False),
    ]

    def action_action_plan(self) -> None:
        self.app.action_action_plan(self.iso3)

    def __init__(self, iso3: str):
        super().__init__()
        self.iso3 = iso3
        self.timeline: TimelineRows | None = None
        # The timeline's entries by position (read a block at a time).
        self.events: Sequence[TimelineEntry] = ()
        self.records: list = []

    def compose_body(self) -> ComposeResult:
        yield Static(id="state-facts", classes="panel")
        table = VirtualTable(COLUMNS, id="timeline", classes="panel")
        table.border_title = "Timeline"
        yield table
        yield EntryPreview(id="timeline-preview")
        records = VirtualTable(RECORD_COLUMNS, id="state-records", classes="panel")
        records.display = False
        yield records

    def on_mount(self) -> None:
        self.query_one("#timeline", VirtualTable).loading = True
        self.query_one("#state-facts").border_title = self.iso3

    def reload(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="state-detail")
    def load(self) -> None:
        from ccmtui.reports.history import TimelinePages, state_records

        today = self.app.source.today
        with reporting(self), self.app.source.register() as register:
            record = register.record(self.iso3)
            # What `ccm history` shows, newest first: counted, and the blocks at its two ends read,
            # however busy the state; the table reads any other block when it comes into view.
            # The timeline shows first; then the facts, then the records.
            rows = TimelineRows(TimelinePages(register.reader, record))
            deliver(self, self._show_timeline, rows, rows.ends(register))
            standing = next((s for s in register.on(today) if s.iso3 == self.iso3), None)
            extras = _standing_extras(register.reader, self.iso3, today, self.app.source.config)
            extras += _counterparts(register.reader, self.iso3, today)
            deliver(self, self._show_facts, standing, record, extras)
            deliver(self, self._show_records, state_records(register.reader, self.iso3))

    def _show_facts(self, standing, record, extras: tuple[str, ...] = ("",) * 6) -> None:
        facts = Table.grid(padding=(0, 2))
        facts.add_column(style="bold")
        facts.add_column()
        today = self.app.source.today.isoformat()
        facts.add_row(f"Status {today}", Text(standing.status.value, style=STATUS_STYLE[standing.status]))
        facts.add_row("Signed", fmt.day(record.signed) or "—")
        deposited = f"{fmt.day(record.deposited)} ({record.instrument})" if record.deposited else "—"
        facts.add_row("Deposited", deposited)
        facts.add_row("In force", fmt.day(standing.entry_into_force) or "—")
        if record.withdrawal_notified:
            facts.add_row(
                "Withdrawal",
                f"notified {fmt.day(record.withdrawal_notified)}, effective {fmt.day(standing.withdrawal_effective)}",
            )
        if standing.category:
            meaning = Category(standing.category).meaning
            facts.add_row("Category", f"{standing.category} since {fmt.day(standing.category_since)} ({meaning})")
        else:
            facts.add_row("Category", "—")
        reasons, offers, groupings, vote, people, met = extras
        if reasons and standing.category:
            facts.add_row("Held back by", literal(reasons))
            if offers:
                facts.add_row("Help on offer", literal(offers))
        if groupings:
            facts.add_row("Groupings", groupings)
        if vote:
            facts.add_row("UNGA vote", literal(vote))
        if people:
            facts.add_row("People", literal(people))
        if met:
            facts.add_row("Met", literal(met))
        panel = self.query_one("#state-facts", Static)
        panel.update(facts)
        panel.border_title = literal_content(f"{record.name} ({record.iso3}) · {record.region} › {record.subregion}")

    def _show_timeline(self, rows: TimelineRows, blocks: dict[int, list[Row]]) -> None:
        self.timeline = rows
        self.events = TimelineEntries(rows, self.app.source)
        table = self.query_one("#timeline", VirtualTable)
        table.show(rows, keep_cursor=True, blocks=blocks)
        table.border_title = f"Timeline · {rows.length:,} event{'s' * (rows.length != 1)}"

    def _show_records(self, records: list) -> None:
        self.records = records
        table = self.query_one("#state-records", VirtualTable)
        table.show(LocalRows(records, record_row), keep_cursor=True)
        table.border_title = (
            f"Records · {len(records):,} (obligations, extensions, retention, Art. 7, measures, cooperation)"
        )

    def action_toggle_records(self) -> None:
        """The state's records under Art. 3-7 in place of its timeline, or the timeline back."""
        records = self.query_one("#state-records", VirtualTable)
        showing = not records.display
        records.display = showing
        self.query_one("#timeline", VirtualTable).display = not showing
        self.query_one("#timeline-preview", Static).display = not showing
        (records if showing else self.query_one("#timeline", VirtualTable)).focus()

    @on(VirtualTable.RowHighlighted, "#timeline")
    def preview(self, event: VirtualTable.RowHighlighted) -> None:
        entry = self.timeline.entry(event.index) if self.timeline is not None else None
        if entry is None:
            return  # from a timeline read before the last one
        # Its height is fixed (app.tcss): a key that moves the cursor repaints the table and the
        # preview, never the screen's layout, whatever the entry's length.
        self.query_one("#timeline-preview", EntryPreview).show_entry(literal(f"{fmt.day(entry.on)}  {entry.what}"))

    @on(VirtualTable.RowSelected, "#timeline")
    def open_event(self, event: VirtualTable.RowSelected) -> None:
        if event.key.startswith("e:"):
            self.app.open_engagement(event.key.split(":")[1])

    def selected_state(self) -> str | None:
        return self.iso3

    NOTHING_HIGHLIGHTED = (
        "Highlight an engagement, an attachment or a category entry: treaty dates change with `ccm states update`, "
        "and a reply is changed from its campaign (6)."
    )

    def highlighted_record(self) -> str | None:
        """The highlighted engagement, attachment or classification; a reply is edited from its campaign.
        With the records shown (`o`), the highlighted record."""
        records = self.query_one("#state-records", VirtualTable)
        if records.display:
            return self.records[records.cursor].ref if records.cursor < len(self.records) else None
        cursor = self.query_one("#timeline", VirtualTable).cursor
        entry = self.timeline.entry(cursor) if self.timeline is not None else None
        if entry is None:
            return None
        if entry.kind in ("engagement", "attachment", "category") and entry.ref:
            return entry.ref
        return None

    def action_classify(self) -> None:
        self.app.action_classify(self.iso3)

    def action_log_with(self) -> None:
        self.app.log_with([self.iso3])

    def action_whatif(self) -> None:
        """`ccm whatif` for this state: its commitments from a deposit date."""
        from ccmtui.tui.dialogs.whatif import WhatIfDialog

        self.app.push_screen(WhatIfDialog(self.iso3))

    # -- recording this state's reply, as `ccm reply`
    def action_reply(self) -> None:
        row = self.query_one("#timeline", VirtualTable).cursor_row
        highlighted = row.key.split(":")[1] if row is not None and row.key.startswith("e:") else None
        self.find_pending_reply(highlighted)

    @work(thread=True, exclusive=True, group="state-reply")
    def find_pending_reply(self, highlighted: str | None) -> None:
        """The campaign highlighted in the timeline, if it awaits this state's reply; else the latest that does."""
        with reporting(self), self.app.source.reader() as reader:
            pending = [r for r in reader.rows(Q.replies_of_state, iso3=self.iso3) if r.status == "pending"]
        chosen = next((r for r in pending if r.engagement_uuid == highlighted), None) or (
            pending[-1] if pending else None
        )
        if chosen is None:
            deliver(
                self,
                self.notify,
                "No campaign is waiting for a reply from this state.",
                title="Reply",
                severity="warning",
            )
        else:
            deliver(self, self._open_reply, chosen.engagement_uuid, chosen.engagement_summary)

    def _open_reply(self, engagement: str, title: str) -> None:
        from ccmtui.tui.dialogs.reply import ReplyDialog

        self.app.push_screen(ReplyDialog(engagement, title, self.iso3))
