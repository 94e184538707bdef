"""The Writer's backend through SQLAlchemy Core: the same operations as `SQLiteBackend`, on the
tables built from the models, for the databases neither of the others serves (an in-memory
sqlite:// URL) and for the sessions that seed a new database. A PostgreSQL server's writes go
through `ccmtui.db.write_postgresql`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ccmtui.db.failures import describe_failure
from ccmtui.db.write import complete_row, plain
from ccmtui.domain.errors import DatabaseError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from ccmtui.db.read import AlchemyReader


class AlchemyBackend:
    """The same operations through SQLAlchemy Core, on a connection of a session or an engine."""

    def __init__(self, connection: Connection, reader: AlchemyReader):
        from ccmtui.db.models import Base

        self.connection = connection
        self.reader = reader
        self.tables = Base.metadata.tables

    def rows(self, name: str, /, **params: Any) -> list[Any]:
        if self.connection.dialect.name == "postgresql":
            # The SQL compiled ahead for PostgreSQL, in this transaction: lists travel as one array
            # parameter (not thousands), and nothing is compiled again.
            from ccmtui.db.read import postgresql_rows

            return postgresql_rows(
                self.connection.connection.driver_connection, self.reader.database.display, name, params
            )
        return self.reader.rows_on(self.connection, name, **params)

    def complete(self, table: str, values: dict, stamp: datetime) -> dict:
        return complete_row(table, values, stamp)

    def insert(self, table: str, row: dict) -> None:
        self.connection.execute(self.tables[table].insert(), row)

    def update(self, table: str, row: dict) -> None:
        t = self.tables[table]
        self.connection.execute(t.update().where(t.c.uuid == row["uuid"]), row)

    def delete(self, table: str, uuid: str) -> None:
        t = self.tables[table]
        self.connection.execute(t.delete().where(t.c.uuid == uuid))

    def insert_many(self, table: str, rows: Iterable[dict]) -> None:
        rows = list(rows)
        if rows:
            self.connection.execute(self.tables[table].insert(), rows)

    def set_aside_checks(self, tables: list[str]) -> None:
        pass  # every check stays in place: a few records at a time come this way

    def restore_checks(self) -> None:
        pass

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

        try:
            return self.connection.connection.driver_connection.execute(sql, params).fetchall()
        except psycopg.Error as error:
            raise DatabaseError(describe_failure(error, self.reader.database.display)) from None

    def get_many(self, table: str, uuids: list[str]) -> list[dict]:
        t = self.tables[table]
        if self.connection.dialect.name == "postgresql":
            names = [column.name for column in t.columns]
            columns = ", ".join(f'"{name}"' for name in names)
            found = self._driver(f'SELECT {columns} FROM "{table}" WHERE uuid = ANY(%s)', (uuids,))
            return [dict(zip(names, row)) for row in found]
        return [dict(row) for row in self.connection.execute(t.select().where(self._among(t.c.uuid, uuids))).mappings()]

    def page(self, table: str, after: str, limit: int) -> list[dict]:
        t = self.tables[table]
        query = t.select().where(t.c.uuid > after).order_by(t.c.uuid).limit(limit)
        return [dict(row) for row in self.connection.execute(query).mappings()]

    def role(self) -> str | None:
        if not hasattr(self, "_role"):
            from sqlalchemy import text

            on_server = self.connection.dialect.name == "postgresql"
            self._role = self.connection.execute(text("SELECT current_user")).scalar() if on_server else None
        return self._role

    def expect_many(self) -> None:
        pass

    def lock_log(self) -> None:
        """Writers that log queue here until the one ahead commits (a transaction-level advisory lock)."""
        from sqlalchemy import text

        if self.connection.dialect.name == "postgresql":
            self.connection.execute(text("SELECT pg_advisory_xact_lock(7362010)"))

    def stamps(self, table: str) -> dict[str, str]:
        t = self.tables[table]
        return {uuid: plain(stamp) for uuid, stamp in self.connection.execute(select_stamps(t))}

    def stamps_of(self, table: str, uuids: list[str]) -> dict[str, str]:
        t = self.tables[table]
        if self.connection.dialect.name == "postgresql":
            found = self._driver(f'SELECT uuid, updated_at FROM "{t.name}" WHERE uuid = ANY(%s)', (uuids,))
            return {uuid: plain(stamp) for uuid, stamp in found}
        query = select_stamps(t).where(self._among(t.c.uuid, uuids))
        return {uuid: plain(stamp) for uuid, stamp in self.connection.execute(query)}

    def stamps_page(self, table: str, after: str, limit: int) -> list[tuple[str, str]]:
        t = self.tables[table]
        query = select_stamps(t).where(t.c.uuid > after).order_by(t.c.uuid).limit(limit)
        return [(uuid, plain(stamp)) for uuid, stamp in self.connection.execute(query)]

    def count(self, table: str) -> int:
        from sqlalchemy import func, select

        return self.connection.execute(select(func.count()).select_from(self.tables[table])).scalar_one()

    def get(self, table: str, uuid: str) -> dict | None:
        t = self.tables[table]
        found = self.connection.execute(t.select().where(t.c.uuid == uuid)).mappings().fetchone()
        return dict(found) if found is not None else None

    def unused_blobs(self) -> list[str]:
        from sqlalchemy import select

        blobs, attachments, practices = self.tables["blobs"], self.tables["attachments"], self.tables["practices"]
        documents = select(practices.c.document_sha256).where(practices.c.document_sha256.is_not(None))
        query = (
            select(blobs.c.uuid)
            .where(blobs.c.sha256.not_in(select(attachments.c.sha256)), blobs.c.sha256.not_in(documents))
            .order_by(blobs.c.uuid)
        )
        return list(self.connection.execute(query).scalars())


def select_stamps(table):
    from sqlalchemy import select

    return select(table.c.uuid, table.c.updated_at)
