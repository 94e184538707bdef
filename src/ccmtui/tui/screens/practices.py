"""Stockpile destruction practices (Art. 3(2)), as `ccm practice list` gives them: by method and state,
the highlighted one's cost, safety measures, environmental impact, efficiency and source below."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Select, Static

from ccmtui.domain.practices import METHODS
from ccmtui.textsafe import literal
from ccmtui.tui.records import RecordKeys, record_bindings
from ccmtui.tui.screens.base import SectionScreen
from ccmtui.tui.widgets.virtual_table import Column, LocalRows, Row, VirtualTable
from ccmtui.tui.workers import deliver, reporting

COLUMNS = (Column("State", 18), Column("Method", 30), Column("Year", 4), Column("Cost per unit", 14), Column("Source"))


def practice_row(number: int, row) -> Row:
    from ccmtui.reports.practices import cost

    method = METHODS[row.method] + (" (illustrative)" if row.illustrative else "")
    return Row(row.uuid, (row.name, method, str(row.year or ""), cost(row), row.source or row.document or ""))


def details(row) -> str:
    """The highlighted practice in full, 'the public record is silent' where it gives nothing."""
    from ccmtui.reports.practices import SILENT, cost

    lines = [
        f"{row.name} · {METHODS[row.method]}" + (f" · {row.year}" if row.year else ""),
        f"Cost per unit: {cost(row) or SILENT}",
        f"Safety measures: {row.safety or SILENT}",
        f"Environmental impact: {row.environment or SILENT}",
        f"Efficiency: {row.efficiency or SILENT}",
        f"Source: {row.source or SILENT}" + (f" · document {row.document}" if row.document else ""),
    ]
    if row.notes:
        lines.append(f"Notes: {row.notes}")
    return "\n".join(lines)


class PracticesScreen(RecordKeys, SectionScreen):
    SECTION = "summary"
    CSS_PATH = "practices.tcss"
    AUTO_FOCUS = "#practices-table"
    BINDINGS = [
        Binding("escape,backspace", "app.pop_screen", "Back", id="practices.back"),
        Binding("N", "new_practice", "Record…", id="practices.new"),
        Binding("slash", "focus_filter", "Method and state", key_display="/", id="practices.filter"),
        *record_bindings("practices"),
    ]
    NOTHING_HIGHLIGHTED = "Highlight a practice first."

    def __init__(self) -> None:
        super().__init__()
        self.rows: list = []

    def compose_body(self) -> ComposeResult:
        with Horizontal(classes="filters"):
            yield Select(
                [(label, code) for code, label in METHODS.items()],
                prompt="Every method",
                id="practices-method",
                compact=True,
            )
            yield Input(placeholder="State: code or name (all states)", id="practices-state", compact=True)
        yield VirtualTable(COLUMNS, id="practices-table", classes="panel")
        with VerticalScroll(id="practices-details", classes="panel"):
            yield Static(id="practice")

    def on_mount(self) -> None:
        self.query_one("#practices-table").loading = True

    def reload(self) -> None:
        method = self.query_one("#practices-method", Select).value
        chosen = None if method == Select.NULL else str(method)
        self.load(chosen, self.query_one("#practices-state", Input).value.strip())

    @on(Select.Changed, "#practices-method")
    def method_changed(self) -> None:
        self.reload()

    @on(Input.Submitted, "#practices-state")
    def state_changed(self) -> None:
        self.reload()
        self.query_one("#practices-table").focus()

    @work(thread=True, exclusive=True, group="practices")
    def load(self, method: str | None, state: str) -> None:
        from ccmtui.reports.practices import practices

        with reporting(self), self.app.source.register() as register:
            iso3 = register.index.resolve(state) if state else None
            rows = practices(register.reader, method, iso3)
            deliver(self, self._show, rows, register.index.name(iso3) if iso3 else None)

    def _show(self, rows: list, state: str | None) -> None:
        self.rows = rows
        table = self.query_one("#practices-table", VirtualTable)
        table.show(LocalRows(rows, practice_row))
        table.loading = False
        table.border_title = f"Best practices{' · ' + state if state else ''} · {len(rows)} recorded"
        table.border_subtitle = "ccm practice list · N records one more"
        self._detail(table.cursor)

    @on(VirtualTable.RowHighlighted, "#practices-table")
    def highlighted_changed(self, event: VirtualTable.RowHighlighted) -> None:
        self._detail(event.index)

    def _detail(self, index: int) -> None:
        box = self.query_one("#practices-details")
        text = details(self.rows[index]) if self.rows and 0 <= index < len(self.rows) else "No practice recorded."
        self.query_one("#practice", Static).update(literal(text))
        box.border_title = "Practice"

    def highlighted_record(self) -> str | None:
        table = self.query_one("#practices-table", VirtualTable)
        if self.rows and 0 <= table.cursor < len(self.rows):
            return self.rows[table.cursor].uuid
        return None

    def action_focus_filter(self) -> None:
        self.query_one("#practices-method").focus()

    def action_new_practice(self) -> None:
        from ccmtui.tui.dialogs.practice import PracticeDialog

        self.app.push_screen(PracticeDialog(self.query_one("#practices-state", Input).value.strip()))
