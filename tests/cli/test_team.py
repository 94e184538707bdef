"""Offline files and the team database: merge and sync without losing a line."""

from __future__ import annotations

import json
import shutil

import pytest

from tests import backends

from ..conftest import CCM, SAMPLE

RECORD_TABLES_ONLY = ("changesets", "changes", "database_info", "sync_peers")


def _laptop(tmp_path, name: str) -> CCM:
    path = tmp_path / f"{name}.db"
    shutil.copy(SAMPLE, path)
    return CCM(path)


def _ids(ccm: CCM, *args) -> list[str]:
    return [e["id"] for e in json.loads(ccm("engagements", "--json", "--all", *args).stdout)]


def test_merge_brings_in_new_records_and_is_idempotent(tmp_path):
    mine, theirs = _laptop(tmp_path, "mine"), _laptop(tmp_path, "theirs")
    mine("log", "call", "KEN", "-m", "My call", "-a", "univ", "--date", "2024-01-01")
    theirs("log", "letter", "UGA", "-m", "Their letter", "-a", "univ", "--date", "2024-01-02")
    before_theirs = theirs.dump()
    first = mine("merge", str(theirs.db))
    assert first.exit_code == 0, first.output
    assert "Came in from" in first.stdout and "1 engagements" in first.stdout
    assert theirs.dump() == before_theirs  # the other file is only read
    summaries = {e["summary"] for e in json.loads(mine("engagements", "--json", "--since", "2024-01-01").stdout)}
    assert summaries == {"My call", "Their letter"}
    again = mine("merge", str(theirs.db))
    assert "nothing came in, nothing went out" in again.stdout


def test_merge_refuses_what_is_not_a_ccm_database(tmp_path):
    mine = _laptop(tmp_path, "mine")
    notes = tmp_path / "notes.db"
    notes.write_text("minutes of the meeting\n" * 50)
    before = mine.dump()
    result = mine("merge", str(notes))
    assert result.exit_code == 3 and "is not a ccm database" in result.stderr
    assert mine.dump() == before
    assert "no such file" in mine("merge", str(tmp_path / "missing.db")).stderr


def test_edited_on_both_sides_keeps_the_later_edit_and_reports_it(tmp_path):
    mine, theirs = _laptop(tmp_path, "mine"), _laptop(tmp_path, "theirs")
    mine("log", "call", "KEN", "-m", "Shared call", "-a", "univ", "--date", "2024-01-01", "--follow-up", "2024-03-01")
    assert theirs("sync", str(mine.db)).exit_code == 0
    [engagement] = _ids(mine, "--since", "2024-01-01")
    mine("done", engagement[:8])  # edited here first, then there, later: the later edit wins
    from ccmtui.db.write import writing

    with writing(str(theirs.db), by="them", command="edit") as writer:
        writer.update("engagements", engagement, {"summary": "Shared call (their wording)"})
    report = json.loads(mine("sync", str(theirs.db), "--json").stdout)
    assert [c["table"] for c in report["conflicts"]] == ["engagements"]
    assert report["conflicts"][0]["kept"] == "there"
    shown = json.loads(mine("show", engagement[:8], "--json").stdout)
    assert shown["summary"] == "Shared call (their wording)"
    # The overwritten version is in the change log.
    changes = json.loads(mine("changes", "--json").stdout)
    assert changes[0]["command"].startswith("sync with")


def test_deletions_propagate(tmp_path):
    mine, theirs = _laptop(tmp_path, "mine"), _laptop(tmp_path, "theirs")
    mine("log", "call", "KEN", "-m", "To be undone", "-a", "univ", "--date", "2024-01-01")
    theirs("sync", str(mine.db))
    assert len(_ids(theirs, "--since", "2024-01-01")) == 1
    mine("undo")
    report = json.loads(theirs("sync", str(mine.db), "--json").stdout)
    assert report["deleted_here"] == {"engagement_states": 1, "engagements": 1}
    assert _ids(theirs, "--since", "2024-01-01") == []


