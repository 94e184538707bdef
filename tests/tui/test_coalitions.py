"""The Coalitions screen (`L` on Summary): the board, a coalition's detail, and its dialogs."""

from __future__ import annotations

from .conftest import count, notices, screen_text, settle

SIZE = (120, 36)


async def open_coalitions(pilot):
    await settle(pilot)
    await pilot.press("8")
    await settle(pilot)
    await pilot.press("L")
    await settle(pilot)
    return pilot.app.screen


async def fill(pilot, values: dict[str, str]) -> None:
    screen = pilot.app.screen
    for name, value in values.items():
        screen.query_one(f"#coalition-{name}").value = value
    await pilot.press("ctrl+s")
    await settle(pilot)


def error(app, name: str) -> str:
    label = app.screen.query_one(f"#coalition-error-{name}")
    return str(label.render()) if label.display else ""


async def test_the_board_and_a_need_added_with_its_bad_amount_refused_first(make_app, sample_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_coalitions(pilot)
        text = screen_text(app)
        assert "Country coalitions · 1" in text and "Laos *" in text
        assert "Country coalition for Lao PDR — affected state: Laos" in text
        assert "National strategy: National Strategic Plan for the UXO Sector" in text
        before = count(sample_db, "SELECT count(*) FROM changesets")
        await pilot.press("N")
        await settle(pilot)
        await fill(pilot, {"description": "Technical survey", "amount": "-5", "currency": "USD"})
        assert "negative" in error(app, "amount")
        assert count(sample_db, "SELECT count(*) FROM changesets") == before
        await fill(pilot, {"amount": "1.5m"})
        assert any("Technical survey (USD 1,500,000)" in n for n in notices(app))
        await settle(pilot)
        assert "USD 1,500,000" in screen_text(app)
        await pilot.press("P")
        await settle(pilot)
        await fill(pilot, {"state": "Lao PDR"})
        assert "is the affected state" in error(app, "state")
        await fill(pilot, {"state": "Japan"})
        await pilot.press("A")
        await settle(pilot)
        await fill(pilot, {"title": "Battle area clearance", "funded-by": "Japan", "amount": "800k", "currency": "EUR"})
        await settle(pilot)
        text = screen_text(app)
        assert "EUR 800,000" in text and "Japan" in text
    assert count(sample_db, "SELECT count(*) FROM coalition_activities") == 2


async def pick(pilot, purpose_key: str, text: str) -> None:
    """Open the parts picker with a key and choose the row that says `text`."""
    await pilot.press(purpose_key)
    await settle(pilot)
    from ccmtui.tui.widgets.virtual_table import VirtualTable

    table = pilot.app.screen.query_one(VirtualTable)
    rows = [table.row(i) for i in range(table.length)]
    index = next(i for i, row in enumerate(rows) if any(text in str(cell) for cell in row.cells))
    table.move_cursor(index)
    await pilot.press("enter")
    await settle(pilot)


async def test_a_coalition_started_in_the_app_with_its_errors_under_the_fields(make_app, sample_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_coalitions(pilot)
        before = count(sample_db, "SELECT count(*) FROM changesets")
        await pilot.press("W")
        await settle(pilot)
        await fill(pilot, {"state": "Atlantis", "lead": "Norway, Cambodia"})
        assert "unknown state 'Atlantis'" in error(app, "state")
        await fill(pilot, {"state": "Cambodia"})
        assert "cannot be the affected state" in error(app, "lead")
        assert count(sample_db, "SELECT count(*) FROM changesets") == before
        await fill(pilot, {"lead": "Norway", "partner": "Japan, Australia", "organisation": "GICHD"})
        assert any("Country coalition for Cambodia" in n and "Norway" in n for n in notices(app))
        text = screen_text(app)
        assert "Country coalitions · 2" in text and "Cambodia" in text
    assert count(sample_db, "SELECT count(*) FROM coalitions WHERE iso3 = 'KHM'") == 1
    assert (
        count(
            sample_db,
            "SELECT count(*) FROM coalition_members m JOIN coalitions c ON c.uuid = m.coalition_uuid "
            "WHERE c.iso3 = 'KHM'",
        )
        == 4
    )


async def test_a_need_met_an_activity_corrected_and_a_partner_deleted_from_the_app(make_app, sample_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_coalitions(pilot)
        await pilot.press("N")
        await settle(pilot)
        await fill(pilot, {"description": "Technical survey"})
        await settle(pilot)
        # X: the need picked from the coalition's records, its status chosen.
        await pick(pilot, "X", "Technical survey")
        pilot.app.screen.query_one("#coalition-status").value = "met"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("is now met" in n for n in notices(app))
        # E: an activity's funder corrected; only the field changed is sent.
        await pilot.press("A")
        await settle(pilot)
        await fill(pilot, {"title": "Battle area clearance", "funded-by": "Japan"})
        await settle(pilot)
        await pick(pilot, "E", "Battle area clearance")
        assert pilot.app.screen.query_one("#coalition-funded-by").value == "Japan"
        await fill(pilot, {"amount": "800k"})
        assert "currency" in error(app, "currency") or "currency" in error(app, "amount")
        await fill(pilot, {"currency": "EUR"})
        assert any("corrected (amount, currency)" in n for n in notices(app))
        # D: a record deleted after its confirmation.
        await pilot.press("P")
        await settle(pilot)
        await fill(pilot, {"state": "Japan"})
        await settle(pilot)
        members = count(sample_db, "SELECT count(*) FROM coalition_members")
        await pick(pilot, "D", "Japan")
        assert "Delete the member 'Japan'" in str(app.screen.query_one("#question").render())
        await pilot.press("y")
        await settle(pilot)
        assert any("Deleted member 'JPN'" in n for n in notices(app))
        assert count(sample_db, "SELECT count(*) FROM coalition_members") == members - 1
    assert count(sample_db, "SELECT status FROM coalition_needs WHERE description = 'Technical survey'") == "met"
    assert count(sample_db, "SELECT amount FROM coalition_activities WHERE title = 'Battle area clearance'") == 800000


async def test_a_meeting_linked_by_the_picker_and_a_strategy_with_a_document_that_cannot_be_read(
    make_app, sample_db, tmp_path
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_coalitions(pilot)
        await pilot.press("M")
        await settle(pilot)
        await fill(pilot, {"engagement": "zzzz"})
        assert error(app, "engagement")
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen.query_one("#coalition-engagement").value
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any(n.startswith("Country coalition for Lao PDR:") for n in notices(app))
        await pilot.press("Y")
        await settle(pilot)
        await fill(pilot, {"title": "National Strategic Plan 2026", "date": "2026-13", "file": str(tmp_path / "no")})
        assert error(app, "date") and error(app, "file")
        await fill(pilot, {"date": "2026-06", "file": ""})
        assert any("strategy 'National Strategic Plan 2026' (2026-06)" in n for n in notices(app))
        assert "National strategy: National Strategic Plan 2026 (2026-06)" in screen_text(app)
