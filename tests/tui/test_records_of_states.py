"""`E` and `D` on a state's page: the entries of its timeline and the records listed under it, through
the actions `ccm edit` and `ccm delete` call."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

from .conftest import SIZE, count, notices, rows, screen_text, settle

pytestmark = pytest.mark.sqlite_only

LOME = "480d530f-8be0-5842-a038-cce0d90cd619"


async def test_e_on_a_states_timeline_edits_the_engagement(make_app, sample_db):
    from ccmtui.tui.widgets.virtual_table import VirtualTable

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_state("TGO")
        await settle(pilot)
        state = app.screen
        timeline = state.query_one("#timeline", VirtualTable)
        timeline.focus()
        at = next(i for i, entry in enumerate(state.events) if entry.ref == LOME and entry.kind == "engagement")
        timeline.move_cursor(at)
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        assert app.current_mode == "log"
        assert app.screen.editing == LOME
        # A treaty date is not a record to edit here: it says where it is changed.
        await pilot.press("ctrl+r")
        app.open_state("TGO")
        await settle(pilot)
        state = app.screen
        at = next(i for i, entry in enumerate(state.events) if entry.kind == "treaty")
        state.query_one("#timeline", VirtualTable).move_cursor(at)
        await pilot.press("D")
        await settle(pilot)
        assert "treaty dates change with `ccm states update`" in notices(app)[-1]


async def test_e_and_d_on_a_category_entry_in_a_states_timeline(make_app, sample_db, ccm):
    from ccmtui.tui.dialogs.confirm import ConfirmDialog
    from ccmtui.tui.dialogs.record import RecordDialog
    from ccmtui.tui.widgets.virtual_table import VirtualTable

    [(uuid,)] = rows(sample_db, "SELECT uuid FROM classifications WHERE iso3 = 'AGO'")

    async def highlight(pilot):
        pilot.app.open_state("AGO")
        await settle(pilot)
        state = pilot.app.screen
        timeline = state.query_one("#timeline", VirtualTable)
        timeline.focus()
        timeline.move_cursor(next(i for i, entry in enumerate(state.events) if entry.kind == "category"))
        await settle(pilot)

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await highlight(pilot)
        await pilot.press("E")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, RecordDialog)
        dialog.query_one("#record-rationale").text = "Reassessed after the 2013 visit"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert notices(app)[-1].startswith("Edited classification ")
        assert rows(sample_db, "SELECT rationale FROM classifications WHERE uuid = ?", uuid) == [
            ("Reassessed after the 2013 visit",)
        ]
        assert any("Reassessed after the 2013 visit" in entry.what for entry in app.screen.events)
        await highlight(pilot)
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert notices(app)[-1].startswith("Deleted classification ")
        assert not any(entry.kind == "category" for entry in app.screen.events)
    assert count(sample_db, "SELECT count(*) FROM classifications WHERE uuid = ?", uuid) == 0
    [(latest,)] = rows(sample_db, "SELECT uuid FROM changesets ORDER BY position DESC LIMIT 1")
    assert ccm("undo", "--change", latest).exit_code == 0
    assert count(sample_db, "SELECT count(*) FROM classifications WHERE uuid = ?", uuid) == 1


async def open_records_of(pilot, iso3: str, uuid: str):
    """A state's page with its records shown (`o`), this one highlighted."""
    from ccmtui.tui.widgets.virtual_table import VirtualTable

    pilot.app.open_state(iso3)
    await settle(pilot)
    await pilot.press("R")
    await settle(pilot)
    state = pilot.app.screen
    table = state.query_one("#state-records", VirtualTable)
    assert table.display and not state.query_one("#timeline").display
    table.move_cursor([record.ref for record in state.records].index(uuid))
    await settle(pilot)
    return state


