"""First use in the app: who the coordinator is; and the light or dark theme, kept for next time."""

from __future__ import annotations

import pytest

from ccmtui import config
from ccmtui.tui.dialogs.identity import IdentityDialog

from .conftest import SIZE, TODAY, screen_text, settle

pytestmark = pytest.mark.sqlite_only


def launched(sample_db, values: dict):
    """The app as `ccm tui` opens it: asking who you are when config.toml does not say."""
    from ccmtui.tui.app import CCMApp

    return CCMApp(str(sample_db), config=values, today=TODAY, ask_identity=True)


async def test_first_use_asks_who_you_are_and_keeps_it(sample_db):
    app = launched(sample_db, {})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, IdentityDialog)
        # Nothing typed: the name is required, said under its field.
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Error: your name is empty" in screen_text(app)
        app.screen.query_one("#identity-name").value = "Ana Ferreira"
        app.screen.query_one("#identity-state").focus()
        await pilot.press(*"atlantis")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Error: unknown state 'atlantis'" in screen_text(app)
        assert not config.config_path().exists()
        app.screen.query_one("#identity-state").focus()
        await pilot.press(*["backspace"] * 8, *"portu", "enter")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, IdentityDialog)
        assert app.source.by == "Ana Ferreira (PRT)"
    assert config.load() == {"name": "Ana Ferreira", "state": "PRT"}
    assert (config.config_path().stat().st_mode & 0o777) == 0o600


async def test_later_leaves_the_config_alone_and_a_named_coordinator_is_not_asked(sample_db):
    app = launched(sample_db, {})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, IdentityDialog)
    assert not config.config_path().exists()
    app = launched(sample_db, {"name": "Ana Tester"})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not isinstance(app.screen, IdentityDialog)


async def test_T_switches_light_and_dark_and_the_choice_is_kept(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.current_theme.dark
        await pilot.press("T")
        await settle(pilot)
        assert app.theme == "textual-light" and not app.current_theme.dark
    assert config.load()["theme"] == "textual-light"
    # Opened again with that config: light from the start.
    app = make_app({"name": "Ana Tester", "theme": "textual-light"})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "textual-light"
        await pilot.press("T")
        await settle(pilot)
        assert app.theme == "textual-dark"


def test_config_set_theme_checks_the_name(ccm):
    assert ccm("config", "set", "theme", "light").exit_code == 0
    assert config.load()["theme"] == "textual-light"
    result = ccm("config", "set", "theme", "neon")
    assert result.exit_code == 1 and "unknown theme 'neon'" in result.output
    assert config.load()["theme"] == "textual-light"
