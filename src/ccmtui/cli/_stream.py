"""Long listings printed as they are read: memory stays flat in the number of rows.

A listing hands over its rows as an iterator with three ways to show one: a plain line, a JSON
object, and a Rich table for a few. On a terminal, what fits a screen is a table; anything longer,
and anything going to a pipe or a file, is printed a plain line at a time as it is read.
`--json` writes the array an element at a time, `--jsonl` one object a line (JSON Lines).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from typing import TypeVar

T = TypeVar("T")

# Output reaches its reader at least this often (seconds), so the first lines show at once.
FLUSH_EVERY = 0.2


def _write(text: str) -> None:
    sys.stdout.write(text)


def _flushing(items: Iterable[T]) -> Iterator[T]:
    """The items, with stdout flushed after the first and then every FLUSH_EVERY seconds."""
    last = None
    for item in items:
        yield item
        now = time.monotonic()
        if last is None or now - last >= FLUSH_EVERY:
            sys.stdout.flush()
            last = now
    sys.stdout.flush()


def stream_json(items: Iterable[T], as_json: Callable[[T], object], *, lines: bool) -> int:
    """JSON Lines (`lines`), or one array written an element at a time; how many were written."""
    from ccmtui.cli._context import with_offsets
    from ccmtui.textsafe import json_safe

    def as_offset_json(item: T) -> object:
        return with_offsets(as_json(item))

    count = 0
    if lines:
        for item in _flushing(items):
            _write(json_safe(json.dumps(as_offset_json(item), ensure_ascii=False, default=str)) + "\n")
            count += 1
        return count
    _write("[")
    for item in _flushing(items):
        element = json.dumps(as_offset_json(item), ensure_ascii=False, indent=2, default=str).replace("\n", "\n  ")
        _write(("," if count else "") + "\n  " + json_safe(element))
        count += 1
    _write("\n]\n" if count else "]\n")
    sys.stdout.flush()
    return count


def stream_text(
    items: Iterable[T],
    *,
    line: Callable[[T], tuple[str, ...]],
    table: Callable[[list[T]], object],
    heading: str | None = None,
) -> int:
    """A table for what fits a terminal's screen, otherwise a plain line per item as it is read;
    how many were shown. `line` gives an item's fields (printed between tabs, each made visible
    text: a tab or a control character in one is shown, not acted on), `table` a Rich renderable
    of a few items."""
    from ccmtui.cli._context import console
    from ccmtui.textsafe import visible

    items = iter(items)
    out = console()
    if sys.stdout.isatty():
        fits = max(out.height - 8, 5)
        first = list(islice(items, fits + 1))
        if len(first) <= fits:
            out.print(table(first))
            return len(first)
        items = chain(first, items)
    count = 0
    if heading:
        _write(visible(heading, lines=False) + "\n")
    for item in _flushing(items):
        _write("\t".join(visible(field, lines=False) for field in line(item)) + "\n")
        count += 1
    return count
