"""Screenshots of the treaty records, conflicts, sync, export and attachments screens on a copy of
sample.db, "today" fixed at 2025-01-15 (update as tests/tui/test_snapshots.py says)."""

from __future__ import annotations

import sqlite3

import pytest
from textual.widgets import Input, Select

from .conftest import SIZE, settle
from .test_snapshots import go
from .test_sync_conflicts import conflicting

# Every picture of the app, compared: .ci/run runs them with the slow suites (`pytest -m slow`).
pytestmark = [pytest.mark.sqlite_only, pytest.mark.slow]

ENGAGEMENT = "480d530f-8be0-5842-a038-cce0d90cd619"  # the sample's Lomé conference, 22-23 May 2013


def _fixed_conflict(sample_db, tmp_path) -> None:
    """A conflict as a sync records it, its ids, times and file names made the same on every run."""
    from ..conftest import CCM

    theirs, _ = conflicting(sample_db, tmp_path)
    assert CCM(sample_db)("sync", str(theirs)).exit_code == 0
    with sqlite3.connect(sample_db) as connection:
        connection.execute(
            "UPDATE conflicts SET uuid = '5e7c0a11-0000-4000-8000-000000000001', "
            "record_uuid = 'e1d2c3b4-0000-4000-8000-000000000002', found_at = '2025-01-14 16:05:00', "
            "a_at = '2025-01-14 09:12:00', b_at = '2025-01-14 11:40:00', "
            "a_label = CASE WHEN a_label LIKE '%theirs.db' THEN 'kwame.db' ELSE 'ana.db' END, "
            "b_label = CASE WHEN b_label LIKE '%theirs.db' THEN 'kwame.db' ELSE 'ana.db' END"
        )


class TestTreatyRecords:
    def test_obligations(self, snap_compare, make_app):
        assert snap_compare(make_app(), terminal_size=SIZE, run_before=go("8", "R"))

    def test_at_80_by_24(self, snap_compare, make_app):
        assert snap_compare(make_app(), terminal_size=(80, 24), run_before=go("8", "R", "right_square_bracket"))

    def test_extension_form(self, snap_compare, make_app):
        async def run_before(pilot) -> None:
            await go("8", "R", "right_square_bracket", "N")(pilot)
            screen = pilot.app.screen
            screen.query_one("#treaty-state", Input).value = "Atlantis"
            screen.query_one("#treaty-requested", Input).value = "2024-02-30"
            await pilot.press("ctrl+s")
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


class TestPractices:
    def test_best_practices(self, snap_compare, make_app):
        assert snap_compare(make_app(), terminal_size=SIZE, run_before=go("8", "P"))


class TestConflicts:
    def test_both_versions(self, snap_compare, make_app, sample_db, tmp_path):
        _fixed_conflict(sample_db, tmp_path)
        app = make_app()

        async def run_before(pilot) -> None:
            await settle(pilot)
            pilot.app.clear_notifications()
            await go("C")(pilot)

        assert snap_compare(app, terminal_size=SIZE, run_before=run_before)

    def test_at_80_by_24(self, snap_compare, make_app, sample_db, tmp_path):
        _fixed_conflict(sample_db, tmp_path)

        async def run_before(pilot) -> None:
            await settle(pilot)
            pilot.app.clear_notifications()
            await go("C")(pilot)

        assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


class TestDialogs:
    def test_sync(self, snap_compare, make_app):
        async def run_before(pilot) -> None:
            await go("S")(pilot)
            pilot.app.screen.query_one("#sync-where", Input).value = "/nowhere/kwame.db"
            await pilot.press("ctrl+s")
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)

    def test_export(self, snap_compare, make_app):
        async def run_before(pilot) -> None:
            await go("F")(pilot)
            pilot.app.screen.query_one("#export-area", Select).value = "universalization"
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)

    def test_attachments(self, snap_compare, make_app):
        async def run_before(pilot) -> None:
            await settle(pilot)
            pilot.app.open_engagement(ENGAGEMENT)
            await settle(pilot)
            await go("F")(pilot)

        assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


class TestCoalitions:
    def test_board_and_detail(self, snap_compare, make_app):
        assert snap_compare(make_app(), terminal_size=SIZE, run_before=go("8", "L"))


class TestActionPlan:
    def test_actions_and_states(self, snap_compare, make_app):
        assert snap_compare(make_app(), terminal_size=SIZE, run_before=go("8", "I", *["j"] * 20))

    def test_at_80_by_24(self, snap_compare, make_app):
        assert snap_compare(make_app(), terminal_size=(80, 24), run_before=go("8", "I"))
