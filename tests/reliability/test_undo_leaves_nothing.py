"""Undo and merge leave nothing behind: an undone attachment's bytes go (here and, by sync, everywhere),
and a merge is one change set that `ccm changes` lists and `ccm undo` takes back."""

from __future__ import annotations

import json
import shutil

import pytest

from tests import backends

from ..conftest import CCM, SAMPLE

LOME = "480d530f"
KEN_CALL = ("log", "call", "KEN", "-m", "Their call", "-a", "univ", "--date", "2024-01-02")


def _laptop(tmp_path, name: str) -> CCM:
    path = tmp_path / f"{name}.db"
    shutil.copy(SAMPLE, path)
    return CCM(path)


def _blobs(ccm: CCM) -> int:
    return len(ccm.dump(portable=True).get("blobs", []))


def _letter(tmp_path, text: str = "Note verbale No. 12/2024"):
    path = tmp_path / "note.txt"
    path.write_text(text)
    return path


def test_undoing_an_attach_removes_its_bytes_unless_another_uses_them(ccm, tmp_path):
    note = _letter(tmp_path)
    assert ccm("attach", LOME, note).exit_code == 0
    assert _blobs(ccm) == 1
    assert ccm("undo").stdout.startswith("Undid: attach note.txt")
    assert _blobs(ccm) == 0
    # The same bytes attached twice: undoing one keeps them for the other.
    other = json.loads(ccm("engagements", "--json", "--all").stdout)[1]["id"]
    assert ccm("attach", LOME, note).exit_code == 0
    assert ccm("attach", other[:8], note).exit_code == 0
    ccm("undo")
    assert _blobs(ccm) == 1
    [kept] = json.loads(ccm("attachment", "list", LOME, "--json").stdout)
    assert ccm("attachment", "save", kept["id"][:8], "-o", tmp_path / "kept.txt").exit_code == 0
    assert (tmp_path / "kept.txt").read_text() == "Note verbale No. 12/2024"


def _undo_after_sync(a: CCM, b: CCM, target: str, tmp_path) -> None:
    assert a("attach", LOME, _letter(tmp_path)).exit_code == 0
    assert a("sync", target).exit_code == 0
    assert b("sync", target).exit_code == 0 if b is not None else True
    assert a("undo").stdout.startswith("Undid: attach")
    assert _blobs(a) == 0
    assert a("sync", target).exit_code == 0
    assert _blobs(CCM(target)) == 0
    if b is not None:
        assert b("sync", target).exit_code == 0
        assert _blobs(b) == 0
        assert json.loads(b("attachment", "list", LOME, "--json").stdout) == []


def test_the_undone_bytes_leave_the_other_file_by_sync(tmp_path):
    a, b = _laptop(tmp_path, "a"), _laptop(tmp_path, "b")
    _undo_after_sync(a, None, str(b.db), tmp_path)


@pytest.mark.sqlite_only
def test_the_undone_bytes_leave_the_team_server_and_the_other_laptops(tmp_path, postgres):
    team = backends.new_database()
    try:
        _undo_after_sync(_laptop(tmp_path, "a"), _laptop(tmp_path, "b"), team, tmp_path)
    finally:
        backends.drop(team)


def test_a_merge_is_one_change_set_that_undo_takes_back(tmp_path):
    mine, theirs = _laptop(tmp_path, "mine"), _laptop(tmp_path, "theirs")
    mine("log", "meeting", "UGA", "-m", "My meeting", "-a", "univ", "--date", "2024-01-01")
    theirs(*KEN_CALL)
    assert theirs("attach", LOME, _letter(tmp_path, "their letter")).exit_code == 0
    before = mine.dump(without=("changesets", "changes", "database_info", "sync_peers"))
    assert mine("merge", str(theirs.db)).exit_code == 0
    [latest] = json.loads(mine("changes", "--json", "-n", "1").stdout)
    assert latest["command"].startswith("merge from theirs.db") and latest["changes"] >= 3
    undone = mine("undo")
    assert undone.stdout.startswith("Undid: merge from theirs.db"), undone.output
    after = mine.dump(without=("changesets", "changes", "database_info", "sync_peers"))
    assert after == before  # the meeting logged before the merge is still there; nothing of theirs is
    assert "My meeting" in mine("engagements", "--all").stdout
    assert json.loads(mine("changes", "--json", "-n", "2").stdout)[1]["undone"] is True
