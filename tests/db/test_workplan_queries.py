"""The work-plan queries give the same rows on the fast path and through SQLAlchemy, and use indexes."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from ccmtui.domain.workplan import MILESTONE_STATUSES

PARAMS = {
    "work_plans": {"area": None},
    "milestones_due": {
        "since": date(2025, 1, 1),
        "until": date(2025, 3, 31),
        "area": "stockpile-destruction",
        "statuses": list(MILESTONE_STATUSES),
    },
    "milestones_done": {"since": date(2025, 1, 1), "until": date(2025, 3, 31), "area": None},
    "milestones_slipped_from": {"since": date(2025, 1, 1), "until": date(2025, 3, 31), "area": None},
    "engagement_counts_by_kind": {"since": date(2013, 1, 1), "until": date(2013, 12, 31), "area": None},
    "engagement_counts_by_state": {"since": date(2013, 1, 1), "until": date(2013, 12, 31), "area": None},
    "engagements_notable": {"since": date(2013, 1, 1), "until": date(2013, 12, 31), "area": None, "limit": 12},
    "follow_ups_between": {"since": date(2013, 1, 1), "until": date(2026, 12, 31)},
}


@pytest.mark.sqlite_only  # the commands write the SQLite copy both readers read; PostgreSQL: test_queries_on_both.py
def test_fast_reader_and_sqlalchemy_reader_agree_on_work_plans(ccm, sample_db):
    from ccmtui.db.read import AlchemyReader, SQLiteReader
    from ccmtui.db.session import Database

    ccm("milestone", "done", "6f591ea5", "--date", "2025-03-20")
    ccm("milestone", "slip", "9c375ece", "2025Q2", "--reason", "later")
    fast, slow = SQLiteReader(sample_db), AlchemyReader(Database(sample_db))
    try:
        plan = fast.rows("work_plans", area=None)[0].uuid
        milestones = [m.uuid for m in fast.rows("milestones_of_work_plan", work_plan=plan)]
        params = {
            **PARAMS,
            "work_plan": {"uuid": plan},
            "work_plan_states": {"uuids": [plan]},
            "work_plan_items": {"work_plan": plan},
            "milestones_of_work_plan": {"work_plan": plan},
            "slips_of_milestones": {"uuids": milestones},
            "engagements_of_milestones": {"uuids": milestones},
        }
        for name, values in params.items():
            assert fast.rows(name, **values) == slow.rows(name, **values), name
        assert len(fast.rows("slips_of_milestones", uuids=milestones)) == 1
    finally:
        fast.close()
        slow.close()


def test_milestone_listings_use_their_indexes(sample_db):
    from ccmtui.db.compiled import QUERIES

    connection = sqlite3.connect(sample_db)
    for name, index in (
        ("milestones_due", "ix_milestones_due_on"),
        ("milestones_done", "ix_milestones_done_on"),
        ("milestones_slipped_from", "ix_milestone_slips_from_due_on"),
    ):
        sql = QUERIES[name][0]
        plan = " ".join(
            row[-1]
            for row in connection.execute(
                "EXPLAIN QUERY PLAN " + sql,
                {"since": "2025-01-01", "until": "2025-03-31", "area": None, "statuses": '["planned"]'},
            )
        )
        assert index in plan, (name, plan)
    connection.close()
