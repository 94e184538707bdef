"""Every write goes through a Writer: one transaction, every change logged for undo and sync.

`writing(target, by=…, command=…)` opens one transaction (BEGIN IMMEDIATE on SQLite,
so concurrent writers queue rather than fail) and yields a Writer. Each insert, update
and delete records a row in `changes` (values before and after, as JSON) under one
`changesets` row naming the command and the coordinator. On SQLite the statements are
the ones compiled from the models ahead of time (`ccmtui.db.compiled`); on other
databases they are built from the same tables with SQLAlchemy Core.
"""

from __future__ import annotations

import json
import sqlite3
import uuid as uuidlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Protocol

from ccmtui.db.failures import describe_failure
from ccmtui.db.queries import Q
from ccmtui.db.read import BUSY_TIMEOUT_MS, convert, open_reader
from ccmtui.db.target import Target
from ccmtui.domain.errors import DatabaseError
from ccmtui.domain.values import check as check_values

if TYPE_CHECKING:
    pass

# Kept equal to ccmtui.db.models.UNLOGGED_TABLES (a test checks); not imported, to keep SQLAlchemy off this path.
PAGE = 5_000  # uuids per statement when looking records up (one parameter: a JSON array, or an array)
UNLOGGED = frozenset({"changesets", "changes", "blobs", "database_info", "sync_peers"})
SYNC_CACHE_KIB = 64 * 1024  # SQLite's page cache during a sync (see SQLiteBackend.expect_many)


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def plain(value):
    """A value as JSON holds it (dates as ISO 8601 text)."""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


class Backend(Protocol):
    """One open transaction on one kind of database: what a Writer runs its work through."""

    def rows(self, name: str, /, **params: Any) -> list[Any]: ...

    def complete(self, table: str, values: dict, stamp: datetime) -> dict: ...

    def insert(self, table: str, row: dict) -> None: ...

    def update(self, table: str, row: dict) -> None: ...

    def delete(self, table: str, uuid: str) -> None: ...

    def insert_many(self, table: str, rows: Iterable[dict]) -> None: ...

    def get(self, table: str, uuid: str) -> dict | None: ...

    def get_many(self, table: str, uuids: list[str]) -> list[dict]: ...

    def stamps(self, table: str) -> dict[str, str]: ...

    def stamps_of(self, table: str, uuids: list[str]) -> dict[str, str]: ...

    def stamps_page(self, table: str, after: str, limit: int) -> list[tuple[str, str]]: ...

    def page(self, table: str, after: str, limit: int) -> list[dict]: ...

    def count(self, table: str) -> int: ...

    def role(self) -> str | None: ...

    def lock_log(self) -> None: ...

    def expect_many(self) -> None: ...

    def set_aside_checks(self, tables: list[str]) -> None: ...

    def restore_checks(self) -> None: ...


