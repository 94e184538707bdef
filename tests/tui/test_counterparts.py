"""Counterparts under Summary (`ccm org` and `ccm person`): the people and organisations listed,
a person added, refused under a field, edited and deleted; the log form's Met field."""

from __future__ import annotations

from textual.widgets import Input, Select

from .conftest import count, notices, rows, screen_text, settle

SIZE = (110, 34)


async def open_counterparts(pilot):
    await settle(pilot)
    await pilot.press("8")
    await settle(pilot)
    await pilot.press("O")
    await settle(pilot)
    return pilot.app.screen


def error(app, name: str) -> str:
    label = app.screen.query_one(f"#person-error-{name}")
    return str(label.render()) if label.display else ""


async def test_people_and_organisations_are_listed_and_a_person_is_added_edited_and_deleted(make_app, sample_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_counterparts(pilot)
        people = count(sample_db, "SELECT count(*) FROM people")
        assert f"People · {people}" in screen_text(app) and "Kwame Mensah" in screen_text(app)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        organisations = count(sample_db, "SELECT count(*) FROM organisations")
        assert f"Organisations · {organisations}" in screen_text(app) and "HALO" in screen_text(app)
        await pilot.press("left_square_bracket")
        await settle(pilot)

        await pilot.press("N")
        await settle(pilot)
        for name, value in {"name": "Zoe Park", "state": "Kenya", "org": "ICRC"}.items():
            app.screen.query_one(f"#person-{name}", Input).value = value
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "not both" in error(app, "org")
        assert count(sample_db, "SELECT count(*) FROM people") == people
        app.screen.query_one("#person-org", Input).value = ""
        app.screen.query_one("#person-location", Select).value = "geneva"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert rows(sample_db, "SELECT iso3, organisation, location FROM people WHERE name = 'Zoe Park'") == [
            ("KEN", None, "geneva")
        ]
        assert any("Added Zoe Park (Kenya)" in n for n in notices(app))

        table = screen.query_one("#counterparts-table")
        table.cursor = [p.name for p in screen.rows].index("Zoe Park")
        await pilot.press("E")
        await settle(pilot)
        app.screen.query_one("#person-role", Input).value = "First Secretary"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert rows(sample_db, "SELECT role FROM people WHERE name = 'Zoe Park'") == [("First Secretary",)]

        table.cursor = [p.name for p in screen.rows].index("Zoe Park")
        await pilot.press("D")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert count(sample_db, "SELECT count(*) FROM people WHERE name = 'Zoe Park'") == 0


async def test_the_log_form_records_whom_it_met_and_refuses_an_unknown_one(make_app, sample_db):
    app = make_app({"area": "universalization"})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        screen = app.screen
        await pilot.press(*"KEN", "enter")
        screen.query_one("#log-summary", Input).value = "Bilateral on accession"
        screen.query_one("#log-with", Input).value = "Kwame Mensah, ICCR"
        await pilot.press("ctrl+s")
        await settle(pilot)
        label = screen.query_one("#error-with")
        assert "did you mean ICRC?" in str(label.render())
        screen.query_one("#log-with", Input).value = "Kwame Mensah, Red Cross"
        await pilot.press("ctrl+s")
        await settle(pilot)
        met = rows(
            sample_db,
            "SELECT coalesce(p.name, c.organisation) FROM engagement_counterparts c "
            "LEFT JOIN people p ON p.uuid = c.person_uuid ORDER BY 1",
        )
        assert met == [("ICRC",), ("Kwame Mensah",)]
