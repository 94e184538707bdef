"""sample.db is exactly what its builder produces."""

from __future__ import annotations

import pytest

from ccmtui.seed.sample import build, logical_dump

from ..conftest import SAMPLE

pytestmark = pytest.mark.sqlite_only


def test_sample_db_matches_a_fresh_build(tmp_path):
    rebuilt = build(tmp_path / "rebuilt.db")
    assert logical_dump(rebuilt) == logical_dump(SAMPLE), "sample.db is stale: run ccm sample build sample.db"


def test_sample_holds_the_2013_categories():
    dump = logical_dump(SAMPLE)
    categories = list(dump["classifications"])
    assert len(categories) == 23 + 31 + 21


def test_sample_holds_the_2024_2025_stockpile_destruction_work_plan():
    dump = logical_dump(SAMPLE)
    [plan] = dump["work_plans"]
    assert "Stockpile Destruction Work Plan 2024–2025" in plan[0]
    milestones = sorted((row[3], row[4]) for row in dump["milestones"])  # (due_on, due_quarter)
    assert [quarter for _, quarter in milestones] == ["2024Q4", "2025Q1", "2025Q1", "2025Q2"]
    assert dump["changesets"] == []  # loaded as data, not as an undoable command
