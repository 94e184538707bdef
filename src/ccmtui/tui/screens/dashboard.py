"""The dashboard: the register's figures today, what is due, recent engagements, campaigns.

The frame shows at once; each panel fills in from its own thread worker.
"""

from __future__ import annotations

import time
from collections import Counter
from datetime import date

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.widgets import DataTable, Static

from ccmtui.domain.treaty import Status
from ccmtui.tui import format as fmt
from ccmtui.tui.messages import DashboardReady, DataChanged
from ccmtui.tui.screens.base import SectionScreen
from ccmtui.tui.workers import deliver, reporting

PANELS = ("register", "due", "recent", "campaigns")
REPLY_WAIT_DAYS = 60
RECENT_LIMIT = 20
DUE_LIMIT = 100


def index_of(app, register):
    """The app's state index once loaded; until then the worker's own."""
    return app.index if app.index is not None else register.index


def register_figures(register, today: date) -> dict:
    """Counts by status, category and region, from the same register `ccm status` reads."""
    from ccmtui.reports.register import category_counts, status_counts

    states = register.on(today)
    by_region: dict[str, Counter] = {}
    for state in states:
        counts = by_region.setdefault(state.region, Counter())
        counts["states"] += 1
        counts[state.status.value] += 1
        if state.category:
            counts[state.category] += 1
    return {
        "status": status_counts(states),
        "category": category_counts(states),
        "regions": dict(sorted(by_region.items())),
        "total": len(states),
    }


def render_register(figures: dict) -> Group:
    status, category = figures["status"], figures["category"]
    parties, pending = status[Status.PARTY], status[Status.PENDING]
    not_party = figures["total"] - parties - pending

    def figure(label: str, value: int, last: bool = False) -> tuple:
        return (f"{label} ", "dim"), (str(value), "bold"), ("" if last else "  ·  ")

    lines = [
        Text.assemble(("States Parties ", "dim"), (str(parties + pending), "bold green"), f"  ({parties} in force, {pending} pending)"),
        Text.assemble(
            *figure("Signatories", status[Status.SIGNATORY]),
            *figure("Non-signatories", status[Status.NON_SIGNATORY]),
            *figure("Withdrawn", status[Status.WITHDRAWN], last=True),
        ),
        Text.assemble(
            *figure("Category I", category["I"]),
            *figure("II", category["II"]),
            *figure("III", category["III"], last=True),
            (f"  of {not_party} not party", "dim"),
        ),
    ]
    regions = Table(box=None, padding=(0, 1), header_style="bold", pad_edge=False)
    regions.add_column("Region")
    for heading in ("States", "Parties", "Sign.", "Non-s.", "I", "II", "III"):
        regions.add_column(heading, justify="right")
    for region, counts in figures["regions"].items():
        regions.add_row(
            region,
            str(counts["states"]),
            str(counts["party"] + counts["pending"]),
            str(counts["signatory"]),
            str(counts["non-signatory"]),
            str(counts["I"]),
            str(counts["II"]),
            str(counts["III"]),
        )
    return Group(*lines, Text(""), regions)


