"""The dashboard: ready with real figures, what is due, recent work, campaigns."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from ccmtui.tui.messages import DashboardReady
from ccmtui.tui.screens.dashboard import DashboardScreen

from .conftest import SIZE, rows, screen_text, settle

pytestmark = pytest.mark.sqlite_only


async def test_the_frame_shows_at_once_and_fills_in_from_workers(make_app):
    posted = []
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=posted.append) as pilot:
        # Before the workers deliver, the panels are there, loading.
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.query_one("#register").border_title == "Register as of 2025-01-15"
        await settle(pilot)
        ready = [m for m in posted if isinstance(m, DashboardReady)]
        assert len({id(m) for m in ready}) == 1 and ready[0].seconds == app.ready_seconds > 0
        assert not any(w.loading for w in app.screen.query(".panel"))
        seen = screen_text(app)
        # The register as `ccm status --as-of 2025-01-15` counts it.
        assert "States Parties 112  (112 in force, 0 pending)" in seen
        assert "Signatories 12  ·  Non-signatories 73  ·  Withdrawn 0" in seen
        assert "Category I 15  ·  II 25  ·  III 19  of 85 not party" in seen
        assert "Africa        54       36      8      10  7   4    2" in seen
        assert "2013-05-22  Workshop      Togo" in seen
        assert "Joint démarche by Portug  100/113  88%" in seen


async def test_an_overdue_follow_up_shows_and_can_be_marked_done(make_app, sample_db, ccm):
    assert ccm("log", "meeting", "Viet Nam", "-m", "Bilateral in Hanoi", "-a", "univ", "--date", "2024-11-20", "--follow-up", "2025-01-05").exit_code == 0
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        due = app.screen.query_one("#due", DataTable)
        assert due.has_focus
        assert [str(c) for c in due.get_row_at(0)] == ["2025-01-05", "Follow up, 10 days late", "Viet Nam", "Bilateral in Hanoi"]
        await pilot.press("x")
        await settle(pilot)
        assert due.border_title.startswith("Due · 0 overdue")
    assert rows(sample_db, "SELECT follow_up_on FROM engagements WHERE summary = 'Bilateral in Hanoi'") == [(None,)]
    assert rows(sample_db, "SELECT command FROM changesets ORDER BY made_at DESC LIMIT 1")[0][0].startswith("follow-up done for engagement ")


async def test_a_campaign_opens_on_the_campaigns_board(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        campaigns = app.screen.query_one("#campaigns", DataTable)
        campaigns.focus()
        campaigns.move_cursor(row=1)
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "campaigns"
        board = app.screen.query_one("#board", DataTable)
        assert board.cursor_row == 1
        assert app.screen.query_one("#replies", DataTable).row_count == 113
