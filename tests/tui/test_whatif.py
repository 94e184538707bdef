"""From a state's page, `w` shows what joining commits it to, as `ccm whatif` prints it."""

from __future__ import annotations

from textual.widgets import Checkbox, Input, Markdown

from ..conftest import CCM
from .conftest import SIZE, settle


async def test_the_state_page_shows_the_whatif_brief(make_app, sample_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_state("THA")
        await settle(pilot)
        await pilot.press("W")
        await settle(pilot)
        dialog = app.screen
        dialog.query_one("#whatif-deposit", Input).value = "2027-01-15"
        dialog.query_one("#whatif-stocks", Checkbox).value = True
        dialog.action_show()
        await settle(pilot)
        shown = dialog.query_one("#whatif-text", Markdown).source
        expected = CCM(sample_db)("whatif", "THA", "--deposit", "2027-01-15", "--stocks").stdout
        assert shown == expected and "1 July 2035" in shown
