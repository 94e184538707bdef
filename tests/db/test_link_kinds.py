"""Each engagement's values on the rows pointing at it (its states' links, its campaign, its replies),
kept by the database after every write (a command, an edit, an undo, a sync), and the summary's
states reached, replies and campaigns read from them."""

from __future__ import annotations

import json
import shutil

from tests import backends
from tests.conftest import CCM, SAMPLE

CONSISTENT = {"engagement_states": 0, "engagement_actors": 0, "campaigns": 0, "replies": 0}


def _summary(ccm: CCM, since: str) -> dict:
    result = ccm("summary", "universalization", "--since", since, "--as-of", "2030-01-01", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _reached(ccm: CCM, since: str) -> int:
    return _summary(ccm, since)["demarches"]["states_reached"]


def test_a_command_an_edit_and_an_undo_keep_the_links_copies_and_the_states_reached(ccm):
    reached = _reached(ccm, "2029-01-01")
    logged = ccm("log", "demarche", "Tuvalu", "Palau", "--area", "universalization", "--date", "2029-06-01", "-m", "x")
    assert logged.exit_code == 0, logged.output
    assert backends.links_differing(ccm.db) == CONSISTENT
    assert _reached(ccm, "2029-01-01") == reached + 2
    [engagement] = json.loads(ccm("engagements", "--since", "2029-01-01", "--json").stdout)
    edited = ccm("edit", engagement["id"][:8], "--area", "clearance", "--add-state", "Nauru")
    assert edited.exit_code == 0, edited.output
    assert backends.links_differing(ccm.db) == CONSISTENT
    assert _reached(ccm, "2029-01-01") == reached  # no longer a démarche in universalization
    assert ccm("undo").exit_code == 0
    assert backends.links_differing(ccm.db) == CONSISTENT
    assert _reached(ccm, "2029-01-01") == reached + 2
    assert ccm("edit", engagement["id"][:8], "--kind", "letter").exit_code == 0
    assert _reached(ccm, "2029-01-01") == reached
    assert ccm("undo").exit_code == 0 and ccm("undo").exit_code == 0
    assert backends.links_differing(ccm.db) == CONSISTENT
    assert _reached(ccm, "2029-01-01") == reached


def test_a_sync_brings_the_edit_of_an_engagement_onto_its_links(tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    shutil.copy(SAMPLE, a)
    shutil.copy(SAMPLE, b)
    mine, theirs = CCM(a), CCM(b)
    assert (
        mine("log", "demarche", "Tuvalu", "--area", "universalization", "--date", "2029-06-01", "-m", "x").exit_code
        == 0
    )
    assert theirs("sync", a).exit_code == 0
    assert _reached(theirs, "2029-01-01") == 1
    [engagement] = json.loads(mine("engagements", "--since", "2029-01-01", "--json").stdout)
    assert mine("edit", engagement["id"][:8], "--area", "clearance").exit_code == 0
    assert theirs("sync", a).exit_code == 0
    assert backends.links_differing(b) == CONSISTENT
    assert _reached(theirs, "2029-01-01") == 0


def test_a_campaign_and_its_replies_follow_their_engagement_through_an_edit_and_an_undo(ccm):
    made = ccm(
        "campaign", "new", "Joint", "--to", "Tuvalu", "--to", "Palau", "-a", "univ", "--date", "2029-06-01", "-y"
    )
    assert made.exit_code == 0, made.output
    assert backends.links_differing(ccm.db) == CONSISTENT
    summary = _summary(ccm, "2029-01-01")
    assert [c["title"] for c in summary["campaigns"]] == ["Joint"]
    assert summary["demarches"]["pending"] == 2
    [engagement] = json.loads(ccm("engagements", "--since", "2029-01-01", "--json").stdout)
    assert ccm("edit", engagement["id"][:8], "--date", "2028-06-01").exit_code == 0
    assert backends.links_differing(ccm.db) == CONSISTENT
    summary = _summary(ccm, "2029-01-01")
    assert summary["campaigns"] == [] and summary["demarches"]["pending"] == 0
    assert ccm("undo").exit_code == 0
    assert backends.links_differing(ccm.db) == CONSISTENT
    summary = _summary(ccm, "2029-01-01")
    assert len(summary["campaigns"]) == 1 and summary["demarches"]["pending"] == 2
