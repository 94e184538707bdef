"""The Margins screen: a meeting's week from the Summary's meetings list (`B`), a slot planned (a
clash refused under its field first) and its outcome recorded in a few keys, through the actions
`ccm margins` calls."""

from __future__ import annotations

import pytest

from ccmtui.tui.widgets.literal_table import DataTable

from .conftest import SIZE, count, notices, rows, screen_text, settle

pytestmark = pytest.mark.sqlite_only


async def test_a_slot_planned_then_its_outcome_recorded_becomes_an_engagement(make_app, ccm, sample_db):
    tuvalu = (
        "margins",
        "add",
        "12MSP",
        "--with",
        "TUV",
        "--day",
        "2024-09-11",
        "--slot",
        "10:00-10:30",
        "--room",
        "XX",
    )
    assert ccm(*tuvalu).exit_code == 0
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in ("8", "M", "G", "k", "B"):  # the meetings, the last but one (12MSP), its week
            await pilot.press(key)
            await settle(pilot)
        grid = app.screen.query_one("#margins-grid", DataTable)
        assert str(grid.border_title).startswith("Bilateral meetings at 12MSP, 2024-09-10 to 2024-09-13")
        assert [str(c.label) for c in grid.columns.values()][1:] == [
            "Tue 2024-09-10",
            "Wed 2024-09-11",
            "Thu 2024-09-12",
            "Fri 2024-09-13",
        ]
        # A new slot from the Thursday's column: the day is filled in.
        grid.move_cursor(row=0, column=3)
        await pilot.press("N")
        await settle(pilot)
        dialog = app.screen
        assert dialog.query_one("#slot-day-input").value == "2024-09-12"
        # Tuvalu's room at Tuvalu's time: refused under the slot, nothing written.
        for field, value in (("with", "Fiji"), ("day", "2024-09-11"), ("slot", "10:15-10:45"), ("room", "xx")):
            dialog.query_one(f"#slot-{field}-input").value = value
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Error: room XX is taken 2024-09-11 10:00-10:30 (with Tuvalu)" in screen_text(app)
        assert count(sample_db, "SELECT count(*) FROM margin_slots") == 1
        for field, value in (("with", "Marshall Islands"), ("day", "2024-09-12"), ("slot", "11:00-11:30")):
            dialog.query_one(f"#slot-{field}-input").value = value
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Marshall Islands at 12MSP, 2024-09-12 11:00-11:30 in xx." in notices(app)[-1]
        # Its outcome: Enter, a line, tab, the follow-up, ctrl+s.
        grid.move_cursor(row=1, column=3)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*"Will raise accession with the cabinet", "tab", *"2024-11-01", "ctrl+s")
        await settle(pilot)
        assert "follow up on 2024-11-01" in notices(app)[-1]
        assert "✓ Marshall Islands" in screen_text(app)
    assert rows(
        sample_db,
        "SELECT e.kind, e.occurred_on, e.follow_up_on, s.iso3 FROM engagements e "
        "JOIN engagement_states s ON s.engagement_uuid = e.uuid WHERE e.summary = ?",
        "Will raise accession with the cabinet",
    ) == [("meeting", "2024-09-12", "2024-11-01", "MHL")]
    assert count(sample_db, "SELECT count(*) FROM margin_slots WHERE status = 'held'") == 1
