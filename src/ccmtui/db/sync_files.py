"""Reading another coordinator's ccm file for a merge: a private, checked copy; the file itself is only read."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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
