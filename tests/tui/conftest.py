"""Pilot fixtures: the app on a private copy of sample.db, a fixed "today", no blinking cursor."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

TODAY = date(2025, 1, 15)
SIZE = (100, 30)


@pytest.fixture(autouse=True)
def no_blink(monkeypatch):
    """A blinking cursor makes screenshots differ from run to run."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "cursor_blink", False, raising=False)
    monkeypatch.setattr(TextArea, "cursor_blink", False, raising=False)


@pytest.fixture
def make_app(sample_db):
    """Build the app as `ccm tui` does, on the sample copy, with a coordinator's config."""
    from ccmtui.tui.app import CCMApp

    def build(config: dict | None = None, db: Path | None = None):
        chosen = {"name": "Ana Tester", "state": "PRT", "area": "universalization"} if config is None else config
        return CCMApp(str(db or sample_db), config=chosen, today=TODAY)

    return build


async def settle(pilot) -> None:
    """Wait until the workers are done and the screen has caught up: three quiet rounds in a row."""
    app = pilot.app
    quiet = 0
    for _ in range(50):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if any(worker.is_running for worker in app.workers):
            quiet = 0
            continue
        quiet += 1
        if quiet == 3:
            return


def count(db: Path, sql: str, *params) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql, params).fetchone()[0]


def rows(db: Path, sql: str, *params) -> list:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql, params).fetchall()


def screen_text(app) -> str:
    """The terminal's text as the user sees it now."""
    import io

    from rich.console import Console

    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True, record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def notices(app) -> list[str]:
    """The notifications shown so far, oldest first."""
    return [str(notification.message) for notification in app._notifications]
