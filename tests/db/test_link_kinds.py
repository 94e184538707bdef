"""Each engagement's kind and area on its states' links, kept by the database after every write
(a command, an edit, an undo, a sync), and the states a period's démarches reached read from them."""

from __future__ import annotations

import json
import shutil

from tests import backends
from tests.conftest import CCM, SAMPLE

CONSISTENT = {"engagement_states": 0, "engagement_actors": 0}


def _reached(ccm: CCM, since: str) -> int:
    result = ccm("summary", "universalization", "--since", since, "--as-of", "2030-01-01", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["demarches"]["states_reached"]


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
