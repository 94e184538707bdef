"""Recent changes: who made them, when, what; undo the last one (as `ccm undo`)."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding

from ccmtui.db.queries import Q
from ccmtui.tui import format as fmt
from ccmtui.tui.messages import DataChanged
from ccmtui.tui.screens.base import SectionScreen
from ccmtui.tui.widgets.literal_table import DataTable
from ccmtui.tui.workers import deliver, reporting

LIMIT = 200


class ChangesScreen(SectionScreen):
    SECTION = "changes"
    BINDINGS = [Binding("U", "undo", "Undo last…", id="changes.undo")]

    def compose_body(self) -> ComposeResult:
        yield DataTable(id="changes-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one("#changes-table", DataTable)
        table.border_title = "Recent changes"
        table.add_column("Id", key="id")
        table.add_column("When (UTC)", key="when")
        table.add_column("Who", width=20, key="who")
        table.add_column("What", key="what")
        table.add_column("Records", key="records")
        table.flex = "what"
        table.loading = True

    def reload(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="changes")
    def load(self) -> None:
        with reporting(self), self.app.source.reader() as reader:
            rows = reader.rows(Q.recent_changesets, limit=LIMIT)
            deliver(self, self._show, rows)

    def _show(self, rows: list) -> None:
        table = self.query_one("#changes-table", DataTable)
        table.clear()
        for row in rows:
            what = Text(row.command)
            if row.reverted_by:
                what = Text.assemble(("(undone) ", "bold"), (row.command, "strike dim"))
            elif row.reverts:
                what = Text(row.command, style="italic")
            table.add_row(row.uuid[:8], fmt.stamp(row.made_at), row.made_by or "", what, str(row.changes), key=row.uuid)
        table.loading = False
        table.border_title = f"Recent changes · {len(rows)}" if rows else "No changes yet"

    # -- undo: confirm, then revert in a worker
    def action_undo(self) -> None:
        self.find_last()

    @work(thread=True, exclusive=True, group="undo")
    def find_last(self) -> None:
        from ccmtui.actions.undo import next_undoable

        with reporting(self), self.app.source.reader() as reader:
            last = next_undoable(reader, self.app.source.by)
            if last is None:
                deliver(self, self.notify, "Nothing of yours to undo.", title="Undo")
                return
            count = len(reader.rows(Q.changes_of, changeset=last.uuid))
            by = f" by {last.made_by}" if last.made_by else ""
            question = (
                f"Undo “{last.command}”?\n\n{fmt.plural(count, 'change')}{by}, {fmt.stamp(last.made_at)} UTC. "
                "The undo is itself recorded among the changes."
            )
            deliver(self, self._confirm, question)

    def _confirm(self, question: str) -> None:
        from ccmtui.tui.dialogs.confirm import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                self.undo()

        self.app.push_screen(ConfirmDialog("Undo your last change", question, yes="Undo"), answered)

    @work(thread=True, exclusive=True, group="undo")
    def undo(self) -> None:
        from ccmtui.actions.undo import undo

        with reporting(self, title="Nothing undone"):
            deliver(self, self._undone, undo(self.app.source.writing).message)

    def _undone(self, message: str) -> None:
        self.notify(message, title="Undo")
        self.app.post_message(DataChanged("undo"))
