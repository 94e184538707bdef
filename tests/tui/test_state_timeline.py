"""A state's timeline holds every event, however many engagements the state has."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from ccmtui.actions.journal import NewEngagement, add_engagement
from ccmtui.db.write import writing
from ccmtui.tui.screens.state_detail import StateDetailScreen
from ccmtui.tui.widgets.virtual_table import VirtualTable

from ..conftest import CCM
from .conftest import SIZE, screen_text, settle

pytestmark = pytest.mark.sqlite_only

LOGGED = 450


def fill(db, iso3: str, calls: int = LOGGED) -> None:
    """Weekly calls with a state from 2015 on."""
    with writing(str(db), by="Bench", command="fill") as writer:
        for i in range(calls):
            add_engagement(
                writer,
                NewEngagement(
                    occurred_on=date(2015, 1, 1) + timedelta(days=7 * i),
                    kind="call",
                    area="universalization",
                    channel="geneva",
                    summary=f"Weekly call with {iso3} #{i}",
                    states=[iso3],
                ),
            )


@pytest.fixture
def busy_state_db(sample_db):
    """Peru with 450 engagements more than the sample's: past the 200 a timeline used to keep."""
    fill(sample_db, "PER")
    return sample_db


async def open_peru(pilot) -> StateDetailScreen:
    await settle(pilot)
    pilot.app.open_state("PER")
    await settle(pilot)
    return pilot.app.screen


async def test_the_timeline_shows_every_event_of_a_busy_state(make_app, busy_state_db):
    history = json.loads(CCM(busy_state_db)("history", "PER", "--all", "--json").stdout)
    assert sum(1 for e in history if e["kind"] == "engagement") > LOGGED
    app = make_app(db=busy_state_db)
    async with app.run_test(size=SIZE) as pilot:
        detail = await open_peru(pilot)
        timeline = detail.query_one("#timeline", VirtualTable)
        assert timeline.length == len(history)
        assert timeline.border_title == f"Timeline · {len(history)} events"
        # Newest first, every one: the rows as `ccm history --all` lists them, reversed.
        newest_first = history[::-1]
        for index in range(0, len(history), 97):
            timeline.move_cursor(index)
            await settle(pilot)  # a block out of view is read when the cursor reaches it
            row = timeline.row(index)
            assert str(row.cells[0]) == newest_first[index]["date"]
            assert row.cells[2] == newest_first[index]["what"]
        # End: the oldest event, with its preview under the table.
        await pilot.press("end")
        await settle(pilot)
        assert timeline.cursor == len(history) - 1
        oldest = history[0]
        assert oldest["what"] in str(detail.query_one("#timeline-preview").render())
        assert oldest["date"] in screen_text(app)
        # Up from the end: the oldest of the 450 calls, which Enter opens.
        first_call = next(i for i, e in enumerate(history) if e["what"].endswith("Weekly call with PER #0"))
        timeline.move_cursor(len(history) - 1 - first_call)
        await pilot.press("enter")
        await settle(pilot)
        assert "Weekly call with PER #0" in screen_text(app) and "Recorded by    Bench" in screen_text(app)


async def test_the_screen_paints_before_the_timeline_arrives(make_app, busy_state_db):
    app = make_app(db=busy_state_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_state("PER")
        await pilot.pause()
        timeline = app.screen.query_one("#timeline", VirtualTable)
        assert timeline.loading or timeline.length
        await settle(pilot)
        assert not timeline.loading and timeline.length > LOGGED


async def test_a_reply_recorded_from_a_states_page_shows_in_its_timeline_and_undo_takes_it_back(
    make_app, sample_db, ccm
):
    from textual.widgets import Select

    from ccmtui.tui.dialogs.reply import ReplyDialog

    from .conftest import count, notices

    assert (
        ccm(
            "campaign",
            "new",
            "Letter on joining the Convention",
            "--to",
            "category:II",
            "--date",
            "2025-01-05",
            "-a",
            "univ",
            "--yes",
        ).exit_code
        == 0
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_state("IDN")
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ReplyDialog)
        assert dialog.query_one("#reply-box").border_title == "Reply to “Letter on joining the Convention”"
        dialog.query_one("#reply-stance", Select).value = "positive"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, StateDetailScreen)
        assert "Replied (positive) to: Letter on joining the Convention" in screen_text(app)
        await pilot.press("9")
        await settle(pilot)
        await pilot.press("U")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert notices(app)[-1].startswith("Undid: reply")
        app.open_state("IDN")
        await settle(pilot)
        assert "Replied (positive)" not in screen_text(app)
    assert count(sample_db, "SELECT count(*) FROM replies WHERE iso3 = 'IDN' AND status = 'pending'") == 1


