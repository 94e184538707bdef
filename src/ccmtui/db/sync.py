"""Merging two ccm databases record by record, matched by UUID.

New records are copied; the same record edited on both sides resolves to the later
edit (the overwritten version stays in the receiving database's change log, and the
conflict is reported); deletions propagate, known from the change log; the change logs
themselves are merged, so undo history stays valid. Running it twice changes nothing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

# Parents before children; LOCAL_TABLES never travel.
from ccmtui.db.models import LOCAL_TABLES, Base
from ccmtui.db.queries import Q
from ccmtui.db.write import UNLOGGED, dump_row, plain

if TYPE_CHECKING:
    from ccmtui.db.write import Writer

SYNCED_TABLES = tuple(t.name for t in Base.metadata.sorted_tables if t.name not in LOCAL_TABLES)
# Tables with a foreign key to themselves: their new records must arrive in order.
SELF_REFERRING = frozenset(
    t.name for t in Base.metadata.sorted_tables if any(fk.column.table is t for fk in t.foreign_keys)
)
BATCH = 5_000
# Columns other records point at: a refused record's values there make its children refused too.
REFERENCED = frozenset(
    (fk.column.table.name, fk.column.name) for t in Base.metadata.sorted_tables for fk in t.foreign_keys
)
FOREIGN_KEYS = {
    t.name: tuple((fk.parent.name, fk.column.table.name, fk.column.name) for fk in t.foreign_keys)
    for t in Base.metadata.sorted_tables
}


@dataclass
class Conflict:
    table: str
    uuid: str
    kept: str  # "here" or "there"
    here_updated: str
    there_updated: str
    deleted: str = ""  # for an edit against a deletion: the side that deleted ("here" or "there")
    id: str = ""  # the conflict as recorded (`ccm conflicts`)


@dataclass
class Refused:
    """A record one side cannot take (a value its backend refuses): left out, the rest goes on."""

    table: str
    uuid: str
    into: str  # "here" or "there"
    why: str


@dataclass
class SyncReport:
    here: str
    there: str
    came_in: Counter = field(default_factory=Counter)
    went_out: Counter = field(default_factory=Counter)
    deleted_here: Counter = field(default_factory=Counter)
    deleted_there: Counter = field(default_factory=Counter)
    conflicts: list[Conflict] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)

    @property
    def changed_nothing(self) -> bool:
        return not (self.came_in or self.went_out or self.deleted_here or self.deleted_there)


def _deleted(writer: Writer, table: str) -> dict[str, str]:
    """uuid -> when, for records whose latest logged change is a deletion.

    When is the first deletion since the record was last inserted: a deletion passed on by a sync
    is logged again, later, and must not count as a deletion made then.
    """
    latest: dict[str, tuple[str, str]] = {}
    for row in writer.rows(Q.deletions, table=table):
        previous = latest.get(row.record_uuid)
        if row.action == "delete" and previous is not None and previous[0] == "delete":
            continue
        latest[row.record_uuid] = (row.action, plain(row.made_at))
    return {uuid: when for uuid, (action, when) in latest.items() if action == "delete"}


def _last_synced(writer: Writer, peer: str) -> str | None:
    found = writer.rows(Q.sync_peer, peer=peer)
    return plain(found[0].last_synced_at) if found else None


def _remember(writer: Writer, peer: str, label: str) -> None:
    found = writer.rows(Q.sync_peer, peer=peer)
    if found:
        writer.update("sync_peers", found[0].uuid, {"last_synced_at": writer.stamp, "peer_label": label})
    else:
        writer.insert("sync_peers", {"peer_uuid": peer, "peer_label": label, "last_synced_at": writer.stamp})


def synchronize(here, there, *, here_label: str, there_label: str, push: bool = True) -> SyncReport:
    """Bring `there`'s records into `here` (and, with `push`, `here`'s into `there`).

    `here` and `there` are Writers, each in its own transaction.
    """
    here_id = here.database_id()
    # A merge only reads the other file: it is known by its location until it has an id of its own.
    there_id = there.database_id() if push else (there.existing_database_id() or f"file:{there_label}"[:36])
    # Copies of one file share an id: then each knows the other by id and location.
    if here_id == there_id:
        here_id, there_id = f"{here_id[:24]}:{here_label}"[:36], f"{there_id[:24]}:{there_label}"[:36]
    since = _last_synced(here, there_id)
    report = SyncReport(here=here_label, there=there_label)
    screen = _Screen(report)
    deletions_here: list[tuple[str, str]] = []
    deletions_there: list[tuple[str, str]] = []
    # Read both sides whole before writing: the sync's own log entries must not travel in this round.
    snapshot = {
        table: (here.stamps(table), there.stamps(table), _deleted(here, table), _deleted(there, table))
        for table in SYNCED_TABLES
    }
    # A file's bytes travel only while an attachment uses them.
    unused = set(here.unused_blobs()) | set(there.unused_blobs())
    # Edits against deletions, decided for each record together with its children (docs/team.md).
    revive_here = _revivals(there, snapshot, "here", since, report)
    revive_there = _revivals(here, snapshot, "there", since, report) if push else {}
    for table in SYNCED_TABLES:
        mine, theirs, gone_here, gone_there = snapshot[table]
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
        # says who made them. Oldest first, so a record that refers to another of its table comes after it.
        if table == "blobs":
            incoming = [uuid for uuid in incoming if uuid not in unused]
            outgoing = [uuid for uuid in outgoing if uuid not in unused]
        if incoming:
            # A merge logs what it brings in, so `ccm undo` can take it back out.
            report.came_in[table] += _copy(there, here, table, incoming, screen.into("here"), log=not push)
        if push and outgoing:
            report.went_out[table] += _copy(here, there, table, outgoing, screen.into("there"))
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
    # Each side's log of this very sync goes across too, so a second run finds nothing to do.
    if push:
        _hand_over_log(there, here)
        _hand_over_log(here, there)
    _remember(here, there_id, there_label)
    if push:
        _remember(there, here_id, here_label)
    return report


def _revivals(source, snapshot, into: str, since: str | None, report: SyncReport) -> dict[tuple[str, str], bool]:
    """For each record deleted on the side `into` but still on `source`: whether it comes back.

    A deletion wins over the edits made before it and loses to an edit made after it. The
    decision is taken for a record and its children together (an engagement with its states,
    acting parties, replies, attachments, campaign): an edit after the deletion to any one of
    them brings the whole family back; otherwise the whole family goes. Each such meeting of an
    edit and a deletion since the last sync is reported as a conflict.
    """
    order = {name: i for i, name in enumerate(SYNCED_TABLES)}
    found: dict[tuple[str, str], bool] = {}
    when: dict[tuple[str, str], tuple[str, str]] = {}
    for table in SYNCED_TABLES:
        mine, theirs, gone_here, gone_there = snapshot[table]
        present, absent, gone = (theirs, mine, gone_here) if into == "here" else (mine, theirs, gone_there)
        for uuid, stamp in present.items():
            if uuid not in absent and uuid in gone:
                found[(table, uuid)] = plain(stamp) > gone[uuid]
                when[(table, uuid)] = (plain(stamp), gone[uuid])
    if not found:
        return found
    parent: dict[tuple[str, str], tuple[str, str]] = {}
    by_table: dict[str, list[str]] = {}
    for table, uuid in found:
        by_table.setdefault(table, []).append(uuid)
    for table, uuids in by_table.items():
        links = [
            (column, target)
            for column, target, target_column in FOREIGN_KEYS.get(table, ())
            if target_column == "uuid" and target != table
        ]
        if not links:
            continue
        for row in source.get_many(table, uuids):
            for column, target in links:
                if (target, row.get(column)) in found:
                    parent[(table, row["uuid"])] = (target, row[column])
    # Up: an edit after the deletion to a child brings its parent back; then down: the family follows its parent.
    for key in sorted(found, key=lambda k: -order[k[0]]):
        if found[key] and key in parent:
            found[parent[key]] = True
    for key in sorted(found, key=lambda k: order[k[0]]):
        if key in parent:
            found[key] = found[parent[key]]
    # A family's latest edit: its own or any of its children's.
    root_of = {}
    for key in found:
        root = key
        while root in parent:
            root = parent[root]
        root_of[key] = root
    latest = {}
    for key, root in root_of.items():
        latest[root] = max(latest.get(root, ""), when[key][0])
    for key, revived in found.items():
        if key in parent:
            continue
        edited, deleted = latest[key], when[key][1]
        if since is None or edited <= since or deleted <= since:
            continue
        table, uuid = key
        kept = ("there" if revived else "here") if into == "here" else ("here" if revived else "there")
        here_side, there_side = (f"deleted {deleted}", edited) if into == "here" else (edited, f"deleted {deleted}")
        report.conflicts.append(Conflict(table, uuid, kept, here_side, there_side, deleted=into))
    return found


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


def _copy(source, destination, table: str, uuids: list[str], accept, *, log: bool = False) -> int:
    """New records, copied whole in batches (a million of them must not sit in memory at once).

    `accept` keeps the records the destination can hold; the number copied is returned.
    """
    if table in SELF_REFERRING:
        # Oldest first, so that a change set that reverts another comes after it.
        rows = accept(table, source.get_many(table, uuids))
        destination.copy_in(table, sorted(rows, key=lambda r: (plain(r["created_at"]), r["uuid"])), log=log)
        return len(rows)
    copied = 0
    for start in range(0, len(uuids), BATCH):
        rows = accept(table, source.get_many(table, uuids[start : start + BATCH]))
        destination.copy_in(table, rows, log=log)
        copied += len(rows)
    return copied


class _Screen:
    """Leaves out the records a side cannot hold (and the records that depend on them), naming each."""

    def __init__(self, report: SyncReport):
        self.report = report
        self.refused: dict[tuple[str, str, str], set] = {}  # (side, table, column) -> refused values

    def into(self, side: str):
        def accept(table: str, rows: list[dict]) -> list[dict]:
            kept = []
            for row in rows:
                why = self._why(side, table, row)
                if why is None:
                    kept.append(row)
                    continue
                self.report.refused.append(Refused(table, row["uuid"], side, why))
                for target_table, column in REFERENCED:
                    if target_table == table:
                        self.refused.setdefault((side, table, column), set()).add(row.get(column))
            return kept

        return accept

    def _why(self, side: str, table: str, row: dict) -> str | None:
        from ccmtui.domain.values import problems

        found = problems(table, row)
        if found:
            column, why = found[0]
            return f"its {column.replace('_', ' ')} {why}"
        for column, parent, parent_column in FOREIGN_KEYS.get(table, ()):
            if row.get(column) is not None and row.get(column) in self.refused.get((side, parent, parent_column), ()):
                return f"its {parent[:-1] if parent.endswith('s') else parent} was left out"
        return None


def _hand_over_log(source, destination) -> None:
    if source.changeset is None:
        return
    destination.copy_in("changesets", [source.get("changesets", source.changeset)])
    changes = [change.uuid for change in source.rows(Q.changes_of, changeset=source.changeset)]
    destination.copy_in("changes", source.get_many("changes", changes))


# Files beside a SQLite database that hold part of its content.
_COMPANIONS = ("-wal", "-journal")
_COPY_ATTEMPTS = 3


@contextmanager
def reading_copy(path: Path) -> Iterator[Path]:
    """A private copy of another ccm file, at this ccm's schema, to read from; the file itself is only read.

    The file (with its write-ahead log, if one lies beside it) is copied byte for byte into a
    temporary folder, and the copy is checked and, if older, upgraded there: nothing is written
    into or beside the original, which may be on read-only media. A file that is not a ccm
    database, that a newer ccm wrote, or that cannot be read whole is a one-line error.
    """
    path = Path(path)
    where = str(path)
    with tempfile.TemporaryDirectory(prefix="ccm-read-") as folder:
        copy = Path(folder) / "other.db"
        _copy_whole(path, copy)
        _bring_up_to_date(copy, where)
        yield copy


def _signature(path: Path) -> tuple:
    """What changes when a file is written, for the file and its companions."""
    found = []
    for name in (str(path), *(f"{path}{suffix}" for suffix in _COMPANIONS)):
        try:
            info = os.stat(name)
        except FileNotFoundError:
            found.append(None)
            continue
        found.append((info.st_ino, info.st_size, info.st_mtime_ns))
    return tuple(found)


def _copy_whole(path: Path, copy: Path) -> None:
    """Copy the file and its companions, again if it changed meanwhile; only reads the original."""
    from ccmtui.domain.errors import DatabaseError

    for _ in range(_COPY_ATTEMPTS):
        try:
            before = _signature(path)
            if before[0] is None:
                raise FileNotFoundError(path)
            shutil.copyfile(path, copy)
            for suffix, there in zip(_COMPANIONS, before[1:]):
                Path(f"{copy}{suffix}").unlink(missing_ok=True)
                if there is not None:
                    shutil.copyfile(f"{path}{suffix}", f"{copy}{suffix}")
            after = _signature(path)
        except FileNotFoundError:
            after = None
        except OSError as error:
            raise DatabaseError(f"{path}: cannot be read ({error.strerror or error}); nothing was changed") from None
        if after is not None and after == before:
            return
        if after is None or after[0] is None:
            raise DatabaseError(f"{path}: the file disappeared while it was being read; nothing was changed")
    raise DatabaseError(
        f"{path}: the file kept changing while it was being read (is ccm writing to it?); nothing was changed"
    )


def _bring_up_to_date(copy: Path, where: str) -> None:
    """Check the copy is a ccm database this ccm can read, and upgrade it (no backup: it is a copy)."""
    from sqlalchemy.exc import DBAPIError

    from ccmtui.db import migrate
    from ccmtui.db.session import Database, translate_errors
    from ccmtui.domain.errors import DatabaseError

    database = Database(copy, label=where)
    try:
        with translate_errors(where):
            try:
                with database.engine.connect() as connection:
                    revision = migrate.check(connection, where)
            except DBAPIError as error:
                if "not a database" in str(error.orig):  # not an SQLite file
                    raise DatabaseError(
                        f"{where} is not a ccm database (not an SQLite file); nothing was changed"
                    ) from None
                raise
            if revision != migrate.head():
                migrate.upgrade(database, backup=False)
    finally:
        database.dispose()
