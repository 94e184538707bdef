"""An undo made after a sync travels like any later edit: the next sync carries what the undo put
back to the team database and to the other laptops, rather than bringing back what was undone."""

from __future__ import annotations

import json

import pytest

from tests.teams import sample_laptop, team_of_kind

from ..conftest import CCM

SUMMARY = "Meeting on the Convention"


def _logged(ccm: CCM) -> str:
    made = ccm("log", "demarche", "KEN", "UGA", "-m", SUMMARY, "--date", "2025-03-04", "-a", "univ")
    assert made.exit_code == 0, made.output
    return next(e["id"] for e in json.loads(ccm("engagements", "--json", "--since", "2025-03-04").stdout))


def _shown(ccm: CCM, uuid: str) -> dict | None:
    shown = ccm("show", uuid[:8], "--json")
    return json.loads(shown.stdout) if shown.exit_code == 0 else None


@pytest.mark.sqlite_only
@pytest.mark.parametrize("team_kind", ["file", pytest.param("postgresql", marks=pytest.mark.slow)])
def test_an_undone_deletion_comes_back_everywhere(tmp_path, request, team_kind):
    team = team_of_kind(tmp_path, request, team_kind)
    a, b = sample_laptop(tmp_path, "a"), sample_laptop(tmp_path, "b")
    uuid = _logged(a)
    assert a("sync", team).exit_code == 0
    assert a("delete", uuid[:8], "--yes").exit_code == 0
    assert a("sync", team).exit_code == 0
    assert a("undo").stdout.startswith("Undid: delete engagement")
    synced = a("sync", team)
    assert synced.exit_code == 0 and "Deleted here" not in synced.stdout, synced.stdout
    assert b("sync", team).exit_code == 0
    for ccm in (a, CCM(team), b):
        shown = _shown(ccm, uuid)
        assert shown is not None and shown["summary"] == SUMMARY
        assert sorted(shown["states"]) == ["KEN", "UGA"], shown
    assert "Already in step" in a("sync", team).stdout


@pytest.mark.sqlite_only
@pytest.mark.parametrize("team_kind", ["file", pytest.param("postgresql", marks=pytest.mark.slow)])
def test_an_undone_edit_stays_undone_everywhere(tmp_path, request, team_kind):
    team = team_of_kind(tmp_path, request, team_kind)
    a, b = sample_laptop(tmp_path, "a"), sample_laptop(tmp_path, "b")
    uuid = _logged(a)
    for laptop in (a, b):
        assert laptop("sync", team).exit_code == 0
    assert a("edit", uuid[:8], "-m", "Changed wording").exit_code == 0
    assert a("sync", team).exit_code == 0
    assert b("sync", team).exit_code == 0
    assert _shown(b, uuid)["summary"] == "Changed wording"
    assert a("undo").stdout.startswith("Undid: edit engagement")
    assert a("sync", team).exit_code == 0
    assert b("sync", team).exit_code == 0
    assert [_shown(ccm, uuid)["summary"] for ccm in (a, CCM(team), b)] == [SUMMARY] * 3