# The obligations' case in the default run; the other kinds of record with the slow suites.
@pytest.mark.parametrize(
    ("table", "field", "column", "value", "added"),
    [
        ("obligations", "notes", "notes", "Survey of the northern provinces under way", None),
        *(
            pytest.param(*case, marks=pytest.mark.slow)
            for case in (
                ("obligation_extensions", "notes", "notes", "Request circulated to the States Parties", None),
                ("retention", "purpose", "purpose", "Training of clearance teams", None),
                (
                    "transparency_reports",
                    "source",
                    "source",
                    "CCM/MSP/2014/7",
                    ["transparency", "add", "BGR", "--year", "2013", "--submitted", "2014-04-30"],
                ),
                (
                    "national_measures",
                    "measure",
                    "measure",
                    "Law on weapons, amended",
                    ["measures", "add", "BGR", "-s", "adopted", "-d", "2011-05", "--measure", "Law on weapons"],
                ),
                (
                    "cooperation_reports",
                    "details",
                    "details",
                    "Clearance of the Gorni Lom range",
                    ["cooperation", "add", "BGR", "needs", "--year", "2013", "--details", "clearance"],
                ),
            )
        ),
    ],
)
async def test_e_and_d_on_a_record_in_a_states_records(make_app, sample_db, ccm, table, field, column, value, added):
    from ccmtui.tui.dialogs.confirm import ConfirmDialog
    from ccmtui.tui.dialogs.record import RecordDialog

    if added:
        assert ccm(*added, "--source", "Art. 7 report").exit_code == 0

    [(uuid,)] = rows(sample_db, f"SELECT uuid FROM {table} WHERE iso3 = 'BGR' ORDER BY uuid LIMIT 1")
    before = count(sample_db, f"SELECT count(*) FROM {table}")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_records_of(pilot, "BGR", uuid)
        await pilot.press("E")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, RecordDialog)
        widget = dialog.query_one(f"#record-{field}")
        if isinstance(widget, TextArea):
            widget.text = value
        else:
            widget.value = value
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert notices(app)[-1].startswith("Edited ")
        assert rows(sample_db, f"SELECT {column} FROM {table} WHERE uuid = ?", uuid) == [(value,)]
        state = await open_records_of(pilot, "BGR", uuid)
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert notices(app)[-1].startswith("Deleted ")
        assert uuid not in [record.ref for record in state.records]
    assert count(sample_db, f"SELECT count(*) FROM {table}") == before - 1
    [(latest,)] = rows(sample_db, "SELECT uuid FROM changesets ORDER BY position DESC LIMIT 1")
    assert ccm("undo", "--change", latest).exit_code == 0
    assert count(sample_db, f"SELECT count(*) FROM {table}") == before


async def test_e_and_d_on_a_meeting_listed_from_the_summary(make_app, sample_db, ccm):
    from ccmtui.tui.dialogs.confirm import ConfirmDialog
    from ccmtui.tui.dialogs.record import RecordDialog
    from ccmtui.tui.widgets.virtual_table import VirtualTable

    [(uuid,)] = rows(sample_db, "SELECT uuid FROM meetings WHERE code = '1MSP'")
    before = count(sample_db, "SELECT count(*) FROM meetings")

    async def highlight(pilot):
        summary = pilot.app.screen
        table = summary.query_one("#meetings", VirtualTable)
        if not table.display:
            await pilot.press("M")
            await settle(pilot)
        assert table.display and not summary.query_one("#summary-scroll").display
        table.move_cursor([meeting.uuid for meeting in summary.meetings].index(uuid))
        await settle(pilot)
        return summary

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("8")
        await settle(pilot)
        # With the summary shown, 5 still opens the Engagements.
        await pilot.press("5")
        await settle(pilot)
        assert app.current_mode == "engagements"
        await pilot.press("8")
        await settle(pilot)
        summary = await highlight(pilot)
        await pilot.press("E")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, RecordDialog)
        dialog.query_one("#record-city", Input).value = "Vientiane (Lao PDR)"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert notices(app)[-1].startswith("Edited meeting ")
        assert rows(sample_db, "SELECT city FROM meetings WHERE uuid = ?", uuid) == [("Vientiane (Lao PDR)",)]
        assert "Vientiane (Lao PDR)" in screen_text(app)
        await highlight(pilot)
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert notices(app)[-1].startswith("Deleted meeting ")
        assert uuid not in [meeting.uuid for meeting in summary.meetings]
    assert count(sample_db, "SELECT count(*) FROM meetings") == before - 1
    [(latest,)] = rows(sample_db, "SELECT uuid FROM changesets ORDER BY position DESC LIMIT 1")
    assert ccm("undo", "--change", latest).exit_code == 0
    assert count(sample_db, "SELECT count(*) FROM meetings") == before
