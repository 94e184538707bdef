"""After a sync that recorded conflicts, the app says so, and how to see and settle them."""

from __future__ import annotations

import shutil

from ccmtui.db.write import writing

from ..conftest import CCM, SAMPLE
from .conftest import notices, settle

SIZE = (100, 30)


async def test_the_app_shows_a_notice_when_conflicts_are_open(make_app, tmp_path, sample_db):
    theirs = tmp_path / "theirs.db"
    shutil.copy(SAMPLE, theirs)
    mine = CCM(sample_db)
    mine("log", "call", "KEN", "-m", "Shared call", "-a", "univ", "--date", "2024-01-01")
    assert CCM(theirs)("sync", str(sample_db)).exit_code == 0
    engagement = mine("engagements", "--json", "--since", "2024-01-01").stdout.split('"id": "')[1][:36]
    for where, wording in ((sample_db, "mine"), (theirs, "theirs")):
        with writing(str(where), by="Someone", command="edit") as writer:
            writer.update("engagements", engagement, {"summary": wording})
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
