"""The records a sync compares, a page at a time, and the tables it streams whole (see ccmtui.db.sync)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ccmtui.db.sync_log import BATCH
from ccmtui.db.sync_tables import COMPARED_WHOLE, RECORD_TABLES
from ccmtui.db.write import plain

if TYPE_CHECKING:
    from ccmtui.db.write import Writer

Progress = Callable[[int], None]


class Pages:
    """The records of a table to compare, a page at a time: (here's stamps, there's stamps, how many
    records that is, and the whole records when they were read already) for the same uuids.

    Incrementally, the records the new change sets touched. Otherwise every record: first there's,
    a page at a time in there's order, each looked up here; then those only here, in here's order
    (for a merge, only those deleted there). Each side is read in its own order (a server's
    collation may sort uuids unlike a file's).
    """

    def __init__(self, here: Writer, there: Writer, touched: dict[str, set[str]] | None, gone, *, push: bool):
        self.here, self.there, self.touched, self.gone, self.push = here, there, touched, gone, push
        self.counts: dict[str, tuple[int, int]] = {}
        for table in RECORD_TABLES:
            if touched is None or table in COMPARED_WHOLE:
                self.counts[table] = (here.count(table), there.count(table))

    def total(self) -> int:
        listed = sum(len(uuids) for table, uuids in (self.touched or {}).items() if table not in self.counts)
        return listed + sum((mine if self.push else 0) + theirs for mine, theirs in self.counts.values())

    def streamed(self, table: str) -> str | None:
        """ "out" or "in" when only one side has records of a table that simply go across (a first sync
        to an empty server or into an empty file): then they are streamed, not compared."""
        if table not in self.counts or table in COMPARED_WHOLE:
            return None
        in_here, in_there = self.counts[table]
        gone_here, gone_there = self.gone[table]
        if self.push and in_here and not in_there and not gone_there:
            return "out"
        if self.push and in_there and not in_here and not gone_here:
            return "in"
        return None

    def of(self, table: str) -> Iterator[tuple[dict[str, str], dict[str, str], int, dict | None]]:
        here, there = self.here, self.there
        if table not in self.counts:
            if self.touched is None:
                return
            uuids = sorted(self.touched.get(table, ()))
            for start in range(0, len(uuids), BATCH):
                batch = uuids[start : start + BATCH]
                yield here.stamps_of(table, batch), there.stamps_of(table, batch), len(batch), None
            return
        in_here, in_there = self.counts[table]
        if in_there and not in_here:  # nothing here to compare with (a first sync into an empty file)
            for rows in _whole(there, table):
                yield {}, {uuid: plain(row["updated_at"]) for uuid, row in rows.items()}, len(rows), rows
        elif in_there:
            for theirs in _paged(there, table):
                yield here.stamps_of(table, list(theirs)), theirs, len(theirs), None
        if self.push and in_here and not in_there:  # nothing there (a first sync to an empty server)
            for rows in _whole(here, table):
                yield {uuid: plain(row["updated_at"]) for uuid, row in rows.items()}, {}, len(rows), rows
            return
        if self.push and in_here:
            pages = _paged(here, table)
        else:  # a merge takes only deletions from the other file
            deleted = sorted(self.gone.get(table, ({}, {}))[1])
            pages = (here.stamps_of(table, deleted[start : start + BATCH]) for start in range(0, len(deleted), BATCH))
        # Here's records that there lacks (those on both were compared above).
        for mine in pages:
            found = there.stamps_of(table, list(mine)) if mine else {}
            only_here = {uuid: stamp for uuid, stamp in mine.items() if uuid not in found}
            yield only_here, {}, len(mine) if self.push else 0, None


def stream(source: Writer, destination: Writer, table: str, accept, advance: Progress) -> int:
    """Every record of a table, from a side that has them to one that has none, a page at a time into one COPY."""
    copied = 0

    def rows() -> Iterator[dict]:
        nonlocal copied
        for page in _whole(source, table):
            kept = accept(table, list(page.values()))
            copied += len(kept)
            yield from kept
            advance(len(page))

    destination.copy_in(table, rows())
    return copied


def _keyset(read: Callable[[str], list], last: Callable) -> Iterator[list]:
    """Pages read one after another, each after the uuid `last` finds in the one before."""
    after = ""
    while page := read(after):
        after = last(page[-1])
        yield page


def _whole(writer: Writer, table: str) -> Iterator[dict[str, dict]]:
    for page in _keyset(lambda after: writer.page(table, after, BATCH), lambda row: row["uuid"]):
        yield {row["uuid"]: row for row in page}


def _paged(writer: Writer, table: str) -> Iterator[dict[str, str]]:
    for page in _keyset(lambda after: writer.stamps_page(table, after, BATCH), lambda row: row[0]):
        yield dict(page)
