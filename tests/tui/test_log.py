"""Logging an engagement through the form writes what `ccm log` writes; bad input writes nothing."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Label, Select

from ccmtui.tui.widgets.state_picker import StatePicker

from ..conftest import SAMPLE
from .conftest import SIZE, count, notices, rows, settle

pytestmark = pytest.mark.sqlite_only
ENGAGEMENTS = count(SAMPLE, "SELECT count(*) FROM engagements")  # in sample.db, before the form


async def open_log(pilot):
    await settle(pilot)
    await pilot.press("4")
    await settle(pilot)
    return pilot.app.screen


async def type_into(pilot, selector: str, text: str) -> None:
    pilot.app.screen.query_one(selector).focus()
    await pilot.pause()
    await pilot.press(*text)


async def test_logging_through_the_form_writes_the_engagement(make_app, sample_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_log(pilot)
        # The picker matches case- and accent-insensitively; Enter picks the first match.
        await pilot.press(*"cote d")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.press(*"lao pdr", "enter")
        await pilot.pause()
        assert screen.query_one(StatePicker).value == ["CIV", "LAO"]
        await type_into(pilot, "#log-summary", "Joint demarche on accession")
        await type_into(pilot, "#log-ap", "vap 3, LAP-17")
        await type_into(pilot, "#log-follow-up", "2025-03-01")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert notices(app)[-1].startswith("Logged démarche ")
    found = rows(
        sample_db,
        "SELECT uuid, kind, area, channel, summary, action_points, follow_up_on, recorded_by FROM engagements "
        "WHERE occurred_on = '2025-01-15'",
    )
    assert [row[1:] for row in found] == [
        (
            "demarche",
            "universalization",
            "geneva",
            "Joint demarche on accession",
            "VAP-3 LAP-17",
            "2025-03-01",
            "Ana Tester (PRT)",
        )
    ]
    uuid = found[0][0]
    assert rows(sample_db, "SELECT iso3 FROM engagement_states WHERE engagement_uuid = ? ORDER BY iso3", uuid) == [
        ("CIV",),
        ("LAO",),
    ]
    assert rows(sample_db, "SELECT actor FROM engagement_actors WHERE engagement_uuid = ?", uuid) == [("PRT",)]
    assert rows(sample_db, "SELECT command, made_by FROM changesets") == [
        ("log demarche with Côte d'Ivoire, Laos: Joint demarche on accession", "Ana Tester (PRT)")
    ]


def cli_error(ccm, *args) -> str:
    result = ccm(*args)
    assert result.exit_code == 1
    return result.output.strip().splitlines()[-1]


async def test_bad_dates_show_the_cli_messages_in_the_forms_words_and_write_nothing(make_app, sample_db, ccm):
    date_message = cli_error(ccm, "log", "demarche", "KEN", "-m", "x", "-a", "univ", "--date", "2025-13-01")
    follow_up_message = cli_error(ccm, "log", "demarche", "KEN", "-m", "x", "-a", "univ", "--follow-up", "soon")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_log(pilot)
        await pilot.press(*"KEN", "enter")
        await type_into(pilot, "#log-summary", "Meeting in Nairobi")
        screen.query_one("#log-date", Input).value = "2025-13-01"
        screen.query_one("#log-follow-up", Input).value = "soon"
        await pilot.press("ctrl+s")
        await settle(pilot)
        date_error = screen.query_one("#error-date", Label)
        assert date_error.display
        # What `ccm log` prints, with the form's field names for its options; both errors at once,
        # the first bad field focused.
        assert date_message == "Error: bad --date '2025-13-01': expected YYYY-MM-DD, e.g. 2013-09-09"
        assert str(date_error.render()) == "Error: bad date '2025-13-01': expected YYYY-MM-DD, e.g. 2013-09-09"
        assert str(screen.query_one("#error-follow-up", Label).render()) == follow_up_message.replace(
            "--follow-up", "follow up"
        )
        assert app.focused is screen.query_one("#log-date")
        assert not screen.query_one("#error-summary").display
        # The form keeps what was typed, so the coordinator only fixes the date.
        assert screen.query_one(StatePicker).value == ["KEN"]
        assert screen.query_one("#log-summary", Input).value == "Meeting in Nairobi"
    assert count(sample_db, "SELECT count(*) FROM engagements") == ENGAGEMENTS
    assert count(sample_db, "SELECT count(*) FROM changesets") == 0


async def test_an_unknown_state_and_an_empty_summary_are_refused(make_app, sample_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_log(pilot)
        await pilot.press(*"Atlantis")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert str(screen.query_one("#error-states", Label).render()).startswith("Error: unknown state 'Atlantis'")
        assert str(screen.query_one("#error-summary", Label).render()) == (
            "Error: the summary is empty: say in one line what happened"
        )
        # Both at once, and the first bad field has the focus, what was typed kept.
        assert app.focused is screen.query_one("#log-states #picker-input")
        assert screen.query_one(StatePicker).pending_text == "Atlantis"
    assert count(sample_db, "SELECT count(*) FROM engagements") == ENGAGEMENTS


async def test_without_an_area_the_form_asks_for_one(make_app, sample_db):
    app = make_app(config={})
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_log(pilot)
        assert screen.query_one("#log-area", Select).value == Select.NULL
        await pilot.press(*"peru", "enter")
        await type_into(pilot, "#log-summary", "Call with the mission")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert str(screen.query_one("#error-area", Label).render()).startswith(
            "Error: choose the thematic area (or set yours with `ccm config set area …`)"
        )
    assert count(sample_db, "SELECT count(*) FROM engagements") == ENGAGEMENTS


async def test_n_on_a_state_opens_the_form_with_it_picked(make_app):
    from textual.widgets import DataTable

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        table = app.screen.query_one("#states-table", DataTable)
        table.move_cursor(row=table.get_row_index("VNM"))
        await pilot.press("N")
        await settle(pilot)
        assert app.current_mode == "log"
        assert app.screen.query_one(StatePicker).value == ["VNM"]
        assert app.screen.focused is app.screen.query_one("#log-summary")


async def test_a_save_waiting_on_a_locked_database_shows_it_locks_the_form_and_writes_once(make_app, sample_db):
    import asyncio
    import sqlite3

    from .conftest import screen_text

    app = make_app()
    holder = sqlite3.connect(sample_db, isolation_level=None)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_log(pilot)
            await pilot.press(*"KEN", "enter")
            await type_into(pilot, "#log-summary", "Call with the mission")
            holder.execute("BEGIN IMMEDIATE")  # another program is writing
            for _ in range(3):
                await pilot.press("ctrl+s")
                await asyncio.sleep(0.05)
            await pilot.pause()
            form = screen.query_one("#log-form")
            assert form.disabled
            assert "Saving…" in screen_text(app)
            await pilot.press(*"xyz")  # no field takes typing meanwhile
            holder.execute("COMMIT")
            await settle(pilot)
            assert not form.disabled
            assert "Saving…" not in screen_text(app)
            assert notices(app)[-1].startswith("Logged démarche ")
            assert screen.query_one("#log-summary", Input).value == ""
            assert app.screen.focused is screen.query_one("#log-states #picker-input")
    finally:
        holder.close()
    assert count(sample_db, "SELECT count(*) FROM engagements") == ENGAGEMENTS + 1
    assert count(sample_db, "SELECT count(*) FROM engagements WHERE summary LIKE '%xyz%'") == 0


async def test_a_refused_save_unlocks_the_form(make_app, sample_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_log(pilot)
        await pilot.press(*"KEN", "enter")
        await pilot.press("ctrl+s")  # no summary
        await settle(pilot)
        assert not screen.query_one("#log-form").disabled
        assert not screen.saving
        assert app.screen.focused is screen.query_one("#log-summary")
        await pilot.press(*"Now with a summary", "ctrl+s")
        await settle(pilot)
    assert count(sample_db, "SELECT count(*) FROM engagements") == ENGAGEMENTS + 1


async def test_an_empty_by_records_your_state_and_clear_restores_it(make_app, sample_db, ccm):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_log(pilot)
        by = screen.query_one("#log-by", Input)
        assert by.value == "PRT"
        by.value = ""
        await pilot.press(*"KEN", "enter")
        await type_into(pilot, "#log-summary", "Blank by")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert by.value == ""  # kept for the next engagement, as typed
        by.value = "Japan"
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert by.value == "PRT"
    [(uuid,)] = rows(sample_db, "SELECT uuid FROM engagements WHERE summary = 'Blank by'")
    assert rows(sample_db, "SELECT actor FROM engagement_actors WHERE engagement_uuid = ?", uuid) == [("PRT",)]


def send_at_once(app, *keys: str) -> None:
    """Keys arriving together, as from a quick typist: none waits for the one before to be handled."""
    from textual import events

    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(app)
        app._driver.send_message(event)


async def test_keys_typed_right_after_tab_land_in_the_next_field(make_app, sample_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_log(pilot)
        day = screen.query_one("#log-date", Input)
        await pilot.press(*"ken")
        send_at_once(app, "enter", "tab", "tab", *"2025-01-02")  # pick Kenya, past Kind, the date
        await settle(pilot)
        assert screen.query_one(StatePicker).value == ["KEN"]
        assert screen.query_one(StatePicker).pending_text == ""
        assert day.value == "2025-01-02"
        send_at_once(app, "tab", *"Summary typed at once")
        await settle(pilot)
        assert day.value == "2025-01-02"
        assert screen.query_one("#log-summary", Input).value == "Summary typed at once"
        send_at_once(app, "shift+tab", *"2025-01-03")  # back in Date, whose text is selected on entry
        await settle(pilot)
        assert day.value == "2025-01-03"
        assert screen.query_one("#log-summary", Input).value == "Summary typed at once"


async def test_keys_typed_right_after_enter_land_in_the_next_field(make_app, sample_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_log(pilot)
        day = screen.query_one("#log-date", Input)
        day.focus()
        await pilot.pause()
        send_at_once(app, *"2025-01-02", "enter", *"Typed at once")
        await settle(pilot)
        assert day.value == "2025-01-02"
        assert screen.query_one("#log-summary", Input).value == "Typed at once"
        # In the picker, Enter picks the best match of what was typed, however quickly.
        screen.query_one("#log-states #picker-input").focus()
        await pilot.pause()
        send_at_once(app, *"laos", "enter", *"peru", "enter")
        await settle(pilot)
        assert screen.query_one(StatePicker).value == ["LAO", "PER"]


@pytest.mark.parametrize(
    ("kind", "opens_on", "after_a_meeting"),
    [(None, "demarche", "demarche"), ("call", "call", "call"), ("last", "demarche", "meeting")],
)
async def test_kind_keeps_the_last_choice_only_when_config_says_so(make_app, kind, opens_on, after_a_meeting):
    config = {"name": "Ana Tester", "state": "PRT", "area": "universalization"}
    if kind:
        config["kind"] = kind
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_log(pilot)
        # The order people log in: with whom first, then kind, date, summary.
        assert app.focused is screen.query_one("#log-states #picker-input")
        assert screen.query_one("#log-kind", Select).value == opens_on
        screen.query_one("#log-kind", Select).value = "meeting"
        await pilot.press(*"KEN", "enter")
        await type_into(pilot, "#log-summary", "Met the mission")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert notices(app)[-1].startswith("Logged")
        assert screen.query_one("#log-kind", Select).value == after_a_meeting
