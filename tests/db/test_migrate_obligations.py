"""Revision 0004: an upgraded database gets the obligations tables and the shipped obligations."""

from __future__ import annotations

import json
import sqlite3

import pytest

from ..conftest import CCM
from ..reference_facts import OBLIGATIONS
from .test_migrate import _first_release_database

pytestmark = pytest.mark.sqlite_only


def test_an_upgraded_database_holds_the_shipped_obligations_and_summarises(tmp_path):
    path = tmp_path / "old.db"
    _first_release_database(path)
    ccm = CCM(path)
    result = ccm("summary", "clearance", "--since", "4MSP", "--as-of", "2014-06-30", "--json")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["lines"]) == 18
    assert sqlite3.connect(path).execute("SELECT count(*) FROM obligations").fetchone() == (len(OBLIGATIONS),)
    # The same ids as a database created new, so the two sync as one set of records.
    fresh = CCM(tmp_path / "fresh.db")
    assert fresh("status", "--count").exit_code == 0
    assert ccm.dump()["obligations"] == fresh.dump()["obligations"]
    assert ccm("retention", "add", "NLD", "--year", "2013", "--munitions", "5", "--source", "x").exit_code == 0
