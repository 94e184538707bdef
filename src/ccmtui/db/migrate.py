"""Schema versions (Alembic): create at head, upgrade older databases after a backup, refuse newer ones."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from ccmtui.domain.errors import DatabaseError

# A database made before versioning began holds the first release's schema.
BASELINE = "0001"


def config(connection=None) -> Config:
    settings = Config()
    settings.set_main_option("script_location", "ccmtui.db:migrations")
    if connection is not None:
        settings.attributes["connection"] = connection
    return settings


def head() -> str:
    return ScriptDirectory.from_config(config()).get_current_head()


def known_revisions() -> set[str]:
    return {script.revision for script in ScriptDirectory.from_config(config()).walk_revisions()}


def current(connection) -> str | None:
    revision = MigrationContext.configure(connection).get_current_revision()
    if revision is None and inspect(connection).has_table("states"):
        return BASELINE
    return revision


@dataclass
class Upgrade:
    before: str | None
    after: str
    backup: Path | None


def stamp_head(connection) -> None:
    command.stamp(config(connection), "head")


def check(connection, where: str) -> str | None:
    """The database's revision; an error when it is newer than this ccm knows."""
    revision = current(connection)
    if revision is None:
        tables = sorted(inspect(connection).get_table_names())
        shown = ", ".join(tables[:5]) + (", …" if len(tables) > 5 else "")
        holds = f"it holds other tables: {shown}" if tables else "it holds no tables"
        raise DatabaseError(f"{where} is not a ccm database ({holds}); nothing was changed")
    if revision not in known_revisions():
        raise DatabaseError(
            f"{where} was written by a newer ccm (schema revision {revision}); this ccm knows up to {head()}: "
            "upgrade ccm (pip install -U ccmtui) to open it"
        )
    return revision


def pending(connection) -> list[str]:
    """The revisions still to apply, oldest first."""
    current = MigrationContext.configure(connection).get_current_revision()
    script = ScriptDirectory.from_config(config(connection))
    walked = [r.revision for r in script.walk_revisions(current or "base", "heads")]
    return [revision for revision in reversed(walked) if revision != current]


def upgrade(database, *, backup: bool = True, on_progress: Callable[[int], None] | None = None) -> Upgrade:
    """Bring a database to the head revision, copying a SQLite file aside first (unless `backup` is False:
    a private copy made to be read needs none). `on_progress(1)` follows the copy and each revision."""
    with database.engine.connect() as connection:
        before = check(connection, database.display)
    if before == head():
        return Upgrade(before, before, None)
    saved = None
    path = database.path
    if backup and path is not None and path.exists():
        database.dispose()
        database.sqlite_pragma("wal_checkpoint(TRUNCATE)")
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        saved = path.with_name(f"{path.name}.before-{before}-{stamp}.bak")
        shutil.copy2(path, saved)
        saved.chmod(0o600)
        if on_progress is not None:
            on_progress(1)
    try:
        with database.engine.connect() as connection, _references_checked_at_the_end(connection):
            with connection.begin():
                if connection.dialect.name == "postgresql":
                    from ccmtui.db.team import act_as_owner

                    act_as_owner(connection)
                if MigrationContext.configure(connection).get_current_revision() is None:
                    command.stamp(config(connection), BASELINE)
                if on_progress is None:
                    command.upgrade(config(connection), "head")
                else:  # one revision at a time, each told
                    for revision in pending(connection):
                        command.upgrade(config(connection), revision)
                        on_progress(1)
                _check_references(connection, database.display)
    except BaseException:
        # Rolled back: the file is as it was, so its copy would only fill the disk at each retry.
        if saved is not None:
            saved.unlink(missing_ok=True)
        raise
    return Upgrade(before, head(), saved)


@contextmanager
def _references_checked_at_the_end(connection) -> Iterator[None]:
    """On SQLite, foreign keys off while tables are rebuilt (a table another refers to is briefly
    gone), as SQLite's own procedure for schema changes says; `_check_references` then checks them
    all before the upgrade commits. The pragma only takes effect outside a transaction."""
    if connection.dialect.name != "sqlite":
        yield
        return
    raw = connection.connection.dbapi_connection
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        raw.execute("PRAGMA foreign_keys = ON")


def _check_references(connection, where: str) -> None:
    if connection.dialect.name != "sqlite":
        return
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        table, _, parent, _ = broken[0]
        raise DatabaseError(
            f"{where}: the upgrade would leave {len(broken)} record(s) of {table} pointing at no {parent}; "
            "nothing was changed"
        )
