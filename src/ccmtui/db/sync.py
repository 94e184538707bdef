"""Merging two ccm databases record by record, matched by UUID, from their change logs.

Each database numbers the change sets of its log in the order they were committed
(`changesets.position`, see `Writer.log_end`) and remembers, per peer, the position in the
peer's log it has taken in (`sync_peers.taken_up_to`). A sync reads only the change sets after
those positions: the ones the other side lacks are copied, with their changes, and the records
they touched are compared and settled; nothing else is read. A first sync (or one whose
remembered position no longer names a change set this side took in: a peer restored from a
backup, a file replaced by another) compares every record instead, a page at a time.

New records are copied; the same record edited on both sides resolves to the later
edit (the overwritten version stays in the receiving database's change log, and the
conflict is reported); deletions propagate, known from the change log; the change logs
themselves are merged, so undo history stays valid. Running it twice changes nothing.
Everything happens in one transaction per side, the positions with the records they cover.

The parts: the change logs (sync_log), the pages of records compared (sync_pages), edits against
deletions (sync_revive), the records a side cannot hold (sync_screen), the tables (sync_tables).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import zip_longest
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.db.sync_log import (
    BATCH,
    Peer,
    deleted_records,
    hand_over_log,
    known_peer,
    peer_ids,
    remember,
    still_valid,
    take_logs,
    touched_records,
)
from ccmtui.db.sync_pages import Pages, Progress, stream
from ccmtui.db.sync_report import Conflict, SyncReport
from ccmtui.db.sync_revive import decide_revivals
from ccmtui.db.sync_screen import Screen
from ccmtui.db.sync_tables import COMPARED_WHOLE, RECORD_TABLES, SELF_REFERENCING, SYNCED_TABLES
from ccmtui.db.write import UNLOGGED, dump_row, plain

if TYPE_CHECKING:
    from ccmtui.db.write import Writer


def synchronize(
    here,
    there,
    *,
    here_label: str,
    there_label: str,
    push: bool = True,
    on_progress: Progress | None = None,
    on_total: Progress | None = None,
) -> SyncReport:
    """Bring `there`'s records into `here` (and, with `push`, `here`'s into `there`).

    `here` and `there` are Writers, each in its own transaction. `on_total(n)` is told how many
    records will be compared, once known; `on_progress(n)` each time n more are.
    """
    advance = on_progress or (lambda _n: None)
    here_id = here.database_id()
    # A merge only reads the other file: it is known by its location until it has an id of its own.
    there_id = there.database_id() if push else (there.existing_database_id() or f"file:{there_label}"[:36])
    here_id, there_id = peer_ids(here_id, there_id, here_label, there_label)
    # Both logs are locked from here on (on a server, writers wait): what is read is what is taken.
    here.expect_many()
    there.expect_many()
    here_end, there_end = here.log_end(), there.log_end()
    here_chain, there_chain = here.log_chain(), there.log_chain()
    known_here, known_there = known_peer(here, there_id), (known_peer(there, here_id) if push else Peer())
    since = known_here.last_synced
    incremental = still_valid(known_here, there, there_end) and (not push or still_valid(known_there, here, here_end))
    report = SyncReport(here=here_label, there=there_label, whole=not incremental)
    # Where each side's log is read from, and (unless every record is compared) the records it touched.
    from_there = known_here.taken_up_to if incremental else 0
    from_here = known_there.taken_up_to if incremental else 0
    touched: dict[str, set[str]] | None = None
    if incremental:
        touched = {}
        touched_records(there, here, from_there, there_end, touched)
        if push:
            touched_records(here, there, from_here, here_end, touched)
    screen = Screen(report)
    deletions_here: list[tuple[str, str]] = []
    deletions_there: list[tuple[str, str]] = []
    # Records deleted on one side, and whether an edit on the other brings them back (docs/team.md).
    gone = {
        table: (
            deleted_records(here, table, _among(touched, table)),
            deleted_records(there, table, _among(touched, table)),
        )
        for table in RECORD_TABLES
    }
    revive_here, revive_there = decide_revivals(here, there, gone, since, report, push=push)
    # A file's bytes travel only while an attachment uses them.
    unused = set(here.unused_blobs()) | set(there.unused_blobs())
    pages = Pages(here, there, touched, gone, push=push)
    report.compared = pages.total()
    if on_total is not None:
        on_total(report.compared)

    # Tables that go across whole into empty ones: a server builds their indexes and checks once they are full.
    there.set_aside_checks([table for table in RECORD_TABLES if pages.streamed(table) == "out"])
    here.set_aside_checks([table for table in RECORD_TABLES if pages.streamed(table) == "in"])
    for table in RECORD_TABLES:
        gone_here, gone_there = gone[table]
        streamed = pages.streamed(table)
        if streamed == "out":
            report.went_out[table] += stream(here, there, table, screen.into("there"), advance)
            continue
        if streamed == "in":
            report.came_in[table] += stream(there, here, table, screen.into("here"), advance)
            continue
        for mine, theirs, compared, whole in pages.of(table):
            incoming, outgoing = [], []
            for uuid in theirs:
                if uuid in mine:
                    continue
                if uuid in gone_here and not revive_here.get((table, uuid)):
                    if push:
                        deletions_there.append((table, uuid))
                else:
                    incoming.append(uuid)
            for uuid in mine:
                if uuid in theirs:
                    continue
                if uuid in gone_there and not (push and revive_there.get((table, uuid))):
                    deletions_here.append((table, uuid))
                elif push:
                    outgoing.append(uuid)
            # New records are copied whole and in batches; the change log that travels with them
            # says who made them.
            if table == "blobs":
                incoming = [uuid for uuid in incoming if uuid not in unused]
                outgoing = [uuid for uuid in outgoing if uuid not in unused]
            # A merge logs what it brings in, so `ccm undo` can take it back out; a sync logs the records
            # an edit brought back after a deletion (their own change sets are already on both sides),
            # so the next sync of a third database sees them come back too.
            pulled = (
                (rows, log)
                for uuids, log in _split(incoming, gone_here, not push)
                for rows in _batches(there, table, uuids, screen.into("here"), whole)
            )
            pushed = (
                (rows, log)
                for uuids, log in (_split(outgoing, gone_there, False) if push else ())
                for rows in _batches(here, table, uuids, screen.into("there"), whole)
            )
            _exchange(here, there, table, pulled, pushed, report)
            for uuid in mine.keys() & theirs.keys():
                ours, other = plain(mine[uuid]), plain(theirs[uuid])
                if ours == other:
                    continue
                if since is not None and ours > since and other > since:
                    conflict = Conflict(table, uuid, "here" if ours > other else "there", ours, other)
                    if table not in UNLOGGED:
                        sides = ((here_id, here_label), (there_id, there_label))
                        conflict.id = _record_conflict(here, there, conflict, sides, push=push)
                    report.conflicts.append(conflict)
                if other > ours:
                    if screen.into("here")(table, [row := there.get(table, uuid)]):
                        here.update(table, uuid, row, touch=False)
                        report.came_in[table] += 1
                elif push:
                    if screen.into("there")(table, [row := here.get(table, uuid)]):
                        there.update(table, uuid, row, touch=False)
                        report.went_out[table] += 1
            advance(compared)
    there.restore_checks()
    here.restore_checks()
    # Children before parents.
    order = {name: i for i, name in enumerate(SYNCED_TABLES)}
    for table, uuid in sorted(deletions_here, key=lambda d: -order[d[0]]):
        here.delete(table, uuid)
        report.deleted_here[table] += 1
    for table, uuid in sorted(deletions_there, key=lambda d: -order[d[0]]):
        there.delete(table, uuid)
        report.deleted_there[table] += 1
    # Bytes no attachment uses any more (an attachment deleted or undone) go too.
    here.drop_unused_blobs()
    if push:
        there.drop_unused_blobs()
    # The change sets each side lacked: after the records, so that a conflict names who made each version.
    came, went = take_logs(here, there, (from_there, there_end), (from_here, here_end) if push else None)
    report.came_in += came
    report.went_out += went
    # Each side's log of this very sync goes across too, so a second run finds nothing to do.
    if push:
        hand_over_log(there, here)
        hand_over_log(here, there)
    # Each side has now taken in the other's log up to where it stood when this sync began: the
    # change sets this sync itself adds come after, and the next sync finds each already on the other side.
    # Records left out are not in step: the next sync compares every record again, and names them again.
    left_out = bool(report.refused)
    remember(here, there_id, there_label, None if left_out else (there_end, there_chain))
    if push:
        remember(there, here_id, here_label, None if left_out else (here_end, here_chain))
    return report


def _split(uuids: list[str], gone: dict[str, str], log: bool) -> list[tuple[list[str], bool]]:
    """New records to copy, as (uuids, whether to log them): the ones deleted on the receiving side
    (brought back by a later edit) are always logged."""
    if log:
        return [(uuids, True)] if uuids else []
    revived = [uuid for uuid in uuids if uuid in gone]
    fresh = [uuid for uuid in uuids if uuid not in gone]
    return [(found, logged) for found, logged in ((fresh, False), (revived, True)) if found]


def _among(touched: dict[str, set[str]] | None, table: str) -> set[str] | None:
    if touched is None or table in COMPARED_WHOLE:
        return None
    return touched.get(table, set())


def _record_conflict(here, there, conflict: Conflict, sides, *, push: bool) -> str:
    """Both versions of a record edited on both sides, who made each and when, kept on both sides."""
    values = {"table_name": conflict.table, "record_uuid": conflict.uuid, "found_at": here.stamp}
    values["kept"] = "a" if conflict.kept == "here" else "b"
    for side, writer, (database, label) in (("a", here, sides[0]), ("b", there, sides[1])):
        version = writer.get(conflict.table, conflict.uuid)
        last = writer.rows(Q.last_change_of, table=conflict.table, record=conflict.uuid)
        values[f"{side}_in"] = database
        values[f"{side}_label"] = label[:300]
        values[f"{side}_version"] = dump_row(version)
        values[f"{side}_by"] = last[0].made_by if last else None
        values[f"{side}_login"] = last[0].made_as if last else None
        values[f"{side}_at"] = last[0].made_at if last else (version or {}).get("updated_at")
    row = here.insert("conflicts", values)
    if push:
        there.copy_in("conflicts", [row])
    return row["uuid"]


def _batches(source: Writer, table: str, uuids: list[str], accept, whole: dict | None) -> Iterator[list[dict]]:
    """New records to copy, whole and in batches (a million of them must not sit in memory at once).

    `accept` keeps the records the destination can hold. `whole` holds the records when they were
    read already (uuid -> record).
    """
    for start in range(0, len(uuids), BATCH):
        batch = uuids[start : start + BATCH]
        found = [whole[uuid] for uuid in batch] if whole is not None else source.get_many(table, batch)
        rows = accept(table, found)
        if table not in SELF_REFERENCING:  # in index order: each page of the uuid index is visited once
            rows.sort(key=_by_uuid)
        yield rows


def _exchange(here: Writer, there: Writer, table: str, pulled: Iterator, pushed: Iterator, report: SyncReport) -> None:
    """Copy batches of records both ways, (rows, whether to log them) each, counted in the report.

    In turns: a batch is read from there, one sent there, then the first written here; a server
    stores what it was sent while this side writes (see ccmtui.db.write_alchemy).
    """
    for came, went in zip_longest(pulled, pushed):
        if went is not None:
            there.copy_in(table, went[0], log=went[1])
            report.went_out[table] += len(went[0])
        if came is not None:
            here.copy_in(table, came[0], log=came[1])
            report.came_in[table] += len(came[0])


def _by_uuid(row: dict) -> str:
    return row["uuid"]
