"""`ccm tui` on a database file that has not changed since the last start: the dashboard's figures
come from the snapshot that start kept; any change to the file, another day or another config
reads the database again."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ccmtui.tui.dashboard_data import EarlyDashboard, next_ranking
from ccmtui.tui.snapshot import snapshot_path
from ccmtui.tui.source import Source

from .conftest import TODAY

pytestmark = pytest.mark.sqlite_only

CONFIG = {"name": "Ana Tester", "area": "universalization"}


def start(db, today=TODAY, config=CONFIG) -> EarlyDashboard:
    early = EarlyDashboard(Source(str(db), config, today), keep=True)
    early.wait()
    early.wait_ranking()
    return early


def test_the_figures_of_an_unchanged_file_are_those_kept_and_a_write_reads_it_again(sample_db, ccm):
    first = start(sample_db)
    assert not first.from_snapshot
    assert snapshot_path(sample_db).stat().st_mode & 0o777 == 0o600
    again = start(sample_db)
    assert again.from_snapshot
    assert again.data.register == first.data.register and again.data.due == first.data.due
    assert [(c.iso3, c.score) for c in again.ranking] == [(c.iso3, c.score) for c in first.ranking]
    assert again.data.index.name("KEN") == "Kenya"
    # Written by the command line since: read afresh, with the new engagement.
    logged = ccm("log", "meeting", "Viet Nam", "-m", "Bilateral in Hanoi", "-a", "univ", "--date", "2025-01-14")
    assert logged.exit_code == 0, logged.output
    after = start(sample_db)
    assert not after.from_snapshot
    assert after.data.recent[0][4] == "Bilateral in Hanoi"
    assert start(sample_db).from_snapshot
    # The next day, or another area: read afresh.
    assert not start(sample_db, today=TODAY + timedelta(days=1)).from_snapshot
    assert not start(sample_db, config={**CONFIG, "area": "stockpile-destruction"}).from_snapshot


def test_a_snapshot_others_could_have_written_is_not_read(sample_db):
    start(sample_db)
    snapshot_path(sample_db).chmod(0o666)
    assert not start(sample_db).from_snapshot
    assert snapshot_path(sample_db).stat().st_mode & 0o777 == 0o600


async def test_a_ranking_not_read_while_the_app_started_is_read_when_its_panel_shows(sample_db):
    from ccmtui.tui.app import CCMApp
    from ccmtui.tui.widgets.next_panel import NextPanel

    from .conftest import settle

    source = Source(str(sample_db), CONFIG, TODAY)
    early = EarlyDashboard(source, rank=False)  # a terminal too narrow for the panel
    early.wait()
    assert early.wait_ranking() is None
    app = CCMApp(str(sample_db), source=source, early=early)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        panel = app.screen.query_one(NextPanel)
        assert not panel.display and "Angola" not in str(panel.render())
        assert not [w for w in app.workers if w.group == "next-panel"]  # nothing ranked for nothing
        await pilot.resize_terminal(160, 50)
        await settle(pilot)
        first = next_ranking(source)[0]
        assert panel.display and panel.loaded and f" 1 {first.name[:17]}" in str(panel.render())
