"""The campaigns board, a campaign's replies, recording a reply and closing a campaign."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, Label, Select

from ccmtui.tui.dialogs.reply import ReplyDialog

from .conftest import SIZE, count, notices, rows, screen_text, settle

pytestmark = pytest.mark.sqlite_only


async def open_campaigns(pilot):
    await settle(pilot)
    await pilot.press("6")
    await settle(pilot)
    return pilot.app.screen


def cells(table: DataTable, key: str) -> list[str]:
    return [str(c) for c in table.get_row(key)]


async def test_the_board_shows_reply_rates_and_the_replies(make_app, sample_db):
    board_rows = rows(
        sample_db,
        "SELECT c.uuid, c.title FROM campaigns c JOIN engagements e ON e.uuid = c.engagement_uuid ORDER BY e.occurred_on DESC",
    )
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await open_campaigns(pilot)
        board = screen.query_one("#board", DataTable)
        assert board.row_count == 2
        letter, demarche = board_rows
        assert cells(board, letter[0])[2:] == ["74", "0", "6", "0", "68", "8%"]
        assert cells(board, demarche[0])[2:] == ["113", "0", "100", "0", "13", "88%"]
        replies = screen.query_one("#replies", DataTable)
        assert replies.row_count == 74
        board.move_cursor(row=1)
        await settle(pilot)
        assert replies.row_count == 113
        assert cells(replies, "KEN")[:5] == ["Kenya", "", "replied", "2011-12-27", "positive"]


async def test_recording_a_reply_through_the_dialog(make_app, sample_db, ccm):
    # A fresh campaign with pending replies, made with the CLI.
    made = ccm(
        "campaign", "new", "Letter on the 1RC", "--to", "category:I", "--date", "2015-01-10", "-a", "univ", "--yes"
    )
    assert made.exit_code == 0, made.output
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_campaigns(pilot)
        board = screen.query_one("#board", DataTable)
        assert board.get_row_at(0)[1] == "Letter on the 1RC"
        replies = screen.query_one("#replies", DataTable)
        replies.focus()
        replies.move_cursor(row=replies.get_row_index("VNM"))
        await pilot.press("A")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ReplyDialog)
        assert dialog.query_one("#reply-state").value == ["VNM"]
        # A date before the letter is refused with the CLI's message, and nothing is written.
        dialog.query_one("#reply-stance", Select).value = "positive"
        dialog.query_one("#reply-date", Input).value = "2015-01-01"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert str(dialog.query_one("#reply-error-form", Label).render()) == (
            "Error: the reply (2015-01-01) is dated before the engagement (2015-01-10)"
        )
        assert (
            count(sample_db, "SELECT count(*) FROM replies WHERE status = 'replied' AND received_on = '2015-02-03'")
            == 0
        )
        dialog.query_one("#reply-date", Input).value = "2015-02-03"
        dialog.query_one("#reply-summary", Input).value = "Will attend the 1RC"
        # The reasons it gives, ticked in the list (`--reason`).
        reasons = dialog.query_one("#reply-reasons")
        reasons.select("clearance-deadline")
        reasons.select("legal-drafting")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert notices(app)[-1] == "Reply from Viet Nam (positive) to 'Letter on the 1RC' recorded."
        assert cells(replies, "VNM")[:5] == ["Viet Nam", "", "replied", "2015-02-03", "positive"]
        assert cells(board, board.coordinate_to_cell_key((0, 0)).row_key.value)[4] == "1"
    assert rows(
        sample_db, "SELECT status, received_on, stance, summary, reasons FROM replies WHERE received_on = '2015-02-03'"
    ) == [("replied", "2015-02-03", "positive", "Will attend the 1RC", "clearance-deadline legal-drafting")]


async def test_closing_a_campaign_marks_pending_replies(make_app, sample_db, ccm):
    assert (
        ccm(
            "campaign", "new", "Letter", "--to", "category:III", "--date", "2015-01-10", "-a", "univ", "--yes"
        ).exit_code
        == 0
    )
    pending = count(sample_db, "SELECT count(*) FROM replies WHERE status = 'pending'")
    assert pending > 0
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_campaigns(pilot)
        await pilot.press("X")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert notices(app)[-1] == f"Letter: {pending} pending replies marked as no reply."
    assert count(sample_db, "SELECT count(*) FROM replies WHERE status = 'pending'") == 0


async def test_a_new_campaign_previews_its_targets_and_writes_a_pending_reply_for_each(make_app, sample_db):
    from ccmtui.tui.dialogs.campaign import CampaignDialog

    campaigns = count(sample_db, "SELECT count(*) FROM campaigns")
    async with make_app().run_test(size=SIZE) as pilot:
        screen = await open_campaigns(pilot)
        await pilot.press("N")
        await settle(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, CampaignDialog)
        # Nothing chosen: each missing field says so under it, and nothing is written.
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert str(dialog.query_one("#campaign-error-title", Label).render()) == "Error: the campaign title is empty"
        assert str(dialog.query_one("#campaign-error-to", Label).render()).startswith("Error: choose the targets in To")
        dialog.query_one("#campaign-date", Input).value = "2025-02-30"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert str(dialog.query_one("#campaign-error-date", Label).render()).startswith("Error: bad date '2025-02-30'")
        dialog.query_one("#campaign-date", Input).value = "2025-01-15"
        dialog.query_one("#campaign-title", Input).value = "Joint démarche on joining, Asia 2025"
        dialog.query_one("#campaign-to", Input).value = "category:II, region:Asia, Atlantis"
        await settle(pilot)
        assert "unknown state 'Atlantis'" in str(dialog.query_one("#campaign-preview").render())
        dialog.query_one("#campaign-to", Input).value = "category:II, region:Asia"
        dialog.query_one("#campaign-except", Input).value = "thailand"
        await settle(pilot)
        preview = str(dialog.query_one("#campaign-preview").render())
        assert preview.startswith("11 targets: Armenia, Bahrain") and "Thailand" not in preview
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is screen, screen_text(pilot.app)
        assert notices(pilot.app)[-1].startswith("Created campaign ") and notices(pilot.app)[-1].endswith(
            ": 11 pending replies."
        )
        board = screen.query_one("#board", DataTable)
        assert board.row_count == 3
        assert str(board.get_row_at(board.cursor_row)[1]) == "Joint démarche on joining, Asia 2025"
        assert screen.query_one("#replies", DataTable).row_count == 11
    assert count(sample_db, "SELECT count(*) FROM campaigns") == campaigns + 1
    assert (
        count(
            sample_db,
            "SELECT count(*) FROM replies r JOIN campaigns c ON c.engagement_uuid = r.engagement_uuid "
            "WHERE c.title = 'Joint démarche on joining, Asia 2025' AND r.status = 'pending'",
        )
        == 11
    )
    assert rows(
        sample_db,
        "SELECT kind, area, occurred_on FROM engagements WHERE summary = 'Joint démarche on joining, Asia 2025'",
    ) == [("demarche", "universalization", "2025-01-15")]


async def test_the_campaign_dialog_takes_intermediate_regions(make_app, sample_db):
    from ccmtui.tui.dialogs.campaign import CampaignDialog

    async with make_app().run_test(size=SIZE) as pilot:
        await open_campaigns(pilot)
        await pilot.press("N")
        await settle(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, CampaignDialog)
        dialog.query_one("#campaign-date", Input).value = "2013-10-01"
        dialog.query_one("#campaign-to", Input).value = "region:Westen Africa"
        await settle(pilot)
        preview = str(dialog.query_one("#campaign-preview").render())
        assert "did you mean Western Africa" in preview and "Sub-Saharan Africa (Eastern Africa" in preview
        dialog.query_one("#campaign-to", Input).value = "region:western africa, Cuba"
        await settle(pilot)
        preview = str(dialog.query_one("#campaign-preview").render())
        assert preview.startswith("17 targets: Benin, Burkina Faso"), preview
        assert "Cuba" in preview or "more" in preview


async def test_a_chaser_to_the_non_repliers_from_the_campaign_dialog(make_app, sample_db):
    from ccmtui.tui.dialogs.campaign import CampaignDialog

    async with make_app().run_test(size=SIZE) as pilot:
        screen = await open_campaigns(pilot)
        await pilot.press("N")
        await settle(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, CampaignDialog)
        dialog.query_one("#campaign-date", Input).value = "2014-03-03"
        dialog.query_one("#campaign-title", Input).value = "Second letter to the missions that did not answer"
        dialog.query_one("#campaign-to", Input).value = "campaign:6407f7c8:unanswered"
        await settle(pilot)
        assert str(dialog.query_one("#campaign-preview").render()).startswith("68 targets: Algeria")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is screen, screen_text(pilot.app)
        assert notices(pilot.app)[-1].endswith(": 68 pending replies.")
    assert rows(
        sample_db,
        "SELECT follows_uuid FROM campaigns WHERE title = 'Second letter to the missions that did not answer'",
    ) == [("6407f7c8-cf0b-5c2b-a107-8fe32e677447",)]


async def open_reply(pilot, iso3: str = "KEN"):
    screen = await open_campaigns(pilot)
    replies = screen.query_one("#replies", DataTable)
    replies.focus()
    replies.move_cursor(row=replies.get_row_index(iso3))
    await pilot.press("A")
    await settle(pilot)
    return pilot.app.screen


async def test_the_reply_dialogs_tick_box_is_empty_when_off(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_reply(pilot)
        tick = dialog.query_one("#reply-classify")
        assert tick.value is False
        line = next(line for line in screen_text(app).splitlines() if "Also record that category" in line)
        assert "▐ ▌" in line and "X" not in line
        tick.focus()
        await pilot.press("space")
        await pilot.pause()
        assert tick.value is True
        line = next(line for line in screen_text(app).splitlines() if "Also record that category" in line)
        assert "▐X▌" in line


@pytest.mark.parametrize(("typed", "stance"), [("p", "positive"), ("n", "neutral"), ("neg", "negative")])
async def test_typing_in_the_stance_list_picks_the_stance_not_the_prompt(make_app, typed, stance):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_reply(pilot)
        select = dialog.query_one("#reply-stance", Select)
        select.focus()
        await pilot.press("enter", *typed, "enter")
        await pilot.pause()
        assert select.value == stance


def test_no_prompt_of_the_forms_lists_starts_as_one_of_their_choices_does():
    """Type-to-search in a list matches its blank prompt too, and the prompt comes first."""
    from ccmtui.domain.areas import AREAS
    from ccmtui.domain.categories import Category
    from ccmtui.domain.engagements import STANCES
    from ccmtui.tui.dialogs.milestone import MOVES

    lists = {
        "Stance: positive, neutral or negative": STANCES,
        "Category I, II or III": [f"{c.value} — {c.meaning}" for c in Category],
        "Choose: start, done, slip or drop": MOVES.values(),
        "Area: choose one": AREAS.values(),
    }
    for prompt, choices in lists.items():
        assert prompt[0].lower() not in {choice[0].lower() for choice in choices}, prompt


def make_letter(ccm) -> None:
    made = ccm(
        "campaign", "new", "Letter on the 1RC", "--to", "category:I", "--date", "2015-01-10", "-a", "univ", "--yes"
    )
    assert made.exit_code == 0, made.output


def reply_from_viet_nam(ccm, db) -> None:
    ((uuid,),) = rows(db, "SELECT uuid FROM campaigns WHERE title = 'Letter on the 1RC'")
    replied = ccm("reply", uuid, "Viet Nam", "--stance", "positive", "--date", "2015-01-12")
    assert replied.exit_code == 0, replied.output


def targets_of(db, title: str) -> set[str]:
    return {
        iso3
        for (iso3,) in rows(
            db,
            "SELECT r.iso3 FROM replies r JOIN campaigns c ON c.engagement_uuid = r.engagement_uuid WHERE c.title = ?",
            title,
        )
    }


async def test_adding_targets_to_a_campaign(make_app, sample_db, ccm):
    from ccmtui.tui.dialogs.targets import TargetsDialog

    make_letter(ccm)
    before = targets_of(sample_db, "Letter on the 1RC")
    assert "FRA" not in before and "VNM" in before
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_campaigns(pilot)
        await pilot.press("T")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, TargetsDialog)
        picker = dialog.query_one("#targets-states")
        # A state already targeted is refused under the states, and nothing is written.
        picker.set_value(["VNM"])
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert str(dialog.query_one("#targets-error-states", Label).render()) == (
            "Error: Viet Nam is already a target of 'Letter on the 1RC'"
        )
        picker.set_value(["FRA"])
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert notices(app)[-1] == (f"Letter on the 1RC: 1 target added (France); {len(before) + 1} in all.")
        assert "FRA" in screen.query_one("#replies", DataTable).rows
    assert targets_of(sample_db, "Letter on the 1RC") == before | {"FRA"}
    assert rows(
        sample_db,
        "SELECT r.status FROM replies r JOIN campaigns c ON c.engagement_uuid = r.engagement_uuid "
        "WHERE c.title = 'Letter on the 1RC' AND r.iso3 = 'FRA'",
    ) == [("pending",)]


async def test_removing_the_highlighted_target_after_a_confirmation(make_app, sample_db, ccm):
    make_letter(ccm)
    before = targets_of(sample_db, "Letter on the 1RC")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_campaigns(pilot)
        replies = screen.query_one("#replies", DataTable)
        replies.focus()
        replies.move_cursor(row=replies.get_row_index("VNM"))
        await pilot.press("minus")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert notices(app)[-1] == f"Letter on the 1RC: 1 target removed (Viet Nam); {len(before) - 1} left."
        assert "VNM" not in replies.rows
    assert targets_of(sample_db, "Letter on the 1RC") == before - {"VNM"}


async def test_a_target_that_replied_is_removed_only_with_its_reply_confirmed(make_app, sample_db, ccm):
    from ccmtui.tui.dialogs.confirm import ConfirmDialog

    make_letter(ccm)
    reply_from_viet_nam(ccm, sample_db)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_campaigns(pilot)
        replies = screen.query_one("#replies", DataTable)
        replies.focus()
        replies.move_cursor(row=replies.get_row_index("VNM"))
        await pilot.press("minus")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "its reply goes too." in str(app.screen.query_one("#question").render())
        await pilot.press("n")
        await settle(pilot)
        assert "VNM" in targets_of(sample_db, "Letter on the 1RC")
        await pilot.press("minus")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert notices(app)[-1].startswith("Letter on the 1RC: 1 target removed (Viet Nam)")
    assert "VNM" not in targets_of(sample_db, "Letter on the 1RC")


async def test_a_refused_removal_is_one_line(make_app, sample_db, ccm):
    make_letter(ccm)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_campaigns(pilot)
        replies = screen.query_one("#replies", DataTable)
        replies.focus()
        replies.move_cursor(row=replies.get_row_index("VNM"))
        # The reply arrives after the table was drawn: removing without --force is refused.
        reply_from_viet_nam(ccm, sample_db)
        await pilot.press("minus")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert notices(app)[-1] == (
            "Viet Nam replied to 'Letter on the 1RC'; press F5, then - again to drop the reply too"
        )
    assert "VNM" in targets_of(sample_db, "Letter on the 1RC")


async def test_marking_the_highlighted_target_delivered(make_app, sample_db, ccm):
    from ccmtui.tui.dialogs.targets import TargetsDialog

    make_letter(ccm)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_campaigns(pilot)
        replies = screen.query_one("#replies", DataTable)
        replies.focus()
        replies.move_cursor(row=replies.get_row_index("VNM"))
        await pilot.press("V")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, TargetsDialog)
        assert dialog.query_one("#targets-states").value == ["VNM"]
        dialog.query_one("#targets-date", Input).value = "2015-01-01"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert str(dialog.query_one("#targets-error-date", Label).render()) == (
            "Error: the delivery (2015-01-01) is dated before the campaign (2015-01-10)"
        )
        dialog.query_one("#targets-date", Input).value = "2015-01-20"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert notices(app)[-1] == "Letter on the 1RC: delivered to 1 target on 2015-01-20 (Viet Nam)."
        assert cells(replies, "VNM")[1] == "2015-01-20"
    assert rows(
        sample_db,
        "SELECT r.delivered_on FROM replies r JOIN campaigns c ON c.engagement_uuid = r.engagement_uuid "
        "WHERE c.title = 'Letter on the 1RC' AND r.iso3 = 'VNM'",
    ) == [("2015-01-20",)]
