"""The dashboard: the register's figures today and over the years, what is due, the next
milestones of my area, recent engagements, campaigns and their reply rates.

The figures are usually in the first frame: `ccm tui` starts reading them before the app has
even loaded (see `dashboard_data`). Otherwise the frame shows at once and fills in from a worker.
"""

from __future__ import annotations

import time

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Static

from ccmtui.domain.areas import AREAS
from ccmtui.domain.treaty import Status
from ccmtui.tui import format as fmt
from ccmtui.tui.dashboard_data import DUE_LIMIT, REPLY_WAIT_DAYS, DashboardData, load_dashboard
from ccmtui.tui.messages import DashboardReady, DataChanged
from ccmtui.tui.screens.base import SectionScreen
from ccmtui.tui.widgets.charts import YearChart, share_bar
from ccmtui.tui.widgets.literal_table import DataTable, literal_content
from ccmtui.tui.widgets.next_panel import NextPanel
from ccmtui.tui.workers import deliver, reporting

PANELS = ("register", "parties-chart", "due", "milestones", "recent", "campaigns")
# The first frame with the figures waits (this long at most) for the tables to fit their columns
# to the widths the layout gave them, for their rows to be measured and for the "Contact next"
# ranking (when wide enough to show it): drawn before, the tables and their scroll bars are
# drawn again, frame after frame.
FIRST_FRAME_HOLD = 0.2
# Meanwhile the screen looks again this often, rather than at Textual's frame rate (1/60 s): the
# tables fit themselves over several layouts, each of which would otherwise wait for a frame.
FIRST_FRAME_PERIOD = 0.002
MILESTONE_STYLE = {"planned": "", "in-progress": "cyan", "slipped": "yellow"}


