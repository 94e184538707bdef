"""The per-day counts the database keeps (db/rollups.py) equal a fresh count after every path that
writes engagements or their states: log, edit of the date, kind, area and states, delete, undo,
sync both ways, merge; on SQLite and, with CCM_TEST_BACKEND=postgresql, on PostgreSQL."""

from __future__ import annotations

import json
import shutil

import pytest

from tests import backends
from tests.rollups import assert_counts_fresh, fresh_counts, kept_counts

from ..conftest import CCM, SAMPLE

LOME = "480d530f"


def _ok(result) -> None:
    assert result.exit_code == 0, result.output


def _count(ccm: CCM, day: str, kind: str = "", area: str = "") -> int:
    from sqlalchemy import create_engine

    url = str(ccm.db) if "://" in str(ccm.db) else f"sqlite:///{ccm.db}"
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            days, _states = kept_counts(connection)
    finally:
        engine.dispose()
    return days.get((kind, area, day), 0)


def test_logging_editing_deleting_and_undoing_keep_the_counts(ccm):
    assert_counts_fresh(ccm.db)
    _ok(ccm("log", "meeting", "KEN", "UGA", "-m", "Counted", "-a", "univ", "--date", "2031-02-03"))
    [logged] = json.loads(ccm("engagements", "--since", "2031-02-03", "--json").stdout)
    uuid = logged["id"][:8]
    assert _count(ccm, "2031-02-03") == 1
    assert _count(ccm, "2031-02-03", "meeting", "universalization") == 1
    assert_counts_fresh(ccm.db)
    _ok(ccm("edit", uuid, "--date", "2031-02-04"))
    assert (_count(ccm, "2031-02-03"), _count(ccm, "2031-02-04")) == (0, 1)
    assert_counts_fresh(ccm.db)
    _ok(ccm("edit", uuid, "--kind", "call", "--area", "clearance"))
    assert _count(ccm, "2031-02-04", "call", "") == 1 and _count(ccm, "2031-02-04", "meeting", "") == 0
    assert_counts_fresh(ccm.db)
    _ok(ccm("edit", uuid, "--add-state", "GHA", "--remove-state", "UGA"))
    assert_counts_fresh(ccm.db)
    _ok(ccm("undo"))
    _ok(ccm("undo"))
    assert _count(ccm, "2031-02-04", "meeting", "universalization") == 1
    assert_counts_fresh(ccm.db)
    _ok(ccm("delete", uuid, "--yes"))
    assert _count(ccm, "2031-02-04") == 0
    assert_counts_fresh(ccm.db)
    _ok(ccm("undo"))
    assert _count(ccm, "2031-02-04") == 1
    assert_counts_fresh(ccm.db)


def test_a_campaign_and_its_deletion_keep_the_states_counts(ccm):
    _ok(
        ccm(
            "campaign",
            "new",
            "Counted letters",
            "--to",
            "KEN",
            "--to",
            "UGA",
            "--to",
            "GHA",
            "-a",
            "univ",
            "--date",
            "2031-03-01",
            "--yes",
        )
    )
    assert_counts_fresh(ccm.db)
    _ok(ccm("undo"))
    assert_counts_fresh(ccm.db)


def _laptop(tmp_path, name: str) -> CCM:
    path = tmp_path / f"{name}.db"
    shutil.copy(SAMPLE, path)
    return CCM(path)


