"""Pilot fixtures: the app on a private copy of sample.db, a fixed "today", no blinking cursor."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from weakref import WeakKeyDictionary

import pytest

TODAY = date(2025, 1, 15)
SIZE = (100, 30)

# Every notification each app was asked to show, oldest first (see `notices`).
_NOTICES: WeakKeyDictionary = WeakKeyDictionary()


@pytest.fixture(autouse=True)
def no_blink(monkeypatch):
    """A blinking cursor makes screenshots differ from run to run."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "cursor_blink", False, raising=False)
    monkeypatch.setattr(TextArea, "cursor_blink", False, raising=False)


@pytest.fixture(autouse=True)
def patient_jumps(monkeypatch):
    """Typing to jump ends after a person's pause; a loaded test machine may take longer than that
    between two keys of one word."""
    monkeypatch.setattr("ccmtui.tui.widgets.list_keys.JUMP_PAUSE", 30.0)


@pytest.fixture(autouse=True)
def recorded_notices(monkeypatch):
    """Keep what `App.notify` is given, so a test reads it back whether or not the toast expired."""
    from textual.app import App

    notify = App.notify

    def recording(self, message, *args, **kwargs):
        _NOTICES.setdefault(self, []).append(str(message))
        return notify(self, message, *args, **kwargs)

    monkeypatch.setattr(App, "notify", recording)


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


async def settle_until(pilot, ready, rounds: int = 200) -> None:
    """Settle, then again until `ready(app)` holds (a panel read after the others has shown):
    a picture taken at one moment, whatever the machine's load."""
    await settle(pilot)
    for _ in range(rounds):
        if ready(pilot.app):
            break
        await pilot.pause(0.05)
    else:
        raise AssertionError("the screen never reached the state waited for")
    await settle(pilot)


def count(db: Path, sql: str, *params) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql, params).fetchone()[0]


def rows(db: Path, sql: str, *params) -> list:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql, params).fetchall()


def screen_text(app) -> str:
    """The terminal's text as the user sees it now.

    Textual has no public call for the screen as text; this draws it as `App.export_screenshot`
    does, into a text console instead of an SVG.
    """
    import io

    from rich.console import Console

    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), force_terminal=True, record=True, legacy_windows=False
    )
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def notices(app) -> list[str]:
    """The notifications shown so far, oldest first."""
    return list(_NOTICES.get(app, []))
