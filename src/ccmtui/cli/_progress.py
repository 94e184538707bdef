"""A progress bar for long work: on stderr, only on a terminal, so stdout and pipes are unchanged.

The layers below take a plain `on_progress(done)` callable (a count of items finished since the
last call); this turns it into a Rich bar with a rate and an estimate of the time left.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Advance = Callable[[int], None]


def _quiet(_done: int) -> None:
    return None


def _quiet_total(_total: int) -> None:
    return None


_quiet.set_total = _quiet_total  # type: ignore[attr-defined]


def shows_progress() -> bool:
    """Whether a bar would be seen: stderr is a terminal that can redraw a line."""
    stream = sys.stderr
    return bool(getattr(stream, "isatty", lambda: False)()) and os.environ.get("TERM") != "dumb"


@contextmanager
def progress(label: str, total: int | None = None) -> Iterator[Advance]:
    """Yield `advance(n)`; a bar labelled `label` (of `total` items, when known) is drawn meanwhile.

    `advance.set_total(n)` gives the total when it is learnt only once the work has begun.
    """
    if not shows_progress():
        yield _quiet
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            return Text(f"{task.speed:,.0f}/s" if task.speed else "")

    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn()]
    columns += [Rate(), TimeRemainingColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)

        def advance(done: int) -> None:
            bar.advance(task, done)

        def set_total(total: int) -> None:
            bar.update(task, total=total)

        advance.set_total = set_total  # type: ignore[attr-defined]
        yield advance
