"""The keys of every list, F1 and ctrl+o: what a user presses, what the screen then shows."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from ccmtui.tui.dialogs.jump import JumpDialog
from ccmtui.tui.screens.help import HelpScreen
from ccmtui.tui.widgets.literal_table import DataTable
from ccmtui.tui.widgets.virtual_table import VirtualTable

from .conftest import SIZE, notices, screen_text, settle

pytestmark = pytest.mark.sqlite_only


async def open_states(pilot) -> DataTable:
    await settle(pilot)
    await pilot.press("3")
    await settle(pilot)
    table = pilot.app.screen.query_one("#states-table", DataTable)
    assert pilot.app.focused is table
    return table


def highlighted(table: DataTable) -> str:
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value


async def test_typing_jumps_to_a_state_and_j_k_g_G_move(make_app, monkeypatch):
    monkeypatch.setattr("ccmtui.tui.widgets.list_keys.JUMP_PAUSE", 1.5)  # a person's pause, this once
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        table = await open_states(pilot)
        await pilot.press(*"per")
        await settle(pilot)
        assert highlighted(table) == "PER"
        assert "jump: per" in screen_text(app)
        assert app.current_mode == "states"  # letters went to the jump, not to commands
        await pilot.pause(1.7)  # a pause ends the jump
        await settle(pilot)
        assert "jump:" not in screen_text(app)
        await pilot.press("j")
        assert highlighted(table) == "PHL"
        await pilot.press("k")
        assert highlighted(table) == "PER"
        await pilot.press("G")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("g")
        assert table.cursor_row == 0
        # Accents and case do not matter; ' starts a jump for a name beginning with a list key.
        await pilot.press(*"cote")
        assert highlighted(table) == "CIV"
        await pilot.press("escape")
        await pilot.press("apostrophe", *"ken")
        assert highlighted(table) == "KEN"


async def test_o_sorts_states_by_each_column_and_a_header_click_reverses(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        table = await open_states(pilot)
        await pilot.press("o")  # by State
        await settle(pilot)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert names[0] == "Afghanistan"
        await pilot.press("O")
        await settle(pilot)
        assert str(table.get_row_at(0)[0]) == "Zimbabwe"
        # Sorted by deposit date: a click on its header.
        column = list(table.columns).index("deposited")
        table.sort_by(column, False)
        await settle(pilot)
        deposited = [str(table.get_row_at(i)[column]) for i in range(table.row_count)]
        dated = [day for day in deposited if day]
        assert dated == sorted(dated)
        assert "Deposited ▲" in screen_text(app)


async def test_y_copies_the_highlighted_records_id(make_app):
    app = make_app()
    copied: list[str] = []
    app.copy_to_clipboard = copied.append
    async with app.run_test(size=SIZE) as pilot:
        table = await open_states(pilot)
        await pilot.press(*"peru")
        await pilot.press("escape", "y")
        await settle(pilot)
        assert highlighted(table) == "PER"
        assert copied == ["PER"]
        assert notices(app)[-1] == "Copied PER"


async def test_f1_explains_the_focused_field_and_the_screen(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_states(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        seen = screen_text(app)
        assert "Here: A list. ↑ ↓ or j k move" in seen
        assert "This screen: States: All 197 states" in seen
        await pilot.press("escape")
        await settle(pilot)
        app.screen.query_one("#filter-as-of", Input).focus()
        await pilot.press("f1")
        await settle(pilot)
        assert "Here: A text field (As of: today). A date takes YYYY-MM-DD" in screen_text(app)


async def test_ctrl_o_reaches_any_field_by_a_letter(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_states(pilot)
        states = app.screen
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, JumpDialog)
        letter = next(k for k, widget in app.screen.targets.items() if widget.id == "filter-as-of")
        seen = screen_text(app)
        assert f"{letter}  As of: today" in seen
        await pilot.press(letter)
        await settle(pilot)
        assert app.screen is states
        assert app.focused is states.query_one("#filter-as-of")


async def test_a_dialog_shows_its_own_keys_in_the_footer(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_states(pilot)
        await pilot.press("K")
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "Cancel" in footer and "Classify" not in footer.replace("Classify…", "")


async def test_the_engagements_list_keeps_date_order_and_type_to_jump_finds_a_date(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        table = app.screen.query_one("#engagements-table", VirtualTable)
        await pilot.press("o")
        await settle(pilot)
        assert notices(app)[-1] == "This list keeps its own order: g and G go to its ends."
        await pilot.press("apostrophe", *"2012")
        await settle(pilot)
        assert str(table.cursor_row.cells[0]) == "2012-05-28"
