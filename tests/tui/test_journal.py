"""Classify from the app, and undo from the Changes screen: the CLI's actions, the CLI's messages."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, Label, Select

from ccmtui.tui.dialogs.classify import ClassifyDialog
from ccmtui.tui.dialogs.confirm import ConfirmDialog

from .conftest import SIZE, count, notices, rows, screen_text, settle

pytestmark = pytest.mark.sqlite_only


async def classify_from_states(pilot, iso3: str) -> ClassifyDialog:
    await settle(pilot)
    await pilot.press("3")
    await settle(pilot)
    table = pilot.app.screen.query_one("#states-table", DataTable)
    table.move_cursor(row=table.get_row_index(iso3))
    await pilot.press("K")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, ClassifyDialog)
    return dialog


async def test_classify_records_the_category_of_the_highlighted_state(make_app, sample_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await classify_from_states(pilot, "KEN")
        assert "Kenya" in screen_text(app)
        dialog.query_one("#classify-category", Select).value = "II"
        dialog.query_one("#classify-rationale", Input).value = "Ratification bill stalled in parliament"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ClassifyDialog)
        assert notices(app)[-1] == "Kenya: Category II (interested, held back by obstacles) as of 2025-01-15."
        # The table shows the new category at once.
        table = app.screen.query_one("#states-table", DataTable)
        assert [str(cell) for cell in table.get_row("KEN")[4:6]] == ["II", "2025-01-15"]
    assert rows(
        sample_db,
        "SELECT category, assessed_on, rationale, recorded_by FROM classifications WHERE iso3 = 'KEN' ORDER BY assessed_on DESC LIMIT 1",
    ) == [("II", "2025-01-15", "Ratification bill stalled in parliament", "Ana Tester (PRT)")]


async def test_classify_refuses_without_a_reason_and_for_a_state_party(make_app, sample_db, ccm):
    before = count(sample_db, "SELECT count(*) FROM classifications")
    cli = ccm("classify", "KEN", "II").output.strip().splitlines()[-1]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await classify_from_states(pilot, "KEN")
        dialog.query_one("#classify-category", Select).value = "II"
        await pilot.press("ctrl+s")
        await settle(pilot)
        # The command line's message, in the dialog's words.
        assert cli == "Error: give the reason for the category (--rationale)"
        assert str(dialog.query_one("#classify-error-rationale", Label).render()) == cli.replace("--", "")
        # France is a State Party: categories are for states not yet party.
        picker = dialog.query_one("#classify-state")
        picker.set_value(["FRA"])
        dialog.query_one("#classify-rationale", Input).value = "Test"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert str(dialog.query_one("#classify-error-form", Label).render()) == (
            "Error: France is a State Party on 2025-01-15 (party); categories are for states not yet party"
        )
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ClassifyDialog)
    assert count(sample_db, "SELECT count(*) FROM classifications") == before
    assert count(sample_db, "SELECT count(*) FROM changesets") == 0


def as_the_app(ccm) -> None:
    """The command line under the app's identity (make_app's config): undo reverts one's own."""
    for key, value in (("name", "Ana Tester"), ("state", "PRT")):
        assert ccm("config", "set", key, value).exit_code == 0


async def test_undo_reverts_the_last_change_after_confirmation(make_app, sample_db, ccm):
    as_the_app(ccm)
    assert (
        ccm("log", "call", "Kenya", "-m", "Call with the mission", "-a", "univ", "--date", "2024-12-01").exit_code == 0
    )
    engagements = count(sample_db, "SELECT count(*) FROM engagements")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("9")
        await settle(pilot)
        table = app.screen.query_one("#changes-table", DataTable)
        assert table.row_count == 1
        assert "log call with Kenya: Call with the mission" in screen_text(app)
        # No: nothing changes.
        await pilot.press("U")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "Undo “log call with Kenya: Call with the mission”?" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert count(sample_db, "SELECT count(*) FROM engagements") == engagements
        # Yes: the engagement is gone, and the undo is itself a change.
        await pilot.press("U")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert notices(app)[-1].startswith("Undid: log call with Kenya: Call with the mission (")
        assert table.row_count == 2
        seen = screen_text(app)
        assert "(undone) log call with Kenya" in seen and "Ana Tester (PRT)      undo" in seen
        # Nothing left to undo but the undo itself, which undo never reverts.
        await pilot.press("U")
        await settle(pilot)
        assert notices(app)[-1] == "Nothing of yours to undo."
    assert count(sample_db, "SELECT count(*) FROM engagements") == engagements - 1


async def test_the_dashboard_catches_up_after_an_undo(make_app, sample_db, ccm):
    as_the_app(ccm)
    assert (
        ccm(
            "log",
            "call",
            "Kenya",
            "-m",
            "Call with the mission",
            "-a",
            "univ",
            "--date",
            "2024-12-01",
            "--follow-up",
            "2025-01-10",
        ).exit_code
        == 0
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        due = app.screen.query_one("#due", DataTable)
        assert due.border_title.startswith("Due · 1 overdue")
        assert "Follow up, 5 days late" in screen_text(app)
        await pilot.press("9")
        await settle(pilot)
        await pilot.press("U")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        assert app.screen.query_one("#due", DataTable).border_title.startswith("Due · 0 overdue")


async def test_classify_records_the_reasons_ticked_and_refuses_too_many_under_their_list(make_app, sample_db):
    from textual.widgets import SelectionList

    long = {f"reason-{n}": f"a reason of the coordinator's own, number {n}" for n in range(12)}
    app = make_app({"name": "Ana Tester", "state": "PRT", "area": "universalization", "reasons": long})
    async with app.run_test(size=SIZE) as pilot:
        dialog = await classify_from_states(pilot, "THA")
        reasons = dialog.query_one("#classify-reasons", SelectionList)
        line = next(line for line in screen_text(app).splitlines() if "regional-reciprocity:" in line)
        assert "▐ ▌" in line and "X" not in line  # not ticked: an empty box
        dialog.query_one("#classify-category", Select).value = "II"
        dialog.query_one("#classify-rationale", Input).value = "Waits for its ASEAN neighbours"
        reasons.select_all()
        await pilot.press("ctrl+s")
        await settle(pilot)
        error = str(dialog.query_one("#classify-error-reasons", Label).render())
        assert error.startswith("Error: too many reasons"), error
        reasons.deselect_all()
        reasons.focus()
        await pilot.press("down", "space", "down", "space")
        await pilot.pause()
        assert "▐X▌ regional-reciprocity" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ClassifyDialog)
    assert rows(
        sample_db, "SELECT reasons FROM classifications WHERE iso3 = 'THA' ORDER BY assessed_on DESC LIMIT 1"
    ) == [("regional-reciprocity cost",)]
