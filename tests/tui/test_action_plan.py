"""The action-plan screen under Summary (`ccm actionplan list|show`): actions with their counts, an action's
states beside it, and from a state's page the actions it has values on."""

from __future__ import annotations

from ccmtui.tui.screens.action_plan import ActionPlanScreen
from ccmtui.tui.screens.state_detail import StateDetailScreen
from ccmtui.tui.widgets.virtual_table import VirtualTable

from .conftest import screen_text, settle

SIZE = (120, 40)


def cells(table: VirtualTable) -> list[list[str]]:
    return [[str(c) for c in table.row(i).cells] for i in range(table.length)]


async def open_action_plans(pilot) -> ActionPlanScreen:
    """`8`, then `I`: the action plans."""
    await settle(pilot)
    await pilot.press("8")
    await settle(pilot)
    await pilot.press("I")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ActionPlanScreen)
    return pilot.app.screen


async def test_i_on_summary_lists_the_actions_and_the_highlighted_actions_states(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_action_plans(pilot)
        actions = screen.query_one("#ap-actions", VirtualTable)
        rows = {r[0]: r for r in cells(actions)}
        assert rows["VAP-21"][1:4] == ["Victim assistance", "4", "2"]  # the sample's illustrative values
        assert rows["VAP-18"][4] == "—"  # the record is silent on its title
        actions.move_cursor([r[0] for r in cells(actions)].index("VAP-21"))
        await settle(pilot)
        states = screen.query_one("#ap-states", VirtualTable)
        assert [(r[0], r[2]) for r in cells(states)] == [
            ("Afghanistan", "Partly done"),
            ("Albania", "Not done"),
            ("Croatia", "Not applicable"),
            ("Laos", "Done"),
            ("Lebanon", "Done"),
        ]
        assert "VAP-21 · 4 concerned · 2 done" in screen_text(app)


async def test_i_on_a_states_page_lists_its_actions(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(StateDetailScreen("LBN"))
        await settle(pilot)
        await pilot.press("I")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ActionPlanScreen)
        assert [(r[0], r[3]) for r in cells(screen.query_one("#ap-actions", VirtualTable))] == [
            ("VAP-21", "Done"),
            ("VAP-22", "Done"),
        ]
        assert "Actions · Lebanon · 2" in screen_text(app)


async def test_v_records_a_state_partys_value_with_its_errors_under_the_fields(make_app, sample_db):
    from .conftest import count, notices

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_action_plans(pilot)
        actions = screen.query_one("#ap-actions", VirtualTable)
        actions.move_cursor([r[0] for r in cells(actions)].index("VAP-21"))
        await settle(pilot)
        states = screen.query_one("#ap-states", VirtualTable)
        states.focus()
        states.move_cursor([r[0] for r in cells(states)].index("Albania"))
        await settle(pilot)
        before = count(sample_db, "SELECT count(*) FROM changesets")
        await pilot.press("V")
        await settle(pilot)
        dialog = app.screen
        assert dialog.query_one("#indicator-state").value == "ALB"
        assert dialog.query_one("#indicator-action").value == "VAP-21"
        dialog.query_one("#indicator-year").value = "1999"
        await pilot.press("ctrl+s")
        await settle(pilot)
        shown = {n: str(dialog.query_one(f"#indicator-error-{n}").render()) for n in ("year", "source")}
        assert "outside" in shown["year"] and shown["source"].startswith("Error:")
        assert app.focused is dialog.query_one("#indicator-year")
        assert count(sample_db, "SELECT count(*) FROM changesets") == before
        dialog.query_one("#indicator-year").value = "2025"
        dialog.query_one("#indicator-value").value = "partly"
        dialog.query_one("#indicator-source").value = "Albania's Art. 7 report 2025, form H"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("Albania, VAP-21 indicator 1, 2025" in n and "partly done" in n for n in notices(app))
        assert app.screen is screen
        assert ("Albania", "2025", "Partly done") in [(r[0], r[1], r[2]) for r in cells(states)]
