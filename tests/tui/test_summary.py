"""The Summary section: `build_summary` drawn as `ccm summary` draws it."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Label, Select

from .conftest import SIZE, screen_text, settle

pytestmark = pytest.mark.sqlite_only


def test_the_screen_offers_every_area_with_a_summary():
    from ccmtui.reports.summary import BUILDERS
    from ccmtui.tui.screens import summary

    assert tuple(BUILDERS) == summary.SUMMARY_AREAS


async def test_universalization_since_the_4msp(make_app, ccm):
    expected = ccm("summary", "universalization", "--as-of", "2014-06-30").output
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("8")
        await settle(pilot)
        screen = app.screen
        # The coordinator's own area comes first.
        assert screen.query_one("#summary-area", Select).value == "universalization"
        screen.query_one("#summary-as-of", Input).value = "2014-06-30"
        screen.query_one("#summary-as-of", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        seen = screen_text(app)
        assert screen.query_one("#summary-scroll").border_title == "Summary as of 2014-06-30, changes since the 4MSP"
        for line in ("States Parties              84", "Acceded since the 4MSP       1"):
            assert line in expected and line in seen


async def test_since_after_as_of_is_refused_with_the_cli_message(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("8")
        await settle(pilot)
        screen = app.screen
        screen.query_one("#summary-as-of", Input).value = "4MSP"
        screen.query_one("#summary-since", Input).value = "2020-01-01"
        screen.query_one("#summary-since", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        error = screen.query_one("#summary-error", Label)
        assert error.display
        assert str(error.render()) == "Error: since 2020-01-01 is after as of 2013-09-09"


async def test_a_new_meeting_from_the_summary(make_app, sample_db):
    from ccmtui.tui.dialogs.meeting import MeetingDialog

    from .conftest import count, notices, rows

    meetings = count(sample_db, "SELECT count(*) FROM meetings")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("8")
        await settle(pilot)
        await pilot.press("N")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, MeetingDialog)
        # A formal meeting needs its source; a bad date shows under its field.
        dialog.query_one("#meeting-code", Input).value = "16MSP"
        dialog.query_one("#meeting-start", Input).value = "2026-09-31"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert str(dialog.query_one("#meeting-error-start", Label).render()).startswith("Error: bad start")
        assert str(dialog.query_one("#meeting-error-source", Label).render()).startswith(
            "Error: say where the dates come from"
        )
        assert count(sample_db, "SELECT count(*) FROM meetings") == meetings
        dialog.query_one("#meeting-start", Input).value = "2026-09-14"
        dialog.query_one("#meeting-end", Input).value = "2026-09-17"
        dialog.query_one("#meeting-name", Input).value = "Sixteenth Meeting of States Parties"
        dialog.query_one("#meeting-city", Input).value = "Geneva"
        dialog.query_one("#meeting-country", Input).value = "Switzerland"
        dialog.query_one("#meeting-source", Input).value = "ISU 16MSP page"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, MeetingDialog)
        assert notices(app)[-1] == "16MSP (msp): 2026-09-14 to 2026-09-17 recorded."
    assert rows(
        sample_db, "SELECT name, start, end, kind, city, country, source FROM meetings WHERE code = '16MSP'"
    ) == [
        (
            "Sixteenth Meeting of States Parties",
            "2026-09-14",
            "2026-09-17",
            "msp",
            "Geneva",
            "Switzerland",
            "ISU 16MSP page",
        )
    ]
