"""Treaty records under Summary (the `ccm obligation`, `extension`, `retention`, `transparency`,
`article7`, `measures`, `cooperation` and `meeting` commands), exports and reports to a file, and
an engagement's attached files, all from the app."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Select

from ccmtui.tui.treaty_kinds import BY_KEY, KINDS

from ..conftest import CCM
from .conftest import count, notices, screen_text, settle

SIZE = (100, 30)


async def open_records(pilot, kind: str | None = None):
    await settle(pilot)
    await pilot.press("8")
    await settle(pilot)
    await pilot.press("R")
    await settle(pilot)
    screen = pilot.app.screen
    if kind:
        screen.query_one("#treaty-kind", Select).value = kind
        await settle(pilot)
    return screen


async def fill(pilot, values: dict[str, str]) -> None:
    screen = pilot.app.screen
    for name, value in values.items():
        widget = screen.query_one(f"#treaty-{name}")
        widget.value = value
    await pilot.press("ctrl+s")
    await settle(pilot)


async def export_dialog(pilot):
    await settle(pilot)
    await pilot.press("F")
    await settle(pilot)
    return pilot.app.screen


def error(app, name: str) -> str:
    label = app.screen.query_one(f"#treaty-error-{name}")
    return str(label.render()) if label.display else ""


async def test_each_kind_lists_what_its_ccm_list_command_lists(make_app, sample_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_records(pilot)
        recorded = count(sample_db, "SELECT count(*) FROM obligations")
        assert f"Obligations (Art. 3, 4, 5) · {recorded} recorded" in screen_text(app)
        for kind, table in (
            ("extensions", "obligation_extensions"),
            ("transparency", "transparency_reports"),
            ("measures", "national_measures"),
            ("meetings", "meetings"),
        ):
            screen.query_one("#treaty-kind", Select).value = kind
            await settle(pilot)
            assert f"· {count(sample_db, f'SELECT count(*) FROM {table}')} recorded" in screen_text(app)
        screen.query_one("#treaty-state", Input).value = "Germany"
        screen.query_one("#treaty-state", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        screen.query_one("#treaty-kind", Select).value = "obligations"
        await settle(pilot)
        assert "Obligations (Art. 3, 4, 5) · Germany · " in screen_text(app)


async def test_an_extension_recorded_from_the_form(make_app, sample_db):
    app = make_app()
    before = count(sample_db, "SELECT count(*) FROM obligation_extensions WHERE iso3 = 'DEU'")
    async with app.run_test(size=SIZE) as pilot:
        await open_records(pilot, "extensions")
        await pilot.press("N")
        await settle(pilot)
        await fill(
            pilot,
            {"state": "germany", "article": "4", "requested": "2024-03-01", "meeting": "12MSP", "source": "Test"},
        )
        assert any("Art. 4 extension request" in n for n in notices(app))
    assert count(sample_db, "SELECT count(*) FROM obligation_extensions WHERE iso3 = 'DEU'") == before + 1


async def test_bad_inputs_show_under_their_fields_with_the_input_kept(make_app, sample_db):
    before = count(sample_db, "SELECT count(*) FROM changesets")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_records(pilot, "transparency")
        await pilot.press("N")
        await settle(pilot)
        await fill(pilot, {"state": "Atlantis", "year": "twenty", "submitted": "2024-13-45"})
        assert "Atlantis" in error(app, "state")
        assert "whole number" in error(app, "year")
        assert error(app, "submitted").startswith("Error:")
        assert app.screen.query_one("#treaty-state", Input).value == "Atlantis"
        assert app.screen.focused is app.screen.query_one("#treaty-state")
        # An empty required field.
        await fill(pilot, {"state": "", "year": "", "submitted": ""})
        assert error(app, "state") and error(app, "year")
    assert count(sample_db, "SELECT count(*) FROM changesets") == before


async def test_a_refusal_of_the_record_itself_shows_under_the_form(make_app, sample_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_records(pilot, "measures")
        await pilot.press("N")
        await settle(pilot)
        await fill(pilot, {"state": "PRT", "status": "adopted", "dated": "2011", "measure": "Law 1"})
        assert "source" in error(app, "form")


async def test_an_article7_report_and_its_forms(make_app, sample_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_records(pilot, "transparency")
        await pilot.press("N")
        await settle(pilot)
        await fill(pilot, {"state": "PRT", "kind": "annual", "year": "2023", "submitted": "2024-04-20", "source": "T"})
        assert any("annual report covering 2023" in n for n in notices(app))
        app.screen.query_one("#treaty-kind", Select).value = "article7"
        await settle(pilot)
        await pilot.press("N")
        await settle(pilot)
        await fill(
            pilot, {"state": "PRT", "kind": "annual", "year": "2023", "forms": "A=unchanged, B=bogus", "source": "T"}
        )
        assert error(app, "form")  # the status is checked before anything is written
        await fill(pilot, {"forms": "A=unchanged, F=not applicable"})
        assert any("2 form(s) recorded" in n for n in notices(app))
    assert count(sample_db, "SELECT count(*) FROM transparency_forms WHERE iso3 = 'PRT' AND year = 2023") == 2


async def test_an_obligation_updated_from_the_highlighted_row(make_app, sample_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_records(pilot)
        screen.query_one("#treaty-state", Input).value = "BGR"
        screen.query_one("#treaty-state", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("U")
        await settle(pilot)
        assert app.screen.query_one("#treaty-state", Input).value == "BGR"
        await fill(pilot, {"notes": "Checked with the ISU"})
        assert any("obligation now" in n for n in notices(app))
    assert (
        count(sample_db, "SELECT count(*) FROM obligations WHERE iso3 = 'BGR' AND notes = 'Checked with the ISU'") == 1
    )


async def test_export_the_quarter_to_word_and_bad_paths(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await export_dialog(pilot)
        assert screen.query_one("#export-period", Input).value == "2024Q4"  # the quarter just ended
        screen.query_one("#export-period", Input).value = "2024Q9"
        screen.query_one("#export-path", Input).value = str(tmp_path / "q.docx")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "bad quarter" in str(screen.query_one("#export-error-period").render())
        screen.query_one("#export-period", Input).value = "2024Q4"
        screen.query_one("#export-path", Input).value = str(tmp_path / "missing" / "q.docx")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "no folder" in str(screen.query_one("#export-error-path").render())
        screen.query_one("#export-path", Input).value = str(tmp_path / "q.docx")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("Q4 2024 summary" in n for n in notices(app))
    import docx

    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "q.docx")).paragraphs)
    assert "fourth quarter of 2024" in text


async def test_the_progress_report_from_the_export_dialog(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await export_dialog(pilot)
        screen.query_one("#export-document", Select).value = "progress"
        await settle(pilot)
        screen.query_one("#export-format", Select).value = "md"
        screen.query_one("#export-period", Input).value = "NOSUCHMEETING"
        screen.query_one("#export-path", Input).value = str(tmp_path / "progress.md")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "NOSUCHMEETING" in str(screen.query_one("#export-error-period").render())
        screen.query_one("#export-period", Input).value = ""
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert (tmp_path / "progress.md").read_text().startswith("#")


async def test_attach_save_and_a_file_that_cannot_be_read(make_app, sample_db, tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_text("Excellency, …")
    engagement = CCM(sample_db)("engagements", "--json", "--limit", "1").stdout.split('"id": "')[1][:36]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_engagement(engagement)
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        screen = app.screen
        screen.query_one("#attach-file", Input).value = str(tmp_path / "nowhere.pdf")
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert "no such file" in str(screen.query_one("#attach-error-file").render())
        assert screen.query_one("#attach-file", Input).value == str(tmp_path / "nowhere.pdf")
        screen.query_one("#attach-file", Input).value = str(letter)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert "1 file attached" in screen_text(app)
        out = tmp_path / "out"
        out.mkdir()
        screen.query_one("#attach-save", Input).value = str(out)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert (out / "letter.txt").read_text() == "Excellency, …"
        await pilot.press("ctrl+s")  # not over the file saved
        await settle(pilot)
        assert "exists" in str(screen.query_one("#attach-error-save").render())


async def test_a_calendar_from_the_export_dialog(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await export_dialog(pilot)
        screen.query_one("#export-document", Select).value = "ics"
        await settle(pilot)
        assert screen.query_one("#export-format", Select).value == "ics"
        screen.query_one("#export-period", Input).value = "yesterday-ish"
        screen.query_one("#export-path", Input).value = str(tmp_path / "ccm.ics")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert str(screen.query_one("#export-error-period").render()).startswith("Error:")
        screen.query_one("#export-period", Input).value = "2024-01-01"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("a calendar of" in n for n in notices(app))
    assert (tmp_path / "ccm.ics").read_text().startswith("BEGIN:VCALENDAR")


async def test_article7_completeness_lists_the_forms_missing(make_app, sample_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_records(pilot, "article7-check")
        assert "Art. 7 completeness (forms missing) · " in screen_text(app)


@pytest.mark.parametrize("kind", [k.key for k in KINDS if k.form is not None])
async def test_every_form_refuses_an_unknown_state_and_a_bad_year_or_date_with_nothing_written(
    make_app, sample_db, kind
):
    before = count(sample_db, "SELECT count(*) FROM changesets")
    form = BY_KEY[kind].form
    names = {name for name, *_ in form.fields}
    typed = {"state": "Narnia"}
    for name in ("year", "deadline", "requested", "dated"):
        if name in names:
            typed[name] = "19x4"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_records(pilot, kind)
        await pilot.press("N")
        await settle(pilot)
        await fill(pilot, typed)
        assert "Narnia" in error(app, "state")
        for name in set(typed) - {"state"}:
            assert error(app, name).startswith("Error:"), name
        assert app.screen.query_one("#treaty-state", Input).value == "Narnia"
    assert count(sample_db, "SELECT count(*) FROM changesets") == before
