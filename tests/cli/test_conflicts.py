"""Conflicts a sync recorded: listed with both versions, who and when; settled as an undoable change set."""

from __future__ import annotations

import json
import shutil

from ccmtui.db.write import writing

from ..conftest import CCM, SAMPLE


def _laptop(tmp_path, name: str) -> CCM:
    path = tmp_path / f"{name}.db"
    shutil.copy(SAMPLE, path)
    return CCM(path)


def _conflicting(tmp_path):
    mine, theirs = _laptop(tmp_path, "mine"), _laptop(tmp_path, "theirs")
    mine("log", "call", "KEN", "-m", "Shared call", "-a", "univ", "--date", "2024-01-01")
    assert theirs("sync", str(mine.db)).exit_code == 0
    [engagement] = [e["id"] for e in json.loads(mine("engagements", "--json", "--since", "2024-01-01").stdout)]
    with writing(str(mine.db), by="Ana Silva (PRT)", command="edit") as writer:
        writer.update("engagements", engagement, {"summary": "Shared call (my wording)", "channel": "other"})
    with writing(str(theirs.db), by="Kwame Mensah (GHA)", command="edit") as writer:
        writer.update("engagements", engagement, {"summary": "Shared call (their wording)"})
    return mine, theirs, engagement


def test_a_conflict_is_listed_with_both_versions_who_and_when(tmp_path):
    mine, theirs, engagement = _conflicting(tmp_path)
    synced = mine("sync", str(theirs.db))
    assert synced.exit_code == 0, synced.output
    assert "ccm conflicts keep" in synced.stdout
    [conflict] = json.loads(mine("conflicts", "--json").stdout)
    assert conflict["table"] == "engagements" and conflict["record"] == engagement
    assert conflict["kept"] == "b" and conflict["mine"] == "a" and not conflict["settled"]
    assert conflict["a"]["by"] == "Ana Silva (PRT)" and conflict["b"]["by"] == "Kwame Mensah (GHA)"
    assert conflict["a"]["at"] <= conflict["b"]["at"]
    fields = {f["field"]: (f["a"], f["b"]) for f in conflict["fields"]}
    assert fields["summary"] == ("Shared call (my wording)", "Shared call (their wording)")
    assert fields["channel"][0] == "other" and fields["channel"][1] != "other"
    # The other side has it too, where it is "theirs" that is side a.
    [there] = json.loads(theirs("conflicts", "--json").stdout)
    assert there["id"] == conflict["id"] and there["mine"] == "b"
    shown = mine("conflicts")
    assert "Shared call (my wording)" in shown.stdout and "Kwame Mensah (GHA)" in shown.stdout
    # A second sync finds nothing more to do.
    assert "nothing came in, nothing went out" in mine("sync", str(theirs.db)).stdout


def test_keeping_mine_is_a_change_set_that_syncs_and_undoes(tmp_path):
    mine, theirs, engagement = _conflicting(tmp_path)
    mine("sync", str(theirs.db))
    [conflict] = json.loads(mine("conflicts", "--json").stdout)
    kept = mine("conflicts", "keep", conflict["id"][:8], "mine")
    assert kept.exit_code == 0, kept.output
    assert json.loads(mine("show", engagement[:8], "--json").stdout)["summary"] == "Shared call (my wording)"
    assert json.loads(mine("conflicts", "--json").stdout)[0]["settled"]
    again = mine("conflicts", "keep", conflict["id"][:8], "theirs")
    assert again.exit_code == 1 and "already settled" in again.stderr
    # The settling travels like any edit.
    mine("sync", str(theirs.db))
    assert json.loads(theirs("show", engagement[:8], "--json").stdout)["summary"] == "Shared call (my wording)"
    # And is undone like any change set of one's own.
    assert mine("undo").exit_code == 0
    assert json.loads(mine("show", engagement[:8], "--json").stdout)["summary"] == "Shared call (their wording)"
    assert not json.loads(mine("conflicts", "--json").stdout)[0]["settled"]


def test_bad_choices_and_ids_are_one_line(tmp_path):
    mine, theirs, _ = _conflicting(tmp_path)
    mine("sync", str(theirs.db))
    [conflict] = json.loads(mine("conflicts", "--json").stdout)
    wrong = mine("conflicts", "keep", conflict["id"][:8], "both")
    assert wrong.exit_code == 1 and "valid: mine, theirs, a, b" in wrong.stderr
    missing = mine("conflicts", "keep", "ffffffff", "mine")
    assert missing.exit_code != 0 and "no conflict with id" in missing.stderr
    assert "No conflicts" in _laptop(tmp_path, "clean")("conflicts").stdout
