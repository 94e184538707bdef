"""Country coalitions (`ccm coalition board` and `show`): the board, the highlighted coalition's
detail below it, and dialogs for what `ccm coalition` records: a new coalition (`W`), its strategy
(`Y`), a need (`N`), an activity (`A`), a partner (`P`), a linked meeting (`M`), a status (`X`), a
correction (`E`) and a deletion (`D`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from ccmtui.db.read import Reader

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
        Binding("W", "new", "New…", id="coalitions.new"),
        Binding("N", "add('need')", "Need…", id="coalitions.need"),
        Binding("A", "add('activity')", "Activity…", id="coalitions.activity"),
        Binding("P", "add('partner')", "Partner…", id="coalitions.partner"),
        Binding("E", "pick('edit')", "Correct…", id="coalitions.edit"),
        Binding("D", "pick('delete')", "Delete…", id="coalitions.delete"),
        # In the detail's subtitle rather than the footer, which has no room left at 80 columns.
        Binding("Y", "add('strategy')", "Strategy…", show=False, id="coalitions.strategy"),
        Binding("M", "add('meeting')", "Link a meeting…", show=False, id="coalitions.meeting"),
        Binding("X", "pick('status')", "Status…", show=False, id="coalitions.status"),
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
        scroll.border_subtitle = "Y strategy · M meeting · X status"

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
        if not lines:
            self.query_one("#coalition-detail", Static).update(
                "No coalitions yet. W starts one: the affected state, its lead donors and partners."
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

    def action_new(self) -> None:
        from ccmtui.tui.dialogs.coalition import CoalitionDialog

        self.app.push_screen(CoalitionDialog("coalition", None, "around an affected state"))

    def action_add(self, kind: str) -> None:
        from ccmtui.tui.dialogs.coalition import CoalitionDialog

        line = self.highlighted()
        if line is None:
            self.notify("Start a coalition first: W.", title="No coalition")
            return
        self.app.push_screen(CoalitionDialog(kind, line.uuid, line.name))

    def action_pick(self, purpose: str) -> None:
        """A record of the highlighted coalition to set the status of, correct or delete, picked from
        a list of its parts."""
        line = self.highlighted()
        if line is None:
            self.notify("Start a coalition first: W.", title="No coalition")
            return
        self.read_parts(purpose, line.uuid, line.name)

    @work(thread=True, exclusive=True, group="coalition-parts")
    def read_parts(self, purpose: str, coalition: str, name: str) -> None:
        labels: dict[str, str] = {}
        with reporting(self), self.app.source.reader() as reader:
            rows = coalition_parts(coalition, PICKED_PARTS[purpose], labels)(reader)
        if rows:
            deliver(self, self._pick, purpose, rows, labels)
        else:
            deliver(self, self.notify, f"{name} has no needs or activities yet: N adds one.", title="Status")

    def _pick(self, purpose: str, rows: list[Row], labels: dict[str, str]) -> None:
        from ccmtui.tui.widgets.id_picker import IdPicker

        what = {"status": "a need or an activity", "edit": "what to correct", "delete": "what to delete"}[purpose]

        def picked(uuid: str | None) -> None:
            if uuid:
                self.open_part(purpose, uuid, labels[uuid])

        columns = (Column("Kind", 12), Column("What"))
        self.app.push_screen(IdPicker(lambda _reader: rows, what, columns), picked)

    @work(thread=True, exclusive=True, group="coalition-part")
    def open_part(self, purpose: str, uuid: str, label: str) -> None:
        with reporting(self), self.app.source.reader() as reader:
            for table in PARTS_SHOWN:
                row = reader.get(table, uuid)
                if row is not None:
                    deliver(self, self._open_part, purpose, table, row, label)
                    return

    def _open_part(self, purpose: str, table: str, row: dict, label: str) -> None:
        from ccmtui.tui.dialogs.coalition import CoalitionDialog

        if purpose == "delete":
            self._confirm_delete(table, row, label)
        elif purpose == "status":
            kind = "need-status" if table == "coalition_needs" else "activity-status"
            self.app.push_screen(CoalitionDialog(kind, row["uuid"], label, {"status": row["status"]}))
        else:
            values = {key: "" if value is None else str(value) for key, value in row.items()}
            self.app.push_screen(CoalitionDialog(f"edit-{table}", row["uuid"], label, values))

    def _confirm_delete(self, table: str, row: dict, label: str) -> None:
        from ccmtui.tui.dialogs.confirm import ConfirmDialog

        more = " with its members, needs, activities and links (its engagements stay)" if table == "coalitions" else ""

        def answered(yes: bool | None) -> None:
            if yes:
                self.delete_part(row["uuid"])

        question = f"Delete {label}{more}? Changes (9) or `ccm undo` restores it."
        self.app.push_screen(ConfirmDialog("Delete", question, "Delete"), answered)

    @work(thread=True, exclusive=True, group="coalition-delete")
    def delete_part(self, uuid: str) -> None:
        from ccmtui.actions.coalitions import delete_part
        from ccmtui.domain.errors import CCMError
        from ccmtui.tui.messages import DataChanged

        with reporting(self), self.app.source.reader() as reader:
            try:
                written = delete_part(reader, self.app.source.writing, record=uuid)
            except CCMError as error:
                deliver(self, self.notify, str(error), title="Delete", severity="error")
                return
        deliver(self, self.notify, written.message, title="Coalition")
        deliver(self, self.app.post_message, DataChanged("coalitions"))


# The records a purpose picks from, in the order listed.
PICKED_PARTS = {
    "status": ("coalition_needs", "coalition_activities"),
    "edit": ("coalitions", "coalition_needs", "coalition_activities"),
    "delete": ("coalitions", "coalition_members", "coalition_needs", "coalition_activities"),
}
PARTS_SHOWN = ("coalitions", "coalition_members", "coalition_needs", "coalition_activities")
PART_KIND = {
    "coalitions": "coalition",
    "coalition_members": "member",
    "coalition_needs": "need",
    "coalition_activities": "activity",
}


def coalition_parts(coalition: str, tables: tuple[str, ...], labels: dict[str, str]) -> Callable[[Reader], list[Row]]:
    """A coalition and its records as a picker's rows (its kind, and what it says), each one's words
    kept in `labels` by id for the dialog that follows."""

    def read(reader: Reader) -> list[Row]:
        from ccmtui.reports.coalitions import area_label

        rows: list[Row] = []
        for table in tables:
            if table == "coalitions":
                found = reader.rows(Q.coalitions, coalition=coalition)
                rows += [Row(c.uuid, ("coalition", c.name)) for c in found]
                labels.update((c.uuid, f"the coalition '{c.name}'") for c in found)
                continue
            for part in reader.rows(getattr(Q, table), coalition=coalition):
                if table == "coalition_members":
                    role = "lead donor" if part.role == "lead-donor" else "partner"
                    rows.append(Row(part.uuid, (role, part.state or part.organisation)))
                elif table == "coalition_needs":
                    what = f"{area_label(part.area)}: {part.description} ({part.status})"
                    rows.append(Row(part.uuid, ("need", what)))
                else:
                    rows.append(Row(part.uuid, ("activity", f"{part.title} ({part.status})")))
                what = getattr(part, "description", None) or getattr(part, "title", None) or rows[-1].cells[1]
                labels[part.uuid] = f"the {PART_KIND[table]} '{what}'"
        return rows

    return read
