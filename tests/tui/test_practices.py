"""Best practices from the Summary (`P`, the `ccm practice` commands) and the retention working
document from the Export dialog (`ccm report retention`)."""

from __future__ import annotations

from textual.widgets import Input, Select

from .conftest import count, notices, rows, screen_text, settle

SIZE = (120, 36)


async def open_practices(pilot):
    await settle(pilot)
    await pilot.press("8")
    await settle(pilot)
    await pilot.press("P")
    await settle(pilot)
    return pilot.app.screen


async def test_the_practices_and_the_highlighted_ones_details(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practices(pilot)
        text = screen_text(app)
        assert "Best practices · 2 recorded" in text
        assert "United Kingdom" in text and "Norway" in text
        assert "Safety measures: the public record is silent" in text  # the UK's, highlighted first
        await pilot.press("j")
        await settle(pilot)
        assert "910 m below ground" in screen_text(app)
        screen.query_one("#practices-method", Select).value = "disassembly-recycling"
        await settle(pilot)
        assert "Best practices · 1 recorded" in screen_text(app)


async def test_a_practice_recorded_from_the_form_and_its_bad_input(make_app, sample_db):
    app = make_app()
    before = count(sample_db, "SELECT count(*) FROM practices")
    async with app.run_test(size=SIZE) as pilot:
        await open_practices(pilot)
        await pilot.press("N")
        await settle(pilot)
        dialog = app.screen
        for name, value in {"state": "Norwy", "method": "plasma", "cost": "-3", "source": "Art. 7 report"}.items():
            dialog.query_one(f"#record-{name}", Input).value = value
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "did you mean Norway" in str(dialog.query_one("#record-error-state").render())
        assert "unknown method 'plasma'" in str(dialog.query_one("#record-error-method").render())
        assert "negative" in str(dialog.query_one("#record-error-cost").render())
        assert count(sample_db, "SELECT count(*) FROM practices") == before
        for name, value in {"state": "Norway", "method": "cryo", "cost": "3.50", "currency": "NOK"}.items():
            dialog.query_one(f"#record-{name}", Input).value = value
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("Norway, cryofracture recorded" in n for n in notices(app))
        assert "Best practices · 3 recorded" in screen_text(app)
    assert count(sample_db, "SELECT count(*) FROM practices WHERE method = 'cryofracture'") == 1


async def test_the_retention_working_document_from_the_export_dialog(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        screen = app.screen
        screen.query_one("#export-document", Select).value = "retention"
        await settle(pilot)
        assert screen.query_one("#export-format", Select).value == "docx"
        screen.query_one("#export-format", Select).value = "md"
        screen.query_one("#export-period", Input).value = "2099-01-01"
        screen.query_one("#export-path", Input).value = str(tmp_path / "wd.md")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "since 2099-01-01 is after as of 2025-01-15" in str(screen.query_one("#export-error-period").render())
        assert not (tmp_path / "wd.md").exists()
        screen.query_one("#export-period", Input).value = "2015-01-01"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("retention working document" in n for n in notices(app))
    text = (tmp_path / "wd.md").read_text(encoding="utf-8")
    assert text.startswith("# Working document: cluster munitions retained") and "Netherlands" in text


async def test_planned_and_actual_use_recorded_from_the_retention_form(make_app, sample_db):
    from .test_treaty_records import fill, open_records

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_records(pilot, "retention")
        await pilot.press("N")
        await settle(pilot)
        values = {"state": "Spain", "year": "2019", "source": "Art. 7 report 2020", "munitions": "5",
                  "submunitions": "500", "used-submunitions": "78", "planned-submunitions": "-3",
                  "planned-use": "EOD courses", "actual-use": "two courses"}  # fmt: skip
        await fill(pilot, values)
        assert "cannot be negative (-3)" in str(app.screen.query_one("#treaty-error-planned-submunitions").render())
        await fill(pilot, {"planned-submunitions": "100"})
        assert any("Spain, 2019: retained" in n for n in notices(app))
    [row] = rows(sample_db, "SELECT submunitions_planned, planned_use, actual_use FROM retention WHERE year = 2019")
    assert row == (100, "EOD courses", "two courses")
