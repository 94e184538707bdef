"""Pages of engagements, newest first, on the LIMITed index-backed listing queries.

A page starts at a cursor (a day, and how many engagements of that day earlier pages
showed), so the next page asks for engagements up to that day only: no OFFSET, no count,
and never more rows than a page (plus those already seen on its first day).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ccmtui.tui.source import EARLIEST, LATEST


@dataclass(frozen=True)
class Cursor:
    until: date
    skip: int = 0


@dataclass
class Filters:
    iso3: str | None = None
    area: str | None = None
    kind: str | None = None
    since: date = EARLIEST
    until: date = LATEST

    def query(self) -> tuple[str, dict]:
        params = {"since": self.since, "area": self.area, "kind": self.kind}
        if self.iso3:
            return "engagements_of_state", {**params, "iso3": self.iso3}
        return "engagements_recent", params


@dataclass
class Page:
    rows: list
    more: bool
    next: Cursor | None
    states: dict[str, list[str]] = field(default_factory=dict)


def fetch(reader, filters: Filters, cursor: Cursor, size: int) -> Page:
    name, params = filters.query()
    found = reader.rows(name, **params, until=cursor.until, limit=cursor.skip + size + 1)
    found = found[cursor.skip :]
    more = len(found) > size
    rows = found[:size]
    following = None
    if more and rows:
        last = rows[-1].occurred_on
        same_day = sum(1 for row in rows if row.occurred_on == last)
        # Still on the cursor's own day: the earlier pages' rows of that day count too.
        following = Cursor(last, same_day + (cursor.skip if last == cursor.until else 0))
    from ccmtui.tui.source import states_of

    return Page(rows, more, following, states_of(reader, [row.uuid for row in rows]))
