"""Where the app reads and writes, without Textual: usable from any worker thread.

A sqlite3 connection must stay in the thread that opened it, so every worker opens
its own reader for the length of its job (`with source.register() as register:`).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING

from ccmtui.workspace import Workspace

if TYPE_CHECKING:
    from ccmtui.db.read import OpenReader
    from ccmtui.db.target import Target
    from ccmtui.reports.register import Register


class Source(Workspace):
    """The database target, the coordinator's config and the app's "today"."""

    def __init__(self, target: Target | str, config: dict | None = None, today: date | None = None):
        super().__init__(target, dict(config or {}))
        self._today = today
        self._server: OpenReader | None = None  # one reader for a server database: its engine is thread-safe
        self._lock = threading.Lock()
        self._ensured = threading.Event()
        self._ensured.set()

    def expect_ensure(self) -> None:
        """`ensure()` is about to run in another thread: readers wait until it is done."""
        self._ensured.clear()

    def ensure(self) -> None:
        """Create a missing SQLite database once, before workers race to open it."""
        try:
            path = self.target.path
            if path is not None and not path.exists():
                from ccmtui.db.session import Database

                Database(self.target).ensure().dispose()
        finally:
            self._ensured.set()

    @property
    def today(self) -> date:
        return self._today or date.today()

    @property
    def display(self) -> str:
        """The database as the coordinator knows it: a file name, or a server URL without password."""
        return self.target.name

    @contextmanager
    def reader(self) -> Iterator[OpenReader]:
        """A reader for one worker's job: its own on a SQLite file, the shared one on a server."""
        from ccmtui.db.read import SQLiteReader

        self._ensured.wait()  # a half-created file would read as a damaged one

        path = self.target.path
        if path is None:
            with self._lock:
                if self._server is None:
                    self._server = self.open_reader()
            yield self._server
            return
        reader = SQLiteReader(path) if path.exists() else self.open_reader()
        try:
            yield reader
        finally:
            reader.close()

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    @contextmanager
    def register(self) -> Iterator[Register]:
        from ccmtui.reports.register import Register

        with self.reader() as reader:
            yield Register(reader)