def render_register(figures: dict) -> Group:
    status, category = figures["status"], figures["category"]
    parties, pending = status[Status.PARTY], status[Status.PENDING]
    not_party = figures["total"] - parties - pending

    def figure(label: str, value: int, last: bool = False) -> tuple:
        return (f"{label} ", "dim"), (str(value), "bold"), ("" if last else "  ·  ")

    lines = [
        Text.assemble(
            ("States Parties ", "dim"),
            (str(parties + pending), "bold green"),
            f"  ({parties} in force, {pending} pending)",
        ),
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
    BINDINGS = [Binding("X", "follow_up_done", "Follow-up done", id="dashboard.done")]

    def __init__(self):
        super().__init__()
        self._reported = False
        self._follow_up_shown = False
        self._figures_drawn = False  # the first frame with the figures is on the terminal
        self._laying_out = False
        self._layouts = 0  # layouts of the screen so far
        self._quiet_state: tuple | None = None
        self._announced = False
        self._held_since: float | None = None
        self._wake_pending = False
        self._first_frame_timer: Timer | None = None

    @property
    def _update_timer(self) -> Timer:
        # Textual's own timer of screen updates, but a quicker one while the first frame is held.
        if not self._reported or self._figures_drawn or not self._may_hold():
            return super()._update_timer
        if self._first_frame_timer is None:
            self._first_frame_timer = self.set_interval(
                FIRST_FRAME_PERIOD, self._on_timer_update, name="first_frame_update", pause=True
            )
        return self._first_frame_timer

    # Textual's own steps, followed: a layout of the screen, and drawing what changed.
    def _refresh_layout(self, *args, **kwargs) -> None:
        self._laying_out = True
        self._layouts += 1
        try:
            super()._refresh_layout(*args, **kwargs)
        finally:
            self._laying_out = False

    def _compositor_refresh(self) -> None:
        if self._reported and not self._figures_drawn:
            try:
                holding = self._holding()
            except Exception:  # a Textual whose insides differ: drawn at once, as it would be
                holding = False
            if holding:
                if not self._wake_pending:  # looked at again, even if nothing else asks
                    self._wake_pending = True
                    self.set_timer(0.005, self._wake)
                return
            self._figures_drawn = True
            if self._first_frame_timer is not None:  # Textual's own timer from now on
                self.call_next(self._first_frame_timer.stop)
                # Started now: a timer's first tick waits a whole frame, and the first key should not.
                super()._update_timer.resume()
        super()._compositor_refresh()
        if self._figures_drawn and not self._announced and self.app.ready_seconds is not None:
            self._announced = True  # the figures are on the terminal
            self.post_message(DashboardReady(self.app.ready_seconds))

    def _holding(self) -> bool:
        """Whether the first frame with the figures waits: a panel is still fitting itself to them,
        or the widgets are still asking to be drawn again (each has its own queue). It is drawn
        once a refresh finds no layout and no widget asking since the one before. (Loading
        indicators, when the figures are slow to come, are drawn at once.)"""
        self._held_since = self._held_since or time.perf_counter()
        if not self._may_hold():
            return False
        state = (len(self._dirty_widgets), self._layouts)
        if self._laying_out or self._settling():
            self._quiet_state = None
            return True
        quiet, self._quiet_state = state == self._quiet_state, state
        return not quiet

    def _may_hold(self) -> bool:
        return self._held_since is None or time.perf_counter() - self._held_since < FIRST_FRAME_HOLD

    def _on_screen_suspend(self) -> None:
        # Left before its figures were drawn: what waits for them starts now (with the
        # section screens' own handlers, which Textual calls too).
        self.app.after_start()

    def _wake(self) -> None:
        self._wake_pending = False
        if not self._figures_drawn:
            self.refresh()

    def _settling(self) -> bool:
        """Whether a panel is still fitting itself to the figures; a table laid out anew (a scroll
        bar came with its rows) fits its flexible column now."""
        # A layout asked for since the last one (a table's new width or extent) comes first.
        ranking = self.query_one("#next-panel", NextPanel)
        settling = bool(self._layout_widgets) or (ranking.display and not ranking.loaded)
        for table in self.query(DataTable):
            if not table.display:
                continue
            changed = table.measure_now()
            if not table.fitted and table.size.width:
                table._fit_pending = False
                table.fit_flex()
                changed = table.measure_now() or changed  # the new width: the extent the next layout takes
            settling = settling or changed or not table.fitted
        return settling

    def compose_body(self) -> ComposeResult:
        with Vertical(id="dashboard"):
            with Horizontal(id="dashboard-top"):
                yield Static(id="register", classes="panel")
                yield YearChart(id="parties-chart", classes="panel")
                yield NextPanel(id="next-panel", classes="panel")
            with Horizontal(classes="dashboard-row"):
                yield DataTable(id="due", classes="panel main", cursor_type="row", zebra_stripes=True)
                yield DataTable(id="milestones", classes="panel side", cursor_type="row", zebra_stripes=True)
            with Horizontal(classes="dashboard-row"):
                yield DataTable(id="recent", classes="panel main", cursor_type="row", zebra_stripes=True)
                yield DataTable(id="campaigns", classes="panel side", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        today = self.app.source.today.isoformat()
        area = self.app.source.config.get("area")
        titles = {
            "register": f"Register as of {today}",
            "parties-chart": "States Parties, year by year",
            "due": "Due",
            "milestones": f"Next milestones · {AREAS[area]}" if area in AREAS else "Next milestones",
            "recent": "Recent engagements",
            "campaigns": "Campaigns",
        }
        for panel, title in titles.items():
            self.query_one(f"#{panel}").border_title = title
        self.query_one("#register").border_subtitle = literal_content(self.app.source.display)
        columns = {
            "due": (("Date", None), ("What", 22), ("With", 16), ("Summary", None)),
            "milestones": (("Due", None), ("Milestone", None)),
            "recent": (("Date", None), ("Kind", 10), ("With", 18), ("Summary", None)),
            "campaigns": (("Campaign", 16), ("Replied", None), ("Rate", None)),
        }
        for panel, headings in columns.items():
            table = self.query_one(f"#{panel}", DataTable)
            for heading, width in headings:
                table.add_column(heading, width=width)
            table.flex = {"due": "Summary", "milestones": "Milestone", "recent": "Summary", "campaigns": "Campaign"}[
                panel
            ]

    def reload(self) -> None:
        early = self.app.take_early_dashboard()
        if early is not None:
            failed = False
            try:
                data = early.wait(early.FIRST_FRAME_WAIT)
            except Exception:
                data, failed = None, True  # the worker reports it
            # The ranking read after the figures; after a failure, read afresh.
            self.query_one("#next-panel", NextPanel).refresh_ranking(None if failed else early)
            if data is not None:
                # Read while the app started: in the first frame.
                self._show(data)
                return
        else:
            self.query_one("#next-panel", NextPanel).refresh_ranking()
        for panel in PANELS:
            self.query_one(f"#{panel}").loading = True
        # The frame first: the worker would otherwise hold the GIL while it is drawn.
        self.call_after_refresh(self.load, early)

    @work(thread=True, exclusive=True, group="dashboard")
    def load(self, early=None) -> None:
        with reporting(self):
            data = early.wait() if early is not None else load_dashboard(self.app.source)
            deliver(self, self._show, data)

    def _show(self, data: DashboardData) -> None:
        if self.app.index is None:
            self.app.index = data.index
        self.query_one("#register", Static).update(render_register(data.register))
        chart = self.query_one("#parties-chart", YearChart)
        chart.show(data.parties_by_year)
        if data.parties_by_year:
            _, parties = data.parties_by_year[-1]
            chart.border_subtitle = f"{parties} on {data.today.isoformat()}"
        self._show_due(data.due, data.due_counts)
        self._show_milestones(data.milestones)
        self._show_recent(data.recent)
        self._show_campaigns(data.campaigns, data.campaigns_total)
        for panel in PANELS:
            self.query_one(f"#{panel}").loading = False
        if not self._reported:
            self._reported = True
            seconds = time.perf_counter() - self.app.started
            self.app.ready_seconds = seconds
            self.app.log.info(f"dashboard ready in {seconds:.3f} s")

    def _show_due(self, rows: list, counts: tuple[int, int, int]) -> None:
        table = self.query_one("#due", DataTable)
        table.clear()
        for key, day, *cells in rows:
            table.add_row(fmt.day(day), *cells, key=key)
        overdue, waiting, deadlines = (f"{count:,}" for count in counts)
        table.border_title = (
            f"Due · {overdue} overdue · {waiting} unanswered > {REPLY_WAIT_DAYS} days · {deadlines} deadlines"
        )
        table.border_subtitle = "newest first · u: all of them" if len(rows) >= DUE_LIMIT else ""
        if not rows:
            table.add_row("", "Nothing due", "", "")

    def _show_milestones(self, rows: list) -> None:
        table = self.query_one("#milestones", DataTable)
        table.clear()
        for key, due, status, title, overdue in rows:
            when = Text(due, style="bold red" if overdue else "")
            table.add_row(when, Text(title, style=MILESTONE_STYLE.get(status, "")), key=f"m:{key}")
        if not rows:
            area = self.app.source.config.get("area")
            table.add_row("", f"None open in {AREAS[area]}" if area in AREAS else "None open")

    def _show_recent(self, rows: list) -> None:
        table = self.query_one("#recent", DataTable)
        table.clear()
        for key, day, *cells in rows:
            table.add_row(fmt.day(day), *cells, key=f"e:{key}")
        if not rows:
            table.add_row("", "None yet", "", "Press l to log one")

    def _show_campaigns(self, rows: list, total: int) -> None:
        table = self.query_one("#campaigns", DataTable)
        table.clear()
        for key, title, replied, targets in rows:
            rate = Text.assemble((share_bar(replied, targets, 5), "cyan"), f" {fmt.rate(replied, targets):>4}")
            table.add_row(title, f"{replied}/{targets}", rate, key=f"c:{key}")
        if not rows:
            table.add_row("No campaigns yet", "", "")
        more = f" · the latest {len(rows)} of {total}" if total > len(rows) else ""
        table.border_title = f"Campaigns{more}"

    @on(DataTable.RowSelected)
    def open_row(self, event: DataTable.RowSelected) -> None:
        key = event.row_key.value or ""
        kind, _, rest = key.partition(":")
        if kind in ("e", "f", "r"):
            self.app.open_engagement(rest.split(":")[0])
        elif kind == "c":
            self.app.open_campaign(rest)
        elif kind == "m":
            self.app.action_go("workplan")

    # -- marking a follow-up done, as `ccm done`
    def _highlighted_follow_up(self) -> str | None:
        table = next(iter(self.query("#due").results(DataTable)), None)  # None while composing
        if table is None or not table.has_focus or not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""
        return key[2:] if key.startswith("f:") else None

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "follow_up_done":
            return self._highlighted_follow_up() is not None or None
        return True

    @on(DataTable.RowHighlighted, "#due")
    def due_moved(self) -> None:
        self._follow_up_binding_changed()

    def on_descendant_focus(self) -> None:
        self._follow_up_binding_changed()

    def _follow_up_binding_changed(self) -> None:
        # The footer redraws itself on every refresh: only when the binding comes or goes.
        available = self._highlighted_follow_up() is not None
        if available != self._follow_up_shown:
            self._follow_up_shown = available
            self.refresh_bindings()

    def action_follow_up_done(self) -> None:
        uuid = self._highlighted_follow_up()
        if uuid:
            self.mark_done(uuid)

    @work(thread=True, exclusive=True, group="dashboard-done")
    def mark_done(self, uuid: str) -> None:
        from ccmtui.actions.journal import mark_follow_up_done

        source = self.app.source
        with reporting(self), source.reader() as reader:
            deliver(self, self._done, mark_follow_up_done(reader, source.writing, engagement=uuid).message)

    def _done(self, message: str) -> None:
        self.notify(message, title="Follow-up")
        self.app.post_message(DataChanged("follow-ups"))
