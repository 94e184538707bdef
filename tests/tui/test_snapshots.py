"""Screenshots of each screen at 100×30 on a copy of sample.db, "today" fixed at 2025-01-15.

Update with `pytest tests/tui/test_snapshots.py --snapshot-update`, after reading the report
(`snapshot_report.html`) to check every difference is wanted.
"""

from __future__ import annotations

import sqlite3

import pytest
from textual.widgets import DataTable, Input, Select

from .conftest import SIZE, settle, settle_until

# Every picture of the app, compared: .ci/run runs them with the slow suites (`pytest -m slow`).
pytestmark = [pytest.mark.sqlite_only, pytest.mark.slow]


def go(*keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


async def dashboard(pilot) -> None:
    """The dashboard once every panel shows its data: the Contact next panel (shown from 140
    columns) is read after the others, so a picture taken when the workers first rest may miss it."""
    await settle_until(pilot, dashboard_drawn)


def dashboard_drawn(app) -> bool:
    """Every panel of the dashboard has its data, the Contact next ranking too."""
    from ccmtui.tui.screens.dashboard import DashboardScreen
    from ccmtui.tui.widgets.next_panel import NextPanel

    screen = next((s for s in app.screen_stack if isinstance(s, DashboardScreen)), None)
    if screen is None or app.ready_seconds is None:
        return False
    loaded = all(panel.loaded for panel in screen.query(NextPanel)) and not any(w.loading for w in screen.query("*"))
    # Each table's flexible column takes the width left over once its rows are in.
    shown = [table for table in screen.query(DataTable) if table.scrollable_content_region.width > 0]
    return loaded and all(getattr(table, "fitted", True) for table in shown)


class TestDashboard:
    def test_ready(self, snap_compare, make_app):
        assert snap_compare(make_app(), terminal_size=SIZE, run_before=dashboard)

    def test_at_80_by_24(self, snap_compare, make_app):
        assert snap_compare(make_app(), terminal_size=(80, 24), run_before=dashboard)

    def test_light_theme(self, snap_compare, make_app):
        app = make_app(
            {"name": "Ana Tester", "state": "PRT", "area": "stockpile-destruction", "theme": "textual-light"}
        )
        assert snap_compare(app, terminal_size=SIZE, run_before=dashboard)

    def test_first_use(self, snap_compare, sample_db):
        from ccmtui.tui.app import CCMApp

        from .conftest import TODAY

        app = CCMApp(str(sample_db), config={}, today=TODAY, ask_identity=True)
        assert snap_compare(app, terminal_size=SIZE, run_before=dashboard)


class TestStates:
    def test_category_ii_at_the_4msp(self, snap_compare, make_app):
        async def run_before(pilot) -> None:
            await go("3")(pilot)
            screen = pilot.app.screen
            screen.query_one("#filter-category", Select).value = "II"
            screen.query_one("#filter-as-of", Input).value = "4MSP"
            screen.query_one("#filter-as-of", Input).focus()
            await pilot.press("enter")
            await settle(pilot)
            screen.query_one("#states-table").focus()
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)

    def test_state_detail(self, snap_compare, make_app):
        async def run_before(pilot) -> None:
            await go("3")(pilot)
            table = pilot.app.screen.query_one("#states-table", DataTable)
            table.move_cursor(row=table.get_row_index("KEN"))
            await pilot.press("enter")
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)

    def test_help(self, snap_compare, make_app):
        assert snap_compare(make_app(), terminal_size=SIZE, run_before=go("3", "question_mark"))


class TestLog:
    def test_picker_matches(self, snap_compare, make_app):
        async def run_before(pilot) -> None:
            await go("4")(pilot)
            await pilot.press(*"lao", "enter", *"cote")
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)

    def test_errors_under_their_fields(self, snap_compare, make_app):
        async def run_before(pilot) -> None:
            await go("4")(pilot)
            await pilot.press(*"KEN", "enter")
            screen = pilot.app.screen
            screen.query_one("#log-date", Input).value = "2025-02-30"
            screen.query_one("#log-ap", Input).value = "VAP-3, XYZ-1"
            await pilot.press("ctrl+s")
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)

    def test_classify_dialog(self, snap_compare, make_app):
        async def run_before(pilot) -> None:
            await go("3")(pilot)
            table = pilot.app.screen.query_one("#states-table", DataTable)
            table.move_cursor(row=table.get_row_index("VNM"))
            await pilot.press("K")
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


async def new_campaign(pilot) -> None:
    await go("6", "N")(pilot)
    screen = pilot.app.screen
    screen.query_one("#campaign-title", Input).value = "Joint démarche on joining, Asia 2025"
    screen.query_one("#campaign-to", Input).value = "category:II, region:Asia"
    screen.query_one("#campaign-to", Input).focus()
    await settle(pilot)


