"""Every form of the app, given bad input, speaks in its own words: the actions' messages name
command-line options (`--date`, "put the rest in --notes"), the app names the field's label."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static

from .conftest import notices, rows, settle

# What each form is given, field by field, in turn: nothing (the required fields), words where
# dates and numbers go, a known state with words elsewhere, and text too long for any field.
ROUNDS = (
    lambda field: "",
    lambda field: "sometime soon",
    lambda field: "KEN" if field.endswith("state") else "-3",
    lambda field: "Kenya " * 60,
)


def dialogs(sample_db):
    """(name, a function of the app that makes the form) for every form the app has."""
    from ccmtui.tui.dialogs.campaign import CampaignDialog
    from ccmtui.tui.dialogs.classify import ClassifyDialog
    from ccmtui.tui.dialogs.margins import OutcomeDialog, SlotDialog
    from ccmtui.tui.dialogs.meeting import MeetingDialog
    from ccmtui.tui.dialogs.milestone import AddMilestoneDialog
    from ccmtui.tui.dialogs.person import PersonDialog
    from ccmtui.tui.dialogs.practice import PracticeDialog
    from ccmtui.tui.dialogs.reply import ReplyDialog
    from ccmtui.tui.dialogs.snooze import SnoozeDialog
    from ccmtui.tui.dialogs.treaty_record import TreatyRecordDialog
    from ccmtui.tui.treaty_kinds import KINDS

    ((plan,),) = rows(sample_db, "SELECT uuid FROM work_plans LIMIT 1")
    ((engagement, summary),) = rows(
        sample_db, "SELECT uuid, summary FROM engagements ORDER BY follow_up_on IS NULL LIMIT 1"
    )
    ((campaign, title),) = rows(
        sample_db,
        "SELECT engagements.uuid, campaigns.title FROM campaigns "
        "JOIN engagements ON engagements.uuid = campaigns.engagement_uuid LIMIT 1",
    )
    found = [
        (f"{kind.key}: {form.title}", lambda form=form: TreatyRecordDialog(form))
        for kind in KINDS
        for form in (kind.form, kind.update)
        if form is not None
    ]
    return [
        *found,
        ("new campaign", CampaignDialog),
        ("reply", lambda: ReplyDialog(campaign, title)),
        ("snooze", lambda: SnoozeDialog(engagement, summary)),
        ("milestone", lambda: AddMilestoneDialog(plan, "the plan")),
        ("classify", lambda: ClassifyDialog(None)),
        ("meeting", MeetingDialog),
        ("person", PersonDialog),
        ("practice", PracticeDialog),
        ("bilateral slot", lambda: SlotDialog("13MSP", {})),
        ("bilateral outcome", lambda: OutcomeDialog("13MSP", "no-such-slot", "a slot")),
    ]


def shown_in(dialog) -> list[str]:
    """The text of every label and panel of a form on screen: its errors, its preview."""
    return [str(widget.render()) for widget in dialog.query(Static) if widget.display]


# Two dozen forms, four rounds each: with the slow suites (`.ci/run`).
@pytest.mark.slow
async def test_no_form_speaks_in_command_line_options(make_app, sample_db):
    app = make_app()
    said: dict[str, list[str]] = {}
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        for name, make in dialogs(sample_db):
            dialog = make()
            await app.push_screen(dialog)
            await settle(pilot)
            seen = []
            for value in ROUNDS:
                if app.screen is not dialog:
                    break  # it saved: the form is gone
                for field in dialog.query(Input):
                    field.value = value(field.id or "")
                before = len(notices(app))
                await pilot.press("ctrl+s")
                await settle(pilot)
                shown = shown_in(dialog) if app.screen is dialog else []
                seen += [text for text in shown if "Error:" in text] + notices(app)[before:]
                assert not any("--" in text for text in shown), (name, shown)
                assert not any("--" in notice for notice in notices(app)[before:]), (name, notices(app)[before:])
            said[name] = seen
            if app.screen is dialog:
                await pilot.press("escape")
                await settle(pilot)
    # Each form refused something: what is checked above was shown.
    import os

    if os.environ.get("SHOW_WORDS"):
        for name, seen in said.items():
            print(name, *seen, sep="\n    ")
    silent = [name for name, seen in said.items() if not seen]
    assert not silent, silent


async def test_an_option_is_called_by_the_label_of_its_field(make_app, sample_db):
    """The reply's `--date` is the field labelled Received."""
    from ccmtui.tui.dialogs.reply import ReplyDialog

    ((campaign, title),) = rows(
        sample_db,
        "SELECT engagements.uuid, campaigns.title FROM campaigns "
        "JOIN engagements ON engagements.uuid = campaigns.engagement_uuid LIMIT 1",
    )
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        dialog = ReplyDialog(campaign, title)
        await app.push_screen(dialog)
        await settle(pilot)
        dialog.query_one("#reply-date", Input).value = "someday"
        await pilot.press("ctrl+s")
        await settle(pilot)
        shown = str(dialog.query_one("#reply-error-date").render())
        assert "bad received 'someday'" in shown and "--" not in shown, shown


async def test_a_campaign_title_too_long_is_called_the_title(make_app):
    from ccmtui.tui.dialogs.campaign import CampaignDialog

    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        dialog = CampaignDialog()
        await app.push_screen(dialog)
        await settle(pilot)
        dialog.query_one("#campaign-title", Input).value = "Démarche " * 60
        await pilot.press("ctrl+s")
        await settle(pilot)
        shown = str(dialog.query_one("#campaign-error-title").render())
        assert "title" in shown and "summary" not in shown and "--" not in shown, shown
