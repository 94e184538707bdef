"""What a state's page reads is found along indexes, however large the log: its timeline's files
per day, whom it met, its current assessment."""

from __future__ import annotations

import sqlite3

import pytest

LOME = "480d530f-8be0-5842-a038-cce0d90cd619"  # the Lomé conference (2013-05-22), Togo among its states


@pytest.mark.sqlite_only  # PostgreSQL: tests/server/test_page_plans.py
def test_a_states_files_per_day_are_counted_along_indexes(ccm, sample_db, tmp_path):
    from ccmtui.db.compiled import QUERIES

    (tmp_path / "letter.pdf").write_bytes(b"%PDF-1.4 letter")
    assert ccm("attach", LOME[:8], str(tmp_path / "letter.pdf")).exit_code == 0

    sql = QUERIES["attachment_days_of_state"][0]
    with sqlite3.connect(sample_db) as connection:
        plan = [row[-1] for row in connection.execute("EXPLAIN QUERY PLAN " + sql, {"iso3": "TGO"})]
        found = connection.execute(sql, {"iso3": "TGO"}).fetchall()
    assert not any(step.startswith(("SCAN engagement_states", "SCAN engagements")) for step in plan), plan
    # The attachments drive: each found on the state's link by its (engagement, state) key, never
    # by walking the state's links (every engagement of a busy state) for the few with files.
    assert plan[0].startswith("SCAN attachments"), plan
    links = [step for step in plan if "engagement_states" in step]
    assert links and all("(engagement_uuid=? AND iso3=?)" in step for step in links), plan
    # Only the state's attached days are sorted.
    assert not any("ix_engagement_states_iso3_occurred_on" in step for step in plan), plan
    assert found == [("2013-05-22", 1)]


def test_a_states_assessment_and_its_reasons_are_read_from_its_own_rows(sample_db):
    from ccmtui.db.compiled import QUERIES

    with sqlite3.connect(sample_db) as connection:
        for name, index in (
            ("assessment_of_state", "ix_classifications_state_date"),
            ("reply_reasons_of_state", "ix_replies_reasons"),
        ):
            sql = QUERIES[name][0]
            params = {"iso3": "KEN", "as_of": "2030-01-01", **QUERIES[name][2]}
            plan = [row[-1] for row in connection.execute("EXPLAIN QUERY PLAN " + sql, params)]
            assert plan[0].startswith("SEARCH") and index in plan[0], (name, plan)
