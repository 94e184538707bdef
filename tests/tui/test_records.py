"""`e` edits and `d` deletes the highlighted record, through the actions `ccm edit` and `ccm delete`
call; ctrl+e opens notes in $EDITOR; undo reverts your own latest change."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Select, TextArea

from ccmtui.tui.widgets.state_picker import StatePicker

from ..conftest import SAMPLE
from .conftest import SIZE, count, notices, rows, screen_text, settle

ENGAGEMENTS = count(SAMPLE, "SELECT count(*) FROM engagements")  # in sample.db, before the edits

pytestmark = pytest.mark.sqlite_only

LOME = "480d530f-8be0-5842-a038-cce0d90cd619"
SKOPJE = "1d746b1c-3b85-59b0-8e9e-e6ad3ece079e"


async def open_engagements(pilot, uuid: str):
    await settle(pilot)
    await pilot.press("5")
    await settle(pilot)
    screen = pilot.app.screen
    table = screen.query_one("#engagements-table")
    table.focus()
    keys = [table.row(i).key for i in range(table.length)]
    table.move_cursor(keys.index(uuid))
    await settle(pilot)
    return screen


async def test_e_on_an_engagement_edits_it_in_the_log_form_filled_in(make_app, sample_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_engagements(pilot, LOME)
        await pilot.press("E")
        await settle(pilot)
        form = app.screen
        assert app.current_mode == "log"
        assert form.editing == LOME
        assert form.query_one("#log-kind", Select).value == "workshop"
        assert form.query_one("#log-date", Input).value == "2013-05-22"
        assert form.query_one(StatePicker).value == ["TGO"]
        summary = form.query_one("#log-summary", Input)
        assert summary.value.startswith("Regional conference in Lomé")
        assert "Edit engagement 480d530f" in screen_text(app)
        summary.value = "Regional conference in Lomé, 22-23 May 2013"
        form.query_one("#log-notes", TextArea).text = "First line\nSecond line"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert notices(app)[-1] == "Edited engagement 480d530f: summary, notes."
        assert app.current_mode == "engagements"  # back where `e` was pressed
        # The form is for a new engagement again.
        await pilot.press("4")
        await settle(pilot)
        assert app.screen.editing is None
        assert app.screen.query_one("#log-date", Input).value == "2025-01-15"
    assert rows(sample_db, "SELECT summary, notes FROM engagements WHERE uuid = ?", LOME) == [
        ("Regional conference in Lomé, 22-23 May 2013", "First line\nSecond line")
    ]
    assert count(sample_db, "SELECT count(*) FROM engagements") == ENGAGEMENTS


async def test_a_bad_edit_says_why_under_the_field_and_writes_nothing(make_app, sample_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_engagements(pilot, LOME)
        await pilot.press("E")
        await settle(pilot)
        form = app.screen
        form.query_one("#log-date", Input).value = "2013-02-30"
        form.query_one("#log-summary", Input).value = ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Error: bad date '2013-02-30'" in str(form.query_one("#error-date").render())
        assert form.query_one("#error-summary").display
        assert form.editing == LOME
    assert count(sample_db, "SELECT count(*) FROM changesets") == 0


async def test_d_deletes_after_naming_what_goes_with_it_and_undo_restores_it(make_app, sample_db):
    from ccmtui.tui.dialogs.confirm import ConfirmDialog

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_engagements(pilot, SKOPJE)
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        question = app.screen.question
        assert question.startswith("Delete engagement 1d746b1c, “Workshop on the implementation of the CCM in Skopje")
        assert "With it: 1 state" in question
        await pilot.press("n")
        await settle(pilot)
        assert count(sample_db, "SELECT count(*) FROM engagements") == ENGAGEMENTS
        await pilot.press("D")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert notices(app)[-1].startswith("Deleted engagement 1d746b1c")
        assert count(sample_db, "SELECT count(*) FROM engagements") == ENGAGEMENTS - 1
        assert app.screen.query_one("#engagements-table").length == ENGAGEMENTS - 1
        # Undo, from the Changes screen, reverts it: the latest change is ours.
        await pilot.press("9")
        await settle(pilot)
        await pilot.press("U")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert notices(app)[-1].startswith("Undid: delete engagement 1d746b1c")
    assert count(sample_db, "SELECT count(*) FROM engagements") == ENGAGEMENTS
    assert rows(sample_db, "SELECT iso3 FROM engagement_states WHERE engagement_uuid = ?", SKOPJE) == [("MKD",)]


async def test_ctrl_e_opens_the_notes_in_the_editor_and_brings_them_back(make_app, sample_db, tmp_path, monkeypatch):
    from contextlib import nullcontext

    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\nprintf "%s\\nAdded in the editor\\n" "$(cat "$1")" > "$1"\n')
    editor.chmod(0o755)
    monkeypatch.setenv("VISUAL", str(editor))
    app = make_app()
    suspended = []
    monkeypatch.setattr(app, "suspend", lambda: suspended.append(True) or nullcontext())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        notes = app.screen.query_one("#log-notes", TextArea)
        notes.text = "Typed in the app"
        notes.focus()
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert suspended == [True]
        assert notes.text == "Typed in the app\nAdded in the editor"
        # An editor that fails leaves the notes as they were.
        editor.write_text('#!/bin/sh\necho broken > "$1"\nexit 3\n')
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert notes.text == "Typed in the app\nAdded in the editor"
        assert "the editor exited with 3" in notices(app)[-1]


async def test_undo_reverts_your_own_latest_change_not_a_colleagues(make_app, sample_db):
    from datetime import date

    from ccmtui.actions.journal import NewEngagement, add_engagement
    from ccmtui.db.write import writing
    from ccmtui.tui.dialogs.confirm import ConfirmDialog

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_engagements(pilot, SKOPJE)
        await pilot.press("D")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        # A colleague logs something afterwards, on the same database.
        with writing(str(sample_db), by="Colleague (GHA)", command="log call with Kenya") as writer:
            add_engagement(
                writer,
                NewEngagement(
                    occurred_on=date(2025, 1, 14),
                    kind="call",
                    area="universalization",
                    channel="capital",
                    summary="Call with Nairobi",
                    states=["KEN"],
                ),
            )
        await pilot.press("9")
        await settle(pilot)
        await pilot.press("U")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "delete engagement 1d746b1c" in app.screen.question
        assert "by Ana Tester (PRT)" in app.screen.question
        await pilot.press("y")
        await settle(pilot)
    assert count(sample_db, "SELECT count(*) FROM engagements WHERE uuid = ?", SKOPJE) == 1
    assert count(sample_db, "SELECT count(*) FROM engagements WHERE summary = 'Call with Nairobi'") == 1


async def test_e_and_d_on_a_milestone(make_app, sample_db):
    from textual.widgets import DataTable

    from ccmtui.tui.dialogs.confirm import ConfirmDialog
    from ccmtui.tui.dialogs.record import RecordDialog

    [(uuid, title)] = rows(sample_db, "SELECT uuid, title FROM milestones ORDER BY due_on, title LIMIT 1")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("7")
        await settle(pilot)
        milestones = app.screen.query_one("#milestones", DataTable)
        milestones.focus()
        milestones.move_cursor(row=milestones.get_row_index(uuid))
        await pilot.press("E")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, RecordDialog)
        assert dialog.query_one("#record-title", Input).value == title
        dialog.query_one("#record-due", Input).value = "2025-13-40"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Error: bad due" in str(dialog.query_one("#record-error-due").render())
        dialog.query_one("#record-due", Input).value = "2025-06-30"
        dialog.query_one("#record-title", Input).value = "A clearer title"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert notices(app)[-1].startswith("Edited milestone ")
        assert rows(sample_db, "SELECT title, due_on FROM milestones WHERE uuid = ?", uuid) == [
            ("A clearer title", "2025-06-30")
        ]
        milestones.focus()
        milestones.move_cursor(row=milestones.get_row_index(uuid))
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "Delete milestone" in app.screen.question and "A clearer title" in app.screen.question
        await pilot.press("y")
        await settle(pilot)
    assert count(sample_db, "SELECT count(*) FROM milestones WHERE uuid = ?", uuid) == 0


async def test_d_on_a_campaign_names_its_replies(make_app, sample_db):
    from textual.widgets import DataTable

    from ccmtui.tui.dialogs.confirm import ConfirmDialog

    [(uuid, replies)] = rows(
        sample_db,
        "SELECT c.uuid, (SELECT count(*) FROM replies r WHERE r.engagement_uuid = c.engagement_uuid) "
        "FROM campaigns c JOIN engagements e ON e.uuid = c.engagement_uuid ORDER BY e.occurred_on DESC LIMIT 1",
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("6")
        await settle(pilot)
        board = app.screen.query_one("#board", DataTable)
        board.focus()
        board.move_cursor(row=board.get_row_index(uuid))
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert f"{replies} replies" in app.screen.question
        await pilot.press("n")
        await settle(pilot)
        # On a reply: that reply only.
        table = app.screen.query_one("#replies", DataTable)
        table.focus()
        table.move_cursor(row=0)
        await pilot.press("D")
        await settle(pilot)
        assert app.screen.question.startswith("Delete reply ")
        await pilot.press("y")
        await settle(pilot)
    assert (
        count(
            sample_db,
            "SELECT count(*) FROM replies r JOIN campaigns c ON c.engagement_uuid = r.engagement_uuid WHERE c.uuid = ?",
            uuid,
        )
        == replies - 1
    )


async def test_on_the_dashboard_enter_opens_an_engagement_where_e_and_d_edit_and_delete_it(make_app, sample_db):
    from textual.widgets import DataTable

    from ccmtui.tui.dialogs.confirm import ConfirmDialog
    from ccmtui.tui.dialogs.engagement import EngagementDialog

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        recent = app.screen.query_one("#recent", DataTable)
        recent.focus()
        recent.move_cursor(row=recent.get_row_index(f"e:{LOME}"))
        await pilot.press("5")  # on the dashboard, 5 opens the Engagements section as everywhere
        await settle(pilot)
        assert app.current_mode == "engagements"
        app.action_go("dashboard")
        await settle(pilot)
        recent.focus()
        recent.move_cursor(row=recent.get_row_index(f"e:{LOME}"))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EngagementDialog)
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        assert app.current_mode == "log"
        assert app.screen.editing == LOME
    assert count(sample_db, "SELECT count(*) FROM engagements") == ENGAGEMENTS


async def test_e_on_a_reply_opens_the_reply_dialog_filled_in(make_app, sample_db):
    from textual.widgets import DataTable

    from ccmtui.tui.dialogs.reply import ReplyDialog

    [(uuid, stance, received)] = rows(
        sample_db, "SELECT uuid, stance, received_on FROM replies WHERE iso3 = 'KEN' AND status = 'replied' LIMIT 1"
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("6")
        await settle(pilot)
        screen = app.screen
        board = screen.query_one("#board", DataTable)
        board.move_cursor(row=1)
        await settle(pilot)
        replies = screen.query_one("#replies", DataTable)
        replies.focus()
        replies.move_cursor(row=replies.get_row_index("KEN"))
        await pilot.press("E")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ReplyDialog)
        assert dialog.editing == uuid
        assert dialog.query_one(StatePicker).value == ["KEN"]
        assert dialog.query_one("#reply-stance", Select).value == stance
        assert dialog.query_one("#reply-date", Input).value == received
        assert not dialog.query_one("#reply-classify").display
        dialog.query_one("#reply-date", Input).value = "2030-01-01"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "2030-01-01 is in the future" in str(dialog.query_one("#reply-error-date").render())
        dialog.query_one("#reply-date", Input).value = received
        dialog.query_one("#reply-summary", Input).value = "Corrected summary"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert notices(app)[-1].startswith("Edited reply ")
    assert rows(sample_db, "SELECT summary, received_on FROM replies WHERE uuid = ?", uuid) == [
        ("Corrected summary", received)
    ]