class Writer:
    """Inserts, updates and deletes inside one transaction, logging each change.

    A Writer is also a `ccmtui.db.read.Reader` on that transaction: `rows(Q.name, …)`
    sees what it has written so far.
    """

    def __init__(
        self, backend: Backend, *, by: str | None, command: str, stamp: datetime | None = None, logged: bool = True
    ):
        self.backend = backend
        self.by = by
        self.command = command
        self.changeset: str | None = None
        self._seq = 0
        # A fixed stamp and no change log let the sample builder write deterministic content.
        self.stamp = stamp or now()
        self.logged = logged
        self.counts: dict[str, int] = {}
        self._database_id: str | None = None
        self._position: int | None = None  # the last position given in this database's log
        self._chain = ""  # and its chain

    # -- reads inside the transaction
    def rows(self, name: str, /, **params: Any) -> list[Any]:
        return self.backend.rows(name, **params)

    def get(self, table: str, uuid: str) -> dict | None:
        return self.backend.get(table, uuid)

    def stamps(self, table: str) -> dict[str, str]:
        return self.backend.stamps(table)

    def stamps_of(self, table: str, uuids: list[str]) -> dict[str, str]:
        """uuid -> updated_at (as ISO 8601 text) of those of `uuids` that this database holds."""
        found: dict[str, str] = {}
        for start in range(0, len(uuids), PAGE):
            found.update(self.backend.stamps_of(table, uuids[start : start + PAGE]))
        return found

    def stamps_page(self, table: str, after: str, limit: int) -> list[tuple[str, str]]:
        """The next `limit` (uuid, updated_at) of a table after the uuid `after`, in this database's uuid order."""
        return self.backend.stamps_page(table, after, limit)

    def page(self, table: str, after: str, limit: int) -> list[dict]:
        """The next `limit` whole records of a table after the uuid `after`, in this database's uuid order."""
        return self.backend.page(table, after, limit)

    def count(self, table: str) -> int:
        return self.backend.count(table)

    def get_many(self, table: str, uuids: list[str]) -> list[dict]:
        """Whole records by uuid, read in chunks."""
        rows: list[dict] = []
        for start in range(0, len(uuids), PAGE):
            rows.extend(self.backend.get_many(table, uuids[start : start + PAGE]))
        return rows

    def expect_many(self) -> None:
        """Prepare this transaction for records by the thousand (a sync)."""
        self.backend.expect_many()

    def set_aside_checks(self, tables: list[str]) -> None:
        """Before loading whole tables that are empty here: a server may build their indexes and
        check their rules once they are full (`restore_checks`) rather than record by record."""
        self.backend.set_aside_checks(tables)

    def restore_checks(self) -> None:
        """After the load `set_aside_checks` prepared: every index and rule in place and checked again."""
        self.backend.restore_checks()

    def copy_in(self, table: str, rows: Iterable[dict], *, log: bool = False) -> None:
        """Records arriving whole from another database: written as they are, streamed (`rows` may be
        a generator: a million records need not sit in memory).

        Not logged (their own change log travels with them) unless `log`: a merge logs what it
        brings in, so that it can be undone.
        """
        if table == "changesets":  # change sets take their place at the end of this database's log
            rows = [{**row, **self.next_position(row["uuid"])} for row in rows]
        if log:
            rows = list(rows)
        self.backend.insert_many(table, rows)
        if log:
            for row in rows:
                self._log(table, row["uuid"], "insert", None, row)

    def unused_blobs(self) -> list[str]:
        """The uuids of stored files no attachment refers to any more."""
        return self.backend.unused_blobs()

    def drop_unused_blobs(self) -> int:
        """Removes the bytes of files no attachment uses (after an undo, a deletion, a sync)."""
        unused = self.unused_blobs()
        for uuid in unused:
            self.backend.delete("blobs", uuid)
        return len(unused)

    # -- writes
    def insert(self, table: str, values: dict, *, log: bool = True) -> dict:
        self._queue(table)
        row = self.backend.complete(table, values, self.stamp)
        check_values(table, row)  # the same values on every backend, refused before writing
        self.backend.insert(table, row)
        if log:
            self._log(table, row["uuid"], "insert", None, row)
        return row

    def update(self, table: str, uuid: str, changes: dict, *, touch: bool = True) -> dict:
        self._queue(table)
        before = self.backend.get(table, uuid)
        if before is None:
            raise DatabaseError(f"no {table} record {uuid}")
        if touch:  # an edit; undo puts back what was, and a sync screens what it copies (db/sync.py)
            check_values(table, changes)
        after = {**before, **changes}
        if touch:
            after["updated_at"] = self.stamp
        if after != before:
            self.backend.update(table, after)
            self._log(table, uuid, "update", before, after)
        return after

    def delete(self, table: str, uuid: str) -> dict:
        self._queue(table)
        before = self.backend.get(table, uuid)
        if before is None:
            raise DatabaseError(f"no {table} record {uuid}")
        self.backend.delete(table, uuid)
        self._log(table, uuid, "delete", before, None)
        return before

    def restore(self, table: str, row: dict) -> None:
        """Put a deleted record back (undo), as the caller gives it."""
        self._queue(table)
        self.backend.insert(table, row)
        self._log(table, row["uuid"], "insert", None, row)

    def role(self) -> str | None:
        """The login role on a database server (None on a file): part of who made a change."""
        return self.backend.role()

    def existing_database_id(self) -> str | None:
        found = self.backend.rows(Q.database_info)
        return found[0].uuid if found else None

    def database_id(self) -> str:
        """This database's own id, given on its first write (so copies of an unused file differ)."""
        if self._database_id is None:
            self._database_id = self.existing_database_id()
            if self._database_id is None:
                row = self.backend.complete("database_info", {"label": ""}, self.stamp)
                self.backend.insert("database_info", row)
                self._database_id = row["uuid"]
        return self._database_id

    def log_end(self) -> int:
        """The last position in this database's log, locking the log until the transaction ends.

        Writers that log queue on this lock (on a server; on a file BEGIN IMMEDIATE already holds
        the whole file), so a position is given only once every smaller one is committed: a peer
        that has read the log up to a position never misses a change set committed later (docs/team.md).
        """
        if self._position is None:
            self.backend.lock_log()
            last = self.backend.rows(Q.last_position)
            self._position, self._chain = (last[0].position, last[0].chain or "") if last else (0, "")
        return self._position

    def log_chain(self) -> str:
        """The chain of the log at `log_end` (see ChangeSet.chain)."""
        self.log_end()
        return self._chain

    def next_position(self, uuid: str) -> dict:
        """The next position in this database's log (see `log_end`) for the change set `uuid`, with its chain."""
        self._position = self.log_end() + 1
        self._chain = chain(self._chain, uuid)
        return {"position": self._position, "chain": self._chain}

    def _queue(self, table: str) -> None:
        """Before a logged write, wait for the log: its lock comes first, before any record is locked."""
        if self.logged and table not in UNLOGGED:
            self.log_end()

    def _log(self, table: str, uuid: str, action: str, before: dict | None, after: dict | None) -> None:
        if table in UNLOGGED or not self.logged:
            return
        if self.changeset is None:
            self.changeset = str(uuidlib.uuid4())
            values = {
                "uuid": self.changeset,
                "made_at": self.stamp,
                "made_by": self.by,
                "made_as": self.role(),
                "made_in": self.database_id(),
                "command": self.command[:300],
                **self.next_position(self.changeset),
            }
            self.backend.insert("changesets", self.backend.complete("changesets", values, self.stamp))
        self._seq += 1
        self.counts[table] = self.counts.get(table, 0) + 1
        self.backend.insert(
            "changes",
            self.backend.complete(
                "changes",
                {
                    "changeset_uuid": self.changeset,
                    "seq": self._seq,
                    "table_name": table,
                    "record_uuid": uuid,
                    "action": action,
                    "before": _dump(before),
                    "after": _dump(after),
                },
                self.stamp,
            ),
        )


