"""The engagements list: the full filtered list, read a block at a time by position."""

from __future__ import annotations

import json
from datetime import date

import pytest
from textual.widgets import Input, Label, Select

from ccmtui.actions.journal import NewEngagement, add_engagement
from ccmtui.db.write import writing
from ccmtui.tui.widgets.virtual_table import BLOCK, VirtualTable

from .conftest import SIZE, rows, screen_text, settle

pytestmark = pytest.mark.sqlite_only

# Many engagements on few days, so that blocks begin and end inside a day.
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


def table_of(screen) -> VirtualTable:
    return screen.query_one("#engagements-table", VirtualTable)


async def keys(pilot, screen) -> list[str]:
    """Every row of the list, newest first: the cursor visits each block so that it is read."""
    table = table_of(screen)
    found = []
    for start in range(0, table.length, BLOCK):
        table.move_cursor(start)
        await settle(pilot)
        found += [table.row(i).key for i in range(start, min(start + BLOCK, table.length))]
    table.move_cursor(0)
    await settle(pilot)
    return found


async def open_engagements(pilot):
    await settle(pilot)
    await pilot.press("5")
    await settle(pilot)
    return pilot.app.screen


def newest_first(db) -> list[str]:
    return [r[0] for r in rows(db, "SELECT uuid FROM engagements ORDER BY occurred_on DESC, uuid")]


