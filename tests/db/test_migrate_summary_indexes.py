"""The upgrade that indexes the summaries' reads keeps the data and answers from the new indexes."""

from __future__ import annotations

import sqlite3

import pytest

from ccmtui.db import migrate

from ..conftest import CCM
from .test_migrate import _database_at, _fill

pytestmark = pytest.mark.sqlite_only


def test_an_upgraded_database_reads_the_reasons_its_replies_named(tmp_path):
    path = tmp_path / "old.db"
    connection = _database_at(path, "0018")
    engagement = {"uuid": "e" * 36, "kind": "demarche", "area": "universalization", "channel": "capital"}
    _fill(connection, "engagements", {**engagement, "occurred_on": "2025-03-01"})
    _fill(
        connection,
        "replies",
        {
            "uuid": "r" * 36,
            "engagement_uuid": "e" * 36,
            "iso3": "THA",
            "status": "replied",
            "received_on": "2025-04-01",
            "reasons": "security",
        },
    )
    connection.commit()
    connection.close()
    result = CCM(path)("status", "THA", "--json")
    assert result.exit_code == 0, result.output
    assert "security" in result.stdout  # the reply's reason, beside those of the latest assessment
    after = sqlite3.connect(path)
    assert after.execute("SELECT version_num FROM alembic_version").fetchone() == (migrate.head(),)
    indexes = dict(after.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'"))
    assert "WHERE reasons != ''" in indexes["ix_replies_reasons"]
    assert "uuid" in indexes["ix_engagements_kind_area_occurred_on"]
    assert "created_at" in indexes["ix_classifications_state_date"]
    assert after.execute("SELECT reasons FROM replies").fetchall() == [("security",)]