def complete_row(table: str, values: dict, stamp: datetime) -> dict:
    """A new record of a table: `values`, and for the other columns a new uuid, the stamp, or their defaults."""
    from ccmtui.db.compiled import TABLES

    columns = TABLES[table]["columns"]
    unknown = set(values) - {name for name, _, _ in columns}
    if unknown:
        raise ValueError(f"{table} has no column(s) {', '.join(sorted(unknown))}")
    row = {}
    for name, _kind, default in columns:
        if name in values:
            row[name] = values[name]
        elif name == "uuid":
            row[name] = str(uuidlib.uuid4())
        elif name in ("created_at", "updated_at"):
            row[name] = stamp
        else:
            row[name] = default
    return row


def chain(previous: str, uuid: str) -> str:
    """The log's chain after the change set `uuid` (see ChangeSet.chain)."""
    import hashlib

    return hashlib.sha256(f"{previous}:{uuid}".encode()).hexdigest()


def dump_row(row: dict | None) -> str | None:
    """A row as the change log holds it (JSON, dates as ISO 8601 text)."""
    return _dump(row)


def _dump(row: dict | None) -> str | None:
    if row is None:
        return None
    return json.dumps({k: plain(v) for k, v in row.items()}, sort_keys=True, ensure_ascii=False)


def load_row(table: str, text: str | None) -> dict | None:
    """A logged row back as Python values."""
    if text is None:
        return None
    from ccmtui.db.compiled import TABLES

    raw = json.loads(text)
    kinds = {name: kind for name, kind, _ in TABLES[table]["columns"]}
    return {k: convert(kinds.get(k), v) for k, v in raw.items()}


@contextmanager
def writing(target: Target | str, *, by: str | None, command: str) -> Iterator[Writer]:
    """One write transaction on the database at `target`, created on first use."""
    target = Target.parse(target)
    path = target.path
    if path is None:
        if target.url.startswith(("postgresql://", "postgresql+psycopg://", "postgres://")):
            yield from _writing_postgresql(target, by=by, command=command)
        else:
            yield from _writing_alchemy(target, by=by, command=command)
        return
    reader = open_reader(target)
    connection = reader.connection
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # Each insertion into a table with several indexes keeps a statement journal; past 64 KiB
        # SQLite moves it to a temporary file, and thousands of insertions (a sync) then cost hundreds
        # of thousands of writes to it. Kept in memory (one statement's pages at a time) instead: the
        # setting counts only when set before the transaction begins.
        connection.execute("PRAGMA temp_store = MEMORY")
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        reader.close()
        raise DatabaseError(describe_failure(error, str(path))) from None
    from ccmtui.db.write_sqlite import SQLiteBackend

    writer = Writer(SQLiteBackend(connection, reader), by=by, command=command)
    try:
        yield writer
        connection.execute("COMMIT")
    except sqlite3.Error as error:
        _rollback(connection)
        raise DatabaseError(describe_failure(error, str(path))) from None
    except BaseException:
        _rollback(connection)
        raise
    finally:
        reader.close()


def _rollback(connection: sqlite3.Connection) -> None:
    try:
        connection.execute("ROLLBACK")
    except sqlite3.Error:
        pass


def _writing_postgresql(target: Target, *, by: str | None, command: str) -> Iterator[Writer]:
    """On a PostgreSQL server through psycopg alone (created or refused first, if not at this ccm's schema)."""
    import psycopg

    from ccmtui.db.write_postgresql import PostgreSQLBackend

    reader = open_reader(target)
    backend = PostgreSQLBackend(reader)
    try:
        with reader.connection.transaction():
            yield Writer(backend, by=by, command=command)
            backend.settle()  # every COPY sent in the background is in before the commit
    except psycopg.Error as error:
        raise DatabaseError(describe_failure(error, backend.where)) from None
    finally:
        backend.wait()  # after a rollback too: nothing runs on the connection once it is closed
        reader.close()


def _writing_alchemy(target: Target, *, by: str | None, command: str) -> Iterator[Writer]:
    from ccmtui.db.read import AlchemyReader
    from ccmtui.db.session import Database, translate_errors
    from ccmtui.db.write_alchemy import AlchemyBackend

    database = Database(target).ensure()
    reader = AlchemyReader(database)
    try:
        with translate_errors(database.display), database.engine.begin() as connection:
            yield Writer(AlchemyBackend(connection, reader), by=by, command=command)
    finally:
        database.dispose()
