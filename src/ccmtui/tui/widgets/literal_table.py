"""Textual's DataTable, with every cell shown as literal text (stored values are never markup).

Textual reads a string cell as markup; here a string cell is kept as a `LiteralStr` (still equal
to the string it holds) and drawn as written, its control characters made visible.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable as _DataTable
from textual.widgets import _data_table

from ccmtui.textsafe import literal_text, visible


def literal_content(value):
    """A title or label made from stored text: Textual content that is never read as markup."""
    from textual.content import Content

    return Content(visible(value, lines=False))


class LiteralStr(str):
    """A cell's text, shown exactly as written."""


_format_cell = _data_table.default_cell_formatter


def _literal_cell_formatter(obj, wrap: bool = True, height: int = 0):
    if isinstance(obj, LiteralStr):
        return Text(visible(obj, lines=False), no_wrap=not wrap, end="")
    return _format_cell(obj, wrap, height)


if _data_table.default_cell_formatter is _format_cell:
    _data_table.default_cell_formatter = _literal_cell_formatter


class DataTable(_DataTable):
    """A DataTable whose string cells are literal and whose Text cells show control characters."""

    def add_row(self, *cells, **kwargs):
        return super().add_row(*(_cell(cell) for cell in cells), **kwargs)

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