class TestDue:
    def test_due(self, snap_compare, make_app, ccm):
        # Distinct follow-up dates: the ids that order a day's rows are new each run.
        for day, summary, follow_up in (
            ("2024-12-02", "Call with the mission", "2025-01-10"),
            ("2025-01-08", "Letter from the minister", "2025-01-13"),
        ):
            logged = ccm("log", "call", "Kenya", "-m", summary, "-a", "univ", "--date", day, "--follow-up", follow_up)
            assert logged.exit_code == 0
        assert snap_compare(make_app(), terminal_size=SIZE, run_before=go("2"))


# Every screen at 80×24 (the key columns on screen, every dialog inside) and at 160×50 (the
# flexible columns take the width left over).
SCREENS = {
    "dashboard": "1",
    "due": "2",
    "states": "3",
    "log": "4",
    "engagements": "5",
    "campaigns": "6",
    "workplan": "7",
    "summary": "8",
    "changes": "9",
}


# Every screen at 80×24 and 160×50: run with the slow suites (`.ci/run`).
@pytest.mark.slow
class TestSizes:
    @pytest.mark.parametrize("size", [(80, 24), (160, 50)], ids=["80x24", "160x50"])
    @pytest.mark.parametrize("screen", list(SCREENS))
    def test_screen(self, snap_compare, make_app, screen, size):
        run_before = dashboard if screen == "dashboard" else go(SCREENS[screen])
        assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


class TestLists:
    def test_engagements(self, snap_compare, make_app):
        assert snap_compare(make_app(), terminal_size=SIZE, run_before=go("5"))

    def test_campaigns(self, snap_compare, make_app):
        assert snap_compare(make_app(), terminal_size=SIZE, run_before=go("6"))

    def test_new_campaign(self, snap_compare, make_app):
        assert snap_compare(make_app(), terminal_size=SIZE, run_before=new_campaign)

    def test_new_campaign_at_80_by_24(self, snap_compare, make_app):
        # The dialog fits: narrower than its 90 columns, scrolled below.
        assert snap_compare(make_app(), terminal_size=(80, 24), run_before=new_campaign)

    def test_changes(self, snap_compare, make_app, ccm, sample_db):
        import sqlite3

        assert ccm("config", "set", "name", "Ana Tester").exit_code == 0
        assert ccm("config", "set", "state", "PRT").exit_code == 0
        assert (
            ccm("log", "call", "Kenya", "-m", "Call with the mission", "-a", "univ", "--date", "2025-01-10").exit_code
            == 0
        )
        assert (
            ccm(
                "classify",
                "Kenya",
                "II",
                "--rationale",
                "Interested; the bill awaits parliament",
                "--date",
                "2025-01-10",
            ).exit_code
            == 0
        )
        # Made now, they would show today's time and new ids: fix both for the picture.
        with sqlite3.connect(sample_db) as connection:
            made = connection.execute("SELECT uuid FROM changesets ORDER BY made_at").fetchall()
            for number, (uuid,) in enumerate(made, start=1):
                fixed = f"{number:08d}-0000-4000-8000-000000000000"
                connection.execute("UPDATE changes SET changeset_uuid = ? WHERE changeset_uuid = ?", (fixed, uuid))
                connection.execute(
                    "UPDATE changesets SET uuid = ?, made_at = ? WHERE uuid = ?",
                    (fixed, f"2025-01-1{number} 09:3{number}:00.000000", uuid),
                )
        assert snap_compare(make_app(), terminal_size=SIZE, run_before=go("9"))


class TestWorkPlan:
    def test_milestones(self, snap_compare, make_app):
        assert snap_compare(make_app(), terminal_size=SIZE, run_before=go("7"))


class TestSummary:
    def test_frozen_reports(self, snap_compare, make_app, ccm, tmp_path):
        freeze = ("report", "progress", "--since", "4MSP", "--as-of", "2014-06-30", "--freeze", "5MSP-progress")
        assert ccm(*freeze, "-o", tmp_path / "sjpr.md").exit_code == 0
        with sqlite3.connect(ccm.db) as connection:  # the day it was frozen, fixed for the picture
            connection.execute("UPDATE frozen_reports SET created_at = '2014-07-02 10:00:00.000000'")

        async def run_before(pilot) -> None:
            await go("8", "D")(pilot)
            await pilot.press("tab", *["down"] * 9)
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)

    def test_universalization(self, snap_compare, make_app):
        async def run_before(pilot) -> None:
            await go("8")(pilot)
            pilot.app.screen.query_one("#summary-as-of", Input).value = "2014-06-30"
            pilot.app.screen.query_one("#summary-as-of", Input).focus()
            await pilot.press("enter")
            await settle(pilot)
            pilot.app.screen.query_one("#summary-scroll").focus()
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)