async def test_a_state_no_campaign_waits_on_says_so(make_app):
    from .conftest import notices

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_state("KEN")
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        assert isinstance(app.screen, StateDetailScreen)
        assert notices(app)[-1] == "No campaign is waiting for a reply from this state."


async def test_a_busy_states_timeline_is_read_a_block_at_a_time(make_app, sample_db):
    """Kenya with 700 calls more: the page reads the count and the blocks of its two ends, so End
    shows at once the reply, the first engagement (Enter opens it, E edits it) and the signature;
    the blocks between are read as they come into view."""
    from ccmtui.tui.widgets.virtual_table import BLOCK

    fill(sample_db, "KEN", 700)
    everything = json.loads(CCM(sample_db)("history", "KEN", "--all", "--json").stdout)
    # The help on offer and the people are the page's facts, above the timeline.
    history = [entry for entry in everything if entry["kind"] not in ("offer", "counterpart")]
    app = make_app(db=sample_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_state("KEN")
        await settle(pilot)
        detail = app.screen
        timeline = detail.query_one("#timeline", VirtualTable)
        assert timeline.border_title == f"Timeline · {len(history):,} events" and timeline.length == len(history)
        assert timeline.row(0).cells[2] == history[-1]["what"]
        assert timeline.row(BLOCK) is None and timeline.row(2 * BLOCK) is None  # between the ends: not read
        timeline.focus()
        await pilot.press("end")
        last = len(history) - 1
        assert timeline.cursor == last and timeline.row(BLOCK) is None
        assert "2008-12-03  Signed the Convention" in str(detail.query_one("#timeline-preview").render())
        rows = {index: timeline.row(index) for index in range(last - 3, last + 1)}
        assert [str(row.cells[1]) for row in rows.values()] == ["Engagement", "Reply", "Engagement", "Treaty"]
        reply = rows[last - 2]
        assert reply.cells[2].startswith("Replied (positive, supports Category I) to: Joint démarche")
        assert reply.key.startswith("e:c5ddd9f4-574d-57ff-9b97-6a1c53c30bf8:")
        await settle(pilot)
        assert "Replied (positive, supports Category I)" in screen_text(app)
        # The first engagement, far down the list: its own record, to edit or to open.
        timeline.move_cursor(last - 1)
        assert detail.highlighted_record() == "c5ddd9f4-574d-57ff-9b97-6a1c53c30bf8"
        # Up into the middle: that block is read, in its place.
        timeline.move_cursor(BLOCK + 10)
        await settle(pilot)
        assert timeline.row(BLOCK + 10).cells[2] == history[-(BLOCK + 11)]["what"]
        timeline.move_cursor(last - 1)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "Joint démarche by Portugal and Japan on joining the CCM" in screen_text(app)
        assert "113 states: Algeria, Andorra, Angola" in screen_text(app)


async def test_the_preview_keeps_its_two_lines_whatever_the_entry(make_app, sample_db):
    """Kenya's newest entry is longer than two lines: the preview cuts it with "…"; End to the
    signature, a line long, leaves the timeline where it was (the screen is not laid out again)."""
    app = make_app(db=sample_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_state("KEN")
        await settle(pilot)
        detail = app.screen
        timeline = detail.query_one("#timeline", VirtualTable)
        preview = detail.query_one("#timeline-preview")
        where = timeline.region
        shown = str(preview.render())
        assert shown.startswith("2013-09-09  Category I: Expressed interest") and shown.endswith("…")
        assert len(shown.splitlines()) == 2
        # Narrower, the entry is cut again at the new width.
        await pilot.resize_terminal(90, SIZE[1])
        await settle(pilot)
        narrower = str(preview.render())
        assert narrower != shown and narrower.endswith("…") and len(narrower.splitlines()) == 2
        await pilot.resize_terminal(*SIZE)
        await settle(pilot)
        assert str(preview.render()) == shown
        timeline.focus()
        await pilot.press("end")
        await settle(pilot)
        assert str(preview.render()) == "2008-12-03  Signed the Convention"
        assert timeline.region == where and preview.region.height == 3
