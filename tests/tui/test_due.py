"""The Due screen: every follow-up, reply long pending and treaty date, newest first, acted on in place."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input

from ccmtui.tui.dialogs.snooze import SnoozeDialog
from ccmtui.tui.screens.due import DueScreen
from ccmtui.tui.widgets.virtual_table import VirtualTable

from .conftest import SIZE, notices, rows, screen_text, settle


@pytest.fixture
def due_db(sample_db):
    """Follow-ups overdue, due soon and later; a campaign's replies pending for months."""
    from ccmtui.actions.journal import NewEngagement, add_engagement
    from ccmtui.db.write import writing

    with writing(str(sample_db), by="Tester", command="fill") as writer:
        for number, (day, follow_up) in enumerate(FOLLOW_UPS):
            add_engagement(
                writer,
                NewEngagement(
                    occurred_on=day,
                    kind="call",
                    area="universalization",
                    channel="geneva",
                    summary=f"Call {number}",
                    states=["KEN"],
                    follow_up_on=follow_up,
                ),
            )
        row = add_engagement(
            writer,
            NewEngagement(
                occurred_on=date(2024, 9, 2),
                kind="letter",
                area="universalization",
                channel="capital",
                summary="Letter on accession",
                states=["PER", "TUV"],
            ),
        )
        for iso3 in ("PER", "TUV"):
            writer.insert(
                "replies", {"engagement_uuid": row["uuid"], "iso3": iso3, "status": "pending", "recorded_by": "Tester"}
            )
    return sample_db


FOLLOW_UPS = [
    (date(2024, 10, 1), date(2024, 11, 1)),
    (date(2024, 12, 1), date(2025, 1, 10)),
    (date(2025, 1, 2), date(2025, 1, 20)),
    (date(2025, 1, 3), date(2025, 6, 1)),  # beyond the fortnight: not due yet
]


async def open_due(pilot) -> DueScreen:
    pilot.app.action_go("due")
    await settle(pilot)
    assert isinstance(pilot.app.screen, DueScreen)
    return pilot.app.screen


def keys_of(table: VirtualTable) -> list[str]:
    return [table.row(i).key for i in range(table.length) if table.row(i) is not None]


async def test_due_lists_each_group_newest_first_and_flips(make_app, due_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_due(pilot)
        table = screen.table
        keys = keys_of(table)
        assert keys[0] == "h:follow-ups"
        assert "h:replies" in keys and "h:treaty" in keys
        seen = screen_text(app)
        assert "Follow-ups, overdue and in the next 14 days" in seen
        assert "newest first" in seen
        follow_days = [str(table.row(i).cells[0]) for i in range(1, keys.index("h:replies"))]
        assert follow_days == ["2025-01-20", "2025-01-10", "2024-11-01"]
        assert "Follow up, 75 days late" in seen and "Follow up in 5 days" in seen
        assert "No reply, 135 days" in seen
        await pilot.press("O")
        await settle(pilot)
        assert "oldest first" in screen_text(app)
        keys = keys_of(table)
        follow_days = [str(table.row(i).cells[0]) for i in range(1, keys.index("h:replies"))]
        assert follow_days == ["2024-11-01", "2025-01-10", "2025-01-20"]


async def test_a_follow_up_done_and_one_snoozed_leave_due(make_app, due_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_due(pilot)
        table = screen.table
        before = screen.rows.counts.follow_ups
        assert before == 3
        table.move_cursor(1)
        first = table.cursor_row.key.removeprefix("f:")
        await pilot.press("X")
        await settle(pilot)
        assert screen.rows.counts.follow_ups == before - 1
        assert rows(due_db, "SELECT follow_up_on FROM engagements WHERE uuid = ?", first) == [(None,)]
        table.move_cursor(1)
        second = table.cursor_row.key.removeprefix("f:")
        await pilot.press("Z")
        await settle(pilot)
        assert isinstance(app.screen, SnoozeDialog)
        await pilot.press(*"2025-13-40", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SnoozeDialog)  # kept open, the input kept, the error under it
        assert app.screen.query_one("#snooze-follow-up", Input).value == "2025-13-40"
        assert "Error: bad follow up on '2025-13-40': expected YYYY-MM-DD" in screen_text(app)
        assert app.focused is app.screen.query_one("#snooze-follow-up")
        app.screen.query_one("#snooze-follow-up", Input).value = "2025-06-01"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DueScreen)
        assert rows(due_db, "SELECT follow_up_on FROM engagements WHERE uuid = ?", second) == [("2025-06-01",)]
        assert screen.rows.counts.follow_ups == before - 2
        assert any("follow_up" in notice or "follow-up" in notice for notice in notices(app))
