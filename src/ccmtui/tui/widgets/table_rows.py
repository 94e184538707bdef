"""What a VirtualTable shows: its columns, its rows, and where the rows come from."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from ccmtui.tui.widgets.list_keys import folded

if TYPE_CHECKING:
    from ccmtui.reports.register import Register


@dataclass(frozen=True)
class Column:
    label: str
    width: int | None = None  # None: the width the other columns leave


class Row(NamedTuple):
    key: str
    cells: tuple  # one str or rich Text per column


class Rows(Protocol):
    """What a VirtualTable shows: rows by position."""

    # None until known: the table then shows the first block alone.
    length: int | None
    # True when the rows are in memory already: read on the UI thread, without a worker.
    local: bool

    def read(self, register: Register, start: int, count: int) -> list[Row]:
        """Rows start…start+count-1 (fewer at the end). Runs in a worker with its own register."""
        ...

    # Optional: `sorted(column, reverse) -> Rows | str` (the rows so sorted, or why not), and
    # `find(prefix) -> int | None` (the first position whose first column starts with `prefix`).


class LocalRows:
    """Items already in memory, each made into a Row only when it comes into view."""

    local = True

    def __init__(self, items: Sequence, row: Callable[[int, Any], Row]):
        self.items = items
        self.row = row
        self.length = len(items)

    def read(self, register: Register, start: int, count: int) -> list[Row]:
        return [self.row(i, self.items[i]) for i in range(start, min(start + count, self.length))]

    def sorted(self, column: int, reverse: bool) -> LocalRows:
        """The same items, in the order of one column's text (case and accents ignored)."""
        keyed = sorted(
            range(self.length), key=lambda i: folded(self.row(i, self.items[i]).cells[column]), reverse=reverse
        )
        rows = LocalRows([self.items[i] for i in keyed], lambda i, item: self.row(keyed[i], item))
        return rows
