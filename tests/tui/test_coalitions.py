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
