"""Textual's DataTable, with every cell shown as literal text (stored values are never markup).

Textual reads a string cell as markup; here a string cell is kept as a `LiteralStr` (still equal
to the string it holds) and drawn as written, its control characters made visible.
"""

from __future__ import annotations

from rich.text import Text
from textual.coordinate import Coordinate
from textual.widgets import DataTable as _DataTable
from textual.widgets import _data_table

from ccmtui.textsafe import literal_text, visible
from ccmtui.tui.widgets.list_keys import LIST_BINDINGS, ListKeys, folded


def literal_content(value):
    """A title or label made from stored text: Textual content that is never read as markup."""
    from textual.content import Content

    return Content(visible(value, lines=False))


# Where a row cursor is, for a row it is not on: no row (the header is -1).
NOWHERE = Coordinate(-2, 0)
WARM_DELAY = 0.3  # seconds the table stays still before its rows are drawn ahead
WARM_ROWS = 20  # rows drawn ahead at a time


class LiteralStr(str):
    """A cell's text, shown exactly as written."""


_format_cell = _data_table.default_cell_formatter


def _literal_cell_formatter(obj, wrap: bool = True, height: int = 0):
    if isinstance(obj, LiteralStr):
        return Text(visible(obj, lines=False), no_wrap=not wrap, end="")
    return _format_cell(obj, wrap, height)


if _data_table.default_cell_formatter is _format_cell:
    _data_table.default_cell_formatter = _literal_cell_formatter


