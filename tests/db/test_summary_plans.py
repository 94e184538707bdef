"""The summaries' and status's reads that would grow with the log are index reads on both backends
(EXPLAIN): a state's reasons from the partial index of the replies that name some, the category an
assessment replaced one step back in the state's index, a period's engagements summed from the
per-day counts, its démarches walked from the links' (kind, area, state, date) index; whom a state met,
from its dated links."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from tests import backends

PERIOD = {"area": "universalization", "since": date(2011, 1, 1), "until": date(2014, 1, 1)}
# query: (parameters, the index it reads, whether that index alone answers)
READS = {
    # A partial index: only the replies that name reasons, read whole in the order asked for.
    "reply_reasons": ({"as_of": date(2026, 1, 1)}, "ix_replies_reasons", False),
    "classification_changes": (
        {"since": date(2000, 1, 1), "until": date(2030, 1, 1)},
        "ix_classifications_state_date",
        False,
    ),
    # One step into the links' (kind, area, state, date) index a state: no engagement read.
    "demarche_reach": (PERIOD, "ix_engagement_states_kind_area_iso3_occurred_on", True),
    # One range of the replies' (kind, area, date) index, which answers alone: no engagement read.
    "demarche_replies": (PERIOD, "ix_replies_kind_area_occurred_on", True),
    # The period's campaigns, a range of their (date, area) index: not every campaign.
    "campaign_board": (PERIOD, "ix_campaigns_occurred_on_area", False),
    # The oldest replies still pending, from the front of the (status, date) index; and their count.
    "replies_pending_since": ({"cutoff": date(2014, 1, 1), "limit": 50}, "ix_replies_status_occurred_on", False),
    "replies_pending_since_count": ({"cutoff": date(2014, 1, 1)}, "ix_replies_status_occurred_on", True),
    # The dashboard's and the Due screen's replies long pending, from either end of that index.
    "due_replies_newest": (
        {"cutoff": date(2014, 1, 1), "limit": 25, "offset": 0},
        "ix_replies_status_occurred_on",
        False,
    ),
    "due_replies_oldest": (
        {"cutoff": date(2014, 1, 1), "limit": 25, "offset": 0},
        "ix_replies_status_occurred_on",
        False,
    ),
}


def _sqlite_plan_of(path, name: str, params: dict) -> list[str]:
    from ccmtui.db.compiled import QUERIES
    from ccmtui.db.read import bind

    sql, _, constants = QUERIES[name]
    with sqlite3.connect(path) as connection:
        return [row[-1] for row in connection.execute(f"EXPLAIN QUERY PLAN {sql}", bind({**constants, **params}))]


def _sqlite_plan(path, name: str) -> list[str]:
    return _sqlite_plan_of(path, name, READS[name][0])


@pytest.mark.sqlite_only
@pytest.mark.parametrize("name", sorted(READS))
def test_on_sqlite_each_read_searches_its_index(sample_db, name):
    _, index, covering = READS[name]
    plan = _sqlite_plan(sample_db, name)
    using = [line for line in plan if f"INDEX {index} " in f"{line} "]
    partial = name == "reply_reasons"
    assert using and all(line.startswith("SEARCH") or partial for line in using), plan
    if covering:
        assert all("COVERING INDEX" in line for line in using), plan
    table = {
        "reply_reasons": "replies",
        "classification_changes": "classifications",
        "demarche_replies": "replies",
        "campaign_board": "campaigns",
        "replies_pending_since": "replies",
        "replies_pending_since_count": "replies",
        "due_replies_newest": "replies",
        "due_replies_oldest": "replies",
    }.get(name, "engagements")
    if name in ("demarche_reach", "demarche_replies"):
        assert not any(" engagements " in f"{line} " for line in plan), plan
    assert not any(line.startswith(f"SCAN {table}") and index not in line for line in plan), plan
    assert not any("TEMP B-TREE" in line for line in plan[:1]), plan


@pytest.mark.sqlite_only
def test_a_periods_engagements_by_kind_are_summed_from_the_days_not_counted_from_the_log(sample_db):
    plan = _sqlite_plan_of(sample_db, "engagements_by_kind", PERIOD)
    assert plan == [
        "SEARCH engagements_per_day USING PRIMARY KEY (kind=? AND area=? AND occurred_on>? AND occurred_on<?)"
    ]


@pytest.mark.sqlite_only
def test_the_dashboards_latest_campaigns_are_read_from_the_end_of_their_date_index(sample_db):
    plan = _sqlite_plan_of(sample_db, "campaigns_latest", {"limit": 20})
    assert "SCAN campaigns USING INDEX ix_campaigns_occurred_on_area" in plan, plan
    # Not each campaign's engagement looked up to sort them all by its date.
    assert not any("CORRELATED" in line for line in plan), plan


@pytest.mark.sqlite_only
def test_the_category_replaced_is_one_step_back_not_a_sort_of_the_states_history(sample_db):
    plan = _sqlite_plan(sample_db, "classification_changes")
    step = next(line for line in plan if "classifications_1" in line)
    assert "(assessed_on,created_at)<(?,?)" in step, plan


@pytest.fixture(scope="module")
def server_db():
    url = backends.new_database()
    yield url
    backends.drop(url)


# On PostgreSQL, which join drives a period's count is the planner's choice on its statistics;
# what it cannot do without these indexes is read the replies that name reasons, a state's
# previous assessment, or whether a state had a démarche in the period, without a scan.
@pytest.mark.parametrize("name", ["reply_reasons", "classification_changes", "demarche_reach"])
def test_on_postgresql_the_reasons_and_the_previous_category_are_index_reads(postgres, server_db, name):
    import psycopg

    from ccmtui.db.compiled_postgresql import POSTGRESQL
    from ccmtui.db.read import libpq_url

    sql, constants = POSTGRESQL[name]
    params, index, _ = READS[name]
    with psycopg.connect(libpq_url(server_db), autocommit=True) as connection:
        # The sample is small: a planner would rather read it whole. The question is whether the
        # index can answer; on a large log that is the cheapest plan as well.
        for setting in ("enable_seqscan", "enable_bitmapscan", "enable_sort"):
            connection.execute(f"SET {setting} = off")
        plan = "\n".join(row[0] for row in connection.execute("EXPLAIN " + sql, {**constants, **params}))
    assert f"using {index}" in plan or f"Index Scan on {index}" in plan, plan
    assert "Seq Scan" not in plan, plan


# Many campaigns outside the period, each with its replies: with statistics, the planner reads the
# period's replies and campaigns from their own indexes, as a large log would have it.
LARGER_LOG = (
    "INSERT INTO engagements (occurred_on, kind, area, channel, summary, notes, action_points, illustrative, "
    "uuid, created_at, updated_at) SELECT DATE '2020-01-01' + (n % 700), 'letter', 'clearance', 'geneva', 'x', "
    "'', '', true, 'bulk-' || n, now(), now() FROM generate_series(1, 4000) AS n",
    "INSERT INTO campaigns (title, engagement_uuid, selection, uuid, created_at, updated_at) "
    "SELECT 'x', uuid, '', 'campaign-' || uuid, now(), now() FROM engagements WHERE uuid LIKE 'bulk-%'",
    "INSERT INTO replies (engagement_uuid, iso3, status, summary, illustrative, reasons, uuid, created_at, "
    "updated_at) SELECT e.uuid, s.iso3, 'pending', '', true, '', e.uuid || s.iso3, now(), now() FROM engagements e "
    "CROSS JOIN (SELECT iso3 FROM states ORDER BY iso3 LIMIT 5) s WHERE e.uuid LIKE 'bulk-%'",
    "ANALYZE engagements, campaigns, replies",
)


@pytest.mark.parametrize("name", ["demarche_replies", "campaign_board"])
def test_on_postgresql_a_periods_replies_and_campaigns_are_ranges_of_their_indexes(postgres, server_db, name):
    import psycopg

    from ccmtui.db.compiled_postgresql import POSTGRESQL
    from ccmtui.db.read import libpq_url

    sql, constants = POSTGRESQL[name]
    params, index, _ = READS[name]
    with psycopg.connect(libpq_url(server_db)) as connection:
        for statement in LARGER_LOG:
            connection.execute(statement)
        plan = "\n".join(row[0] for row in connection.execute("EXPLAIN " + sql, {**constants, **params}))
        connection.rollback()
    assert f"using {index}" in plan or f"on {index}" in plan, plan
    assert "Seq Scan on replies" not in plan and "Seq Scan on campaigns" not in plan, plan


@pytest.mark.sqlite_only
def test_whom_a_state_met_reads_no_engagement_only_its_dated_links(sample_db):
    from ccmtui.db.compiled import QUERIES
    from ccmtui.db.read import bind

    sql, _, constants = QUERIES["counterparts_of_state"]
    with sqlite3.connect(sample_db) as connection:
        params = bind({**constants, "iso3": "MNE", "as_of": date(2026, 1, 1)})
        plan = [row[-1] for row in connection.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
    assert not any(" engagements " in f"{line} " for line in plan), plan
    assert any("COVERING INDEX ix_engagement_states_iso3_occurred_on" in line for line in plan), plan