class DashboardScreen(SectionScreen):
    SECTION = "dashboard"
    AUTO_FOCUS = "#due"
    BINDINGS = [Binding("x", "follow_up_done", "Follow-up done", id="dashboard.done")]

    def __init__(self):
        super().__init__()
        self._panels_loading: set[str] = set()
        self._reported = False

    def compose_body(self) -> ComposeResult:
        with Grid(id="dashboard"):
            yield Static(id="register", classes="panel")
            yield DataTable(id="campaigns", classes="panel", cursor_type="row", zebra_stripes=True)
            yield DataTable(id="due", classes="panel wide", cursor_type="row", zebra_stripes=True)
            yield DataTable(id="recent", classes="panel wide", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        today = self.app.source.today.isoformat()
        titles = {
            "register": f"Register as of {today}",
            "due": "Due",
            "recent": "Recent engagements",
            "campaigns": "Campaigns",
        }
        for panel, title in titles.items():
            widget = self.query_one(f"#{panel}")
            widget.border_title = title
            widget.loading = True
        self.query_one("#register").border_subtitle = self.app.source.display
        due = self.query_one("#due", DataTable)
        due.add_column("Date")
        due.add_column("What", width=22)
        due.add_column("With", width=20)
        due.add_column("Summary")
        recent = self.query_one("#recent", DataTable)
        recent.add_column("Date")
        recent.add_column("Kind", width=12)
        recent.add_column("With", width=20)
        recent.add_column("Summary")
        campaigns = self.query_one("#campaigns", DataTable)
        campaigns.add_column("Campaign", width=24)
        campaigns.add_column("Replied")
        campaigns.add_column("Rate")

    def reload(self) -> None:
        self._panels_loading = set(PANELS)
        # The frame first: the workers would otherwise hold the GIL while it is drawn.
        self.call_after_refresh(self._load_panels)

    def _load_panels(self) -> None:
        self.load_register()
        self.load_due()
        self.load_recent()
        self.load_campaigns()

    def _filled(self, panel: str) -> None:
        self.query_one(f"#{panel}").loading = False
        self._panels_loading.discard(panel)
        if not self._panels_loading and not self._reported:
            self._reported = True
            seconds = time.perf_counter() - self.app.started
            self.app.ready_seconds = seconds
            self.app.log.info(f"dashboard ready in {seconds:.3f} s")
            self.post_message(DashboardReady(seconds))

    # -- workers: each opens its own reader (sqlite3 connections stay in their thread)
    @work(thread=True, exclusive=True, group="dashboard-register")
    def load_register(self) -> None:
        today = self.app.source.today
        with reporting(self), self.app.source.register() as register:
            figures = register_figures(register, today)
            deliver(self, self._show_register, figures, today)

    def _show_register(self, figures: dict, today: date) -> None:
        self.query_one("#register", Static).update(render_register(figures))
        self._filled("register")

    @work(thread=True, exclusive=True, group="dashboard-due")
    def load_due(self) -> None:
        from ccmtui.reports.due import due

        today = self.app.source.today
        with reporting(self), self.app.source.register() as register:
            # What `ccm due` shows: follow-ups, replies long pending, treaty deadlines.
            found = due(register.reader, register, today, pending_days=REPLY_WAIT_DAYS, limit=DUE_LIMIT)
            index = index_of(self.app, register)
            rows = []
            for line in found.overdue_follow_ups:
                late = (today - line.follow_up_on).days
                what = f"Follow up, {late} days late" if late else "Follow up today"
                rows.append((f"f:{line.uuid}", line.follow_up_on, what, fmt.names(line.states, index, 2), line.summary))
            for line in found.upcoming_follow_ups:
                rows.append((f"f:{line.uuid}", line.follow_up_on, "Follow up", fmt.names(line.states, index, 2), line.summary))
            for reply in found.pending_replies:
                days = (today - reply.occurred_on).days
                rows.append((f"r:{reply.engagement_uuid}:{reply.iso3}", reply.occurred_on, f"No reply, {days} days", reply.name, reply.engagement_summary))
            for number, deadline in enumerate(found.deadlines):
                who = index.name(deadline.iso3) if deadline.iso3 and deadline.iso3 in index else "All parties"
                rows.append((f"d:{number}", deadline.on, f"Deadline ({deadline.article})", who, deadline.what))
            counts = (len(found.overdue_follow_ups), len(found.pending_replies), len(found.deadlines))
            deliver(self, self._show_due, rows, counts)

    def _show_due(self, rows: list, counts: tuple[int, int, int]) -> None:
        table = self.query_one("#due", DataTable)
        table.clear()
        for key, day, *cells in rows:
            table.add_row(fmt.day(day), *cells, key=key)
        overdue, waiting, deadlines = counts
        table.border_title = f"Due · {overdue} overdue · {waiting} unanswered > {REPLY_WAIT_DAYS} days · {deadlines} deadlines"
        if not rows:
            table.add_row("", "Nothing due", "", "")
        self._filled("due")

    @work(thread=True, exclusive=True, group="dashboard-recent")
    def load_recent(self) -> None:
        from ccmtui.reports.engagements import EngagementFilter, list_engagements

        today = self.app.source.today
        with reporting(self), self.app.source.register() as register:
            lines = list_engagements(register.reader, EngagementFilter(until=today, limit=RECENT_LIMIT))
            index = index_of(self.app, register)
            rows = [
                (line.uuid, fmt.day(line.occurred_on), fmt.kind(line.kind), fmt.names(line.states, index, 2), line.summary)
                for line in lines
            ]
            deliver(self, self._show_recent, rows)

    def _show_recent(self, rows: list) -> None:
        table = self.query_one("#recent", DataTable)
        table.clear()
        for key, *cells in rows:
            table.add_row(*cells, key=f"e:{key}")
        if not rows:
            table.add_row("", "None yet", "", "Press l to log one")
        self._filled("recent")

    @work(thread=True, exclusive=True, group="dashboard-campaigns")
    def load_campaigns(self) -> None:
        with reporting(self), self.app.source.reader() as reader:
            board = reader.rows("campaigns_all", area=None)
            rows = [(row.uuid, row.title, f"{row.replied or 0}/{row.targets}", fmt.rate(row.replied, row.targets)) for row in board]
            deliver(self, self._show_campaigns, rows)

    def _show_campaigns(self, rows: list) -> None:
        table = self.query_one("#campaigns", DataTable)
        table.clear()
        for key, *cells in rows:
            table.add_row(*cells, key=f"c:{key}")
        if not rows:
            table.add_row("No campaigns yet", "", "")
        self._filled("campaigns")

    @on(DataTable.RowSelected)
    def open_row(self, event: DataTable.RowSelected) -> None:
        key = event.row_key.value or ""
        kind, _, rest = key.partition(":")
        if kind in ("e", "f", "r"):
            self.app.open_engagement(rest.split(":")[0])
        elif kind == "c":
            self.app.open_campaign(rest)


    # -- marking a follow-up done, as `ccm done`
    def _highlighted_follow_up(self) -> str | None:
        table = self.query_one("#due", DataTable)
        if not table.has_focus or not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""
        return key[2:] if key.startswith("f:") else None

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "follow_up_done":
            return self._highlighted_follow_up() is not None or None
        return True

    @on(DataTable.RowHighlighted, "#due")
    def due_moved(self) -> None:
        self.refresh_bindings()

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def action_follow_up_done(self) -> None:
        uuid = self._highlighted_follow_up()
        if uuid:
            self.mark_done(uuid)

    @work(thread=True, exclusive=True, group="dashboard-done")
    def mark_done(self, uuid: str) -> None:
        from ccmtui.actions.journal import follow_up_done

        with reporting(self):
            with self.app.source.writing(f"follow-up done for engagement {uuid[:8]}") as writer:
                follow_up_done(writer, uuid)
            deliver(self, self._done, f"Follow-up of {uuid[:8]} done.")

    def _done(self, message: str) -> None:
        self.notify(message, title="Follow-up")
        self.app.post_message(DataChanged("follow-ups"))
