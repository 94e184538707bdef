"""On PostgreSQL too, a page of a state's or an actor's engagements is an index range read in
date order (EXPLAIN), and every link carries its engagement's date, kept by triggers."""

from __future__ import annotations

import re

import pytest

from tests import backends

PAGES = {
    "engagements_of_state": ("ix_engagement_states_iso3_occurred_on", {"iso3": "KEN"}),
    "engagements_by_actor": ("ix_engagement_actors_actor_occurred_on", {"actor": "PRT"}),
    # A state's timeline (`ccm history --all`) reads the same index forwards, oldest day first.
    "engagements_of_state_oldest": ("ix_engagement_states_iso3_occurred_on", {"iso3": "KEN"}),
}


def _connect(url: str):
    import psycopg

    from ccmtui.db.read import libpq_url

    return psycopg.connect(libpq_url(url), autocommit=True)


@pytest.fixture
def server_db(postgres):
    url = backends.new_database()
    yield url
    backends.drop(url)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_page_is_read_along_the_dated_index(server_db, name):
    from datetime import date

    from ccmtui.db.compiled_postgresql import POSTGRESQL

    sql, constants = POSTGRESQL[name]
    index, key = PAGES[name]
    params = {**constants, **key, "since": date(1900, 1, 1), "until": date(9999, 12, 31), "area": None}
    params |= {"kind": None, "limit": 50}
    with _connect(server_db) as connection:
        # The sample is small: a planner would rather read it whole and sort it. The question is
        # whether the index gives the order; on a large log that is the cheapest plan as well.
        for setting in ("enable_seqscan", "enable_bitmapscan", "enable_sort"):
            connection.execute(f"SET {setting} = off")
        plan = [row[0] for row in connection.execute("EXPLAIN " + sql, params)]
    text = "\n".join(plan)
    scan = "Scan" if name.endswith("_oldest") else "Scan Backward"
    assert f"Index Only {scan} using {index}" in text or f"Index {scan} using {index}" in text, text
    # The tie-break within a day may be sorted (incrementally); never the whole state's engagements.
    assert not any(re.match(r"\s*(->\s*)?Sort\b(?! Key)", line) for line in plan), text


def test_a_states_files_per_day_are_counted_along_indexes(server_db):
    """A timeline places its entries by day: a state's files per day never scan its links."""
    from ccmtui.db.compiled_postgresql import POSTGRESQL

    sql, constants = POSTGRESQL["attachment_days_of_state"]
    with _connect(server_db) as connection:
        connection.execute("SET enable_seqscan = off")
        plan = [row[0] for row in connection.execute("EXPLAIN " + sql, {**constants, "iso3": "TGO"})]
    text = "\n".join(plan)
    assert "Seq Scan on engagement_states" not in text, text
    assert re.search(r"Index (Only )?Scan( Backward)? using \w+ on engagement_states", text), text


@pytest.mark.parametrize(
    ("name", "index"),
    [("assessment_of_state", "ix_classifications_state_date"), ("reply_reasons_of_state", "ix_replies_reasons")],
)
def test_a_states_assessment_is_read_from_its_own_rows(server_db, name, index):
    from ccmtui.db.compiled_postgresql import POSTGRESQL

    sql, constants = POSTGRESQL[name]
    with _connect(server_db) as connection:
        for setting in ("enable_seqscan", "enable_bitmapscan"):
            connection.execute(f"SET {setting} = off")
        plan = [
            row[0] for row in connection.execute("EXPLAIN " + sql, {**constants, "iso3": "KEN", "as_of": "2030-01-01"})
        ]
    text = "\n".join(plan)
    assert f"using {index} on" in text and "Seq Scan" not in text, text


def test_links_carry_their_engagements_dates_and_follow_a_change(server_db):
    with _connect(server_db) as connection:
        differing = """SELECT count(*) FROM engagement_states JOIN engagements
            ON engagements.uuid = engagement_states.engagement_uuid
            WHERE engagement_states.occurred_on IS DISTINCT FROM engagements.occurred_on"""
        assert connection.execute(differing).fetchone()[0] == 0
        (uuid,) = connection.execute("SELECT engagement_uuid FROM engagement_states LIMIT 1").fetchone()
        connection.execute("UPDATE engagements SET occurred_on = '2001-02-03' WHERE uuid = %s", (uuid,))
        assert connection.execute(differing).fetchone()[0] == 0
        connection.execute("UPDATE engagements SET kind = 'letter', area = 'clearance' WHERE uuid = %s", (uuid,))
        carried = connection.execute(
            "SELECT DISTINCT kind, area FROM engagement_states WHERE engagement_uuid = %s", (uuid,)
        ).fetchall()
        assert carried == [("letter", "clearance")]
        dates = connection.execute(
            "SELECT DISTINCT occurred_on::text FROM engagement_actors WHERE engagement_uuid = %s", (uuid,)
        ).fetchall()
        assert dates in ([], [("2001-02-03",)])


DAY_COUNTS = {
    "engagement_days": ("engagements_per_day_pkey", {}),
    "engagement_days_of_area": ("engagements_per_day_pkey", {"area": "universalization"}),
    "engagement_days_of_kind": ("engagements_per_day_pkey", {"kind": "meeting"}),
    "engagement_days_of_kind_area": ("engagements_per_day_pkey", {"kind": "meeting", "area": "universalization"}),
    "engagement_days_of_state": ("state_engagements_per_day_pkey", {"iso3": "KEN"}),
}


def test_the_lists_count_their_days_from_the_per_day_counts(server_db):
    """The app's lists place a position on its day from the counts the database keeps: a range of
    their key read backwards, newest day first, never the engagements nor their links."""
    from datetime import date

    from ccmtui.db.compiled_postgresql import POSTGRESQL

    with _connect(server_db) as connection:
        for setting in ("enable_seqscan", "enable_bitmapscan", "enable_sort"):
            connection.execute(f"SET {setting} = off")
        for name, (index, key) in DAY_COUNTS.items():
            sql, constants = POSTGRESQL[name]
            params = {**constants, **key, "since": date(1900, 1, 1), "until": date(9999, 12, 31)}
            plan = "\n".join(row[0] for row in connection.execute("EXPLAIN " + sql, params))
            assert f"Index Scan Backward using {index}" in plan, (name, plan)
            assert not re.search(r"\bon (engagements|engagement_states)\b", plan), (name, plan)
