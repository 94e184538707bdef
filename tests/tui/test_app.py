"""The app as a whole: keys and their ids, help, the command palette, quitting, `ccm tui`."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from textual.binding import Binding

import ccmtui.tui
from ccmtui.tui.screens.help import HelpScreen
from ccmtui.tui.screens.state_detail import StateDetailScreen

from .conftest import SIZE, notices, screen_text, settle

pytestmark = pytest.mark.sqlite_only


def tui_classes():
    for module in pkgutil.walk_packages(ccmtui.tui.__path__, "ccmtui.tui."):
        loaded = importlib.import_module(module.name)
        for _, cls in inspect.getmembers(loaded, inspect.isclass):
            if cls.__module__ == loaded.__name__:
                yield cls


def test_every_binding_has_an_id_so_a_keymap_can_rebind_it():
    # A binding shared by several classes (the keys of every list) is one binding.
    shared = {
        id(b): (cls.__name__, b)
        for cls in tui_classes()
        for b in cls.__dict__.get("BINDINGS", [])
        if isinstance(b, Binding)
    }
    bindings = list(shared.values())
    assert len(bindings) > 30
    assert [name for name, b in bindings if not b.id] == []
    ids = [b.id for _, b in bindings]
    assert len(ids) == len(set(ids))


async def test_help_lists_the_keys_that_work_here_with_their_ids(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-table")
        listed = {tuple(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)}
        assert ("States", "/", "Filter", "states.filter") in listed
        quit_keys = next(keys for where, keys, does, id in listed if id == "app.quit")
        assert quit_keys.startswith("^q")
        assert ("App", "4", "Log", "go.log") in listed
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, HelpScreen)


async def test_the_palette_opens_a_state_by_any_of_its_names(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"ivory")
        await pilot.pause(0.3)
        await settle(pilot)
        assert "State: Côte d'Ivoire (CIV)" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StateDetailScreen) and app.screen.iso3 == "CIV"
        assert app.current_mode == "states"


async def test_escape_leaves_a_field_so_letters_navigate_again(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        await pilot.press(*"dq")  # typed into the state picker
        assert app.current_mode == "log" and app.is_running
        await pilot.press("escape", "1")
        await settle(pilot)
        assert app.current_mode == "dashboard"
        await pilot.press("q")  # on a list, letters jump: q is Qatar
        await settle(pilot)
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_a_keymap_in_the_config_rebinds_keys_by_id_and_names_an_unknown_one(make_app):
    app = make_app(config={"keymap": {"go.states": "f2", "app.quit": "f10", "go.stats": "f3"}})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "No key has the id 'go.stats': its keymap line is ignored (did you mean go.states?)." in notices(app)
        await pilot.press("f2")
        await settle(pilot)
        assert app.current_mode == "states"
        await pilot.press("f10")
        await pilot.pause()
        assert not app.is_running


def test_ccm_without_a_terminal_prints_the_help(ccm):
    result = ccm()
    assert result.exit_code == 0
    assert "tui" in result.output and "Open the app" in result.output


def test_ccm_tui_opens_the_app_on_the_resolved_database(ccm, sample_db, monkeypatch):
    from ccmtui.tui.app import CCMApp

    opened = []
    monkeypatch.setattr(CCMApp, "run", lambda self: opened.append(str(self.source.target)))
    assert ccm("tui").exit_code == 0
    assert opened == [str(sample_db)]


async def test_the_palette_reaches_the_screens_own_keys(make_app):
    from ccmtui.tui.dialogs.campaign import CampaignDialog

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("6")
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"new campaign")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CampaignDialog)
