"""After a sync that recorded conflicts, the app says so, and how to see and settle them."""

from __future__ import annotations

from ..conftest import CCM
from .conftest import notices, settle
from .test_sync_conflicts import conflicting

SIZE = (100, 30)


async def test_the_app_shows_a_notice_when_conflicts_are_open(make_app, tmp_path, sample_db):
    theirs, _ = conflicting(sample_db, tmp_path)
    mine = CCM(sample_db)
    assert mine("sync", str(theirs)).exit_code == 0
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert any("edited on both sides" in notice and "Press C" in notice for notice in notices(app))


async def test_no_notice_without_conflicts(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not any("edited on both sides" in notice for notice in notices(app))
