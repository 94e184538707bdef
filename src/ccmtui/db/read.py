"""Read queries without importing SQLAlchemy on the embedded SQLite default.

`open_reader(target)` gives a `Reader`: `rows(Q.name, **params)` returns named tuples
with Python dates. On SQLite it runs the SQL compiled from `ccmtui.db.queries` through
the standard library; elsewhere it runs the Core selects themselves.
"""

from __future__ import annotations

import sqlite3
from collections import namedtuple
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import quote

from ccmtui.db.failures import describe_failure
from ccmtui.db.target import Target, need_postgres_driver
from ccmtui.domain.errors import DatabaseError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from ccmtui.db.session import Database

BUSY_TIMEOUT_MS = 30_000

_CONVERT = {
    "date": lambda v: date.fromisoformat(v) if isinstance(v, str) else v,
    "datetime": lambda v: datetime.fromisoformat(v) if isinstance(v, str) else v,
    "bool": lambda v: None if v is None else bool(v),
}


def convert(kind: str | None, value):
    """A stored SQLite value as Python (dates, datetimes, booleans)."""
    if value is None or kind is None:
        return value
    return _CONVERT[kind](value)


def record(table: str, found: tuple) -> dict:
    """A stored row of a table (its columns in order, as `ccmtui.db.compiled.TABLES` lists them) as a
    record: the values as Python, dates, datetimes and booleans converted."""
    names, converted = _decoding(table)
    row = dict(zip(names, found))
    for index, name, to_python in converted:
        value = found[index]
        if value is not None:
            row[name] = to_python(value)
    return row


@cache
def _decoding(table: str) -> tuple[tuple[str, ...], tuple[tuple[int, str, Any], ...]]:
    from ccmtui.db.compiled import TABLES

    columns = TABLES[table]["columns"]
    converted = tuple((i, name, _CONVERT[kind]) for i, (name, kind, _) in enumerate(columns) if kind is not None)
    return tuple(name for name, _, _ in columns), converted


@cache
def _row_type(name: str, columns: tuple[str, ...]):
    return namedtuple(f"{name.title().replace('_', '')}Row", columns)


def _plain(value):
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def bind(params: dict) -> dict:
    """Parameters as SQLite takes them; a list becomes one JSON array.

    The compiled SQL reads a list parameter as `IN (SELECT value FROM json_each(:name))`
    (see `ccmtui.db.compile`), so its length does not change the statement.
    """
    bound = {}
    for key, value in params.items():
        if isinstance(value, (list, tuple, set, frozenset)):
            import json

            bound[key] = json.dumps([_plain(v) for v in value], ensure_ascii=False)
        else:
            bound[key] = _plain(value)
    return bound


class Reader(Protocol):
    """What every reader promises, whichever database it reads (a Writer is one too).

    `rows(name, **params)` runs the read query `name` (one of `ccmtui.db.queries.Q`) with
    its named parameters (a list where the query takes several values) and returns its rows
    as named tuples, in the query's column order, with dates, datetimes and booleans as
    Python values. A failure of the database is a `DatabaseError` naming it.
    """

    def rows(self, name: str, /, **params: Any) -> list[Any]: ...


class OpenReader(Reader, Protocol):
    """A reader holding a connection of its own (`open_reader`): `close()` releases it."""

    def close(self) -> None: ...


