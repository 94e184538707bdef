"""The one module that owns the database engine and its transactions.

SQLite (the embedded default) opens with WAL, foreign keys on and a busy
timeout; every write transaction starts with BEGIN IMMEDIATE so that two
processes writing at once queue instead of failing. A PostgreSQL URL goes
through the same models and the same transaction helper.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from ccmtui.db.failures import describe_failure
from ccmtui.db.models import Base
from ccmtui.db.target import Target
from ccmtui.domain.errors import DatabaseError

BUSY_TIMEOUT_MS = 30_000


def mask_password(url: str) -> str:
    """A URL safe to print: the password replaced by ***, wherever it is given (a raw `@` in it, or
    a `password=` parameter, both of which SQLAlchemy would print)."""
    import re

    from sqlalchemy.engine import make_url

    scheme, separator, rest = url.partition("://")
    netloc = rest.split("/", 1)[0].split("?", 1)[0]
    if separator and netloc.count("@") > 1:
        user_info, _, host = netloc.rpartition("@")
        user, colon, _ = user_info.partition(":")
        url = f"{scheme}://{user}{':***' if colon else ''}@{host}{rest[len(netloc) :]}"
    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<database URL>"
    return re.sub(r"(?i)([?&]password=)[^&#]*", r"\1***", shown)


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

    def __init__(self, target: Target | str | Path, *, label: str | None = None):
        self.target = Target.parse(target)
        self.label = label  # the name errors give it (a file being built is named as its target)
        self.is_sqlite = self.target.is_sqlite
        self.url = self.target.url
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None

    @property
    def path(self) -> Path | None:
        return self.target.path

    @property
    def display(self) -> str:
        if self.label:
            return self.label
        return str(self.path) if self.path else mask_password(self.url)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = self._make_engine(self.url)
        return self._engine

    def _make_engine(self, url: str) -> Engine:
        if url.startswith(("postgresql", "postgres:")):
            from ccmtui.db.target import need_postgres_driver

            need_postgres_driver()
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
        """Whether there is a database to open; an empty file (no tables yet) does not count."""
        path = self.path
        if path is not None:
            return path.exists() and not blank_file(path)
        with translate_errors(self.display):
            return inspect(self.engine).has_table("states")

    def at_current_revision(self) -> bool:
        """One small query: is the database already at this ccm's schema? (Spares importing Alembic.)"""
        from sqlalchemy import text

        from ccmtui.db.compiled import SCHEMA_REVISION

        try:
            with self.engine.connect() as connection:
                found = connection.execute(text("SELECT version_num FROM alembic_version")).fetchall()
        except DBAPIError:
            return False
        return [tuple(row) for row in found] == [(SCHEMA_REVISION,)]

    def ensure(self) -> Database:
        """Create the database with its reference data if it does not exist yet; upgrade an older one."""
        if self.path is None and self.at_current_revision():
            return self
        if self.exists():
            if self.path is None:
                # A team's server is upgraded only on purpose, by `ccm db upgrade`, after a backup.
                self.refuse_if_behind()
            self.upgrade()
            return self
        path = self.path
        if path is None:
            self._create(self)
            return self
        # Build beside the target, then link it into place: a half-built file is never
        # seen, and of two processes creating at once only one file wins.
        building = path.with_name(f".{path.name}.{os.getpid()}.building")
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            building.unlink(missing_ok=True)
            # Owner-only from the first byte: it holds notes, and SQLite gives its -wal and -shm
            # files the database file's permissions.
            os.close(os.open(building, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except OSError as error:
            raise DatabaseError(f"{path}: cannot create the database there ({error.strerror or error})") from None
        scratch = Database(building, label=str(path))
        try:
            self._create(scratch)
            scratch.dispose()
            try:
                os.link(building, path)
            except FileExistsError:
                # Another process created it first; or the file there is empty, and ours replaces it.
                if blank_file(path):
                    os.replace(building, path)
        finally:
            scratch.dispose()
            building.unlink(missing_ok=True)
        return self

    def refuse_if_behind(self) -> None:
        """A one-line error when a server's database is at an older revision (or is not ccm's, or is newer)."""
        from ccmtui.db import migrate

        with translate_errors(self.display), self.engine.connect() as connection:
            revision = migrate.check(connection, self.display)
        head = migrate.head()
        if revision != head:
            raise DatabaseError(
                f"the team database is at revision {revision}; this ccm needs {head}: "
                "ask its administrator to run `ccm db upgrade`"
            )

    def upgrade(self, on_progress: Callable[[int], None] | None = None):
        """Bring an existing database to this ccm's schema (a backup copy first, on SQLite)."""
        from ccmtui.db import migrate

        with translate_errors(self.display):
            return migrate.upgrade(self, on_progress=on_progress)

    @staticmethod
    def _create(database: Database) -> None:
        from ccmtui.db import reference

        with translate_errors(database.display):
            if database.path is not None:
                database.sqlite_pragma("journal_mode = WAL")
            Base.metadata.create_all(database.engine)
            from ccmtui.db import rollups
            from ccmtui.db.models.derived import DERIVED

            DERIVED.create_all(database.engine)

            with database.engine.begin() as connection:
                for statement in rollups.ddl(database.engine.dialect.name):
                    connection.exec_driver_sql(statement)
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


def blank_file(path: Path) -> bool:
    """A file with nothing in it yet: empty, or a SQLite database of its first page alone (no table).

    Read from the file's header, not through SQLite, so that a lock held elsewhere never delays it.
    """
    try:
        size = path.stat().st_size
        if size == 0:
            return True
        with path.open("rb") as handle:
            header = handle.read(100)
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return False
    except OSError:
        return False
    if len(header) < 100 or not header.startswith(b"SQLite format 3\0"):
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    return size <= page_size


@contextmanager
def translate_errors(where: str) -> Iterator[None]:
    """Database failures become one-line errors naming the database."""
    try:
        yield
    except DBAPIError as error:
        raise DatabaseError(describe_failure(error.orig, where)) from None
    except sqlite3.Error as error:
        raise DatabaseError(describe_failure(error, where)) from None