class DataTable(ListKeys, _DataTable):
    """A DataTable whose string cells are literal and whose Text cells show control characters,
    with the keys of every list (widgets/list_keys.py)."""

    BINDINGS = LIST_BINDINGS
    _resort_pending = False
    # The column (by key or label) that takes the width the others leave, at any terminal size.
    flex: str | None = None
    _flex_least: int | None = None  # a fixed column's own width; None: its content's (it only grows)
    _flex_seen = False
    _fit_pending = False
    _fitted_room: int | None = None  # the width the flexible column was last fitted to

    @property
    def fitted(self) -> bool:
        """Whether the flexible column has its share of the width the table has now."""
        if self.flex is None:
            return True
        return not self._fit_pending and self._fitted_room == self.scrollable_content_region.width

    # Draw every row ahead while idle, so a jump or a page down far into the list shows at once
    # (a screenful of rows not drawn before costs a DataTable tens of milliseconds).
    warm_ahead = False
    _warm_timer = None
    _warm_at = 0

    def on_resize(self) -> None:
        if self.row_count:
            # At once, the rows being there: before the layout that sized the table is drawn.
            self.fit_flex()
        else:
            self.call_after_refresh(self.fit_flex)
        self._warm_later()

    def on_focus(self) -> None:
        self._warm_later()

    def on_blur(self) -> None:
        self._warm_later()

    def _warm_later(self) -> None:
        """Draw the rows once the table has been still a moment (its rows, widths and focus settled)."""
        if not self.warm_ahead:
            return
        if self._warm_timer is not None:
            self._warm_timer.stop()
        self._warm_timer = self.set_timer(WARM_DELAY, self._warm_start)

    def _warm_start(self) -> None:
        self._warm_timer = None
        self._warm_at = 0
        self._warm_step(self._update_count)

    def _warm_step(self, version: int) -> None:
        # Through the DataTable's own line drawing, so its caches of drawn cells fill as a repaint's
        # would; a few rows at a time, between other events. Stops when the table changes.
        draw = getattr(self, "_render_line", None)
        if draw is None or version != self._update_count or not self.is_mounted or self._warm_timer is not None:
            return
        self._pseudo_class_state = self.get_pseudo_class_state()
        width = self.size.width
        scroll_x = int(self.scroll_x)
        top = self.header_height if self.show_header else 0
        end = min(self._warm_at + WARM_ROWS, self.row_count)
        try:
            for index in range(self._warm_at, end):
                draw(top + index, scroll_x, scroll_x + width, self.rich_style)
        except Exception:  # a DataTable drawn otherwise: nothing is drawn ahead
            return
        self._warm_at = end
        if end < self.row_count:
            self.set_timer(0.01, lambda: self._warm_step(version))

    def _render_line_in_row(self, row_key, line_no, base_style, cursor_location, hover_location):
        # With a row cursor, a row the cursor is not on is drawn the same wherever the cursor is:
        # drawn once, not again after every move (Textual keys its drawing on the cursor's place),
        # so a jump across the list draws the one row it lands on.
        if self.cursor_type == "row":
            row = self._row_locations.get(row_key)
            row = -1 if row is None else row  # the header
            if cursor_location.row != row:
                cursor_location = NOWHERE
            if hover_location.row != row:
                hover_location = NOWHERE
        return super()._render_line_in_row(row_key, line_no, base_style, cursor_location, hover_location)

    def measure_now(self) -> bool:
        """Measure the rows added since the last time, as the table does when idle, at once: its
        extent (and scroll bars) then come with the next layout rather than one later. Whether
        there was anything to measure."""
        if not (self._require_update_dimensions and hasattr(self, "_new_rows")):
            return False
        self._require_update_dimensions = False
        added = self._new_rows.copy()
        self._new_rows.clear()
        self._update_dimensions(added)
        return True

    def _fit_again(self) -> None:
        self._fit_pending = False
        self.fit_flex()

    def fit_flex(self) -> None:
        """Give the flexible column the width left over (never less than it had at first)."""
        column = (
            next((c for key, c in self.columns.items() if self.flex in (key.value, str(c.label))), None)
            if self.flex
            else None
        )
        room = self.scrollable_content_region.width
        if column is None or room <= 0:
            return
        if not self._flex_seen:
            self._flex_seen = True
            self._flex_least = None if column.auto_width else column.width
        least = column.content_width if self._flex_least is None else self._flex_least
        others = sum(c.get_render_width(self) for c in self.columns.values() if c is not column)
        width = max(least, room - others - 2 * self.cell_padding)
        self._fitted_room = room
        if column.auto_width or column.width != width:
            column.auto_width = False
            column.width = width
            self._require_update_dimensions = True
            # Rows drawn at the old width are kept by the table (its caches do not know of the
            # width): drawn again, or the picture depends on what was drawn before the fit.
            getattr(self, "_clear_caches", lambda: None)()
            self.refresh()

    def add_row(self, *cells, **kwargs):
        # A list sorted by the user stays sorted as the screen fills it again.
        if self.sort_column is not None and not self._resort_pending:
            self._resort_pending = True
            self.call_later(self._resort)
        if self.flex and not self._fit_pending:
            self._fit_pending = True
            self.call_after_refresh(self._fit_again)
        self._warm_later()
        return super().add_row(*(_cell(cell) for cell in cells), **kwargs)

    def _resort(self) -> None:
        self._resort_pending = False
        if self.sort_column is not None and self.sort_column < len(self.columns):
            self.list_sort(self.sort_column, self.sort_reverse)

    # -- what the list keys need (ListKeys)
    def list_length(self) -> int:
        return self.row_count

    def list_cursor(self) -> int:
        return self.cursor_row

    def list_move(self, index: int) -> None:
        if self.row_count:
            self.move_cursor(row=max(0, min(index, self.row_count - 1)))

    def list_first_cell(self, index: int):
        return self.get_cell_at(Coordinate(index, 0)) if 0 <= index < self.row_count else None

    def list_key(self) -> str | None:
        if not self.row_count:
            return None
        try:
            return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        except Exception:
            return None

    def list_columns(self) -> list[str]:
        return [str(column.label) for column in self.columns.values()]

    def list_sort(self, column: int, reverse: bool) -> str | None:
        key = self.list_key()
        self.sort(list(self.columns)[column], key=folded, reverse=reverse)
        self._mark_header(column, reverse)
        if key is not None and key in self.rows:
            self.move_cursor(row=self.get_row_index(key), scroll=True)
        return None

    def _mark_header(self, sorted_by: int, reverse: bool) -> None:
        from rich.text import Text

        plain = self.__dict__.setdefault("_plain_labels", {})
        for number, (key, column) in enumerate(self.columns.items()):
            label = plain.setdefault(key, column.label.plain)
            marked = f"{label} {'▼' if reverse else '▲'}" if number == sorted_by else label
            if column.label.plain != marked:
                column.label = Text(marked)
                column.content_width = max(column.content_width, len(marked))
        self._require_update_dimensions = True

    def on_data_table_header_selected(self, event: _DataTable.HeaderSelected) -> None:
        if event.data_table is self:
            event.stop()
            self.header_clicked(event.column_index)

    def update_cell(self, row_key, column_key, value, **kwargs):
        return super().update_cell(row_key, column_key, _cell(value), **kwargs)

    def update_cell_at(self, coordinate, value, **kwargs):
        return super().update_cell_at(coordinate, _cell(value), **kwargs)


def _cell(value):
    if isinstance(value, str):
        return LiteralStr(value)
    if isinstance(value, Text):
        return literal_text(value)
    return value
