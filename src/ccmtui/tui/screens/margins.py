"""A meeting's week of bilateral meetings, days across and slots down (`ccm margins show`); a slot's
outcome is recorded in a few keys and becomes an engagement with its follow-up."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widgets import Static

from ccmtui.textsafe import literal
from ccmtui.tui.screens.base import SectionScreen
from ccmtui.tui.widgets.literal_table import DataTable, literal_content
from ccmtui.tui.workers import deliver, reporting

MARK = {"planned": "", "held": "✓ ", "cancelled": "✗ "}


def week_grid(days: list, slots: list) -> tuple[list[str], list[list]]:
    """The schedule as rows of cells: each row a time (as many rows for a time as the busiest day
    has slots then), each column a day; a cell holds its slot, or None."""
    by_time: dict[tuple[str, str], dict] = {}
    for slot in slots:
        by_time.setdefault((slot.starts, slot.ends), {}).setdefault(slot.day, []).append(slot)
    labels, grid = [], []
    for (starts, ends), per_day in sorted(by_time.items()):
        for n in range(max(len(found) for found in per_day.values())):
            labels.append(f"{starts}-{ends}" if n == 0 else "")
            grid.append([per_day.get(day, [])[n] if n < len(per_day.get(day, [])) else None for day in days])
    return labels, grid


def cell(slot) -> str:
    if slot is None:
        return ""
    room = f" · {slot.room}" if slot.room else ""
    return f"{MARK[slot.status]}{slot.name}{room}"


class MarginsScreen(SectionScreen):
    """Opened with `B` on a meeting of the Summary screen's meetings list."""

    SECTION = "summary"
    CSS_PATH = "margins.tcss"
    AUTO_FOCUS = "#margins-grid"
    BINDINGS = [
        Binding("escape,backspace", "app.pop_screen", "Back", id="margins.back"),
        Binding("N", "new_slot", "New meeting…", id="margins.new"),
        Binding("R", "outcome", "Record outcome…", id="margins.outcome"),
        Binding("E", "edit_slot", "Move or change…", id="margins.edit"),
        Binding("X", "cancel_slot", "Cancel slot", id="margins.cancel"),
    ]

    def __init__(self, meeting: str):
        super().__init__()
        self.meeting_code = meeting
        self.meeting = None
        self.days: list = []
        self.grid: list[list] = []

    def compose_body(self) -> ComposeResult:
        yield DataTable(id="margins-grid", classes="panel", cursor_type="cell", zebra_stripes=True)
        yield Static(id="margins-detail", classes="panel")

    def reload(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="margins")
    def load(self) -> None:
        from ccmtui.actions.margins import find_meeting, meeting_slots
        from ccmtui.reports.margins import meeting_days

        with reporting(self), self.app.source.register() as register:
            meeting = find_meeting(register, self.meeting_code)
            deliver(self, self._show, meeting, meeting_days(meeting), meeting_slots(register, meeting))

    def _show(self, meeting, days: list, slots: list) -> None:
        first = self.meeting is None
        self.meeting, self.days = meeting, days
        labels, self.grid = week_grid(days, slots)
        table = self.query_one("#margins-grid", DataTable)
        at = table.cursor_coordinate
        table.clear(columns=True)
        table.add_column("Time", key="time", width=11)
        cells = [[cell(slot) for slot in row] for row in self.grid]
        # The whole week in view: a day's column no wider than its share (the detail below is whole).
        share = max(14, ((table.size.width or self.app.size.width - 4) - 14) // max(1, len(days)) - 2)
        for n, day in enumerate(days):
            heading = day.strftime("%a %Y-%m-%d")
            widest = max([len(heading), *(len(r[n]) for r in cells)])
            table.add_column(heading, key=day.isoformat(), width=min(widest, share))
        for label, row in zip(labels, cells, strict=True):
            table.add_row(label, *row)
        if not self.grid:
            table.add_row("", *("" for _ in days))
        if first:  # the week's first meeting
            at = next(
                (Coordinate(r, c + 1) for r, row in enumerate(self.grid) for c, slot in enumerate(row) if slot), at
            )
        table.move_cursor(row=min(at.row, table.row_count - 1), column=max(1, min(at.column, len(days))))
        held = sum(1 for row in self.grid for s in row if s and s.status == "held")
        planned = sum(1 for row in self.grid for s in row if s and s.status == "planned")
        table.border_title = literal_content(
            f"Bilateral meetings at {meeting.code}, {meeting.start.isoformat()} to {meeting.end.isoformat()}"
            f" · {planned} planned, {held} held"
        )
        table.border_subtitle = "N new · Enter or R outcome · E move · X cancel · ccm margins brief writes the briefs"
        self._describe()

    def highlighted(self):
        table = self.query_one("#margins-grid", DataTable)
        row, column = table.cursor_coordinate
        if 0 <= row < len(self.grid) and 1 <= column <= len(self.days):
            return self.grid[row][column - 1]
        return None

    def highlighted_day(self):
        column = self.query_one("#margins-grid", DataTable).cursor_coordinate.column
        return self.days[column - 1] if 1 <= column <= len(self.days) else (self.days[0] if self.days else None)

    @on(DataTable.CellHighlighted)
    def _describe(self) -> None:
        slot = self.highlighted()
        detail = self.query_one("#margins-detail", Static)
        if slot is None:
            detail.update(literal_content("An empty slot: N plans a meeting on this day."))
            return
        lines = [
            f"{slot.name} · {slot.day.isoformat()} {slot.starts}-{slot.ends}"
            + (f" · {slot.room}" if slot.room else "")
            + f" · {slot.status}",
            f"Objective: {slot.objective or 'not given'}",
        ]
        if slot.status == "held":
            follow = f" (follow up {slot.follow_up_on.isoformat()})" if slot.follow_up_on else ""
            lines.append(f"Outcome: {slot.outcome or 'its engagement was deleted'}{follow}")
        detail.update(literal("\n".join(lines)))

    @on(DataTable.CellSelected)
    def _selected(self) -> None:
        """Enter on a planned slot records its outcome; on an empty one, plans a meeting that day."""
        slot = self.highlighted()
        if slot is None:
            self.action_new_slot()
        elif slot.status == "planned":
            self.action_outcome()

    def _refuse(self, message: str) -> None:
        self.app.notify(message, title="Margins", severity="warning")

    def action_new_slot(self) -> None:
        from ccmtui.tui.dialogs.margins import SlotDialog

        if self.meeting is None:
            return
        day = self.highlighted_day()
        self.app.push_screen(SlotDialog(self.meeting.code, {"day": day.isoformat() if day else ""}), self._written)

    def action_edit_slot(self) -> None:
        from ccmtui.tui.dialogs.margins import SlotDialog

        slot = self.highlighted()
        if slot is None:
            self._refuse("Highlight a slot to move or change it.")
            return
        values = {
            "with": slot.name,
            "day": slot.day.isoformat(),
            "slot": f"{slot.starts}-{slot.ends}",
            "room": slot.room,
            "objective": slot.objective,
        }
        self.app.push_screen(SlotDialog(self.meeting.code, values, slot=slot.uuid), self._written)

    def action_outcome(self) -> None:
        from ccmtui.tui.dialogs.margins import OutcomeDialog

        slot = self.highlighted()
        if slot is None:
            self._refuse("Highlight a slot to record its outcome.")
            return
        label = f"{slot.name}, {slot.day.isoformat()} {slot.starts}-{slot.ends}"
        self.app.push_screen(OutcomeDialog(self.meeting.code, slot.uuid, label), self._written)

    def action_cancel_slot(self) -> None:
        slot = self.highlighted()
        if slot is None:
            self._refuse("Highlight a slot to cancel it.")
            return
        self.cancel(slot.uuid)

    @work(thread=True, exclusive=True, group="margins-cancel")
    def cancel(self, uuid: str) -> None:
        from ccmtui.actions.margins import cancel_slot
        from ccmtui.domain.errors import CCMError
        from ccmtui.tui.widgets.field_errors import in_app_words

        source = self.app.source
        with reporting(self), source.register() as register:
            try:
                written = cancel_slot(register, source.writing, meeting=self.meeting.code, slot=uuid)
            except CCMError as error:
                deliver(self, self._refuse, in_app_words(str(error)))
                return
        deliver(self, self._written, written.message, True)

    def _written(self, message: str | None, notify: bool = False) -> None:
        if message is None:
            return
        if notify:
            from ccmtui.tui.messages import DataChanged

            self.app.notify(message, title="Margins")
            self.app.post_message(DataChanged("margin_slots"))
        self.reload()
