"""Where the next accession may come from: momentum by grouping, and who to contact next.

The same figures as `ccm momentum` and `ccm next`, reached from the States screen (`M`, `P`).
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from ccmtui.reports.render_momentum import bar
from ccmtui.textsafe import literal
from ccmtui.tui import format as fmt
from ccmtui.tui.screens.base import SectionScreen
from ccmtui.tui.widgets.charts import YearChart
from ccmtui.tui.widgets.literal_table import DataTable
from ccmtui.tui.workers import deliver, reporting


class MomentumScreen(SectionScreen):
    """Each grouping's share of states joined, its change since the last meeting, and the
    holdouts of the highlighted grouping with their category, reasons, last contact and latest
    vote on the General Assembly's resolution on the Convention; beside them, a chart of its
    members joined year by year since 2008."""

    SECTION = "states"
    CSS_PATH = "universalization.tcss"
    AUTO_FOCUS = "#momentum-table"
    BINDINGS = [
        Binding("escape,backspace", "app.pop_screen", "Back", id="momentum.back"),
        Binding("B", "switch_by", "Groupings / regions", id="momentum.by"),
        Binding("enter", "open_state", "Open state", show=False, id="momentum.open"),
    ]

    def __init__(self):
        super().__init__()
        self.by = "grouping"
        self.report = None
        self.years: dict[str, list[tuple[int, int]]] = {}

    def compose_body(self) -> ComposeResult:
        yield DataTable(id="momentum-table", classes="panel", cursor_type="row", zebra_stripes=True)
        with Horizontal(id="momentum-below"):
            yield DataTable(id="holdouts-table", classes="panel", cursor_type="row", zebra_stripes=True)
            yield YearChart(id="momentum-chart", classes="panel")

    def on_mount(self) -> None:
        table = self.query_one("#momentum-table", DataTable)
        for heading in ("Grouping", "Joined", "Share", "", "Change", "Newly joined"):
            table.add_column(heading, key=heading or "bar")
        holdouts = self.query_one("#holdouts-table", DataTable)
        for heading in ("State", "Status", "Cat.", "Reasons", "Last contact", "UNGA vote"):
            holdouts.add_column(heading, key=heading)
        table.loading = True

    def reload(self) -> None:
        self.load(self.by)

    @work(thread=True, exclusive=True, group="momentum")
    def load(self, by: str) -> None:
        from ccmtui.reports.momentum import joined_by_year, momentum
        from ccmtui.reports.summary.common import resolve_period

        with reporting(self), self.app.source.register() as register:
            period = resolve_period(register, self.app.source.today, None)
            report = momentum(
                register,
                as_of=period.as_of,
                since=period.since,
                since_label=period.since_label,
                by=by,
                holdouts=True,
            )
            years = joined_by_year(register, report.rows, as_of=period.as_of, by=by)
            deliver(self, self._show, report, years)

    def _show(self, report, years: dict[str, list[tuple[int, int]]] | None = None) -> None:
        self.report = report
        self.years = years or {}
        table = self.query_one("#momentum-table", DataTable)
        table.clear()
        report.rows.sort(key=lambda r: (-r.share, r.code))
        for row in report.rows:
            change = Text(f"{row.change:+.1f} pts", style="green" if row.change > 0 else "")
            table.add_row(
                row.code if report.by == "grouping" else row.name,
                f"{row.joined}/{row.members}",
                f"{row.share:.0%}",
                Text(bar(row.share), style="green"),
                change,
                ", ".join(row.newly_joined) or "—",
                key=row.code,
            )
        table.loading = False
        table.border_title = f"Momentum by {report.by} · {fmt.day(report.as_of)}"
        table.border_subtitle = f"change since {report.since_label}"
        self._show_holdouts(0)

    @on(DataTable.RowHighlighted, "#momentum-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_holdouts(event.cursor_row)

    def _show_holdouts(self, index: int) -> None:
        holdouts = self.query_one("#holdouts-table", DataTable)
        holdouts.clear()
        if not self.report or index >= len(self.report.rows):
            return
        row = self.report.rows[index]
        for h in row.holdouts:
            holdouts.add_row(
                h.name,
                h.status,
                h.category or "—",
                " ".join(h.reasons) or "—",
                fmt.day(h.last_contact) or "never",
                h.unga_vote.short() if h.unga_vote else "—",
                key=h.iso3,
            )
        holdouts.border_title = f"{row.name}: {len(row.holdouts)} not yet joined"
        chart = self.query_one("#momentum-chart", YearChart)
        chart.show(self.years.get(row.code, []))
        chart.border_title = f"{row.code if self.report.by == 'grouping' else row.name}: joined, year by year"
        chart.border_subtitle = f"{row.joined} of {row.members} on {fmt.day(self.report.as_of)}"

    def action_switch_by(self) -> None:
        self.by = "region" if self.by == "grouping" else "grouping"
        self.query_one("#momentum-table", DataTable).loading = True
        self.load(self.by)

    def selected_state(self) -> str | None:
        holdouts = self.query_one("#holdouts-table", DataTable)
        if holdouts.row_count and holdouts.has_focus:
            return holdouts.coordinate_to_cell_key(holdouts.cursor_coordinate).row_key.value
        return None

    @on(DataTable.RowSelected, "#holdouts-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.app.open_state(event.row_key.value)

    def action_open_state(self) -> None:
        iso3 = self.selected_state()
        if iso3:
            self.app.open_state(iso3)


def because_text(candidate, limit: int = 3) -> str:
    return "; ".join(why for _, why in candidate.because[:limit])


class NextScreen(SectionScreen):
    """`ccm next` in the app: the states not yet party, ranked, each with the reasons behind it."""

    SECTION = "states"
    CSS_PATH = "universalization.tcss"
    AUTO_FOCUS = "#next-table"
    BINDINGS = [Binding("escape,backspace", "app.pop_screen", "Back", id="next.back")]

    def compose_body(self) -> ComposeResult:
        yield DataTable(id="next-table", classes="panel", cursor_type="row", zebra_stripes=True)
        yield Static(id="next-because", classes="panel")

    def on_mount(self) -> None:
        table = self.query_one("#next-table", DataTable)
        for heading in ("#", "State", "Status", "Cat.", "Score", "Because"):
            table.add_column(heading, key=heading)
        table.loading = True
        self.ranked: list = []

    def reload(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="next")
    def load(self) -> None:
        from ccmtui.config import category_max_age
        from ccmtui.reports.next_contacts import rank_next

        config = self.app.source.config
        with reporting(self), self.app.source.register() as register:
            ranked = rank_next(register, today=self.app.source.today, config=config, max_age=category_max_age(config))
            deliver(self, self._show, ranked)

    def _show(self, ranked: list) -> None:
        self.ranked = ranked
        table = self.query_one("#next-table", DataTable)
        table.clear()
        for c in ranked:
            table.add_row(
                str(c.rank), c.name, c.status, c.category or "—", f"{c.score:.1f}", because_text(c, 2), key=c.iso3
            )
        table.loading = False
        table.border_title = f"Who to contact next · {len(ranked)} states not yet party"
        self._explain(0)

    @on(DataTable.RowHighlighted, "#next-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._explain(event.cursor_row)

    def _explain(self, index: int) -> None:
        panel = self.query_one("#next-because", Static)
        if index >= len(self.ranked):
            panel.update("")
            return
        c = self.ranked[index]
        lines = [literal(f"{c.rank}. {c.name}: {c.score:.1f}", "bold", lines=False)]
        lines += [literal(f"+{points:.1f}  {why}", lines=False) for points, why in c.because]
        panel.update(Text("\n").join(lines))
        panel.border_title = "Because"

    def selected_state(self) -> str | None:
        table = self.query_one("#next-table", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    @on(DataTable.RowSelected, "#next-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.app.open_state(event.row_key.value)