@pytest.mark.sqlite_only
def test_two_offline_files_sync_through_postgresql(tmp_path, postgres):
    """A and B work apart, then both sync through a real PostgreSQL: all three end the same."""
    team = backends.new_database()
    try:
        a, b, server = _laptop(tmp_path, "a"), _laptop(tmp_path, "b"), CCM(team)
        a("config", "set", "name", "Coordinator")  # a team database records who wrote
        for laptop in (a, b):
            assert laptop("sync", team).exit_code == 0
        # Apart: new engagements, a campaign with replies, one record edited on both sides, one deleted.
        a(
            "log",
            "meeting",
            "KEN",
            "-m",
            "A meets Kenya",
            "-a",
            "univ",
            "--date",
            "2024-05-01",
            "--follow-up",
            "2024-06-01",
        )
        b("log", "letter", "UGA", "-m", "B writes to Uganda", "-a", "univ", "--date", "2024-05-02")
        b("campaign", "new", "B campaign", "--to", "category:III", "-a", "univ", "--yes", "--date", "2024-05-03")
        campaign = json.loads(b("campaign", "list", "--json").stdout)[0]["id"]
        b("reply", campaign[:8], "BRA", "--stance", "negative", "--date", "2024-05-20")
        shared = _ids(a, "--state", "TGO")[0]  # the Lomé conference, on both laptops
        from ccmtui.db.write import writing

        with writing(str(a.db), by="A", command="edit") as writer:
            writer.update("engagements", shared, {"notes": "A's notes"})
        with writing(str(b.db), by="B", command="edit") as writer:
            writer.update("engagements", shared, {"notes": "B's notes, written later"})
        a("log", "call", "GAB", "-m", "Logged by mistake", "-a", "univ", "--date", "2024-05-04")
        a("undo")  # deleted again before anyone saw it… after one sync:
        a("log", "call", "COD", "-m", "A wrong entry, synced, then removed", "-a", "univ", "--date", "2024-05-05")
        assert a("sync", team).exit_code == 0
        a("undo")
        # Sync everyone until quiet.
        reports = [json.loads(laptop("sync", team, "--json").stdout) for laptop in (b, a, b)]
        assert any(r["conflicts"] for r in reports)
        contents = [c.dump(without=RECORD_TABLES_ONLY, portable=True) for c in (a, b, server)]
        assert contents[0] == contents[1] == contents[2]
        summaries = {e["summary"] for e in json.loads(server("engagements", "--json", "--since", "2024-05-01").stdout)}
        assert summaries == {"A meets Kenya", "B writes to Uganda", "B campaign"}
        assert json.loads(server("show", shared[:8], "--json").stdout)["notes"] == "B's notes, written later"
        replied = json.loads(a("campaign", "show", campaign[:8], "--json").stdout)["replied"]
        assert replied == 1
        a("sync", team)  # the change logs of B's last sync arrive
        again = json.loads(a("sync", team, "--json").stdout)
        assert not (again["came_in"] or again["went_out"] or again["deleted_here"] or again["deleted_there"])
    finally:
        backends.drop(team)


@pytest.mark.sqlite_only
def test_an_unreachable_server_is_one_line_naming_host_and_port(tmp_path):
    mine = _laptop(tmp_path, "mine")
    mine("config", "set", "name", "Coordinator")
    before = mine.dump()
    result = mine("sync", "postgresql+psycopg://ccm:secret-pw@127.0.0.1:1/ccm")
    assert result.exit_code == 3
    assert "127.0.0.1" in result.stderr and "1" in result.stderr
    assert "secret-pw" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    assert mine.dump() == before


@pytest.mark.sqlite_only
def test_a_wrong_password_is_one_line_and_not_echoed(tmp_path, postgres):
    from sqlalchemy.engine import make_url

    url = make_url(postgres).set(password="not-the-password").render_as_string(hide_password=False)
    mine = _laptop(tmp_path, "mine")
    mine("config", "set", "name", "Coordinator")
    result = mine("sync", url)
    assert result.exit_code == 3
    assert "password authentication failed" in result.stderr
    assert "not-the-password" not in result.output


@pytest.mark.sqlite_only
def test_a_write_to_the_team_database_needs_a_name(tmp_path, postgres):
    result = _laptop(tmp_path, "mine")("sync", postgres)
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("Error: who you are is not configured")
    assert 'ccm config set name "Your Name"' in result.stderr
