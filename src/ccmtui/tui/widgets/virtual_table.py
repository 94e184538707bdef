"""A table for lists of any length: rows are read by position as they come into view.

Only the lines on screen are drawn (Textual's Line API). Rows come from a `Rows` source in
blocks, read in thread workers; a row whose block has not arrived shows as a dim placeholder
and fills in when it does. A few dozen blocks are kept, so neither memory nor drawing grows
with the list: a million rows cost what a hundred do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.style import Style
from textual import events, work
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from ccmtui.tui.widgets.list_keys import LIST_BINDINGS, ListKeys
from ccmtui.tui.widgets.table_lines import table_line

# Column, Row and LocalRows are the table's vocabulary: screens import them from here with the table.
from ccmtui.tui.widgets.table_rows import Column, LocalRows, Row, Rows  # noqa: F401
from ccmtui.tui.workers import deliver, reporting

BLOCK = 200
# 40 blocks of 200: 8,000 rows at most in memory, whatever the length of the list.
KEPT_BLOCKS = 40
HEADER = 1
PLACEHOLDER = "·" * 3
# Lines drawn, kept: a key that moves the cursor redraws two rows, not the screenful (a few screens' worth).
KEPT_LINES = 400


class VirtualTable(ListKeys, ScrollView, can_focus=True, inherit_bindings=False):
    """Fixed columns under a header line, a row cursor, rows read lazily in blocks."""

    BINDINGS = [
        *LIST_BINDINGS,
        Binding("enter", "select", "Open", show=False, id="list.open"),
        Binding("up", "cursor_up", "Up", show=False, id="list.up"),
        Binding("down", "cursor_down", "Down", show=False, id="list.down"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page-up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="list.page-down"),
        Binding("home,ctrl+home", "first", "First row", show=False, id="list.first"),
        Binding("end,ctrl+end", "last", "Last row", show=False, id="list.last"),
    ]

    COMPONENT_CLASSES = {
        "virtual-table--header",
        "virtual-table--cursor",
        "virtual-table--even-row",
        "virtual-table--odd-row",
        "virtual-table--placeholder",
    }

    # The look of the app's DataTables, so both kinds of table read alike.
    DEFAULT_CSS = """
    VirtualTable {
        height: 1fr;
        background: $surface;
        color: $foreground;
        border: round $primary 50%;
        border-title-style: bold;
        border-subtitle-color: $text-muted;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;

        &:focus {
            border: round $accent;
            background-tint: $foreground 5%;
            & > .virtual-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .virtual-table--header {
                background-tint: $foreground 5%;
            }
        }
        &:dark > .virtual-table--even-row {
            background: $surface-darken-1 40%;
        }
        & > .virtual-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .virtual-table--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .virtual-table--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .virtual-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .virtual-table--placeholder {
            color: $text-disabled;
        }
    }
    """

    @dataclass
    class RowHighlighted(Message):
        """The cursor rests on a row that has been read."""

        table: VirtualTable
        index: int
        key: str

        @property
        def control(self) -> VirtualTable:
            return self.table

    @dataclass
    class RowSelected(Message):
        """Enter (or a click on the cursor's row) on a row that has been read."""

        table: VirtualTable
        index: int
        key: str

        @property
        def control(self) -> VirtualTable:
            return self.table

    def __init__(self, columns: Sequence[Column], *, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self.columns = tuple(columns)
        self.rows: Rows | None = None
        self.cursor = 0
        self.length = 0
        self.counted = False  # whether `length` is the whole list's (or the first block's, so far)
        self._blocks: LRUCache[int, list[Row]] = LRUCache(KEPT_BLOCKS)
        self._loading: tuple[int, ...] = ()  # the blocks the running worker reads
        self._failed: tuple[int, ...] = ()  # the blocks of the last read that failed (its notice shown)
        self._last_wanted = False  # End before the length was known: go there once it is
        self._highlighted: tuple[int, str] | None = None
        # (row index, width, style) -> (the row drawn, its line): the row itself is compared, so a
        # row read again (another list, a reload) is drawn afresh.
        self._lines: LRUCache[tuple, tuple[Row, Strip]] = LRUCache(KEPT_LINES)
        self._styles: dict[str, Style] | None = None  # while the lines of one repaint are drawn

    # -- what to show
    def show(self, rows: Rows, *, keep_cursor: bool = False, blocks: dict[int, list[Row]] | None = None) -> None:
        """Show these rows (from the top, or where the cursor was); `blocks` already read, by number."""
        self.rows = rows
        self._blocks.clear()
        self._lines.clear()
        for number, found in (blocks or {}).items():
            self._blocks[number] = found
        self._loading = ()
        self._failed = ()
        self._highlighted = None
        self._last_wanted = False
        self.length = rows.length or 0
        self.counted = rows.length is not None
        if not keep_cursor:
            self.cursor = 0
            self.scroll_to(y=0, animate=False)
        elif self.counted:
            self.cursor = max(0, min(self.cursor, self.length - 1))
        self._resize()
        if self.counted:
            self.loading = False
        self._request()
        self._keep_cursor_in_view()
        self._post_highlighted()  # a row given with the list is as good as one read
        self._show_position()
        self.refresh()

    def set_length(self, length: int) -> None:
        """The source has counted its rows."""
        if self.rows is None:
            return
        self.length = length
        self.counted = True
        self.loading = False
        self._resize()
        if self._last_wanted:
            self._last_wanted = False
            self.move_cursor(length - 1)
        else:
            self.cursor = max(0, min(self.cursor, length - 1))
            self._request()
            self._keep_cursor_in_view()
        self._show_position()
        self.refresh()

    def row(self, index: int) -> Row | None:
        """The row at `index`, if its block has been read."""
        block = self._blocks.get(index // BLOCK)
        if block is None:
            return None
        offset = index % BLOCK
        return block[offset] if offset < len(block) else None

    @property
    def cursor_row(self) -> Row | None:
        return self.row(self.cursor)

    @property
    def body_height(self) -> int:
        return max(1, self.scrollable_content_region.height - HEADER)

    def _resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.length + HEADER)

    def on_resize(self, _event: events.Resize) -> None:
        self._resize()
        self._request()
        self._show_position()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # -- reading blocks
    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self._request()

    def _request(self) -> None:
        """Read the blocks on screen that are not here yet."""
        rows = self.rows
        if rows is None or not self.is_mounted:
            return
        if not self.counted:
            wanted = [0]  # where any other block starts is known once the rows are counted
        else:
            if not self.length:
                return
            top = int(self.scroll_y)
            bottom = min(self.length, top + self.body_height) - 1
            wanted = list(range(top // BLOCK, max(top, bottom) // BLOCK + 1))
        missing = tuple(block for block in wanted if block not in self._blocks)
        # Not the same blocks again: once while they are read, and not after their read failed (a
        # resize or a scroll within them would only repeat the notice); `show` tries again.
        if not missing or missing in (self._loading, self._failed):
            return
        if rows.local:
            for block in missing:
                self._arrived(rows, block, rows.read(None, block * BLOCK, BLOCK))
            return
        self._loading = missing
        self._read(rows, missing)

    @work(thread=True, exclusive=True, group="virtual-table")
    def _read(self, rows: Rows, blocks: tuple[int, ...]) -> None:
        # Exclusive: a newer request (the view moved on) cancels this one between blocks.
        worker = get_current_worker()
        read = False
        try:
            with reporting(self), self.app.source.register() as register:
                for block in blocks:
                    if worker.is_cancelled:
                        return
                    found = rows.read(register, block * BLOCK, BLOCK)
                    deliver(self, self._arrived, rows, block, found)
                read = True
        finally:
            deliver(self, self._read_done, rows, blocks, read)

    def _read_done(self, rows: Rows, blocks: tuple[int, ...], read: bool) -> None:
        if self._loading == blocks:
            self._loading = ()
        if not read and rows is self.rows:
            self._failed = tuple(block for block in blocks if block not in self._blocks)
        # After a failed read too (its error is a notification): the header and placeholders show.
        self.loading = False

    def _arrived(self, rows: Rows, block: int, found: list[Row]) -> None:
        if rows is not self.rows:
            return  # read for a list no longer shown
        self._blocks[block] = found
        if not self.counted and block == 0:
            self.length = max(self.length, len(found))
            self._resize()
        self.loading = False
        if block * BLOCK <= self.cursor < (block + 1) * BLOCK:
            self._post_highlighted()
        self.refresh()

    # -- drawing: one line at a time, only those on screen
    def _widths(self, width: int) -> list[int]:
        # One space either side of each cell, as a DataTable draws them.
        fixed = sum(column.width + 2 for column in self.columns if column.width is not None)
        rest = max(1, width - fixed - 2 * sum(1 for c in self.columns if c.width is None))
        return [column.width if column.width is not None else rest for column in self.columns]

    def _line(self, cells: Sequence, style: Style, width: int, over: Style | None = None) -> Strip:
        # A row of one cell (a group's heading, a placeholder) spans the columns.
        widths = [max(1, width - 2)] if len(cells) == 1 else self._widths(width)
        return table_line(cells, widths, style, width, over, self.app.console)

    def _styles_now(self) -> dict[str, Style]:
        """The widget's style and its components', as they are now (focus changes them)."""
        base = self.rich_style
        styles = {"base": base}
        for part in ("header", "even-row", "odd-row", "cursor", "placeholder"):
            styles[part] = self.get_component_styles(f"virtual-table--{part}").rich_style
        return styles

    def render_lines(self, crop):
        # The styles are looked up once a repaint rather than once a line: each look-up walks the
        # widget's ancestors.
        self._styles = self._styles_now()
        try:
            return super().render_lines(crop)
        finally:
            self._styles = None

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        styles = self._styles or self._styles_now()
        base = styles["base"]
        if y < HEADER:
            style = base + styles["header"]
            labels = [self.header_label(i, column.label) for i, column in enumerate(self.columns)]
            return self._line(labels, style, width)
        index = int(self.scroll_y) + y - HEADER
        if index >= self.length:
            return Strip.blank(width, base)
        style = base + styles["odd-row" if index % 2 else "even-row"]
        cursor = None
        if index == self.cursor:
            cursor = styles["cursor"]
            style += cursor
        row = self.row(index)
        if row is None:
            return self._line([PLACEHOLDER], style + styles["placeholder"], width)
        key = (index, width, style)
        kept = self._lines.get(key)
        if kept is not None and kept[0] is row:
            return kept[1]
        line = self._line(row.cells, style, width, cursor)
        self._lines[key] = (row, line)
        return line

    # -- the cursor
    def move_cursor(self, index: int) -> None:
        if not self.length:
            return
        index = max(0, min(index, self.length - 1))
        if index != self.cursor:
            # Rows are lines HEADER and down of the scrolled content.
            self.refresh_line(self.cursor + HEADER)
            self.cursor = index
            self.refresh_line(index + HEADER)
        self._keep_cursor_in_view()
        self._request()
        self._post_highlighted()

    def _keep_cursor_in_view(self) -> None:
        top = int(self.scroll_y)
        height = self.body_height
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def _post_highlighted(self) -> None:
        row = self.cursor_row
        if row is None:
            return
        if self._highlighted != (self.cursor, row.key):
            self._highlighted = (self.cursor, row.key)
            self.post_message(self.RowHighlighted(self, self.cursor, row.key))
        self._show_position()

    def _show_position(self) -> None:
        """Where the cursor is in a list longer than the screen: "12,345 of 1,000,000"."""
        long = self.counted and self.length > self.body_height
        self.border_subtitle = f"{self.cursor + 1:,} of {self.length:,}" if long else ""

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor + 1)

    def action_page_up(self) -> None:
        self.move_cursor(self.cursor - self.body_height)

    def action_page_down(self) -> None:
        self.move_cursor(self.cursor + self.body_height)

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        if self.rows is not None and not self.counted:
            self._last_wanted = True  # still counting
            return
        self.move_cursor(self.length - 1)

    def action_select(self) -> None:
        row = self.cursor_row
        if row is not None:
            self.post_message(self.RowSelected(self, self.cursor, row.key))

    def on_click(self, event: events.Click) -> None:
        y = event.y - self.gutter.top - HEADER
        if y == -HEADER and not self.loading:
            self._header_click(event.x - self.gutter.left)
            return
        if y < 0 or self.loading:
            return
        index = int(self.scroll_y) + y
        if index >= self.length:
            return
        if index == self.cursor:
            self.action_select()
        else:
            self.move_cursor(index)

    def _header_click(self, x: int) -> None:
        at = 0
        for column, width in enumerate(self._widths(self.scrollable_content_region.width)):
            at += width + 2
            if x < at:
                self.header_clicked(column)
                return

    # -- what the list keys need (ListKeys)
    def action_list_first(self) -> None:
        self.action_first()

    def action_list_last(self) -> None:
        self.action_last()

    def list_length(self) -> int:
        return self.length

    def _end_jump(self) -> None:
        super()._end_jump()
        self._show_position()  # where the jump left the cursor

    def list_cursor(self) -> int:
        return self.cursor

    def list_move(self, index: int) -> None:
        self.move_cursor(index)

    def list_first_cell(self, index: int):
        row = self.row(index)
        return row.cells[0] if row is not None else None

    def list_find(self, prefix: str) -> int | None:
        find = getattr(self.rows, "find", None)
        return find(prefix) if find is not None and prefix else None

    def list_key(self) -> str | None:
        row = self.cursor_row
        return row.key if row is not None else None

    def list_columns(self) -> list[str]:
        return [column.label for column in self.columns]

    def list_sort(self, column: int, reverse: bool) -> str | None:
        sorted_ = getattr(self.rows, "sorted", None)
        if sorted_ is None:
            return "This list keeps its own order: g and G go to its ends."
        rows = sorted_(column, reverse)
        if isinstance(rows, str):
            return rows
        self.show(rows)
        return None