async def test_one_list_holds_every_engagement_newest_first(make_app, busy_db):
    everything = newest_first(busy_db)
    assert len(everything) == 260
    app = make_app(db=busy_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_engagements(pilot)
        table = table_of(screen)
        assert table.border_title == "260 engagements, newest first"
        assert await keys(pilot, screen) == everything
        # End: the oldest engagement, on screen, under the cursor.
        await pilot.press("end")
        await settle(pilot)
        assert table.cursor == 259 and table.cursor_row.key == everything[-1]
        assert table.border_subtitle == "260 of 260"
        oldest = rows(busy_db, "SELECT summary FROM engagements WHERE uuid = ?", everything[-1])[0][0]
        assert oldest[:25] in screen_text(app)
        await pilot.press("home")
        await settle(pilot)
        assert table.cursor == 0 and table.cursor_row.key == everything[0]
        # Page keys move a screenful; ] and [ do the same, g and G go to either end.
        await pilot.press("pagedown")
        await settle(pilot)
        page = table.body_height
        assert table.cursor == page
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert table.cursor == 2 * page
        await pilot.press("left_square_bracket", "up")
        await settle(pilot)
        assert table.cursor == page - 1
        await pilot.press("G")
        await settle(pilot)
        assert table.cursor_row.key == everything[-1]
        await pilot.press("g")
        await settle(pilot)
        assert table.cursor == 0


async def test_filters_narrow_with_the_clis_parsers(make_app, busy_db, ccm):
    app = make_app(db=busy_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_engagements(pilot)
        screen.query_one("#eng-state", Input).value = "kenia"
        screen.query_one("#eng-state", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        error = screen.query_one("#engagements-error", Label)
        assert error.display and str(error.render()).startswith(
            "Error: unknown state 'kenia'; did you mean Kenya (KEN)"
        )
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
            "WHERE s.iso3 = 'KEN' AND e.kind = 'email' AND e.occurred_on >= '2024-05-01' "
            # A state's engagements come in its dated index's order, read backwards.
            "ORDER BY e.occurred_on DESC, e.uuid DESC",
        )
        assert await keys(pilot, screen) == [r[0] for r in expected]
        assert len(expected) == 22
        assert table_of(screen).border_title == "22 engagements match, newest first"
        assert "Kenya" in screen_text(app)
        # Esc clears every filter.
        await pilot.press("escape")
        await settle(pilot)
        assert table_of(screen).length == 260


async def test_an_area_and_a_kind_count_through_their_own_index(make_app, busy_db):
    app = make_app(db=busy_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_engagements(pilot)
        screen.query_one("#eng-area", Select).value = "clearance"
        await settle(pilot)
        clearance = rows(
            busy_db, "SELECT uuid FROM engagements WHERE area = 'clearance' ORDER BY occurred_on DESC, uuid"
        )
        assert await keys(pilot, screen) == [r[0] for r in clearance]
        screen.query_one("#eng-kind", Select).value = "call"
        await settle(pilot)
        calls = rows(
            busy_db,
            "SELECT uuid FROM engagements WHERE area = 'clearance' AND kind = 'call' ORDER BY occurred_on DESC, uuid",
        )
        assert await keys(pilot, screen) == [r[0] for r in calls]
        assert table_of(screen).border_title == f"{len(calls)} engagements match, newest first"


async def test_a_bad_date_says_why_in_one_line_and_keeps_the_list(make_app, busy_db):
    app = make_app(db=busy_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_engagements(pilot)
        screen.query_one("#eng-until", Input).value = "2024-02-30"
        screen.query_one("#eng-until", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        error = screen.query_one("#engagements-error", Label)
        assert error.display
        assert str(error.render()) == "Error: bad until '2024-02-30': expected YYYY-MM-DD, e.g. 2013-09-09"
        assert table_of(screen).length == 260


async def test_nothing_matching_says_so(make_app, busy_db):
    app = make_app(db=busy_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_engagements(pilot)
        screen.query_one("#eng-until", Input).value = "1999-12-31"
        screen.query_one("#eng-until", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert table_of(screen).length == 0
        assert table_of(screen).border_title == "No engagements match"
        await pilot.press("end", "enter")
        await settle(pilot)
        assert pilot.app.screen is screen


async def test_enter_opens_the_highlighted_engagement(make_app, busy_db):
    everything = newest_first(busy_db)
    app = make_app(db=busy_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_engagements(pilot)
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        summary = rows(busy_db, "SELECT summary FROM engagements WHERE uuid = ?", everything[2])[0][0]
        seen = screen_text(app)
        assert summary in seen and "Recorded by    Bench" in seen
        await pilot.press("escape")
        await settle(pilot)
        # The oldest, from the far end of the list.
        await pilot.press("end", "enter")
        await settle(pilot)
        summary = rows(busy_db, "SELECT summary FROM engagements WHERE uuid = ?", everything[-1])[0][0]
        assert summary in screen_text(app)


async def test_the_list_is_read_again_after_a_write(make_app, busy_db):
    app = make_app(db=busy_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_engagements(pilot)
        with writing(str(busy_db), by="Bench", command="log") as writer:
            add_engagement(
                writer,
                NewEngagement(
                    occurred_on=date(2024, 7, 1),
                    kind="call",
                    area="clearance",
                    channel="geneva",
                    summary="A later call with Peru",
                    states=["PER"],
                ),
            )
        app.data_changed("engagement")
        await settle(pilot)
        table = table_of(screen)
        assert table.length == 261 and table.border_title == "261 engagements, newest first"
        assert "A later call with Peru" in screen_text(app)


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
        assert await keys(pilot, screen) == expected
        assert table_of(screen).border_title == "2 engagements with “regional conference”"
        await pilot.press("end", "enter")
        await settle(pilot)
        assert "Regional conference" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        # Esc goes back to the whole list.
        await pilot.press("escape")
        await settle(pilot)
        assert table_of(screen).length == 5


@pytest.fixture(scope="module")
def large_db(tmp_path_factory):
    from ccmtui.seed.generate import generate

    return generate(tmp_path_factory.mktemp("large") / "large.db", 50_000, seed=11).path


async def test_end_on_fifty_thousand_engagements_shows_the_oldest(make_app, large_db):
    oldest = rows(
        large_db, "SELECT uuid, occurred_on, summary FROM engagements ORDER BY occurred_on, uuid DESC LIMIT 1"
    )[0]
    app = make_app(db=large_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_engagements(pilot)
        table = table_of(screen)
        assert table.length == 50_000
        assert table.border_title == "50,000 engagements, newest first"
        await pilot.press("end")
        await settle(pilot)
        assert table.cursor == 49_999 and table.cursor_row.key == oldest[0]
        assert table.border_subtitle == "50,000 of 50,000"
        seen = screen_text(app)
        assert oldest[1] in seen and oldest[2][:25] in seen
        # Only the blocks seen were read: the first and the last.
        assert len(table._blocks) <= 3
        # The middle of the list, as a drag of the scrollbar would reach it.
        table.scroll_to(y=25_000, animate=False)
        await settle(pilot)
        middle = rows(large_db, "SELECT uuid FROM engagements ORDER BY occurred_on DESC, uuid LIMIT 1 OFFSET 25000")[0][
            0
        ]
        assert table.row(25_000).key == middle


async def search_with(pilot, screen, words: str, **filters) -> list[str]:
    """The summaries found for `words` with these filters typed or chosen."""
    for name in ("state", "since", "until", "text"):
        screen.query_one(f"#eng-{name}", Input).value = filters.get(name, "")
    for name in ("area", "kind"):
        select = screen.query_one(f"#eng-{name}", Select)
        if name in filters:
            select.value = filters[name]
        else:
            select.clear()
    text = screen.query_one("#eng-text", Input)
    text.value = words
    text.focus()
    await pilot.press("enter")
    await settle(pilot)
    table = table_of(screen)
    return [table.row(i).cells[4].split(" · ")[0] for i in range(table.length)]


async def test_search_keeps_to_the_state_area_kind_and_dates_chosen(make_app, ccm):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_engagements(pilot)
        both = await search_with(pilot, screen, "conference")
        assert len(both) == 2
        lome = "Regional conference in Lomé, 22-23 May 2013: Lomé Universalisation Strategy adopted"
        accra = "Regional conference on the CCM in Accra, 28-29 May 2012"
        assert await search_with(pilot, screen, "conference", state="togo") == [lome]
        assert table_of(screen).border_title == "1 engagement with “conference” within the filters"
        assert await search_with(pilot, screen, "conference", state="ghana") == [accra]
        assert await search_with(pilot, screen, "conference", since="2013-01-01") == [lome]
        assert await search_with(pilot, screen, "conference", until="2012-12-31") == [accra]
        assert await search_with(pilot, screen, "conference", state="togo", until="2012-12-31") == []
        assert await search_with(pilot, screen, "Portugal", kind="letter") == [
            "Letter of the Permanent Representatives of Portugal and Ghana to 74 missions in Geneva (2013)"
        ]
        assert await search_with(pilot, screen, "CCM", area="national-implementation") == [
            "Workshop on the implementation of the CCM in Skopje, 14-15 May 2013"
        ]
        # Without words, the same filters list every engagement within them.
        await search_with(pilot, screen, "", state="togo")
        assert table_of(screen).length == 1


@pytest.mark.parametrize(
    ("words", "chosen", "found"),
    [
        ("conference", {"state": "TGO"}, ["480d530f"]),
        ("conference", {"until": date(2012, 12, 31)}, ["ab0c33f6"]),
        ("Portugal", {"kind": "letter"}, ["511eb125"]),
        ("CCM", {"area": "national-implementation"}, ["1d746b1c"]),
    ],
)
def test_search_within_filters_finds_the_same_with_fts_and_without(sample_db, words, chosen, found):
    from ccmtui.db.read import AlchemyReader, SQLiteReader
    from ccmtui.db.session import Database
    from ccmtui.reports.engagements import EngagementFilter, search

    within = EngagementFilter(**chosen)
    fts = SQLiteReader(sample_db)
    portable = AlchemyReader(Database(sample_db))
    try:
        for reader in (fts, portable):
            assert [hit.uuid[:8] for hit in search(reader, words, chosen=within)] == found
    finally:
        fts.close()
        portable.close()
