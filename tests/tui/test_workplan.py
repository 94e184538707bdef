"""Work plans: milestones moved on through the CLI's actions, the quarterly summary."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, Label, Select

from ccmtui.tui.dialogs.milestone import AddMilestoneDialog, UpdateMilestoneDialog
from ccmtui.tui.screens.quarter import QuarterScreen

from .conftest import SIZE, count, notices, rows, screen_text, settle

pytestmark = pytest.mark.sqlite_only

FIRST = "Engage bilaterally with relevant States Parties to encourage the sharing of good practice and cost-effective stockpile destruction practices."


async def open_workplan(pilot):
    await settle(pilot)
    await pilot.press("7")
    await settle(pilot)
    return pilot.app.screen


async def test_the_plan_and_its_milestones(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workplan(pilot)
        plans = screen.query_one("#plans", DataTable)
        assert [str(c) for c in plans.get_row_at(0)[:4]] == [
            "Stockpile destruction and retention",
            "2024–2025",
            "Zambia",
            "0/4",
        ]
        milestones = screen.query_one("#milestones", DataTable)
        assert milestones.border_title == "Milestones · 0 of 4 done · 1 overdue"
        assert [str(milestones.get_row_at(i)[0]) for i in range(4)] == ["Q4 2024", "Q1 2025", "Q1 2025", "Q2 2025"]
        assert str(milestones.get_row_at(0)[1]) == "Planned, overdue"
        assert "580eb712 · due Q4 2024 · Planned, overdue" in screen_text(app)


async def test_marking_a_milestone_done_says_how_late_it_was(make_app, sample_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workplan(pilot)
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, UpdateMilestoneDialog)
        dialog.query_one("#ms-move", Select).value = "done"
        dialog.query_one("#ms-date", Input).value = "2025-01-10"
        dialog.query_one("#ms-note", Input).value = "letters sent"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert notices(app)[-1] == f"Done on 2025-01-10, 10 days after it was due (Q4 2024): {FIRST}"
        assert screen.query_one("#milestones", DataTable).border_title == "Milestones · 1 of 4 done"
        # Done is final: no change is offered any more.
        await pilot.press("U")
        await settle(pilot)
        assert app.screen is screen
    assert rows(sample_db, "SELECT status, done_on FROM milestones WHERE title = ?", FIRST) == [("done", "2025-01-10")]


async def test_a_slip_must_move_the_date_later_and_writes_nothing_otherwise(make_app, sample_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_workplan(pilot)
        await pilot.press("U")
        await settle(pilot)
        dialog = app.screen
        dialog.query_one("#ms-move", Select).value = "slip"
        dialog.query_one("#ms-new-due", Input).value = "2024Q3"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert str(dialog.query_one("#ms-error-form", Label).render()) == (
            "Error: a slip moves the due date later: Q3 2024 is not after Q4 2024"
        )
        dialog.query_one("#ms-new-due", Input).value = "next year"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert str(dialog.query_one("#ms-error-new-due", Label).render()) == (
            "Error: bad new due 'next year': give a quarter (2025Q1, 2025-Q1, Q1 2025) or a date (YYYY-MM-DD)"
        )
        assert count(sample_db, "SELECT count(*) FROM milestone_slips") == 0
        dialog.query_one("#ms-new-due", Input).value = "2025Q2"
        dialog.query_one("#ms-note", Input).value = "awaiting partners' input"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert notices(app)[-1] == f"Slipped from Q4 2024 to Q2 2025 (2 quarters): {FIRST}"
    assert rows(sample_db, "SELECT reason FROM milestone_slips") == [("awaiting partners' input",)]


async def test_adding_a_milestone_inside_the_plans_period(make_app, sample_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_workplan(pilot)
        await pilot.press("A")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, AddMilestoneDialog)
        dialog.query_one("#ms-title", Input).value = "Regional workshop in Lusaka"
        dialog.query_one("#ms-due", Input).value = "2026Q2"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert str(dialog.query_one("#ms-error-form", Label).render()) == (
            "Error: a milestone due Q2 2026 is outside its work plan's period (2024–2025: 2024-01-01 to 2025-12-31)"
        )
        dialog.query_one("#ms-due", Input).value = "Q3 2025"
        dialog.query_one("#ms-ap", Input).value = "lap 17"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert notices(app)[-1].endswith(", due Q3 2025: Regional workshop in Lusaka")
        assert app.screen.query_one("#milestones", DataTable).row_count == 5
    assert rows(
        sample_db,
        "SELECT due_quarter, action_points, status FROM milestones WHERE title = 'Regional workshop in Lusaka'",
    ) == [("2025Q3", "LAP-17", "planned")]


async def test_the_quarterly_summary_opens_on_the_current_quarter(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_workplan(pilot)
        await pilot.press("Q")
        await settle(pilot)
        assert isinstance(app.screen, QuarterScreen)
        assert "Quarterly work-plan summary: first quarter of 2025" in screen_text(app)
        assert "1 treaty event: Lithuania, withdrawal took effect (2025-03-06)." in screen_text(app)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        seen = screen_text(app)
        assert "Quarterly work-plan summary: fourth quarter of 2024" in seen
        assert "1 milestone due or done this quarter: 0 done, 1 still open (1 overdue)." in seen


async def test_a_plan_started_in_the_app_from_the_previous_one(make_app, sample_db):
    from ccmtui.tui.dialogs.workplan_new import NewWorkPlanDialog

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workplan(pilot)
        await pilot.press("N")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, NewWorkPlanDialog)
        dialog.query_one("#ms-title", Input).value = "Stockpile destruction 2026-2027"
        dialog.query_one("#ms-period", Input).value = "2027"
        dialog.query_one("#ms-from", Select).value = dialog.plans[0][1]
        await pilot.press("ctrl+s")
        await settle(pilot)
        # Moved on by the gap between the periods, the 2024-2025 milestones fall outside 2027: said under Shift.
        assert "outside 2027" in str(dialog.query_one("#ms-error-shift", Label).render())
        dialog.query_one("#ms-period", Input).value = "2026-2027"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert notices(app)[-1].startswith("Created work plan ")
        assert screen.query_one("#plans", DataTable).row_count == 2
    assert count(sample_db, "SELECT count(*) FROM work_plans") == 2
    assert rows(
        sample_db,
        "SELECT due_quarter FROM milestones m JOIN work_plans p ON p.uuid = m.work_plan_uuid "
        "WHERE p.title = ? ORDER BY position",
        "Stockpile destruction 2026-2027",
    ) == [("2026Q4",), ("2027Q1",), ("2027Q1",), ("2027Q2",)]


async def test_a_new_plan_without_a_title_is_refused_under_its_field(make_app, sample_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_workplan(pilot)
        await pilot.press("N")
        await settle(pilot)
        dialog = app.screen
        dialog.query_one("#ms-area", Select).value = "clearance"
        dialog.query_one("#ms-period", Input).value = "2026-2027"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "title" in str(dialog.query_one("#ms-error-title", Label).render())
    assert count(sample_db, "SELECT count(*) FROM work_plans") == 1


async def test_a_milestone_is_done_with_the_engagement_chosen_from_a_list(make_app, sample_db, ccm):
    assert (
        ccm(
            "log",
            "workshop",
            "ZMB",
            "-m",
            "Regional workshop on stockpile destruction",
            "-a",
            "stockpile",
            "--date",
            "2025-01-08",
        ).exit_code
        == 0
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_workplan(pilot)
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, UpdateMilestoneDialog)
        chooser = dialog.query_one("#ms-engagements", Select)
        options = [(str(label), value) for label, value in chooser._options if value != Select.NULL]
        [(label, engagement)] = [o for o in options if "Regional workshop" in o[0]]
        assert label.startswith("2025-01-08 workshop: ")
        dialog.query_one("#ms-move", Select).value = "done"
        dialog.query_one("#ms-date", Input).value = "2025-01-10"
        chooser.value = engagement
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert notices(app)[-1].startswith("Done on 2025-01-10")
    assert rows(
        sample_db,
        "SELECT e.summary FROM milestone_engagements l JOIN engagements e ON e.uuid = l.engagement_uuid "
        "JOIN milestones m ON m.uuid = l.milestone_uuid WHERE m.title = ?",
        FIRST,
    ) == [("Regional workshop on stockpile destruction",)]


async def test_a_slip_past_the_period_is_refused_unless_extended(make_app, sample_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_workplan(pilot)
        await pilot.press("U")
        await settle(pilot)
        dialog = app.screen
        dialog.query_one("#ms-move", Select).value = "slip"
        dialog.query_one("#ms-new-due", Input).value = "2026Q2"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "extend the period" in str(dialog.query_one("#ms-error-form", Label).render())
        dialog.query_one("#ms-extend").value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert notices(app)[-1].startswith("Slipped from Q4 2024 to Q2 2026")
    assert rows(sample_db, "SELECT ends_on FROM work_plans") == [("2026-06-30",)]


async def test_a_milestones_engagements_are_picked_from_a_list_not_typed(make_app, sample_db):
    from ccmtui.tui.widgets.id_picker import IdPicker

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_workplan(pilot)
        await pilot.press("A")
        await settle(pilot)
        dialog = app.screen
        field = dialog.query_one("#ms-engagements", Input)
        field.focus()
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, IdPicker)
        assert "Regional conference" in screen_text(app)
        await pilot.press("apostrophe", *"2012", "enter")  # jump to 2012's engagement, pick it
        await settle(pilot)
        assert app.screen is dialog
        (uuid,) = rows(sample_db, "SELECT uuid FROM engagements WHERE occurred_on LIKE '2012%'")[0]
        assert field.value == uuid
        assert app.focused is field
