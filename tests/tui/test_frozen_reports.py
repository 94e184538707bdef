"""Frozen reports in the app (`ccm report list|show|diff`): opened from the Summary with D; a figure
explained; the diff with today; the corrigendum written to a file."""

from __future__ import annotations

from textual.widgets import Input

from ..conftest import CCM
from .conftest import notices, screen_text, settle

SIZE = (120, 40)


async def open_frozen(pilot):
    await settle(pilot)
    await pilot.press("8")
    await settle(pilot)
    await pilot.press("D")
    await settle(pilot)
    return pilot.app.screen


async def test_no_frozen_report_says_how_to_make_one(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_frozen(pilot)
        text = screen_text(app)
        assert "Frozen reports · 0" in text and "No frozen report yet" in text and "--freeze NAME" in text


async def test_a_figure_is_explained_the_diff_shown_and_the_corrigendum_written(make_app, sample_db, tmp_path):
    ccm = CCM(sample_db)
    freeze = ("report", "progress", "--since", "4MSP", "--as-of", "2014-06-30", "--freeze", "5MSP")
    assert ccm(*freeze, "-o", tmp_path / "sjpr.md").exit_code == 0
    assert ccm("classify", "KEN", "II", "-r", "A cabinet decision first", "-d", "2014-03-01").exit_code == 0
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_frozen(pilot)
        text = screen_text(app)
        assert "Frozen reports · 1" in text and "5MSP" in text and "2014-06-30" in text
        # The figures; the highlighted one explained with its rule and every state behind it.
        await pilot.press("tab")
        figures = [f.id for f in screen.figures]
        for _ in range(figures.index("clearance-current")):
            await pilot.press("down")
        await settle(pilot)
        text = screen_text(app)
        assert "12 States Parties with current Article 4 obligations as of 2014-06-30" in text and "Iraq" in text
        # The diff with today: the figure that changed, the state and the change set behind it.
        await pilot.press("D")
        await settle(pilot)
        text = screen_text(app)
        assert "5MSP against the data today" in text
        assert "Signatories yet to ratify, Category I: 14 → 13" in text and "No longer counted: Kenya." in text
        assert "Kenya's category added on" in text
        # The corrigendum to a file: the path, then Enter.
        await pilot.press("W")
        await settle(pilot)
        out = tmp_path / "corrigendum.md"
        pilot.app.screen.query_one("#corrigendum-path", Input).value = str(out)
        await pilot.press("enter")
        await settle(pilot)
        assert f"Wrote {out} (2 figures changed)." in notices(app)
        assert out.read_text(encoding="utf-8") == ccm("report", "diff", "5MSP").stdout
        # A folder that is not there: said under the path, nothing written.
        await pilot.press("W")
        await settle(pilot)
        pilot.app.screen.query_one("#corrigendum-path", Input).value = str(tmp_path / "missing" / "c.md")
        await pilot.press("enter")
        await settle(pilot)
        assert "cannot write" in screen_text(app) and not (tmp_path / "missing").exists()
