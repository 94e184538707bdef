"""The States table and a state's detail: the same register as `ccm status`."""

from __future__ import annotations

import json

import pytest
from textual.widgets import DataTable, Input, Label, Select

from ccmtui.tui.screens.state_detail import StateDetailScreen
from ccmtui.tui.widgets.virtual_table import VirtualTable

from .conftest import SIZE, screen_text, settle

pytestmark = pytest.mark.sqlite_only


def shown(screen) -> list[str]:
    table = screen.query_one("#states-table", DataTable)
    return [key.value for key in table.rows]


async def open_states(pilot):
    await settle(pilot)
    await pilot.press("3")
    await settle(pilot)
    return pilot.app.screen


async def test_all_197_states_with_their_status_today(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await open_states(pilot)
        table = screen.query_one("#states-table", DataTable)
        assert table.row_count == 197
        assert table.border_title == "197 states as of 2025-01-15 · 59 stale (*: assessed over 24 months before)"
        row = table.get_row("KEN")
        # The category comes right after the status: at 80 columns it is on screen.
        assert [str(cell) for cell in row[:6]] == ["Kenya", "KEN", "Africa", "signatory", "I", "2013-09-09*"]
        # Kenya's 2013 category is stale in 2025: its Since is marked. Then the treaty's dates.
        assert [str(cell) for cell in row[6:]] == ["", "2008-12-03", ""]


async def test_category_ii_as_of_the_4msp_shows_the_2013_list(make_app, ccm):
    expected = [s["iso3"] for s in json.loads(ccm("status", "-c", "II", "--as-of", "2013-09-09", "--json").stdout)]
    assert len(expected) == 31
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await open_states(pilot)
        screen.query_one("#filter-category", Select).value = "II"
        screen.query_one("#filter-as-of", Input).value = "2013-09-09"
        screen.query_one("#filter-as-of", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert sorted(shown(screen)) == sorted(expected)
        assert screen.query_one("#states-table").border_title == "31 states as of 2013-09-09"
        # A meeting code stands for its opening day, as on the command line.
        screen.query_one("#filter-as-of", Input).value = "4MSP"
        await pilot.press("enter")
        await settle(pilot)
        assert sorted(shown(screen)) == sorted(expected)


async def test_the_name_filter_matches_aliases_and_ignores_accents(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await open_states(pilot)
        await pilot.press("slash", *"cote")
        await settle(pilot)
        assert shown(screen) == ["CIV"]
        screen.query_one("#filter-name", Input).value = "guinea"
        await settle(pilot)
        assert set(shown(screen)) == {"GIN", "GNB", "GNQ", "PNG"}
        screen.query_one("#filter-status", Select).value = "non-signatory"
        await settle(pilot)
        assert set(shown(screen)) == {"GNQ", "PNG"}
        await pilot.press("escape")
        await settle(pilot)
        assert len(shown(screen)) == 197


async def test_a_bad_as_of_date_says_why_and_keeps_the_table(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await open_states(pilot)
        screen.query_one("#filter-as-of", Input).value = "2013-02-30"
        screen.query_one("#filter-as-of", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        error = screen.query_one("#states-error", Label)
        assert error.display
        assert str(error.render()) == "bad as of '2013-02-30': expected YYYY-MM-DD, e.g. 2013-09-09"
        assert len(shown(screen)) == 197


async def test_enter_opens_the_state_with_its_timeline(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await open_states(pilot)
        table = screen.query_one("#states-table", DataTable)
        table.move_cursor(row=table.get_row_index("KEN"))
        await pilot.press("enter")
        await settle(pilot)
        detail = pilot.app.screen
        assert isinstance(detail, StateDetailScreen)
        assert detail.query_one("#state-facts").border_title == "Kenya (KEN) · Africa › Sub-Saharan Africa"
        timeline = detail.query_one("#timeline", VirtualTable)
        rows = [[str(c) for c in timeline.row(i).cells] for i in range(timeline.length)]
        # Newest first: the 2013 category, the letter, the reply, the démarche, the signature.
        assert [(r[0], r[1]) for r in rows] == [
            ("2013-09-09", "Category"),
            ("2013-03-15", "Engagement"),
            ("2011-12-27", "Reply"),
            ("2011-11-15", "Engagement"),
            ("2008-12-03", "Treaty"),
        ]
        assert rows[0][2].startswith("Category I: ")
        # Enter on an engagement opens it in full.
        timeline.move_cursor(3)
        await pilot.press("enter")
        await settle(pilot)
        seen = screen_text(pilot.app)
        assert "Joint démarche by Portugal and Japan on joining the CCM" in seen
        assert "113 states: Algeria, Andorra, Angola" in seen
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert pilot.app.screen is screen


async def test_enter_in_the_name_filter_goes_to_the_states_and_enter_opens_one(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        await open_states(pilot)
        await pilot.press("slash", *"MNE", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, StateDetailScreen) and pilot.app.screen.iso3 == "MNE"


async def test_a_meeting_added_by_the_coordinator_is_a_date_in_the_app(make_app, ccm):
    added = ccm("meeting", "add", "LOME26", "--kind", "regional", "--start", "2026-05-12", "--city", "Lomé")
    assert added.exit_code == 0, added.output
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await open_states(pilot)
        screen.query_one("#filter-as-of", Input).value = "LOME26"
        screen.query_one("#filter-as-of", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert screen.query_one("#states-table").border_title.startswith("197 states as of 2026-05-12")


async def test_the_votes_imported_show_on_the_states_page_and_beside_the_holdouts(make_app, ccm, tmp_path):
    from tests.cli.unga import write

    imported = ccm("votes", "import", write(tmp_path / "votes.csv", [("THA", "Y", 2015), ("THA", "A", 2016)]))
    assert imported.exit_code == 0, imported.output
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_states(pilot)
        table = screen.query_one("#states-table", DataTable)
        table.move_cursor(row=table.get_row_index("THA"))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StateDetailScreen)
        text = screen_text(app)
        assert "UNGA vote          abstain (2016, A/RES/71/45); before: yes (2015)" in text
        assert "Voted abstain on A/RES/71/45" in text
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("M")
        await settle(pilot)
        momentum = app.screen.query_one("#momentum-table", DataTable)
        momentum.move_cursor(row=momentum.get_row_index("ASEAN"))
        await settle(pilot)
        holdouts = app.screen.query_one("#holdouts-table", DataTable)
        assert [str(c) for c in holdouts.get_row("THA")][-1] == "abstain (2016)"
        assert [str(c) for c in holdouts.get_row("SGP")][-1] == "—"
        # Beside them, ASEAN's members joined at the end of each year, as `ccm momentum --as-of` counts them.
        chart = app.screen.query_one("#momentum-chart")
        joined = str(momentum.get_row("ASEAN")[1]).split("/")[0]
        assert chart.points[:2] == [(2008, 0), (2009, 1)] and chart.points[-1] == (2025, int(joined))
