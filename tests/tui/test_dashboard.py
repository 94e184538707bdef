"""The dashboard: ready with real figures, the States Parties chart, what is due, the next
milestones, recent work, campaigns and their reply rates."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from ccmtui.tui.messages import DashboardReady
from ccmtui.tui.screens.dashboard import DashboardScreen
from ccmtui.tui.widgets.charts import YearChart

from .conftest import SIZE, count, rows, screen_text, settle

pytestmark = pytest.mark.sqlite_only


async def test_the_frame_shows_at_once_and_fills_in_from_workers(make_app):
    posted = []
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=posted.append) as pilot:
        # Before the workers deliver, the panels are there, loading.
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.query_one("#register").border_title == "Register as of 2025-01-15"
        await settle(pilot)
        ready = [m for m in posted if isinstance(m, DashboardReady)]
        assert len({id(m) for m in ready}) == 1 and ready[0].seconds == app.ready_seconds > 0
        assert not any(w.loading for w in app.screen.query(".panel"))
        seen = screen_text(app)
        # The register as `ccm status --as-of 2025-01-15` counts it.
        assert "States Parties 112  (112 in force, 0 pending)" in seen
        assert "Signatories 12  ·  Non-signatories 73  ·  Withdrawn 0" in seen
        assert "Category I 15  ·  II 25  ·  III 19  of 85 not party" in seen
        assert "Africa        54       36      8      10  7   4    2" in seen
        assert "2013-05-22  Workshop    Togo" in seen
        assert "Joint démarche b  100/113  ████▍  88%" in seen
        # States Parties (pending included) at the end of each year since signature opened:
        # the Holy See, Ireland, Norway and Sierra Leone deposited on the day it opened.
        chart = app.screen.query_one("#parties-chart", YearChart)
        assert chart.points[0] == (2008, 4) and chart.points[-1] == (2025, 112)
        assert chart.border_subtitle == "112 on 2025-01-15"
        assert "2008" in seen and "2020" in seen


async def test_an_overdue_follow_up_shows_and_can_be_marked_done(make_app, sample_db, ccm):
    assert (
        ccm(
            "log",
            "meeting",
            "Viet Nam",
            "-m",
            "Bilateral in Hanoi",
            "-a",
            "univ",
            "--date",
            "2024-11-20",
            "--follow-up",
            "2025-01-05",
        ).exit_code
        == 0
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        due = app.screen.query_one("#due", DataTable)
        assert due.has_focus
        assert [str(c) for c in due.get_row_at(0)] == [
            "2025-01-05",
            "Follow up, 10 days late",
            "Viet Nam",
            "Bilateral in Hanoi",
        ]
        await pilot.press("X")
        await settle(pilot)
        assert due.border_title.startswith("Due · 0 overdue")
    assert rows(sample_db, "SELECT follow_up_on FROM engagements WHERE summary = 'Bilateral in Hanoi'") == [(None,)]
    assert rows(sample_db, "SELECT command FROM changesets ORDER BY made_at DESC LIMIT 1")[0][0].startswith(
        "follow-up done for engagement "
    )


async def test_a_campaign_opens_on_the_campaigns_board(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        campaigns = app.screen.query_one("#campaigns", DataTable)
        campaigns.focus()
        campaigns.move_cursor(row=1)
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "campaigns"
        board = app.screen.query_one("#board", DataTable)
        assert board.cursor_row == 1
        assert app.screen.query_one("#replies", DataTable).row_count == 113


async def test_the_figures_read_while_the_app_loaded_are_in_the_first_frame(sample_db):
    from ccmtui.tui.app import CCMApp
    from ccmtui.tui.dashboard_data import EarlyDashboard
    from ccmtui.tui.source import Source

    from .conftest import TODAY

    source = Source(str(sample_db), {"name": "Ana Tester"}, TODAY)
    early = EarlyDashboard(source)
    early.wait()
    app = CCMApp(str(sample_db), source=source, early=early)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # No worker read them again: the first frame already shows them.
        assert not [w for w in app.workers if w.group == "dashboard"]
        assert "States Parties 112  (112 in force, 0 pending)" in screen_text(app)
        assert app.index is not None and app.index.name("KEN") == "Kenya"


async def test_an_unreadable_database_is_one_line_in_the_app(tmp_path):
    from ccmtui.tui.app import CCMApp
    from ccmtui.tui.dashboard_data import EarlyDashboard
    from ccmtui.tui.source import Source

    from .conftest import notices

    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"not a database at all" * 100)
    source = Source(str(damaged), {}, None)
    app = CCMApp(str(damaged), source=source, early=EarlyDashboard(source))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert any("not a ccm database" in n or "not a database" in n for n in notices(app)), notices(app)
    assert damaged.read_bytes() == b"not a database at all" * 100


async def test_the_next_milestones_of_my_area(make_app):
    app = make_app({"name": "Ana Tester", "area": "stockpile-destruction"})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        milestones = app.screen.query_one("#milestones", DataTable)
        assert milestones.border_title == "Next milestones · Stockpile destruction and retention"
        first = [str(c) for c in milestones.get_row_at(0)]
        assert first[0] == "Q4 2024" and first[1].startswith("Engage bilaterally with relevant States Parties")
        # Overdue on 2025-01-15: shown in red.
        assert "red" in str(milestones.get_row_at(0)[0].style)
        milestones.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "workplan"

    app = make_app({"name": "Ana Tester", "area": "universalization"})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        milestones = app.screen.query_one("#milestones", DataTable)
        assert [str(c) for c in milestones.get_row_at(0)] == ["", "None open in Universalization"]


async def test_the_due_panel_counts_everything_it_cannot_list(make_app, ccm, tmp_path):
    from ccmtui.tui.dashboard_data import DUE_LIMIT

    calls = tmp_path / "calls.csv"
    calls.write_text(
        "date,kind,states,area,summary,follow_up\n"
        + "".join(
            f"2024-11-{day:02d},call,Kenya,universalization,Call {day},2024-12-{day:02d}\n" for day in range(1, 31)
        ),
        encoding="utf-8",
    )
    assert ccm("import", "engagements", calls).exit_code == 0
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        due = app.screen.query_one("#due", DataTable)
        assert due.border_title.startswith("Due · 30 overdue")
        follow_ups = [key.value for key in due.rows if (key.value or "").startswith("f:")]
        assert len(follow_ups) == DUE_LIMIT < 30  # the treaty's deadlines are listed besides them
        # Newest first; the Due screen (u) lists them all.
        assert [str(c) for c in due.get_row_at(0)][:3] == ["2024-12-30", "Follow up, 16 days late", "Kenya"]
        assert due.border_subtitle == "newest first · u: all of them"


async def test_a_new_database_is_created_before_any_screen_reads_it(tmp_path):
    from ccmtui.tui.app import CCMApp
    from ccmtui.tui.dashboard_data import EarlyDashboard
    from ccmtui.tui.source import Source

    from .conftest import TODAY, notices

    target = tmp_path / "new folder" / "ccm.db"
    source = Source(str(target), {"name": "Ana Tester"}, TODAY)
    app = CCMApp(str(target), source=source, early=EarlyDashboard(source))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")  # a second screen's workers start while the file is being made
        await settle(pilot)
        assert notices(app) == []
        assert app.index is not None and app.index.name("PER") == "Peru"
        assert "197 states as of 2025-01-15" in screen_text(app)
    assert count(target, "SELECT count(*) FROM states") == 197
