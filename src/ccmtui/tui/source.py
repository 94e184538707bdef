"""Where the app reads and writes, without Textual: usable from any worker thread.

A sqlite3 connection must stay in the thread that opened it, so every worker opens
its own reader for the length of its job (`with source.register() as register:`).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from ccmtui.actions.identity import identity


class Source:
    """The database target, the coordinator's config and the app's "today"."""

    def __init__(self, target: str, config: dict | None = None, today: date | None = None):
        self.target = target
        self.config = dict(config or {})
        self._today = today
        self._server = None  # one AlchemyReader for a server database: its engine is thread-safe
        self._lock = threading.Lock()
        self._ensured = threading.Event()
        self._ensured.set()

    def expect_ensure(self) -> None:
        """`ensure()` is about to run in another thread: readers wait until it is done."""
        self._ensured.clear()

    def ensure(self) -> None:
        """Create a missing SQLite database once, before workers race to open it."""
        from ccmtui.db.read import sqlite_path

        try:
            path = sqlite_path(self.target)
            if path is not None and not path.exists():
                from ccmtui.db.session import Database

                Database(path).ensure().dispose()
        finally:
            self._ensured.set()

    @property
    def today(self) -> date:
        return self._today or date.today()

    @property
    def display(self) -> str:
        """The database as the coordinator knows it: a file name, or a server URL without password."""
        if "://" not in self.target:
            from pathlib import Path

            return Path(self.target).name
        scheme, _, rest = self.target.partition("://")
        return f"{scheme}://{rest.rpartition('@')[2]}"

    @property
    def by(self) -> str | None:
        return identity(self.config)

    @contextmanager
    def reader(self) -> Iterator:
        from ccmtui.db.read import SQLiteReader, open_reader, sqlite_path

        self._ensured.wait()  # a half-created file would read as a damaged one

        path = sqlite_path(self.target)
        if path is None:
            with self._lock:
                if self._server is None:
                    self._server = open_reader(self.target)
            yield self._server
            return
        reader = SQLiteReader(path) if path.exists() else open_reader(self.target)
        try:
            yield reader
        finally:
            reader.close()

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    @contextmanager
    def register(self) -> Iterator:
        from ccmtui.reports.register import Register

        with self.reader() as reader:
            yield Register(reader)

    def writing(self, command: str):
        """One write transaction stamped with the coordinator's identity (see `ccm log`)."""
        from ccmtui.db.write import writing

        return writing(self.target, by=self.by, command=command)

