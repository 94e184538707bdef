"""The Writer's backend on a server (PostgreSQL, through SQLAlchemy Core and, for the large
lookups a sync makes, psycopg directly): the same operations as `SQLiteBackend`, on the tables
built from the models.

Records a sync sends to PostgreSQL in one piece (a list) go in with COPY from a thread: the server
stores them while this process goes on with its own side (the file's insertions). The next use of
the connection waits for that COPY first (`settle`), and so does the commit: one transaction,
statements in the order they were made, a failure raised at the next step as a one-line error.
"""

from __future__ import annotations

import threading
import uuid as uuidlib
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ccmtui.db.failures import describe_failure
from ccmtui.db.write import plain
from ccmtui.domain.errors import DatabaseError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from ccmtui.db.read import AlchemyReader


class AlchemyBackend:
    """The same operations through SQLAlchemy Core (PostgreSQL and other servers)."""

    def __init__(self, connection: Connection, reader: AlchemyReader):
        from ccmtui.db.models import Base

        self.connection = connection
        self.reader = reader
        self.tables = Base.metadata.tables
        self._sending: threading.Thread | None = None  # a COPY still running (see `settle`)
        self._failure: BaseException | None = None
        self._set_aside: tuple[list, list, list[str]] = ([], [], [])  # see `set_aside_checks`

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
            raise DatabaseError(describe_failure(failure, self.reader.database.display)) from None
        raise failure

    def rows(self, name: str, /, **params: Any) -> list[Any]:
        self.settle()
        if self.connection.dialect.name == "postgresql":
            # The SQL compiled ahead for PostgreSQL, in this transaction: lists travel as one array
            # parameter (not thousands), and nothing is compiled again.
            from ccmtui.db.read import postgresql_rows

            return postgresql_rows(
                self.connection.connection.driver_connection, self.reader.database.display, name, params
            )
        return self.reader.rows_on(self.connection, name, **params)

    def complete(self, table: str, values: dict, stamp: datetime) -> dict:
        columns = self.tables[table].columns
        unknown = set(values) - set(columns.keys())
        if unknown:
            raise ValueError(f"{table} has no column(s) {', '.join(sorted(unknown))}")
        row = {}
        for column in columns:
            if column.name in values:
                row[column.name] = values[column.name]
            elif column.name == "uuid":
                row[column.name] = str(uuidlib.uuid4())
            elif column.name in ("created_at", "updated_at"):
                row[column.name] = stamp
            elif column.default is not None and column.default.is_scalar:
                row[column.name] = column.default.arg
            else:
                row[column.name] = None
        return row

    def insert(self, table: str, row: dict) -> None:
        self.settle()
        self.connection.execute(self.tables[table].insert(), row)

    def update(self, table: str, row: dict) -> None:
        self.settle()
        t = self.tables[table]
        self.connection.execute(t.update().where(t.c.uuid == row["uuid"]), row)

    def delete(self, table: str, uuid: str) -> None:
        self.settle()
        t = self.tables[table]
        self.connection.execute(t.delete().where(t.c.uuid == uuid))

    def insert_many(self, table: str, rows: Iterable[dict]) -> None:
        self.settle()
        if self.connection.dialect.name != "postgresql":
            rows = list(rows)
            if rows:
                self.connection.execute(self.tables[table].insert(), rows)
            return
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
        from psycopg.copy import QueuedLibpqWriter

        names = [column.name for column in self.tables[table].columns]
        columns = ", ".join(f'"{name}"' for name in names)
        cursor = self.connection.connection.driver_connection.cursor()
        with cursor.copy(f'COPY "{table}" ({columns}) FROM STDIN', writer=QueuedLibpqWriter(cursor)) as copy:
            for row in rows:
                copy.write_row([row.get(name) for name in names])

    def set_aside_checks(self, tables: list[str]) -> None:
        """Before records are loaded whole into empty tables: on PostgreSQL, their keys, unique
        constraints, references and indexes are taken off, to be built again by `restore_checks`
        once the tables are full, each in one pass over its rows (inserting a million records into
        random-uuid indexes one at a time, and checking each reference as it arrives, costs the
        server several times more). Every rule is checked again then, in this transaction: a record
        that breaks one fails the whole load, as before.

        Only when this login may alter every table concerned (it owns them, or belongs to the role
        that does); otherwise the records are loaded with the checks in place. Until the
        transaction ends, those tables are locked against readers too.
        """
        self.settle()
        if self.connection.dialect.name != "postgresql" or not tables:
            return
        found = self._driver(_CHECKS_OF, (tables,))
        if not found or not all(allowed for *_, allowed in found):
            return
        constraints = [(kind, table, name, definition) for kind, table, name, definition, _ in found if kind != "i"]
        indexes = [(name, definition) for kind, _, name, definition, _ in found if kind == "i"]
        from psycopg import sql

        for kind in ("f", "p", "u"):  # references first: a key they point at goes after them
            for _, table, name, _ in (c for c in constraints if c[0] == kind):
                self._statement(
                    sql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(sql.SQL(table), sql.Identifier(name))
                )
        for name, _ in indexes:
            self._statement(sql.SQL("DROP INDEX {}").format(sql.SQL(name)))
        # The triggers keeping each link's copy of its engagement's date and the per-day counts
        # (ccmtui.db.rollups) work per row: off during the load, the copies settled and the counts
        # made in one pass each after it.
        for table in tables:
            self._statement(sql.SQL("ALTER TABLE {} DISABLE TRIGGER USER").format(sql.Identifier(table)))
        self._set_aside = (constraints, indexes, tables)

    def restore_checks(self) -> None:
        """Build again what `set_aside_checks` took off: keys and unique constraints, indexes, then references."""
        self.settle()
        constraints, indexes, tables = self._set_aside
        self._set_aside = ([], [], [])
        if not tables:
            return
        from psycopg import sql

        from ccmtui.db.rollups import LINKS, rebuild, settle

        run = self._statement
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

    def _statement(self, statement) -> None:
        """One statement run by psycopg itself in this transaction, its failure a one-line error."""
        import psycopg

        try:
            self.connection.connection.driver_connection.execute(statement)
        except psycopg.Error as error:
            raise DatabaseError(describe_failure(error, self.reader.database.display)) from None

    def _among(self, column, uuids: list[str]):
        """`column IN uuids`; on PostgreSQL as `= ANY(array)`, one parameter, so one statement whatever their number."""
        if self.connection.dialect.name == "postgresql":
            from sqlalchemy import String, bindparam, func
            from sqlalchemy.dialects.postgresql import ARRAY

            return column == func.any(bindparam("uuids", uuids, type_=ARRAY(String)))
        return column.in_(uuids)

    def _driver(self, sql: str, params: tuple) -> list[tuple]:
        """Rows of one statement run by psycopg itself in this transaction (no SQLAlchemy row objects)."""
        import psycopg

        self.settle()
        try:
            return self.connection.connection.driver_connection.execute(sql, params).fetchall()
        except psycopg.Error as error:
            raise DatabaseError(describe_failure(error, self.reader.database.display)) from None

    def get_many(self, table: str, uuids: list[str]) -> list[dict]:
        self.settle()
        t = self.tables[table]
        if self.connection.dialect.name == "postgresql":
            names = [column.name for column in t.columns]
            columns = ", ".join(f'"{name}"' for name in names)
            found = self._driver(f'SELECT {columns} FROM "{table}" WHERE uuid = ANY(%s)', (uuids,))
            return [dict(zip(names, row)) for row in found]
        return [dict(row) for row in self.connection.execute(t.select().where(self._among(t.c.uuid, uuids))).mappings()]

    def page(self, table: str, after: str, limit: int) -> list[dict]:
        self.settle()
        t = self.tables[table]
        query = t.select().where(t.c.uuid > after).order_by(t.c.uuid).limit(limit)
        return [dict(row) for row in self.connection.execute(query).mappings()]

    def role(self) -> str | None:
        if not hasattr(self, "_role"):
            self.settle()
            from sqlalchemy import text

            on_server = self.connection.dialect.name == "postgresql"
            self._role = self.connection.execute(text("SELECT current_user")).scalar() if on_server else None
        return self._role

    def expect_many(self) -> None:
        pass

    def lock_log(self) -> None:
        """Writers that log queue here until the one ahead commits (a transaction-level advisory lock)."""
        self.settle()
        from sqlalchemy import text

        if self.connection.dialect.name == "postgresql":
            self.connection.execute(text("SELECT pg_advisory_xact_lock(7362010)"))

    def stamps(self, table: str) -> dict[str, str]:
        self.settle()
        t = self.tables[table]
        return {uuid: plain(stamp) for uuid, stamp in self.connection.execute(select_stamps(t))}

    def stamps_of(self, table: str, uuids: list[str]) -> dict[str, str]:
        self.settle()
        t = self.tables[table]
        if self.connection.dialect.name == "postgresql":
            found = self._driver(f'SELECT uuid, updated_at FROM "{t.name}" WHERE uuid = ANY(%s)', (uuids,))
            return {uuid: plain(stamp) for uuid, stamp in found}
        query = select_stamps(t).where(self._among(t.c.uuid, uuids))
        return {uuid: plain(stamp) for uuid, stamp in self.connection.execute(query)}

    def stamps_page(self, table: str, after: str, limit: int) -> list[tuple[str, str]]:
        self.settle()
        t = self.tables[table]
        query = select_stamps(t).where(t.c.uuid > after).order_by(t.c.uuid).limit(limit)
        return [(uuid, plain(stamp)) for uuid, stamp in self.connection.execute(query)]

    def count(self, table: str) -> int:
        self.settle()
        from sqlalchemy import func, select

        return self.connection.execute(select(func.count()).select_from(self.tables[table])).scalar_one()

    def get(self, table: str, uuid: str) -> dict | None:
        self.settle()
        t = self.tables[table]
        found = self.connection.execute(t.select().where(t.c.uuid == uuid)).mappings().fetchone()
        return dict(found) if found is not None else None

    def unused_blobs(self) -> list[str]:
        self.settle()
        from sqlalchemy import select

        blobs, attachments, practices = self.tables["blobs"], self.tables["attachments"], self.tables["practices"]
        documents = select(practices.c.document_sha256).where(practices.c.document_sha256.is_not(None))
        query = (
            select(blobs.c.uuid)
            .where(blobs.c.sha256.not_in(select(attachments.c.sha256)), blobs.c.sha256.not_in(documents))
            .order_by(blobs.c.uuid)
        )
        return list(self.connection.execute(query).scalars())


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


def select_stamps(table):
    from sqlalchemy import select

    return select(table.c.uuid, table.c.updated_at)
