"""A field that takes records' ids, with a picker: `F4` (or `ctrl+l`) lists the records to choose
from (newest first, type to jump, Enter adds the highlighted one's id), so no id is typed by hand."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input

from ccmtui.tui.widgets.virtual_table import Column, LocalRows, Row, VirtualTable
from ccmtui.tui.workers import deliver, reporting

if TYPE_CHECKING:
    from ccmtui.db.read import Reader

PICKED = 200  # the newest records offered


class IdField(Input):
    """An Input for ids, comma-separated; `F4` opens the picker, whose choice is added."""

    HELP = (
        "Ids of records, commas between. F4 (or ctrl+l) lists the records to choose from: "
        "type to jump, Enter adds the highlighted one's id."
    )
    BINDINGS = [Binding("f4,ctrl+l", "pick", "Pick…", id="id-field.pick")]

    def __init__(self, choices: Callable[[Reader], list[Row]], what: str, *, single: bool = False, **kwargs):
        """`single`: the field takes one id, which the one picked replaces."""
        super().__init__(**kwargs)
        self.choices = choices
        self.what = what
        self.single = single

    def action_pick(self) -> None:
        def picked(uuid: str | None) -> None:
            if uuid and self.single:
                self.value = uuid
            elif uuid:
                ids = [part.strip() for part in self.value.split(",") if part.strip()]
                if uuid not in ids:
                    self.value = ", ".join([*ids, uuid])
            self.focus()

        self.app.push_screen(IdPicker(self.choices, self.what), picked)


class IdPicker(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="id-picker.cancel")]

    def __init__(
        self, choices: Callable[[Reader], list[Row]], what: str, columns: tuple[Column, ...] | None = None
    ) -> None:
        super().__init__()
        self.choices = choices
        self.what = what
        self.columns = columns or (Column("Date", 10), Column("Kind", 12), Column("Summary"))

    def compose(self) -> ComposeResult:
        with Vertical(id="id-picker-box", classes="dialog"):
            yield VirtualTable(self.columns, id="id-picker-table")

    def on_mount(self) -> None:
        box = self.query_one("#id-picker-box")
        box.border_title = f"Pick {self.what}"
        box.border_subtitle = "type to jump · Enter picks · Esc cancels"
        table = self.query_one(VirtualTable)
        table.loading = True
        table.focus()
        self.load()

    @work(thread=True, exclusive=True, group="id-picker")
    def load(self) -> None:
        with reporting(self), self.app.source.reader() as reader:
            rows = self.choices(reader)
            deliver(self, self._show, rows)

    def _show(self, rows: list[Row]) -> None:
        table = self.query_one(VirtualTable)
        table.show(LocalRows(rows, lambda _, row: row))
        table.loading = False

    @on(VirtualTable.RowSelected)
    def chosen(self, event: VirtualTable.RowSelected) -> None:
        self.dismiss(event.key)


def recent_engagements(area: str | None = None) -> Callable[[Reader], list[Row]]:
    """The newest engagements (of an area), as a picker's rows."""

    def read(reader: Reader) -> list[Row]:
        from datetime import date

        from ccmtui.db.queries import Q
        from ccmtui.tui import format as fmt

        found = reader.rows(Q.engagements_recent, since=date.min, until=date.max, area=area, kind=None, limit=PICKED)
        return [Row(r.uuid, (fmt.day(r.occurred_on), fmt.kind(r.kind), r.summary)) for r in found]

    return read
