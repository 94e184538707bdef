"""The Writer's backend on a PostgreSQL server, through psycopg alone: the same operations as
`SQLiteBackend`, as SQL built from the tables' columns (`ccmtui.db.compiled.TABLES`), so that a
write (a sync above all) loads neither SQLAlchemy nor the models.

Records a sync sends in one piece (a list) go in with COPY from a thread: the server stores them
while this process goes on with its own side (the file's insertions). The next use of the
connection waits for that COPY first (`settle`), and so does the commit: one transaction,
statements in the order they were made, a failure raised at the next step as a one-line error.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from ccmtui.db.failures import describe_failure
from ccmtui.db.write import complete_row, plain
from ccmtui.domain.errors import DatabaseError

if TYPE_CHECKING:
    from ccmtui.db.read import PostgreSQLReader


@cache
def _columns(table: str) -> tuple[str, ...]:
    from ccmtui.db.compiled import TABLES

    return tuple(name for name, _, _ in TABLES[table]["columns"])


@cache
def _booleans(table: str) -> tuple[str, ...]:
    from ccmtui.db.compiled import TABLES

    return tuple(name for name, kind, _ in TABLES[table]["columns"] if kind == "bool")


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@cache
def _statements(table: str) -> dict[str, str]:
    names = _columns(table)
    columns = ", ".join(_quoted(name) for name in names)
    t = _quoted(table)
    return {
        "columns": columns,
        "insert": f"INSERT INTO {t} ({columns}) VALUES ({', '.join(f'%({name})s' for name in names)})",
        "update": f"UPDATE {t} SET {', '.join(f'{_quoted(name)} = %({name})s' for name in names)} "
        "WHERE uuid = %(uuid)s",
        "delete": f"DELETE FROM {t} WHERE uuid = %s",
        "select": f"SELECT {columns} FROM {t} WHERE uuid = %s",
        "select_many": f"SELECT {columns} FROM {t} WHERE uuid = ANY(%s)",
        "page": f"SELECT {columns} FROM {t} WHERE uuid > %s ORDER BY uuid LIMIT %s",
        "stamps": f"SELECT uuid, updated_at FROM {t}",
        "stamps_of": f"SELECT uuid, updated_at FROM {t} WHERE uuid = ANY(%s)",
        "stamps_page": f"SELECT uuid, updated_at FROM {t} WHERE uuid > %s ORDER BY uuid LIMIT %s",
        "count": f"SELECT count(*) FROM {t}",
        "copy": f"COPY {t} ({columns}) FROM STDIN",
    }


class PostgreSQLBackend:
    """One transaction on a psycopg connection."""

    def __init__(self, reader: PostgreSQLReader):
        self.reader = reader
        self.connection = reader.connection
        self.where = reader.target.masked
        self._sending: threading.Thread | None = None  # a COPY still running (see `settle`)
        self._failure: BaseException | None = None
        self._set_aside: tuple[list, list, list[str]] = ([], [], [])  # see `set_aside_checks`

    # -- the COPY sent in the background
    def wait(self) -> BaseException | None:
        """Wait for the COPY sent in the background, if any; its failure is returned."""
        if self._sending is not None:
            self._sending.join()
            self._sending = None
        failure, self._failure = self._failure, None
        return failure

    def settle(self) -> None:
        """Wait for the COPY sent in the background, if any; its failure is raised here."""
        failure = self.wait()
        if failure is None:
            return
        import psycopg

        if isinstance(failure, psycopg.Error):
            raise DatabaseError(describe_failure(failure, self.where)) from None
        raise failure

    def _run(self, sql, params: Any = None):
        """One statement in this transaction (after any COPY), its failure a one-line error."""
        import psycopg

        self.settle()
        try:
            return self.connection.execute(sql, params)
        except psycopg.Error as error:
            raise DatabaseError(describe_failure(error, self.where)) from None

    def _record(self, table: str, found: tuple) -> dict:
        return dict(zip(_columns(table), found))

    def _bound(self, table: str, row: dict) -> dict:
        # A boolean column takes a bool (psycopg sends 0 and 1 as integers).
        flags = _booleans(table)
        if not flags:
            return row
        return {**row, **{name: bool(row[name]) for name in flags if row.get(name) is not None}}

    # -- reads
    def rows(self, name: str, /, **params: Any) -> list[Any]:
        from ccmtui.db.read import postgresql_rows

        self.settle()
        return postgresql_rows(self.connection, self.where, name, params)

    def get(self, table: str, uuid: str) -> dict | None:
        found = self._run(_statements(table)["select"], (uuid,)).fetchone()
        return None if found is None else self._record(table, found)

    def get_many(self, table: str, uuids: list[str]) -> list[dict]:
        return [self._record(table, row) for row in self._run(_statements(table)["select_many"], (uuids,)).fetchall()]

    def page(self, table: str, after: str, limit: int) -> list[dict]:
        found = self._run(_statements(table)["page"], (after, limit)).fetchall()
        return [self._record(table, row) for row in found]

    def stamps(self, table: str) -> dict[str, str]:
        return {uuid: plain(stamp) for uuid, stamp in self._run(_statements(table)["stamps"]).fetchall()}

    def stamps_of(self, table: str, uuids: list[str]) -> dict[str, str]:
        found = self._run(_statements(table)["stamps_of"], (uuids,)).fetchall()
        return {uuid: plain(stamp) for uuid, stamp in found}

    def stamps_page(self, table: str, after: str, limit: int) -> list[tuple[str, str]]:
        found = self._run(_statements(table)["stamps_page"], (after, limit)).fetchall()
        return [(uuid, plain(stamp)) for uuid, stamp in found]

    def count(self, table: str) -> int:
        return self._run(_statements(table)["count"]).fetchone()[0]

    def unused_blobs(self) -> list[str]:
        sql = (
            "SELECT uuid FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM attachments) AND sha256 NOT IN "
            "(SELECT document_sha256 FROM practices WHERE document_sha256 IS NOT NULL) ORDER BY uuid"
        )
        return [uuid for (uuid,) in self._run(sql).fetchall()]

    def role(self) -> str | None:
        if not hasattr(self, "_role"):
            self._role = self._run("SELECT current_user").fetchone()[0]
        return self._role

    # -- writes
    def complete(self, table: str, values: dict, stamp: datetime) -> dict:
        return complete_row(table, values, stamp)

    def insert(self, table: str, row: dict) -> None:
        self._run(_statements(table)["insert"], self._bound(table, row))

    def update(self, table: str, row: dict) -> None:
        self._run(_statements(table)["update"], self._bound(table, row))

    def delete(self, table: str, uuid: str) -> None:
        self._run(_statements(table)["delete"], (uuid,))

    def insert_many(self, table: str, rows: Iterable[dict]) -> None:
        self.settle()
        if isinstance(rows, list):  # in memory already: stored by the server while this process goes on
            self._sending = threading.Thread(target=self._copy_behind, args=(table, rows), name="ccm-copy")
            self._sending.start()
            return
        self._copy(table, rows)

    def _copy_behind(self, table: str, rows: list[dict]) -> None:
        try:
            self._copy(table, rows)
        except BaseException as failure:  # raised by `settle`, in the thread that uses the transaction
            self._failure = failure

    def _copy(self, table: str, rows: Iterable[dict]) -> None:
        # COPY: many times faster than INSERT for the records a sync brings in (a first sync: all of
        # them, streamed, sent by a thread of psycopg's while the next are read).
        import psycopg
        from psycopg.copy import QueuedLibpqWriter

        names = _columns(table)
        cursor = self.connection.cursor()
        try:
            with cursor.copy(_statements(table)["copy"], writer=QueuedLibpqWriter(cursor)) as copy:
                for row in rows:
                    copy.write_row([row.get(name) for name in names])
        except psycopg.Error as error:
            raise DatabaseError(describe_failure(error, self.where)) from None

    # -- a sync's transaction
    def lock_log(self) -> None:
        """Writers that log queue here until the one ahead commits (a transaction-level advisory lock)."""
        self._run("SELECT pg_advisory_xact_lock(7362010)")

    def expect_many(self) -> None:
        pass

    def set_aside_checks(self, tables: list[str]) -> None:
        """Before records are loaded whole into empty tables: their keys, unique constraints,
        references and indexes are taken off, to be built again by `restore_checks` once the tables
        are full, each in one pass over its rows (inserting a million records into random-uuid
        indexes one at a time, and checking each reference as it arrives, costs the server several
        times more). Every rule is checked again then, in this transaction: a record that breaks one
        fails the whole load, as before.

        Only when this login may alter every table concerned (it owns them, or belongs to the role
        that does); otherwise the records are loaded with the checks in place. Until the
        transaction ends, those tables are locked against readers too.
        """
        if not tables:
            return
        found = self._run(_CHECKS_OF, (tables,)).fetchall()
        if not found or not all(allowed for *_, allowed in found):
            return
        constraints = [(kind, table, name, definition) for kind, table, name, definition, _ in found if kind != "i"]
        indexes = [(name, definition) for kind, _, name, definition, _ in found if kind == "i"]
        from psycopg import sql

        for kind in ("f", "p", "u"):  # references first: a key they point at goes after them
            for _, table, name, _ in (c for c in constraints if c[0] == kind):
                self._run(sql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(sql.SQL(table), sql.Identifier(name)))
        for name, _ in indexes:
            self._run(sql.SQL("DROP INDEX {}").format(sql.SQL(name)))
        # The triggers keeping each link's copy of its engagement's values and the per-day counts
        # (ccmtui.db.rollups): off during the load, the copies settled and the counts made in one
        # pass each after it, with the indexes they would look up built.
        for table in tables:
            self._run(sql.SQL("ALTER TABLE {} DISABLE TRIGGER USER").format(sql.Identifier(table)))
        self._set_aside = (constraints, indexes, tables)

    def restore_checks(self) -> None:
        """Build again what `set_aside_checks` took off: keys and unique constraints, indexes, then references."""
        constraints, indexes, tables = self._set_aside
        self._set_aside = ([], [], [])
        if not tables:
            return
        from psycopg import sql

        from ccmtui.db.rollups import LINKS, rebuild, settle

        run = self._run
        for kind in ("p", "u"):
            for _, table, name, definition in (c for c in constraints if c[0] == kind):
                run(
                    sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} ").format(sql.SQL(table), sql.Identifier(name))
                    + sql.SQL(definition)
                )
        if {"engagements", *LINKS} & set(tables):
            for statement in settle("postgresql"):
                run(sql.SQL(statement))
        if {"engagements", "engagement_states"} & set(tables):
            # The per-day counts, which the triggers set aside did not keep: counted afresh.
            for statement in rebuild("postgresql"):
                run(sql.SQL(statement))
        for table in tables:
            run(sql.SQL("ALTER TABLE {} ENABLE TRIGGER USER").format(sql.Identifier(table)))
        for _, definition in indexes:
            run(sql.SQL(definition))
        for _, table, name, definition in (c for c in constraints if c[0] == "f"):
            run(
                sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} ").format(sql.SQL(table), sql.Identifier(name))
                + sql.SQL(definition)
            )


# The keys, unique constraints and references of some tables of the current schema (and the
# references to them from other tables), and their other indexes: (kind, table, name, definition,
# whether this login may alter the tables concerned). Table and index names as regclass prints them
# (quoted where needed).
_CHECKS_OF = """
WITH loaded AS (
    SELECT oid FROM pg_class
    WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace AND relname = ANY(%s)
), checks AS (
    SELECT c.contype::text AS kind, c.conrelid, c.confrelid, c.conname::text AS name, pg_get_constraintdef(c.oid) AS definition
    FROM pg_constraint c
    WHERE (c.contype IN ('p', 'u') AND c.conrelid IN (SELECT oid FROM loaded))
       OR (c.contype = 'f' AND (c.conrelid IN (SELECT oid FROM loaded) OR c.confrelid IN (SELECT oid FROM loaded)))
)
SELECT kind, conrelid::regclass::text, name, definition,
       pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = conrelid), 'USAGE')
       AND (confrelid = 0 OR pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = confrelid), 'USAGE'))
FROM checks
UNION ALL
SELECT 'i', i.indrelid::regclass::text, i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid),
       pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = i.indrelid), 'USAGE')
FROM pg_index i
WHERE i.indrelid IN (SELECT oid FROM loaded)
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
"""
