"""Records a sync found edited on both sides (`ccm conflicts`): both versions field by field, who
made each and when; keep mine or theirs (`ccm conflicts keep`), as a change set Changes undoes."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable as _DataTable
from textual.widgets import Static

from ccmtui.tui import format as fmt
from ccmtui.tui.messages import DataChanged
from ccmtui.tui.screens.base import SectionScreen
from ccmtui.tui.widgets.literal_table import DataTable
from ccmtui.tui.workers import deliver, reporting

# A stored value longer than this is cut in the comparison; `ccm show` has it whole.
LONGEST = 400


def _value(value) -> Text:
    if value is None:
        return Text("(empty)", style="dim")
    text = str(value)
    return Text(text if len(text) <= LONGEST else text[: LONGEST - 1] + "…")


def _side_heading(conflict, name: str) -> Text:
    side = conflict.a if name == "a" else conflict.b
    mark = "mine" if conflict.mine == name else "theirs" if conflict.mine else name
    who = (side.by or "unknown") + (f" as {side.login}" if side.login else "")
    heading = Text.assemble((f"{mark}: ", "bold"), side.label or "?", "\n", f"by {who}, {fmt.stamp(side.at) or '?'}")
    if conflict.kept == name:
        heading.append("\n(kept by the sync)", style="italic")
    return heading


def comparison(conflict) -> Table:
    """Both versions of the record, one row per field where they differ."""
    table = Table(expand=True, show_lines=True, header_style="")
    table.add_column("Field", style="bold", no_wrap=True)
    table.add_column(_side_heading(conflict, "a"), ratio=3)
    table.add_column(_side_heading(conflict, "b"), ratio=3)
    if conflict.a.values is None or conflict.b.values is None:
        deleted = "a" if conflict.a.values is None else "b"
        row = [Text("(deleted)", style="italic"), Text("(deleted)", style="italic")]
        row[0 if deleted == "b" else 1] = Text("(kept)")
        table.add_row("record", *row)
    for name, a, b in conflict.fields:
        table.add_row(name, _value(a), _value(b))
    if not conflict.fields and conflict.a.values is not None and conflict.b.values is not None:
        table.add_row("", Text("The same values on both sides.", style="dim"), "")
    return table


class ConflictsScreen(SectionScreen):
    """Every open conflict; the highlighted one's two versions below."""

    SECTION = "changes"
    CSS_PATH = "conflicts.tcss"
    AUTO_FOCUS = "#conflicts-table"
    BINDINGS = [
        Binding("escape,backspace", "app.pop_screen", "Back", id="conflicts.back"),
        Binding("M", "keep('mine')", "Keep mine", id="conflicts.mine"),
        Binding("T", "keep('theirs')", "Keep theirs", id="conflicts.theirs"),
        Binding("A", "keep('a')", "Keep a", show=False, id="conflicts.a"),
        Binding("B", "keep('b')", "Keep b", show=False, id="conflicts.b"),
        Binding("H", "toggle_settled", "Settled too", id="conflicts.settled"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.conflicts: list = []
        self.settled_too = False

    def compose_body(self) -> ComposeResult:
        yield DataTable(id="conflicts-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="conflict-versions", classes="panel"):
            yield Static(id="conflict-fields")

    def on_mount(self) -> None:
        table = self.query_one("#conflicts-table", DataTable)
        table.add_column("Id", key="id")
        table.add_column("Record", key="record")
        table.add_column("Found (UTC)", key="found")
        table.add_column("Fields", key="fields")
        table.add_column("", key="state")
        table.border_title = "Conflicts"
        table.loading = True
        self.query_one("#conflict-versions").border_title = "Both versions"

    def reload(self) -> None:
        self.load(self.settled_too)

    @work(thread=True, exclusive=True, group="conflicts")
    def load(self, settled_too: bool) -> None:
        from ccmtui.actions.conflicts import list_conflicts

        with reporting(self), self.app.source.reader() as reader:
            deliver(self, self._show, list_conflicts(reader, open_only=not settled_too))

    def _show(self, conflicts: list) -> None:
        self.conflicts = conflicts
        table = self.query_one("#conflicts-table", DataTable)
        table.clear()
        for c in conflicts:
            state = "settled" if c.settled_by else "open"
            names = ", ".join(name for name, _, _ in c.fields) or (
                "deletion" if c.a.values is None or c.b.values is None else ""
            )
            table.add_row(c.id[:8], f"{c.table} {c.record[:8]}", fmt.stamp(c.found_at), names, state, key=c.id)
        table.loading = False
        which = "Conflicts" if self.settled_too else "Open conflicts"
        table.border_title = f"{which} · {len(conflicts)}"
        table.border_subtitle = "ccm conflicts · M keeps mine, T theirs; Changes undoes it"
        self._show_versions()

    def current(self):
        table = self.query_one("#conflicts-table", DataTable)
        if not self.conflicts or not 0 <= table.cursor_row < len(self.conflicts):
            return None
        return self.conflicts[table.cursor_row]

    def on_data_table_row_highlighted(self, event: _DataTable.RowHighlighted) -> None:
        self._show_versions()

    def _show_versions(self) -> None:
        conflict = self.current()
        view = self.query_one("#conflict-fields", Static)
        if conflict is None:
            view.update(
                "No open conflicts: no record a sync found edited on both sides waits to be settled "
                "(H shows those settled)."
                if not self.settled_too
                else "No sync has recorded a conflict."
            )
            return
        view.update(comparison(conflict))

    def action_toggle_settled(self) -> None:
        self.settled_too = not self.settled_too
        self.reload()

    def action_keep(self, which: str) -> None:
        conflict = self.current()
        if conflict is None:
            self.notify("No conflict highlighted.", title="Conflicts")
            return
        self.keep(conflict.id, which)

    @work(thread=True, exclusive=True, group="conflicts-keep")
    def keep(self, conflict_id: str, which: str) -> None:
        from ccmtui.actions.conflicts import keep

        source = self.app.source
        with reporting(self, title="Not settled"), source.reader() as reader:
            written = keep(source.writing, reader, conflict_id, which)
            deliver(self, self._kept, written.message)

    def _kept(self, message: str) -> None:
        self.notify(message.replace("`ccm undo` reverts it", "Changes (9, then U) undoes it"), title="Conflict settled")
        self.app.post_message(DataChanged("conflicts"))
