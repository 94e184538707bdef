"""The app on whichever backend the suite runs on (SQLite, or PostgreSQL with CCM_TEST_BACKEND)."""

from __future__ import annotations

import json

from textual.widgets import Input

from .conftest import SIZE, notices, screen_text, settle


async def test_log_then_undo_through_the_app_as_the_cli_sees_it(make_app, ccm):
    app = make_app(db=ccm.db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "States Parties 112" in screen_text(app)
        await pilot.press("4")
        await settle(pilot)
        await pilot.press(*"ken", "enter")
        app.screen.query_one("#log-summary", Input).value = "Met the ambassador"
        app.screen.query_one("#log-date", Input).value = "2025-01-10"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert notices(app)[-1].startswith("Logged démarche ")
        found = json.loads(ccm("engagements", "--state", "KEN", "--since", "2025-01-01", "--json").stdout)
        assert [(e["summary"], e["date"], e["states"]) for e in found] == [
            ("Met the ambassador", "2025-01-10", ["KEN"])
        ]
        await pilot.press("escape", "9")
        await settle(pilot)
        await pilot.press("U")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert notices(app)[-1].startswith("Undid: log demarche with Kenya: Met the ambassador")
    assert json.loads(ccm("engagements", "--state", "KEN", "--since", "2025-01-01", "--json").stdout) == []


async def test_the_dashboard_read_while_the_app_loads(ccm):
    from ccmtui.tui.app import CCMApp
    from ccmtui.tui.dashboard_data import EarlyDashboard
    from ccmtui.tui.source import Source

    from .conftest import TODAY

    source = Source(str(ccm.db), {"name": "Ana Tester", "area": "stockpile-destruction"}, TODAY)
    app = CCMApp(str(ccm.db), source=source, early=EarlyDashboard(source))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        seen = screen_text(app)
        assert "States Parties 112  (112 in force, 0 pending)" in seen
        assert "Joint démarche b  100/113  ████▍  88%" in seen
        assert "Q4 2024" in seen  # the stockpile destruction work plan's first milestone
