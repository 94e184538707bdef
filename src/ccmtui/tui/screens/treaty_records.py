"""A state's Convention records, every state at once, as the `ccm … list` commands give them:
obligations and their extensions, retention, Art. 7 reports and forms, national measures,
cooperation and meetings; `N` records one more, `U` updates an obligation."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Select

from ccmtui.tui.records import RecordKeys, record_bindings
from ccmtui.tui.screens.base import SectionScreen
from ccmtui.tui.treaty_kinds import BY_KEY, KINDS
from ccmtui.tui.widgets.virtual_table import LocalRows, Row, VirtualTable
from ccmtui.tui.workers import deliver, reporting


class TreatyRecordsScreen(RecordKeys, SectionScreen):
    SECTION = "summary"
    CSS_PATH = "treaty_records.tcss"
    AUTO_FOCUS = "#treaty-table"
    BINDINGS = [
        Binding("escape,backspace", "app.pop_screen", "Back", id="treaty.back"),
        Binding("N", "new_record", "Record…", id="treaty.new"),
        Binding("U", "update_record", "Update…", id="treaty.update"),
        Binding("left_square_bracket", "move(-1)", "Previous kind", key_display="[", id="treaty.previous"),
        Binding("right_square_bracket", "move(1)", "Next kind", key_display="]", id="treaty.next"),
        Binding("slash", "focus_filter", "Kind and state", key_display="/", id="treaty.filter"),
        *record_bindings("treaty", show=False),
    ]

    def __init__(self, kind: str = "obligations") -> None:
        super().__init__()
        self.kind = BY_KEY[kind]
        self.rows: list = []

    def compose_body(self) -> ComposeResult:
        with Horizontal(classes="filters"):
            yield Select(
                [(kind.title, kind.key) for kind in KINDS],
                value=self.kind.key,
                allow_blank=False,
                id="treaty-kind",
                compact=True,
            )
            yield Input(placeholder="State: code or name (all states)", id="treaty-state", compact=True)
        yield VirtualTable(self.kind.columns, id="treaty-table", classes="panel")

    def on_mount(self) -> None:
        self.query_one("#treaty-table").loading = True

    def reload(self) -> None:
        self.load(self.kind.key, self.query_one("#treaty-state", Input).value.strip())

    @on(Select.Changed, "#treaty-kind")
    def kind_changed(self, event: Select.Changed) -> None:
        if str(event.value) != self.kind.key:
            self.kind = BY_KEY[str(event.value)]
            self.refresh_bindings()
            self.reload()

    @on(Input.Submitted, "#treaty-state")
    def state_changed(self) -> None:
        self.reload()
        self.query_one("#treaty-table").focus()

    @work(thread=True, exclusive=True, group="treaty-records")
    def load(self, key: str, state: str) -> None:
        kind = BY_KEY[key]
        with reporting(self), self.app.source.register() as register:
            chosen = register.index.resolve(state) if state else None
            params = {"article": None} if kind.key == "obligations" else {}
            found = kind.read(register.reader) if kind.read else register.reader.rows(kind.query, **params)
            rows = [r for r in found if chosen is None or getattr(r, "iso3", chosen) == chosen]
            deliver(self, self._show, kind, rows, register.index.name(chosen) if chosen else None)

    def _show(self, kind, rows: list, state: str | None) -> None:
        self.rows = rows
        table = self.query_one("#treaty-table", VirtualTable)
        same = table.columns == kind.columns
        table.columns = kind.columns  # each kind has its columns
        table.show(LocalRows(rows, lambda i, r: Row(getattr(r, "uuid", str(i)), kind.cells(r))), keep_cursor=same)
        table.loading = False
        counted = "found" if kind.read else "recorded"
        table.border_title = f"{kind.title}{' · ' + state if state else ''} · {len(rows)} {counted}"
        table.border_subtitle = kind.command + (" · N records one more" if kind.form or kind.key == "meetings" else "")

    def action_move(self, step: int) -> None:
        keys = [kind.key for kind in KINDS]
        chosen = self.query_one("#treaty-kind", Select)  # its value moves at once; the kind when it is read
        chosen.value = keys[(keys.index(str(chosen.value)) + step) % len(keys)]

    def action_focus_filter(self) -> None:
        self.query_one("#treaty-kind").focus()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "update_record":
            return self.kind.update is not None
        return True

    def highlighted(self):
        table = self.query_one("#treaty-table", VirtualTable)
        if self.rows and 0 <= table.cursor < len(self.rows):
            return self.rows[table.cursor]
        return None

    def highlighted_record(self) -> str | None:
        row = self.highlighted()
        return getattr(row, "uuid", None)

    def action_new_record(self) -> None:
        if self.kind.form is None and self.kind.key != "meetings":
            self.notify("Nothing to record here: record the report's forms in Art. 7 forms.", title=self.kind.title)
            return
        if self.kind.key == "meetings":
            from ccmtui.tui.dialogs.meeting import MeetingDialog

            self.app.push_screen(MeetingDialog())
            return
        from ccmtui.tui.dialogs.treaty_record import TreatyRecordDialog

        state = self.query_one("#treaty-state", Input).value.strip()
        self.app.push_screen(TreatyRecordDialog(self.kind.form, {"state": state} if state else {}))

    def action_update_record(self) -> None:
        from ccmtui.tui.dialogs.treaty_record import TreatyRecordDialog

        row = self.highlighted()
        if row is None:
            self.notify("Highlight an obligation first.", title="Nothing to update")
            return
        self.app.push_screen(TreatyRecordDialog(self.kind.update, {"state": row.iso3, "article": str(row.article)}))
