"""One state: its treaty dates and category, and one timeline of everything about it."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from ccmtui.domain.categories import Category
from ccmtui.reports.render import STATUS_STYLE
from ccmtui.tui import format as fmt
from ccmtui.tui.screens.base import SectionScreen
from ccmtui.tui.workers import deliver, reporting

KIND_STYLE = {"treaty": "bold", "category": "magenta", "engagement": "", "reply": "cyan"}
KIND_LABEL = {"treaty": "Treaty", "category": "Category", "engagement": "Engagement", "reply": "Reply"}
ENGAGEMENT_LIMIT = 200


class StateDetailScreen(SectionScreen):
    SECTION = "states"
    BINDINGS = [
        Binding("escape,backspace", "app.pop_screen", "Back", id="state.back"),
        Binding("k", "classify", "Classify", id="state.classify"),
        Binding("n", "log_with", "Log with", id="state.log"),
    ]

    def __init__(self, iso3: str):
        super().__init__()
        self.iso3 = iso3
        self.entries: dict = {}

    def compose_body(self) -> ComposeResult:
        yield Static(id="state-facts", classes="panel")
        table = DataTable(id="timeline", cursor_type="row", zebra_stripes=True, classes="panel")
        table.border_title = "Timeline"
        yield table
        yield Static(id="timeline-preview")

    def on_mount(self) -> None:
        table = self.query_one("#timeline", DataTable)
        table.add_column("Date", key="date")
        table.add_column("", width=10, key="kind")
        table.add_column("What", key="what")
        table.loading = True
        self.query_one("#state-facts").border_title = self.iso3

    def reload(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="state-detail")
    def load(self) -> None:
        from ccmtui.reports.history import state_history

        today = self.app.source.today
        with reporting(self), self.app.source.register() as register:
            standing = next((s for s in register.on(today) if s.iso3 == self.iso3), None)
            record = register.record(self.iso3)
            # What `ccm history` shows, newest first.
            entries = state_history(register.reader, record, limit=ENGAGEMENT_LIMIT)
            cut = sum(1 for e in entries if e.kind == "engagement") >= ENGAGEMENT_LIMIT
            deliver(self, self._show, standing, record, entries[::-1], cut)

    def _show(self, standing, record, events: list, cut: bool) -> None:
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
            facts.add_row("Withdrawal", f"notified {fmt.day(record.withdrawal_notified)}, effective {fmt.day(standing.withdrawal_effective)}")
        if standing.category:
            meaning = Category(standing.category).meaning
            facts.add_row("Category", f"{standing.category} since {fmt.day(standing.category_since)} ({meaning})")
        else:
            facts.add_row("Category", "—")
        panel = self.query_one("#state-facts", Static)
        panel.update(facts)
        panel.border_title = f"{record.name} ({record.iso3}) · {record.region} › {record.subregion}"
        table = self.query_one("#timeline", DataTable)
        table.clear()
        self.entries = {}
        for number, entry in enumerate(events):
            # An engagement and a reply to it share the engagement's id: the number keeps keys unique.
            key = f"e:{entry.ref}:{number}" if entry.kind in ("engagement", "reply") and entry.ref else f"t:{number}"
            table.add_row(fmt.day(entry.on), Text(KIND_LABEL[entry.kind], style=KIND_STYLE[entry.kind]), entry.what, key=key)
            self.entries[key] = entry
        table.loading = False
        title = f"Timeline · {fmt.plural(len(events), 'event')}"
        table.border_title = title + (f" (the latest {ENGAGEMENT_LIMIT} engagements)" if cut else "")

    @on(DataTable.RowHighlighted, "#timeline")
    def preview(self, event: DataTable.RowHighlighted) -> None:
        entry = self.entries.get(event.row_key.value)
        if entry is not None:
            self.query_one("#timeline-preview", Static).update(Text(f"{fmt.day(entry.on)}  {entry.what}"))

    @on(DataTable.RowSelected, "#timeline")
    def open_event(self, event: DataTable.RowSelected) -> None:
        key = event.row_key.value or ""
        if key.startswith("e:"):
            self.app.open_engagement(key.split(":")[1])

    def selected_state(self) -> str | None:
        return self.iso3

    def action_classify(self) -> None:
        self.app.action_classify(self.iso3)

    def action_log_with(self) -> None:
        self.app.log_with([self.iso3])
