"""Sync from the change logs: after the first sync only what changed is read; positions stay safe
when a side is restored from a backup or a sync stops between its two commits."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.probe import ccm_modules
from tests.teams import sample_laptop, team_of_kind

from ..conftest import CCM

RECORD_TABLES_ONLY = ("changesets", "changes", "database_info", "sync_peers")


def _sync(laptop: CCM, other) -> dict:
    result = laptop("sync", str(other), "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _summaries(ccm: CCM) -> list[str]:
    return sorted(e["summary"] for e in json.loads(ccm("engagements", "--json", "--since", "2024-06-01").stdout))


def _same_everywhere(*sides: CCM) -> None:
    contents = [side.dump(without=RECORD_TABLES_ONLY, portable=True) for side in sides]
    assert all(content == contents[0] for content in contents[1:])


def test_after_the_first_sync_only_what_changed_is_read(tmp_path):
    a, b = sample_laptop(tmp_path, "a"), sample_laptop(tmp_path, "b")
    first = _sync(a, b.db)
    assert first["whole"] and first["compared"] > 1000  # every record of both sides
    a("log", "call", "KEN", "-m", "A calls Kenya", "-a", "univ", "--date", "2024-06-02")
    b("log", "letter", "UGA", "-m", "B writes to Uganda", "-a", "univ", "--date", "2024-06-03")
    second = _sync(a, b.db)
    assert not second["whole"]
    assert second["went_out"]["engagements"] == 1 and second["came_in"]["engagements"] == 1
    assert second["compared"] == 4  # two engagements, each with one state
    assert _summaries(a) == _summaries(b) == ["A calls Kenya", "B writes to Uganda"]
    quiet = _sync(b, a.db)
    assert not quiet["whole"] and quiet["compared"] == 0
    assert not (quiet["came_in"] or quiet["went_out"] or quiet["deleted_here"] or quiet["deleted_there"])
    _same_everywhere(a, b)


def test_a_team_file_restored_from_a_backup_is_compared_whole_and_loses_nothing(tmp_path):
    a, b, team = sample_laptop(tmp_path, "a"), sample_laptop(tmp_path, "b"), sample_laptop(tmp_path, "team")
    for laptop in (a, b):
        _sync(laptop, team.db)
    backup = tmp_path / "team-backup.db"
    shutil.copy(team.db, backup)
    b("log", "call", "KEN", "-m", "B's call", "-a", "univ", "--date", "2024-06-02")
    _sync(b, team.db)
    a("log", "call", "GHA", "-m", "A's call", "-a", "univ", "--date", "2024-06-03")
    _sync(a, team.db)
    _sync(b, team.db)  # each has now read the team's log past the backup
    # The team file goes back to the backup: its log is shorter, its later positions given again.
    shutil.copy(backup, team.db)
    team("log", "call", "TGO", "-m", "Written after the restore", "-a", "univ", "--date", "2024-06-04")
    b("log", "call", "MLI", "-m", "B's second call", "-a", "univ", "--date", "2024-06-05")
    assert _sync(a, team.db)["whole"]
    assert _sync(b, team.db)["whole"]
    _sync(a, team.db)
    expected = ["A's call", "B's call", "B's second call", "Written after the restore"]
    assert _summaries(a) == _summaries(b) == _summaries(team) == expected
    _same_everywhere(a, b, team)
    assert not _sync(b, team.db)["whole"]


class _Stopped(Exception):
    """ccm stopped between the commits of the two sides."""


def _interrupted_sync(laptop: CCM, team: str, *, laptop_commits: bool) -> None:
    """A sync stopped after one side committed and before the other did."""
    from ccmtui.db.sync import synchronize
    from ccmtui.db.write import writing

    def run(here, there):
        synchronize(here, there, here_label=str(laptop.db), there_label=team, push=True)

    with pytest.raises(_Stopped):
        if laptop_commits:
            with writing(team, by="Coordinator", command="sync") as there:
                with writing(str(laptop.db), by="Coordinator", command="sync") as here:
                    run(here, there)
                raise _Stopped
        else:
            with writing(str(laptop.db), by="Coordinator", command="sync") as here:
                with writing(team, by="Coordinator", command="sync") as there:
                    run(here, there)
                raise _Stopped


def _changeset_ids(ccm: CCM) -> list[str]:
    from ccmtui.db.read import open_reader

    reader = open_reader(str(ccm.db)) if not str(ccm.db).startswith("postgresql") else None
    if reader is not None:
        try:
            return sorted(uuid for (uuid,) in reader.connection.execute("SELECT uuid FROM changesets"))
        finally:
            reader.close()
    from sqlalchemy import create_engine, text

    engine = create_engine(str(ccm.db))
    try:
        with engine.connect() as connection:
            return sorted(connection.execute(text("SELECT uuid FROM changesets")).scalars())
    finally:
        engine.dispose()


@pytest.mark.sqlite_only
@pytest.mark.parametrize("team_kind", ["file", "postgresql"])
@pytest.mark.parametrize("laptop_commits", [True, False], ids=["laptop-committed", "team-committed"])
def test_a_sync_stopped_between_its_two_commits_is_completed_by_the_next(tmp_path, request, team_kind, laptop_commits):
    team = team_of_kind(tmp_path, request, team_kind)
    a, b, server = sample_laptop(tmp_path, "a"), sample_laptop(tmp_path, "b"), CCM(team)
    a("config", "set", "name", "Coordinator")
    for laptop in (a, b):
        _sync(laptop, team)
    shared = json.loads(a("engagements", "--json", "--state", "TGO").stdout)[0]["id"]
    a("log", "call", "KEN", "-m", "A's call", "-a", "univ", "--date", "2024-06-02")
    b("log", "call", "GHA", "-m", "B's call", "-a", "univ", "--date", "2024-06-03")
    _sync(b, team)
    from ccmtui.db.write import writing

    with writing(str(a.db), by="Coordinator", command="edit") as writer:
        writer.update("engagements", shared, {"notes": "A's notes"})
    _interrupted_sync(a, team, laptop_commits=laptop_commits)
    for laptop in (a, b, a, b):
        _sync(laptop, team)
    assert _summaries(a) == _summaries(b) == _summaries(server) == ["A's call", "B's call"]
    assert json.loads(server("show", shared[:8], "--json").stdout)["notes"] == "A's notes"
    _same_everywhere(a, b, server)
    # Every change set is on every side, once.
    assert _changeset_ids(a) == _changeset_ids(b) == _changeset_ids(server)
    quiet = _sync(a, team)
    assert not quiet["whole"] and not (quiet["came_in"] or quiet["went_out"])


def test_a_second_merge_reads_only_what_the_other_file_added_since(tmp_path):
    mine, theirs = sample_laptop(tmp_path, "mine"), sample_laptop(tmp_path, "theirs")
    theirs("log", "call", "KEN", "-m", "Their call", "-a", "univ", "--date", "2024-06-02")
    first = json.loads(mine("merge", str(theirs.db), "--json").stdout)
    assert first["whole"]
    theirs("log", "letter", "UGA", "-m", "Their letter", "-a", "univ", "--date", "2024-06-03")
    second = json.loads(mine("merge", str(theirs.db), "--json").stdout)
    assert not second["whole"] and second["compared"] == 2  # the engagement and its state
    assert second["came_in"]["engagements"] == 1
    assert _summaries(mine) == ["Their call", "Their letter"]


@pytest.mark.sqlite_only
@pytest.mark.parametrize("team_kind", ["file", "postgresql"])
def test_a_sync_with_nothing_to_do_reads_only_the_logs_heads(tmp_path, request, team_kind):
    """In step, a sync is a few small reads: the write path (SQLAlchemy, the models) is not even loaded."""

    team = team_of_kind(tmp_path, request, team_kind)
    a, b = sample_laptop(tmp_path, "a"), sample_laptop(tmp_path, "b")
    a("config", "set", "name", "Coordinator")
    for laptop in (a, b):
        _sync(laptop, team)
    a("log", "call", "KEN", "-m", "A's call", "-a", "univ", "--date", "2024-06-02")
    _sync(a, team)
    b("log", "call", "GHA", "-m", "B's call", "-a", "univ", "--date", "2024-06-03")
    _sync(b, team)
    assert _sync(a, team)["came_in"]["engagements"] == 1  # B's call, through the team
    for _ in range(2):
        done, report, modules = ccm_modules("--db", str(a.db), "sync", team, "--json")
        assert done.returncode == 0, done.stderr
        quiet = json.loads("\n".join(report))
        assert not (quiet["came_in"] or quiet["went_out"] or quiet["deleted_here"] or quiet["deleted_there"])
        assert not quiet["whole"] and quiet["compared"] == 0
        assert "sqlalchemy" not in modules
    # And the next change still travels.
    b("log", "letter", "UGA", "-m", "B's letter", "-a", "univ", "--date", "2024-06-04")
    _sync(b, team)
    assert _sync(a, team)["came_in"]["engagements"] == 1
    assert _summaries(a) == _summaries(b) == ["A's call", "B's call", "B's letter"]
