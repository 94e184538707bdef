"""The engagements list: pages on the LIMITed listing queries, never the whole table."""

from __future__ import annotations

import json
from datetime import date

import pytest
from textual.widgets import DataTable, Input, Label, Select

from ccmtui.actions.journal import NewEngagement, add_engagement
from ccmtui.db.write import writing

from .conftest import SIZE, rows, screen_text, settle

pytestmark = pytest.mark.sqlite_only

# Many engagements on few days, so that pages begin and end inside a day.
DAYS = {date(2024, 6, 1): 120, date(2024, 5, 1): 100, date(2024, 4, 1): 35}


@pytest.fixture
def busy_db(sample_db):
    with writing(str(sample_db), by="Bench", command="fill") as writer:
        for day, number in DAYS.items():
            for i in range(number):
                add_engagement(
                    writer,
                    NewEngagement(
                        occurred_on=day,
                        kind="call" if i % 2 else "email",
                        area="universalization" if i % 3 else "clearance",
                        channel="geneva",
                        summary=f"Contact {day} #{i}",
                        states=["KEN" if i % 5 == 0 else "PER"],
                    ),
                )
    return sample_db


def keys(screen) -> list[str]:
    return [key.value for key in screen.query_one("#engagements-table", DataTable).rows]


async def open_engagements(pilot):
    await settle(pilot)
    await pilot.press("e")
    await settle(pilot)
    return pilot.app.screen


async def test_pages_cover_every_engagement_once_newest_first(make_app, busy_db):
    everything = [r[0] for r in rows(busy_db, "SELECT uuid FROM engagements ORDER BY occurred_on DESC, uuid")]
    assert len(everything) == 260
    app = make_app(db=busy_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_engagements(pilot)
        table = screen.query_one("#engagements-table", DataTable)
        seen = []
        titles = []
        for _ in range(3):
            seen += keys(screen)
            titles.append(table.border_title)
            await pilot.press("right_square_bracket")
            await settle(pilot)
        assert seen == everything
        assert titles == [
            "Engagements 1–100 · page 1 · ] next",
            "Engagements 101–200 · page 2 · ] next",
            "Engagements 201–260 · page 3 · last page",
        ]
        # Back one page: the same rows as before.
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert keys(screen) == everything[100:200]
        assert table.row_count == 100


async def test_filters_narrow_with_the_clis_parsers(make_app, busy_db, ccm):
    app = make_app(db=busy_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_engagements(pilot)
        screen.query_one("#eng-state", Input).value = "kenia"
        screen.query_one("#eng-state", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        error = screen.query_one("#engagements-error", Label)
        assert error.display and str(error.render()).startswith("Error: unknown state 'kenia'; did you mean Kenya (KEN)")
        screen.query_one("#eng-state", Input).value = "Kenya"
        screen.query_one("#eng-kind", Select).value = "email"
        screen.query_one("#eng-since", Input).value = "2024-05-01"
        screen.query_one("#eng-state", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert not error.display
        expected = rows(
            busy_db,
            "SELECT e.uuid FROM engagements e JOIN engagement_states s ON s.engagement_uuid = e.uuid "
            "WHERE s.iso3 = 'KEN' AND e.kind = 'email' AND e.occurred_on >= '2024-05-01' ORDER BY e.occurred_on DESC, e.uuid",
        )
        assert keys(screen) == [r[0] for r in expected]
        assert len(expected) == 22
        assert "Kenya" in screen_text(app)
        # Esc clears every filter.
        await pilot.press("escape")
        await settle(pilot)
        assert len(keys(screen)) == 100


async def test_enter_opens_the_engagement(make_app, busy_db):
    app = make_app(db=busy_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_engagements(pilot)
        table = screen.query_one("#engagements-table", DataTable)
        table.move_cursor(row=0)
        await pilot.press("enter")
        await settle(pilot)
        seen = screen_text(app)
        assert "Contact 2024-06-01" in seen and "Recorded by    Bench" in seen


async def test_words_search_summaries_and_notes_as_ccm_search_does(make_app, ccm):
    expected = [hit["id"] for hit in json.loads(ccm("search", "regional conference", "--json").stdout)]
    assert len(expected) == 2
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_engagements(pilot)
        screen.query_one("#eng-text", Input).value = "regional conference"
        screen.query_one("#eng-text", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert keys(screen) == expected
        assert screen.query_one("#engagements-table").border_title == "2 engagements with “regional conference”"
        # Pages do not apply to search hits; Esc goes back to the whole list.
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert keys(screen) == expected
        await pilot.press("escape")
        await settle(pilot)
        assert len(keys(screen)) == 5