class SQLiteReader:
    """Runs the precompiled SQL on a SQLite file with the standard library."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.connection = sqlite3.connect(f"file:{quote(str(path))}?mode=rw", uri=True, isolation_level=None)
            self.connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        except sqlite3.Error as error:
            raise DatabaseError(describe_failure(error, str(path))) from None

    def rows(self, name: str, /, **params: Any) -> list[Any]:
        from ccmtui.db.compiled import QUERIES

        sql, columns, constants = QUERIES[name]
        names = tuple(column for column, _ in columns)
        converters = [(i, _CONVERT[kind]) for i, (_, kind) in enumerate(columns) if kind]
        row_type = _row_type(name, names)
        try:
            cursor = self.connection.execute(sql, bind({**constants, **params}))
            raw = cursor.fetchall()
        except sqlite3.Error as error:
            raise DatabaseError(describe_failure(error, str(self.path))) from None
        if not converters:
            return [row_type._make(row) for row in raw]
        result = []
        for row in raw:
            values = list(row)
            for index, convert in converters:
                if values[index] is not None:
                    values[index] = convert(values[index])
            result.append(row_type._make(values))
        return result

    def get(self, table: str, uuid: str) -> dict | None:
        """One whole record by its full id (any table), or None."""
        from ccmtui.db.compiled import TABLES

        spec = TABLES[table]
        try:
            found = self.connection.execute(spec["select"], {"uuid": uuid}).fetchone()
        except sqlite3.Error as error:
            raise DatabaseError(describe_failure(error, str(self.path))) from None
        if found is None:
            return None
        return record(table, found)

    def close(self) -> None:
        self.connection.close()


class AlchemyReader:
    """Runs the Core selects through SQLAlchemy (PostgreSQL and other servers)."""

    def __init__(self, database: Database):
        self.database = database

    def rows(self, name: str, /, **params: Any) -> list[Any]:
        from ccmtui.db.session import translate_errors

        with translate_errors(self.database.display), self.database.engine.connect() as connection:
            return self.rows_on(connection, name, **params)

    def rows_on(self, connection: Connection, name: str, /, **params: Any) -> list[Any]:
        """The rows of a query on a connection already open (a write transaction's)."""
        from ccmtui.db.queries import READ_QUERIES

        query = READ_QUERIES[name]()
        row_type = _row_type(name, tuple(column.name for column in query.selected_columns))
        return [row_type._make(row) for row in connection.execute(query, params)]

    def role(self) -> str | None:
        """The login role on a database server (PostgreSQL's current_user)."""
        from sqlalchemy import text

        from ccmtui.db.session import translate_errors

        if self.database.engine.dialect.name != "postgresql":
            return None
        with translate_errors(self.database.display), self.database.engine.connect() as connection:
            return connection.execute(text("SELECT current_user")).scalar()

    def get(self, table: str, uuid: str) -> dict | None:
        """One whole record by its full id (any table), or None."""
        from ccmtui.db.models import Base
        from ccmtui.db.session import translate_errors

        t = Base.metadata.tables[table]
        with translate_errors(self.database.display), self.database.engine.connect() as connection:
            found = connection.execute(t.select().where(t.c.uuid == uuid)).mappings().fetchone()
        return dict(found) if found is not None else None

    def close(self) -> None:
        self.database.dispose()


class PostgreSQLReader:
    """Runs the SQL compiled for PostgreSQL through psycopg alone: neither SQLAlchemy nor the models load."""

    def __init__(self, target: Target):
        need_postgres_driver()
        import psycopg

        self.target = target
        try:
            self.connection = psycopg.connect(libpq_url(target.text), autocommit=True)
        except psycopg.Error as error:
            raise DatabaseError(describe_failure(error, target.masked)) from None

    def revision(self) -> list[tuple]:
        """The database's schema revision, as alembic_version holds it ([] when there is none)."""
        import psycopg

        try:
            return [tuple(row) for row in self.connection.execute("SELECT version_num FROM alembic_version")]
        except psycopg.Error:
            return []

    def rows(self, name: str, /, **params: Any) -> list[Any]:
        return postgresql_rows(self.connection, self.target.masked, name, params)

    def get(self, table: str, uuid: str) -> dict | None:
        """One whole record by its full id (any table), or None."""
        import psycopg

        from ccmtui.db.compiled import TABLES

        spec = TABLES[table]
        try:
            found = self.connection.execute(spec["select"].replace(":uuid", "%(uuid)s"), {"uuid": uuid}).fetchone()
        except psycopg.Error as error:
            raise DatabaseError(describe_failure(error, self.target.masked)) from None
        return None if found is None else {name: value for (name, _, _), value in zip(spec["columns"], found)}

    def role(self) -> str | None:
        """The login role the server knows this reader by (whose undo it is)."""
        if not hasattr(self, "_role"):
            self._role = self.connection.execute("SELECT current_user").fetchone()[0]
        return self._role

    def close(self) -> None:
        self.connection.close()


def postgresql_rows(connection, where: str, name: str, params: dict) -> list[Any]:
    """The rows of a read query, its SQL compiled for PostgreSQL, on a psycopg connection (lists as arrays)."""
    import psycopg

    from ccmtui.db.compiled import QUERIES
    from ccmtui.db.compiled_postgresql import POSTGRESQL

    sql, constants = POSTGRESQL[name]
    row_type = _row_type(name, tuple(column for column, _ in QUERIES[name][1]))
    values = {
        **constants,
        **{k: list(v) if isinstance(v, (tuple, set, frozenset)) else v for k, v in params.items()},
    }
    try:
        return [row_type._make(row) for row in connection.execute(sql, values)]
    except psycopg.Error as error:
        raise DatabaseError(describe_failure(error, where)) from None


def libpq_url(url: str) -> str:
    """The URL as libpq takes it: `postgresql+psycopg://…` becomes `postgresql://…`."""
    scheme, separator, rest = url.partition("://")
    return f"{scheme.partition('+')[0]}{separator}{rest}"


def current_schema(connection: sqlite3.Connection) -> bool:
    """Whether a SQLite file is at the revision the compiled statements are for (one tiny query)."""
    from ccmtui.db.compiled import SCHEMA_REVISION

    try:
        found = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        return False
    return found == [(SCHEMA_REVISION,)]


def open_reader(target: Target | str) -> OpenReader:
    """A reader on the database, created on first use, brought to this ccm's schema if older."""
    target = Target.parse(target)
    path = target.path
    if path is not None:
        if path.exists():
            reader = SQLiteReader(path)
            if current_schema(reader.connection):
                return reader
            reader.close()
        from ccmtui.db.session import Database

        Database(path).ensure().dispose()
        return SQLiteReader(path)
    if target.url.startswith(("postgresql://", "postgresql+psycopg://", "postgres://")):
        from ccmtui.db.compiled import SCHEMA_REVISION

        # One small query: at this ccm's revision, the reader is ready; else the database is created, or refused.
        reader = PostgreSQLReader(target)
        if reader.revision() == [(SCHEMA_REVISION,)]:
            return reader
        reader.close()
        from ccmtui.db.session import Database

        Database(target).ensure().dispose()
        return PostgreSQLReader(target)
    from ccmtui.db.session import Database

    return AlchemyReader(Database(target).ensure())
