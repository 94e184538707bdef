"""The one module that owns the database engine and its transactions.

SQLite (the embedded default) opens with WAL, foreign keys on and a busy
timeout; every write transaction starts with BEGIN IMMEDIATE so that two
processes writing at once queue instead of failing. A PostgreSQL URL goes
through the same models and the same transaction helper.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from ccmtui.db.failures import describe_failure
from ccmtui.db.models import Base
from ccmtui.domain.errors import DatabaseError
from ccmtui.paths import is_url

BUSY_TIMEOUT_MS = 30_000


def sqlite_url(path: str | Path) -> str:
    return f"sqlite:///{Path(path).expanduser().resolve()}"


def mask_password(url: str) -> str:
    """A URL safe to print: the password replaced by ***."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<database URL>"


def _configure_sqlite(engine: Engine) -> None:
    # SQLite-only: connection pragmas, and BEGIN IMMEDIATE for write transactions.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE")


class Database:
    """A ccm database, a SQLite file or a server URL, created with its reference data on first use."""

    def __init__(self, target: str | Path):
        self.target = str(target)
        self.is_sqlite = not is_url(self.target) or self.target.startswith("sqlite")
        self.url = self.target if is_url(self.target) else sqlite_url(self.target)
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None

    @property
    def path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        if is_url(self.target):
            from sqlalchemy.engine import make_url

            database = make_url(self.target).database
            return Path(database) if database and database != ":memory:" else None
        return Path(self.target).expanduser()

    @property
    def display(self) -> str:
        return str(self.path) if self.path else mask_password(self.url)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = self._make_engine(self.url)
        return self._engine

    def _make_engine(self, url: str) -> Engine:
        engine = create_engine(url)
        if engine.dialect.name == "sqlite":
            _configure_sqlite(engine)
        return engine

    def sqlite_pragma(self, *statements: str) -> None:
        """Run PRAGMAs (or VACUUM) outside any transaction. SQLite only."""
        connection = sqlite3.connect(self.path, isolation_level=None)
        try:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            for statement in statements:
                connection.execute(statement if statement == "VACUUM" else f"PRAGMA {statement}")
        finally:
            connection.close()

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
            self._sessions = None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed together, or not at all."""
        if self._sessions is None:
            self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        with translate_errors(self.display):
            with self._sessions.begin() as session:
                yield session

    def exists(self) -> bool:
        path = self.path
        if path is not None:
            return path.exists()
        with translate_errors(self.display):
            return inspect(self.engine).has_table("states")

    def ensure(self) -> "Database":
        """Create the database with its reference data if it does not exist yet; upgrade an older one."""
        if self.exists():
            self.upgrade()
            return self
        path = self.path
        if path is None:
            self._create(self)
            return self
        # Build beside the target, then link it into place: a half-built file is never
        # seen, and of two processes creating at once only one file wins.
        path.parent.mkdir(parents=True, exist_ok=True)
        building = path.with_name(f".{path.name}.{os.getpid()}.building")
        building.unlink(missing_ok=True)
        scratch = Database(building)
        try:
            self._create(scratch)
            scratch.dispose()
            try:
                os.link(building, path)
            except FileExistsError:
                pass
        finally:
            scratch.dispose()
            building.unlink(missing_ok=True)
        return self

    def upgrade(self):
        """Bring an existing database to this ccm's schema (a backup copy first, on SQLite)."""
        from ccmtui.db import migrate

        with translate_errors(self.display):
            return migrate.upgrade(self)

    @staticmethod
    def _create(database: "Database") -> None:
        from ccmtui.db import reference

        with translate_errors(database.display):
            if database.path is not None:
                database.sqlite_pragma("journal_mode = WAL")
            Base.metadata.create_all(database.engine)
            if database.engine.dialect.name == "sqlite":
                from ccmtui.db import sqlite_extras

                with database.engine.begin() as connection:
                    for statement in sqlite_extras.DDL:
                        connection.exec_driver_sql(statement)
            with database.transaction() as session:
                reference.load_all(session)
            from ccmtui.db import migrate

            with database.engine.begin() as connection:
                migrate.stamp_head(connection)


@contextmanager
def translate_errors(where: str) -> Iterator[None]:
    """Database failures become one-line errors naming the database."""
    try:
        yield
    except DBAPIError as error:
        raise DatabaseError(describe_failure(error.orig, where)) from None
    except sqlite3.Error as error:
        raise DatabaseError(describe_failure(error, where)) from None
