"""The upgrade that copies each engagement's values onto its states' links, campaign and replies keeps
the data, fills the copies and leaves the triggers keeping them."""

from __future__ import annotations

import json
import sqlite3

import pytest

from ccmtui.db import migrate
from tests import backends

from ..conftest import CCM
from .test_migrate import _database_at, _fill

pytestmark = pytest.mark.sqlite_only


def test_an_upgraded_database_counts_the_states_replies_and_campaigns_of_its_demarches(tmp_path):
    path = tmp_path / "old.db"
    connection = _database_at(path, "0019")
    engagement = {"uuid": "e" * 36, "kind": "demarche", "area": "universalization", "channel": "capital"}
    _fill(connection, "engagements", {**engagement, "occurred_on": "2029-03-01"})
    _fill(connection, "engagement_states", {"uuid": "s" * 36, "engagement_uuid": "e" * 36, "iso3": "TUV"})
    _fill(connection, "campaigns", {"uuid": "c" * 36, "engagement_uuid": "e" * 36, "title": "Joint", "selection": ""})
    _fill(
        connection,
        "replies",
        {"uuid": "r" * 36, "engagement_uuid": "e" * 36, "iso3": "TUV", "status": "pending", "reasons": ""},
    )
    connection.commit()
    connection.close()
    ccm = CCM(path)
    result = ccm("summary", "universalization", "--since", "2029-01-01", "--as-of", "2030-01-01", "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["demarches"]["states_reached"] == 1 and summary["demarches"]["pending"] == 1
    assert [campaign["title"] for campaign in summary["campaigns"]] == ["Joint"]
    after = sqlite3.connect(path)
    assert after.execute("SELECT version_num FROM alembic_version").fetchone() == (migrate.head(),)
    assert after.execute("SELECT kind, area, occurred_on FROM replies").fetchall() == [
        ("demarche", "universalization", "2029-03-01")
    ]
    # The triggers follow a change of the engagement from now on.
    after.execute("UPDATE engagements SET area = 'clearance', occurred_on = '2029-04-01'")
    after.commit()
    after.close()
    assert set(backends.links_differing(path).values()) == {0}
