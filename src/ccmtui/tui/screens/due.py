"""Everything due, in one list of any length: follow-ups, replies long pending, treaty deadlines
and request windows; newest first (or oldest), each row acted on where it stands."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding

from ccmtui.tui.due_rows import DueRows
from ccmtui.tui.messages import DataChanged
from ccmtui.tui.screens.base import SectionScreen
from ccmtui.tui.widgets.virtual_table import BLOCK, Column, VirtualTable
from ccmtui.tui.workers import deliver, reporting


def many(count: int, one: str, more: str | None = None) -> str:
    """'1 follow-up', '39,401 follow-ups'."""
    return f"{count:,} {one if count == 1 else more or one + 's'}"


COLUMNS = (Column("Date", 10), Column("What", 26), Column("With", 20), Column("Summary"))


class DueScreen(SectionScreen):
    SECTION = "due"
    AUTO_FOCUS = "#due-table"
    BINDINGS = [
        Binding("X", "done", "Done", id="due.done"),
        Binding("Z", "snooze", "Snooze…", id="due.snooze"),
        Binding("R", "reply", "Reply…", id="due.reply"),
    ]

    _kind_shown = ""

    @property
    def rows(self) -> DueRows | None:
        rows = self.table.rows
        return rows if isinstance(rows, DueRows) else None

    def compose_body(self) -> ComposeResult:
        yield VirtualTable(COLUMNS, id="due-table")

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#due-table", VirtualTable)

    def on_mount(self) -> None:
        self.table.loading = True
        self.table.border_title = "Due"

    def reload(self) -> None:
        self.count()

    @work(thread=True, exclusive=True, group="due-count")
    def count(self) -> None:
        from ccmtui.tui.due_rows import count_due

        source = self.app.source
        shown = self.rows
        newest = shown.newest if shown else True
        with reporting(self), source.register() as register:
            rows = DueRows(count_due(register, source.today), newest, self.app.index)
            # The first screenful with the counts: one trip to the database, one repaint.
            first = rows.read(register, 0, BLOCK) if shown is None else None
            deliver(self, self._counted, rows, first)

    def _counted(self, rows: DueRows, first: list | None) -> None:
        shown = self.rows
        rows.sorted_as = self._sorted
        self.table.show(rows, keep_cursor=shown is not None, blocks={0: first} if first is not None else None)
        self.table.sort_column, self.table.sort_reverse = 0, rows.newest
        if shown is None:
            self.table.move_cursor(rows.first_item())
        self._title(rows)

    def _sorted(self, rows: DueRows) -> None:
        self._title(rows)
        self.call_after_refresh(lambda: self.table.move_cursor(rows.first_item()))

    def _title(self, rows: DueRows) -> None:
        counts = rows.counts
        order = "newest first" if rows.newest else "oldest first"
        self.table.border_title = (
            f"Due · {many(counts.follow_ups, 'follow-up')} · {many(counts.replies, 'reply', 'replies')} pending"
            f" · {many(len(counts.treaty), 'treaty date')} · {order}"
        )

    # -- the row under the cursor
    def _key(self) -> tuple[str, list[str]]:
        found = self.query("#due-table")  # asked for the footer before the screen is composed, too
        row = found.first(VirtualTable).cursor_row if found else None
        if row is None:
            return "", []
        kind, _, rest = row.key.partition(":")
        return kind, rest.split(":")

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        wanted = {"done": "f", "snooze": "f", "reply": "r"}.get(action)
        if wanted is not None:
            return self._key()[0] == wanted or None  # shown dimmed on a row it does not act on
        return True

    @on(VirtualTable.RowHighlighted, "#due-table")
    def moved(self) -> None:
        # The footer is redrawn only when the keys that apply change (a follow-up, a reply, other).
        kind = self._key()[0]
        if kind != self._kind_shown:
            self._kind_shown = kind
            self.refresh_bindings()

    @on(VirtualTable.RowSelected, "#due-table")
    def open_row(self) -> None:
        kind, parts = self._key()
        if kind in ("f", "r"):
            self.app.open_engagement(parts[0])
        elif kind == "t" and parts[0]:
            self.app.open_state(parts[0])

    def action_done(self) -> None:
        kind, parts = self._key()
        if kind == "f":
            self.mark_done(parts[0])

    @work(thread=True, exclusive=True, group="due-done")
    def mark_done(self, uuid: str) -> None:
        from ccmtui.actions.journal import mark_follow_up_done

        source = self.app.source
        with reporting(self), source.reader() as reader:
            deliver(self, self._changed, mark_follow_up_done(reader, source.writing, engagement=uuid).message)

    def _changed(self, message: str) -> None:
        self.notify(message, title="Due")
        self.app.post_message(DataChanged("follow-ups"))

    def action_snooze(self) -> None:
        from ccmtui.tui.dialogs.snooze import SnoozeDialog

        kind, parts = self._key()
        row = self.table.cursor_row
        if kind == "f" and row is not None:
            self.app.push_screen(SnoozeDialog(parts[0], str(row.cells[3])))

    def action_reply(self) -> None:
        from ccmtui.tui.dialogs.reply import ReplyDialog

        kind, parts = self._key()
        row = self.table.cursor_row
        if kind == "r" and row is not None:
            self.app.push_screen(ReplyDialog(parts[0], str(row.cells[3]), parts[1]))
