"""Edits against deletions, on two laptops and a team database, in every order.

The rule (docs/team.md): a deletion wins over an edit made before it and loses to an edit made
after it; the decision is taken for a record and its children together. Laptop A creates a
campaign (an engagement, its 19 states, 19 pending replies) and both laptops sync; then A deletes
it (undo) and B edits it (the engagement itself, or one of its replies), in either order, and
the laptops sync in either order until quiet. All three end the same: the whole campaign gone,
or the whole campaign back with the later edit.
"""

from __future__ import annotations

import itertools
import json

import pytest

from tests.teams import sample_laptop, team_of_kind

from ..conftest import CCM

# A long suite: .ci/run runs it with the slow ones (`pytest -m slow`).
pytestmark = pytest.mark.slow


RECORD_TABLES_ONLY = ("changesets", "changes", "database_info", "sync_peers")


def _edit(b: CCM, what: str, engagement: str, campaign: str) -> None:
    if what == "engagement":
        from ccmtui.db.write import writing

        with writing(str(b.db), by="B", command="edit the summary") as writer:
            writer.update("engagements", engagement, {"summary": "Letter to Category III (B's wording)"})
    else:
        result = b("reply", campaign[:8], "BRA", "--stance", "positive", "--date", "2024-06-01")
        assert result.exit_code == 0, result.output


def _family(ccm: CCM, engagement: str) -> dict:
    dump = ccm.dump(portable=True)

    def count(table, column="engagement_uuid"):
        columns = dump.get(table, [])
        return sum(1 for row in columns if engagement in row)

    return {t: count(t) for t in ("engagements", "engagement_states", "replies", "campaigns")}


ORDERS = list(
    itertools.product(("delete-first", "edit-first"), ("engagement", "reply"), ("A-syncs-first", "B-syncs-first"))
)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("team_kind", ["file", "postgresql"])
@pytest.mark.parametrize("order, what, syncing", ORDERS, ids=["-".join(o) for o in ORDERS])
def test_every_order_of_edit_and_delete_ends_the_same_everywhere(tmp_path, request, team_kind, order, what, syncing):
    team = team_of_kind(tmp_path, request, team_kind)
    a, b, server = sample_laptop(tmp_path, "a"), sample_laptop(tmp_path, "b"), CCM(team)
    made = a(
        "campaign",
        "new",
        "Letter to Category III",
        "--to",
        "category:III",
        "-a",
        "univ",
        "--yes",
        "--date",
        "2024-05-03",
    )
    assert made.exit_code == 0, made.output
    [campaign] = json.loads(a("campaign", "list", "--json").stdout)[:1]
    engagement = next(e["id"] for e in json.loads(a("engagements", "--json", "--since", "2024-05-03").stdout))
    for laptop in (a, b, a):
        assert laptop("sync", team).exit_code == 0
    assert _family(b, engagement)["engagement_states"] == 19

    if order == "delete-first":
        assert a("undo").stdout.startswith("Undid: campaign new")
        _edit(b, what, engagement, campaign["id"])
    else:
        _edit(b, what, engagement, campaign["id"])
        assert a("undo").stdout.startswith("Undid: campaign new")

    first, second = (a, b) if syncing == "A-syncs-first" else (b, a)
    reports = [json.loads(laptop("sync", team, "--json").stdout) for laptop in (first, second, first, second)]
    assert any(r["conflicts"] for r in reports), reports
    quiet = json.loads(first("sync", team, "--json").stdout)
    assert not (quiet["came_in"] or quiet["went_out"] or quiet["deleted_here"] or quiet["deleted_there"]), quiet

    contents = [c.dump(without=RECORD_TABLES_ONLY, portable=True) for c in (a, b, server)]
    assert contents[0] == contents[1] == contents[2]
    family = _family(a, engagement)
    if order == "edit-first":  # the deletion is the later: the whole campaign is gone
        assert family == {"engagements": 0, "engagement_states": 0, "replies": 0, "campaigns": 0}
    else:  # the edit is the later: the whole campaign is back, with the edit
        assert family == {"engagements": 1, "engagement_states": 19, "replies": 19, "campaigns": 1}
        shown = json.loads(a("campaign", "show", campaign["id"][:8], "--json").stdout)
        if what == "reply":
            assert shown["replied"] == 1
        else:
            assert (
                json.loads(a("show", engagement[:8], "--json").stdout)["summary"]
                == "Letter to Category III (B's wording)"
            )