@pytest.mark.sqlite_only
def test_a_sync_both_ways_and_a_merge_keep_the_counts(tmp_path):
    mine, theirs = _laptop(tmp_path, "mine"), _laptop(tmp_path, "theirs")
    _ok(mine("log", "meeting", "UGA", "-m", "Mine", "-a", "univ", "--date", "2031-01-01"))
    _ok(theirs("log", "call", "KEN", "GHA", "-m", "Theirs", "-a", "univ", "--date", "2031-01-01"))
    _ok(theirs("edit", LOME, "--date", "2031-01-02"))
    _ok(mine("sync", str(theirs.db)))
    for side in (mine, theirs):
        assert _count(side, "2031-01-01") == 2 and _count(side, "2031-01-02") == 1
        assert_counts_fresh(side.db)
    _ok(theirs("delete", LOME, "--yes"))
    _ok(theirs("sync", str(mine.db)))
    assert _count(mine, "2031-01-02") == 0
    assert_counts_fresh(mine.db)
    other = _laptop(tmp_path, "other")
    _ok(other("merge", str(mine.db)))
    assert _count(other, "2031-01-01") == 2
    assert_counts_fresh(other.db)
    _ok(other("undo"))
    assert _count(other, "2031-01-01") == 0
    assert_counts_fresh(other.db)


@pytest.mark.sqlite_only
def test_a_sync_with_the_team_server_keeps_the_counts_on_both(tmp_path, postgres):
    CCM(None)("config", "set", "name", "Coordinator")  # a team database records who wrote
    mine, theirs = _laptop(tmp_path, "mine"), _laptop(tmp_path, "theirs")
    team = backends.new_database()
    try:
        _ok(mine("log", "meeting", "UGA", "-m", "Mine", "-a", "univ", "--date", "2031-01-01"))
        _ok(mine("sync", team))
        _ok(theirs("edit", LOME, "--date", "2031-01-02", "--area", "clearance"))
        _ok(theirs("sync", team))
        _ok(mine("sync", team))
        for side in (mine.db, theirs.db, team):
            assert_counts_fresh(side)
        assert _count(CCM(team), "2031-01-02", "", "clearance") == 1
    finally:
        backends.drop(team)


@pytest.mark.sqlite_only
def test_links_arriving_with_a_stale_date_or_before_their_engagement_are_counted_once(tmp_path):
    """As a sync may write them: a link carrying another date than its engagement's, a link written
    before its engagement, an engagement moved to another day, then each deleted."""
    import sqlite3

    path = _laptop(tmp_path, "raw").db
    connection = sqlite3.connect(path, isolation_level=None)
    stamp = "'2026-01-01 00:00:00'"

    def engagement(uuid: str, day: str) -> None:
        connection.execute(
            "INSERT INTO engagements (uuid, created_at, updated_at, occurred_on, kind, area, channel, summary, "
            f"notes, action_points, illustrative) VALUES ('{uuid}', {stamp}, {stamp}, '{day}', 'meeting', "
            "'universalization', 'geneva', 'Raw', '', '', 0)"
        )

    def link(uuid: str, engagement_uuid: str, iso3: str, day: str) -> None:
        connection.execute(
            "INSERT INTO engagement_states (uuid, created_at, updated_at, engagement_uuid, iso3, occurred_on) "
            f"VALUES ('{uuid}', {stamp}, {stamp}, '{engagement_uuid}', '{iso3}', '{day}')"
        )

    try:
        before = kept_counts(connection)
        engagement("e1", "2031-05-01")
        link("l1", "e1", "KEN", "1999-01-01")
        assert_counts_fresh(path)
        link("l2", "e2", "GHA", "1999-01-01")
        engagement("e2", "2031-05-02")
        assert_counts_fresh(path)
        connection.execute("UPDATE engagements SET occurred_on = '2031-06-01' WHERE uuid IN ('e1', 'e2')")
        assert_counts_fresh(path)
        connection.execute("UPDATE engagement_states SET iso3 = 'UGA' WHERE uuid = 'l1'")
        assert_counts_fresh(path)
        for table, uuid in (("engagement_states", "l1"), ("engagements", "e1"), ("engagement_states", "l2")):
            connection.execute(f"DELETE FROM {table} WHERE uuid = '{uuid}'")
            assert_counts_fresh(path)
        connection.execute("DELETE FROM engagements WHERE uuid = 'e2'")
        assert kept_counts(connection) == fresh_counts(connection) == before
    finally:
        connection.close()
