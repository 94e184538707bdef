"""Sync and merge from the app, and settling the conflicts a sync recorded, as `ccm sync`,
`ccm merge` and `ccm conflicts keep` do."""

from __future__ import annotations

import shutil

from textual.widgets import Input

from ccmtui.db.write import writing

from ..conftest import CCM, SAMPLE
from .conftest import count, notices, screen_text, settle

SIZE = (100, 30)


def conflicting(sample_db, tmp_path):
    """This database and a colleague's file, one engagement edited on both: a sync records a conflict."""
    theirs = tmp_path / "theirs.db"
    shutil.copy(SAMPLE, theirs)
    mine = CCM(sample_db)
    mine("log", "call", "KEN", "-m", "Shared call", "-a", "univ", "--date", "2024-01-01")
    assert CCM(theirs)("sync", str(sample_db)).exit_code == 0
    engagement = mine("engagements", "--json", "--since", "2024-01-01").stdout.split('"id": "')[1][:36]
    with writing(str(sample_db), by="Ana Tester", command="edit") as writer:
        writer.update("engagements", engagement, {"summary": "Call, as I wrote it"})
    with writing(str(theirs), by="Kwame", command="edit") as writer:
        writer.update("engagements", engagement, {"summary": "Call, as Kwame wrote it"})
    return theirs, engagement


async def _sync(pilot, where: str) -> None:
    await pilot.press("S")
    await settle(pilot)
    pilot.app.screen.query_one("#sync-where", Input).value = where
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_sync_from_the_app_reports_and_leads_to_the_conflict_settled_with_keep_mine(
    make_app, tmp_path, sample_db
):
    theirs, engagement = conflicting(sample_db, tmp_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _sync(pilot, str(theirs))
        text = screen_text(app)
        assert "Came in from" in text and "edited on both sides" in text
        await pilot.press("C")
        await settle(pilot)
        text = screen_text(app)
        assert "Open conflicts · 1" in text
        assert "Call, as I wrote it" in text and "Call, as Kwame wrote it" in text
        assert "by Kwame" in text and "by Ana Tester" in text
        kept = CCM(sample_db)("show", engagement).stdout
        await pilot.press("M")
        await settle(pilot)
        assert any("Kept the version" in n for n in notices(app))
        assert "Open conflicts · 0" in screen_text(app)
        shown = CCM(sample_db)("show", engagement).stdout
        assert "Call, as I wrote it" in shown
        assert "Call, as I wrote it" not in kept  # the sync had kept theirs, the later edit
        assert count(sample_db, "SELECT count(*) FROM conflicts WHERE settled_by IS NULL") == 0
        # The settling is a change set of its own: Changes undoes it as any other.
        await pilot.press("escape", "9")
        await settle(pilot)
        await pilot.press("U")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
    assert count(sample_db, "SELECT count(*) FROM conflicts WHERE settled_by IS NULL") == 1
    assert "Call, as I wrote it" not in CCM(sample_db)("show", engagement).stdout


async def test_a_missing_file_is_an_inline_error_and_the_input_is_kept(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _sync(pilot, str(tmp_path / "nowhere.db"))
        assert "no such file" in str(app.screen.query_one("#sync-error-where").render())
        assert app.screen.query_one("#sync-where", Input).value == str(tmp_path / "nowhere.db")
        # Merge says the same of a file that is not there.
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert "no such file" in str(app.screen.query_one("#sync-error-where").render())


async def test_a_file_that_is_not_a_ccm_database_is_refused_inline(make_app, tmp_path, sample_db):
    other = tmp_path / "notes.db"
    other.write_text("not a database")
    before = count(sample_db, "SELECT count(*) FROM changesets")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _sync(pilot, str(other))
        assert "not a ccm database" in str(app.screen.query_one("#sync-error-where").render())
    assert count(sample_db, "SELECT count(*) FROM changesets") == before


async def test_a_server_that_cannot_be_reached_is_an_inline_error(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        url = "postgresql://nobody:secret@127.0.0.1:1/ccm"
        await _sync(pilot, url)
        error = str(app.screen.query_one("#sync-error-where").render())
        assert error.startswith("Error:") and "secret" not in error
        # The password leaves the URL field for the masked one: nothing on screen shows it.
        assert app.screen.query_one("#sync-where", Input).value == "postgresql://nobody@127.0.0.1:1/ccm"
        password = app.screen.query_one("#sync-password", Input)
        assert password.password and password.value == "secret"
        assert "secret" not in screen_text(app)


async def test_a_password_typed_in_its_masked_field_is_used_for_the_server(make_app, monkeypatch):
    import ccmtui.actions.sync as sync_actions
    from ccmtui.domain.errors import InputError

    used = []

    def sync_with(workspace, url, on_progress=None, on_total=None):
        used.append(url)
        raise InputError("the server did not answer")

    monkeypatch.setattr(sync_actions, "sync_with", sync_with, raising=True)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        app.screen.query_one("#sync-password", Input).value = "s3cret"
        app.screen.query_one("#sync-where", Input).value = "postgresql://kwame@db.example.org/ccm"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert used == ["postgresql://kwame:s3cret@db.example.org/ccm"]
        assert "s3cret" not in screen_text(app)


async def test_merge_brings_a_colleagues_records_in(make_app, tmp_path, sample_db):
    theirs = tmp_path / "theirs.db"
    shutil.copy(SAMPLE, theirs)
    CCM(theirs)("log", "call", "KEN", "-m", "Only in their file", "-a", "univ", "--date", "2024-01-01")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        app.screen.query_one("#sync-where", Input).value = str(theirs)
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert "Came in from" in screen_text(app)
    assert "Only in their file" in CCM(sample_db)("search", "their file").stdout


async def test_a_team_server_refusing_the_login_then_a_sync_with_it(make_app, postgres, sample_db):
    from sqlalchemy.engine import make_url

    from tests import backends

    url = backends.new_database()
    try:
        wrong = make_url(url).set(password="not-the-password").render_as_string(hide_password=False)
        CCM(sample_db)("log", "call", "KEN", "-m", "Before the server", "-a", "univ", "--date", "2024-01-01")
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await _sync(pilot, wrong)
            error = str(app.screen.query_one("#sync-error-where").render())
            assert "password authentication failed" in error and "not-the-password" not in error
            # The URL stays, without its password, which waits masked in its own field to be corrected.
            assert app.screen.query_one("#sync-where", Input).value == make_url(url)._replace(
                password=None
            ).render_as_string(hide_password=False)
            assert app.screen.query_one("#sync-password", Input).value == "not-the-password"
            app.screen.query_one("#sync-password", Input).value = make_url(url).password
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert "Went out to" in screen_text(app)
        assert "Before the server" in CCM(url)("search", "server").stdout
    finally:
        backends.drop(url)
