"""Pages of engagements, newest first, through `list_engagements` (as `ccm engagements`).

A page starts at a cursor (a day, and how many engagements of that day earlier pages
showed), so the next page asks for engagements up to that day only: the listing's LIMITed,
index-backed queries, no OFFSET, no count, and never more rows than a page plus those
already seen on its first day.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ccmtui.reports.engagements import LATEST, EngagementFilter, EngagementLine, list_engagements


@dataclass(frozen=True)
class Cursor:
    until: date = LATEST
    skip: int = 0


@dataclass
class Page:
    lines: list[EngagementLine]
    more: bool
    next: Cursor | None


def fetch(reader, chosen: EngagementFilter, cursor: Cursor, size: int) -> Page:
    window = replace(chosen, until=cursor.until, limit=cursor.skip + size + 1)
    found = list_engagements(reader, window)[cursor.skip :]
    more = len(found) > size
    lines = found[:size]
    following = None
    if more and lines:
        last = lines[-1].occurred_on
        same_day = sum(1 for line in lines if line.occurred_on == last)
        # Still on the cursor's own day: the earlier pages' rows of that day count too.
        following = Cursor(last, same_day + (cursor.skip if last == cursor.until else 0))
    return Page(lines, more, following)
