"""Engagements by position in the full list, newest first, through `list_engagements`.

A block starts at a cursor: a day, and how many engagements of that day come before it. The
block is then one LIMITed, index-backed listing query for engagements up to that day: no
OFFSET, and never more rows than the block plus those skipped on its first day. Which day a
position falls on comes from the engagements counted per day (one covering-index query), so
the millionth engagement costs what the first does.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date
from itertools import accumulate
from typing import TYPE_CHECKING

from ccmtui.reports.engagements import LATEST, EngagementFilter, EngagementLine, engagements_per_day, list_engagements
from ccmtui.tui import format as fmt
from ccmtui.tui.widgets.virtual_table import Row

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.reports.register import Register


@dataclass(frozen=True)
class Cursor:
    until: date = LATEST
    skip: int = 0


@dataclass
class Page:
    lines: list[EngagementLine]
    more: bool
    next: Cursor | None


def fetch(reader: Reader, chosen: EngagementFilter, cursor: Cursor, size: int) -> Page:
    window = replace(chosen, until=cursor.until, limit=cursor.skip + size + 1)
    found = list_engagements(reader, window, skip=cursor.skip)
    more = len(found) > size
    lines = found[:size]
    following = None
    if more and lines:
        last = lines[-1].occurred_on
        same_day = sum(1 for line in lines if line.occurred_on == last)
        # Still on the cursor's own day: the earlier pages' rows of that day count too.
        following = Cursor(last, same_day + (cursor.skip if last == cursor.until else 0))
    return Page(lines, more, following)


class Days:
    """Where each day's engagements start in the list, newest day first."""

    def __init__(self, counts: list[tuple[date, int]]):
        self.days = [day for day, _ in counts]
        self.starts = [0, *accumulate(number for _, number in counts)]
        self.total = self.starts[-1]

    def cursor(self, position: int) -> Cursor:
        at = bisect_right(self.starts, position) - 1
        return Cursor(self.days[at], position - self.starts[at])


def count_days(reader: Reader, chosen: EngagementFilter) -> Days:
    return Days(engagements_per_day(reader, chosen))


class EngagementRows:
    """The filtered engagements as rows of the engagements table (see VirtualTable's Rows)."""

    local = False

    def __init__(self, chosen: EngagementFilter, index=None):
        self.filters = chosen
        self.index = index  # the StateIndex for names; read from the register when not loaded yet
        self.days: Days | None = None

    @property
    def length(self) -> int | None:
        return None if self.days is None else self.days.total

    def counted(self, days: Days) -> None:
        self.days = days

    def read(self, register: Register, start: int, count: int) -> list[Row]:
        # Only the first block is read before the count; the others start where the days say.
        cursor = Cursor(self.filters.until or LATEST) if start == 0 else self.days.cursor(start)
        page = fetch(register.reader, self.filters, cursor, count)
        index = self.index or register.index
        return [
            Row(
                line.uuid,
                (
                    fmt.day(line.occurred_on),
                    fmt.kind(line.kind),
                    fmt.area(line.area),
                    fmt.names(line.states, index, 2),
                    line.summary,
                ),
            )
            for line in page.lines
        ]
