"""Frozen reports (`ccm report list|show|diff`): the reports kept as they were sent, each figure
explained with its rule, as-of date and states, and the diff with today's data, written as the
corrigendum. Opened from the Summary with D."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable as _DataTable
from textual.widgets import Static

from ccmtui.tui import format as fmt
from ccmtui.tui.screens.base import SectionScreen
from ccmtui.tui.widgets.literal_table import DataTable
from ccmtui.tui.workers import deliver, reporting


class FrozenReportsScreen(SectionScreen):
    """The frozen reports on top, the highlighted one's figures in the middle, and below either the
    highlighted figure's explanation or, after D, the report's diff with today (the corrigendum)."""

    SECTION = "summary"
    CSS_PATH = "frozen_reports.tcss"
    AUTO_FOCUS = "#frozen-table"
    BINDINGS = [
        Binding("escape,backspace", "app.pop_screen", "Back", id="frozen.back"),
        Binding("D", "toggle_diff", "Diff with today", id="frozen.diff"),
        Binding("W", "write_corrigendum", "Write the corrigendum…", id="frozen.write"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.reports: list = []
        self.figures: list = []
        self.showing_diff = False
        self.corrigendum: tuple[str, str] | None = None  # (report name, Markdown)

    def compose_body(self) -> ComposeResult:
        yield DataTable(id="frozen-table", cursor_type="row", zebra_stripes=True)
        yield DataTable(id="frozen-figures", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="frozen-detail", classes="panel"):
            yield Static(id="frozen-text")

    def on_mount(self) -> None:
        reports = self.query_one("#frozen-table", DataTable)
        for label, key in (("Name", "name"), ("Kind", "kind"), ("As of", "as_of"), ("Frozen", "frozen"), ("By", "by")):
            reports.add_column(label, key=key)
        reports.border_title = "Frozen reports"
        reports.loading = True
        figures = self.query_one("#frozen-figures", DataTable)
        for label, key in (("Figure", "id"), ("Value", "value"), ("What it counts", "label")):
            figures.add_column(label, key=key)
        figures.border_title = "Figures"
        self.query_one("#frozen-detail").border_title = "The figure explained"

    def reload(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="frozen")
    def load(self) -> None:
        from ccmtui.db.queries import Q

        with reporting(self), self.app.source.reader() as reader:
            deliver(self, self._show_reports, reader.rows(Q.frozen_reports))

    def _show_reports(self, rows: list) -> None:
        self.reports = rows
        table = self.query_one("#frozen-table", DataTable)
        table.clear()
        for row in rows:
            by = row.recorded_by or ""
            table.add_row(row.name, row.kind, fmt.day(row.as_of), fmt.day(row.created_at.date()), by, key=row.uuid)
        table.loading = False
        table.border_title = f"Frozen reports · {len(rows)}"
        table.border_subtitle = "ccm report list · D diff with today · W writes the corrigendum"
        self._show_figures()

    def current_report(self):
        table = self.query_one("#frozen-table", DataTable)
        if not self.reports or not 0 <= table.cursor_row < len(self.reports):
            return None
        return self.reports[table.cursor_row]

    def current_figure(self):
        table = self.query_one("#frozen-figures", DataTable)
        if not self.figures or not 0 <= table.cursor_row < len(self.figures):
            return None
        return self.figures[table.cursor_row]

    def on_data_table_row_highlighted(self, event: _DataTable.RowHighlighted) -> None:
        if event.data_table.id == "frozen-table":
            self.showing_diff = False
            self._show_figures()
        else:
            self._show_detail()

    def _show_figures(self) -> None:
        from ccmtui.reports.frozen import figures_from_json

        report = self.current_report()
        self.figures = figures_from_json(report.figures) if report is not None else []
        table = self.query_one("#frozen-figures", DataTable)
        table.clear()
        for figure in self.figures:
            table.add_row(figure.id, str(figure.value), figure.label, key=figure.id)
        table.border_title = f"Figures of {report.name} · {len(self.figures)}" if report else "Figures"
        table.border_subtitle = "the highlighted one explained below"
        self._show_detail()

    def _show_detail(self) -> None:
        from ccmtui.reports.frozen import explain

        panel = self.query_one("#frozen-detail")
        view = self.query_one("#frozen-text", Static)
        report = self.current_report()
        if report is None:
            panel.border_title = "The figure explained"
            view.update(
                "No frozen report yet: export a progress report or a quarterly summary with --freeze NAME "
                "(ccm report progress … --freeze NAME)."
            )
            return
        if self.showing_diff:
            panel.border_title = f"{report.name} against the data today"
            if self.corrigendum is None or self.corrigendum[0] != report.name:
                view.update(Text("Comparing with the data today…", style="dim"))
            else:
                view.update(Text(self.corrigendum[1]))
            return
        figure = self.current_figure()
        panel.border_title = "The figure explained"
        view.update(Text(explain(figure, every=True)) if figure else "")

    def action_toggle_diff(self) -> None:
        report = self.current_report()
        if report is None:
            self.notify("No frozen report highlighted.", title="Frozen reports")
            return
        self.showing_diff = not self.showing_diff
        if self.showing_diff:
            self.corrigendum = None
            self.compare(report)
        self._show_detail()

    @work(thread=True, exclusive=True, group="frozen-diff")
    def compare(self, report) -> None:
        from ccmtui.reports.frozen_figures import compare_with_today

        with reporting(self, title="Not compared"), self.app.source.register() as register:
            _changes, text = compare_with_today(register.reader, register, report)
            deliver(self, self._compared, report.name, text)

    def _compared(self, name: str, text: str) -> None:
        self.corrigendum = (name, text)
        self._show_detail()

    def action_write_corrigendum(self) -> None:
        from ccmtui.tui.dialogs.corrigendum import CorrigendumDialog

        report = self.current_report()
        if report is None:
            self.notify("No frozen report highlighted.", title="Frozen reports")
            return
        self.app.push_screen(CorrigendumDialog(report))
