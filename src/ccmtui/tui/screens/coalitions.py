"""Country coalitions (`ccm coalition board` and `show`): the board, the highlighted coalition's
detail below it, and dialogs to add a need (`N`), an activity (`A`) or a partner (`P`)."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ccmtui.db.queries import Q
from ccmtui.domain.coalitions import money
from ccmtui.tui.screens.base import SectionScreen
from ccmtui.tui.widgets.virtual_table import Column, LocalRows, Row, VirtualTable
from ccmtui.tui.workers import deliver, reporting

COLUMNS = (
    Column("Affected state", 16),
    Column("Lead donor", 16),
    Column("Partners"),
    Column("Open", 5),
    Column("Needed", 18),
    Column("Funding", 16),
)


def board_row(number: int, line) -> Row:
    needed = money(line.needed) or ("not known" if line.needs_unpriced else "–")
    return Row(
        line.uuid,
        (
            line.state + (" *" if line.illustrative else ""),
            ", ".join(line.lead_donors) or "–",
            ", ".join(line.partners) or "–",
            str(line.open_needs),
            needed,
            money(line.funded) or "–",
        ),
    )


class CoalitionsScreen(SectionScreen):
    SECTION = "summary"
    CSS_PATH = "coalitions.tcss"
    AUTO_FOCUS = "#coalition-board"
    BINDINGS = [
        Binding("escape,backspace", "app.pop_screen", "Back", id="coalitions.back"),
        Binding("N", "add('need')", "Need…", id="coalitions.need"),
        Binding("A", "add('activity')", "Activity…", id="coalitions.activity"),
        Binding("P", "add('partner')", "Partner…", id="coalitions.partner"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.lines: list = []

    def compose_body(self) -> ComposeResult:
        yield VirtualTable(COLUMNS, id="coalition-board", classes="panel")
        with VerticalScroll(id="coalition-detail-scroll", classes="panel"):
            yield Static(id="coalition-detail", markup=False)

    def on_mount(self) -> None:
        self.query_one("#coalition-board").loading = True
        scroll = self.query_one("#coalition-detail-scroll")
        scroll.border_title = "Coalition"
        scroll.border_subtitle = "ccm coalition show"

    def reload(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="coalitions")
    def load(self) -> None:
        from ccmtui.reports.coalitions import board

        with reporting(self), self.app.source.register() as register:
            deliver(self, self._show, board(register.reader))

    def _show(self, lines: list) -> None:
        self.lines = lines
        table = self.query_one("#coalition-board", VirtualTable)
        table.show(LocalRows(lines, board_row), keep_cursor=True)
        table.loading = False
        marked = " · * illustrative in part" if any(line.illustrative for line in lines) else ""
        table.border_title = f"Country coalitions · {len(lines)}{marked}"
        table.border_subtitle = "N need · A activity · P partner"
        if not lines:
            self.query_one("#coalition-detail", Static).update(
                "No coalitions yet. Start one with `ccm coalition new STATE --lead DONOR`."
            )
        else:
            self.detail(self.lines[min(max(table.cursor, 0), len(lines) - 1)].uuid)

    @on(VirtualTable.RowHighlighted, "#coalition-board")
    def highlighted_changed(self, event: VirtualTable.RowHighlighted) -> None:
        self.detail(event.key)

    @work(thread=True, exclusive=True, group="coalition-detail")
    def detail(self, uuid: str) -> None:
        with reporting(self), self.app.source.register() as register:
            from ccmtui.reports.coalitions import detail_lines

            found = register.reader.rows(Q.coalitions, coalition=uuid)
            if not found:
                return
            text = "\n".join(detail_lines(register.reader, found[0], ids=False))
            deliver(self, self.query_one("#coalition-detail", Static).update, text)

    def highlighted(self):
        table = self.query_one("#coalition-board", VirtualTable)
        if self.lines and 0 <= table.cursor < len(self.lines):
            return self.lines[table.cursor]
        return None

    def action_add(self, kind: str) -> None:
        from ccmtui.tui.dialogs.coalition import CoalitionDialog

        line = self.highlighted()
        if line is None:
            self.notify("Start a coalition first: ccm coalition new STATE --lead DONOR.", title="No coalition")
            return
        self.app.push_screen(CoalitionDialog(kind, line.uuid, line.name))
