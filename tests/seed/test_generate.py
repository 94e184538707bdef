"""The large-database generator: realistic, deterministic, and every listing index-backed on it."""

from __future__ import annotations

import re
import sqlite3
from datetime import date

import pytest

from ccmtui.db.compiled import QUERIES
from ccmtui.domain import treaty
from ccmtui.domain.areas import AREAS
from ccmtui.domain.engagements import CHANNELS, KINDS
from ccmtui.seed.generate import generate
from ccmtui.seed.sample import logical_dump
from tests import backends

from ..conftest import CCM

ENGAGEMENTS = 2_000
# The tables that grow with the log: no read query may walk one of them end to end.
LARGE_TABLES = ("engagements", "engagement_states", "engagement_actors")
# The documented fallback for databases without FTS5; SQLite searches through engagement_search.
FULL_SCAN_ALLOWED = {"search_portable"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("large") / "large.db"
    return generate(path, ENGAGEMENTS, seed=7)


@pytest.fixture(scope="module")
def db(built):
    connection = sqlite3.connect(f"file:{built.path}?mode=ro", uri=True)
    yield connection
    connection.close()


def test_the_same_seed_gives_the_same_database_and_another_seed_another(built, tmp_path):
    again = generate(tmp_path / "again.db", ENGAGEMENTS, seed=7)
    other = generate(tmp_path / "other.db", ENGAGEMENTS, seed=8)
    first = logical_dump(built.path)
    assert logical_dump(again.path) == first
    assert logical_dump(other.path)["engagements"] != first["engagements"]
    assert again.counts == built.counts


def test_the_file_is_sound_and_ready_for_use(db, built):
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]  # CHECK constraints included
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    triggers = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"engagement_search_insert", "engagement_search_delete", "engagement_search_update"} <= triggers
    assert not list(built.path.parent.glob(f".{built.path.name}.*"))


def test_the_search_index_matches_the_notes(db, built, tmp_path):
    writable = sqlite3.connect(built.path)
    try:
        writable.execute("INSERT INTO engagement_search(engagement_search) VALUES ('integrity-check')")
    finally:
        writable.close()
    (by_index,) = db.execute(
        "SELECT count(*) FROM engagement_search WHERE engagement_search MATCH 'reluctant'"
    ).fetchone()
    (by_text,) = db.execute(
        "SELECT count(*) FROM engagements WHERE summary LIKE '%reluctant%' OR notes LIKE '%reluctant%'"
    ).fetchone()
    assert by_index == by_text > 0


def test_engagements_cover_every_kind_area_and_channel_over_ten_years(db, built):
    assert built.counts["engagements"] == ENGAGEMENTS
    assert db.execute("SELECT count(*) FROM engagements").fetchone() == (ENGAGEMENTS,)
    assert {k for (k,) in db.execute("SELECT DISTINCT kind FROM engagements")} == set(KINDS)
    assert {a for (a,) in db.execute("SELECT DISTINCT area FROM engagements")} == set(AREAS)
    assert {c for (c,) in db.execute("SELECT DISTINCT channel FROM engagements")} == set(CHANNELS)
    first, last = db.execute("SELECT min(occurred_on), max(occurred_on) FROM engagements").fetchone()
    assert first.startswith("2015-") and last.startswith("2025-")
    years = {y for (y,) in db.execute("SELECT DISTINCT substr(occurred_on, 1, 4) FROM engagements")}
    assert years == {str(y) for y in range(2015, 2026)}


def test_engagements_have_states_actors_notes_and_follow_ups(db):
    per_engagement = [n for (n,) in db.execute("SELECT count(*) FROM engagement_states GROUP BY engagement_uuid")]
    assert len(per_engagement) == ENGAGEMENTS
    assert min(per_engagement) == 1 and max(per_engagement) > 3  # multi-state démarches and campaigns
    assert sum(1 for n in per_engagement if n <= 3) / ENGAGEMENTS > 0.9
    (without_actor,) = db.execute(
        "SELECT count(*) FROM engagements WHERE uuid NOT IN (SELECT engagement_uuid FROM engagement_actors)"
    ).fetchone()
    assert without_actor == 0
    organisations = {a for (a,) in db.execute("SELECT DISTINCT actor FROM engagement_actors WHERE length(actor) > 3")}
    assert organisations & {"ICRC", "ICBL-CMC", "UNDP", "UNMAS", "UNODA", "GICHD"}
    lengths = [n for (n,) in db.execute("SELECT length(notes) FROM engagements")]
    assert 150 < sum(lengths) / len(lengths) < 600
    assert min(lengths) == 0 and max(lengths) > 600  # some notes empty, some long
    (points,) = db.execute("SELECT count(*) FROM engagements WHERE action_points != ''").fetchone()
    assert points > ENGAGEMENTS / 5
    assert db.execute("SELECT count(*) FROM engagements WHERE action_points GLOB '*LAP-*'").fetchone()[0] > 0
    (overdue,) = db.execute(
        "SELECT count(*) FROM engagements WHERE follow_up_on IS NOT NULL AND follow_up_on < ?",
        (date.today().isoformat(),),
    ).fetchone()
    assert overdue > 0
    (late,) = db.execute("SELECT count(*) FROM engagements WHERE follow_up_on < occurred_on").fetchone()
    assert late == 0


def test_campaigns_have_a_reply_for_each_target_in_every_state(db):
    campaigns = db.execute("SELECT uuid, engagement_uuid FROM campaigns").fetchall()
    assert len(campaigns) >= 4
    for _, engagement in campaigns:
        targets = {
            i for (i,) in db.execute("SELECT iso3 FROM engagement_states WHERE engagement_uuid = ?", (engagement,))
        }
        replied = {i for (i,) in db.execute("SELECT iso3 FROM replies WHERE engagement_uuid = ?", (engagement,))}
        assert targets == replied and len(targets) > 3
    statuses = dict(db.execute("SELECT status, count(*) FROM replies GROUP BY status").fetchall())
    assert set(statuses) == {"pending", "replied", "no-reply"}
    stances = {s for (s,) in db.execute("SELECT DISTINCT stance FROM replies WHERE status = 'replied'")}
    assert stances == {"positive", "neutral", "negative"}
    (early,) = db.execute(
        "SELECT count(*) FROM replies JOIN engagements ON engagements.uuid = replies.engagement_uuid "
        "WHERE replies.received_on < engagements.occurred_on"
    ).fetchone()
    assert early == 0


def test_categories_only_for_states_not_yet_party_on_the_day(db):
    states = {
        iso3: (signed, deposited, withdrawal)
        for iso3, signed, deposited, withdrawal in db.execute(
            "SELECT iso3, signed, deposited, withdrawal_notified FROM states"
        )
    }
    rows = db.execute("SELECT iso3, category, assessed_on FROM classifications").fetchall()
    assert {category for _, category, _ in rows} == {"I", "II", "III"}
    assert len({iso3 for iso3, _, _ in rows}) > 50
    for iso3, _, assessed_on in rows:
        signed, deposited, withdrawal = (date.fromisoformat(v) if v else None for v in states[iso3])
        status = treaty.status_on(
            date.fromisoformat(assessed_on), signed=signed, deposited=deposited, withdrawal_notified=withdrawal
        )
        assert status not in treaty.STATES_PARTIES_INCLUDING_PENDING, (iso3, assessed_on)
    # States that joined during the decade were assessed before, and never after.
    joined_later = [iso3 for iso3, (_, deposited, _) in states.items() if deposited and deposited >= "2016-01-01"]
    assessed = {iso3 for iso3, _, _ in rows}
    assert set(joined_later) & assessed
    (from_replies,) = db.execute("SELECT count(*) FROM replies WHERE classification_uuid IS NOT NULL").fetchone()
    assert from_replies > 0


def _plan(db: sqlite3.Connection, sql: str, constants: dict) -> list[str]:
    params = dict.fromkeys(re.findall(r"(?<!:):(\w+)", sql)) | constants
    return [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql, params)]


def test_every_read_query_on_the_log_is_index_backed(db):
    """EXPLAIN QUERY PLAN of each compiled query: no full scan of a table that grows with the log."""
    checked = 0
    for name, (sql, _columns, constants) in QUERIES.items():
        if not re.search(r"\b(?:FROM|JOIN)\s+(?:engagements|engagement_states|engagement_actors)\b", sql):
            continue
        checked += 1
        plan = _plan(db, sql, constants)
        scans = [step for step in plan if re.match(rf"SCAN ({'|'.join(LARGE_TABLES)})\b", step)]
        if name in FULL_SCAN_ALLOWED:
            continue
        assert not scans, f"{name} scans a whole table: {plan}"
    assert checked >= 10


DAY_COUNTS = [name for name in QUERIES if name.startswith("engagement_days")]


def test_engagements_are_counted_per_day_from_the_counts_the_database_keeps(db):
    """The app's list places any position on a day from these counts: a range of the per-day
    counts' key, one row a day, never the engagements; a state's filtered count alone reads its
    dated index and each engagement by its id."""
    assert len(DAY_COUNTS) == 6
    for name in DAY_COUNTS:
        sql, _columns, constants = QUERIES[name]
        plan = _plan(db, sql, constants)
        if name == "engagement_days_of_state_filtered":
            assert plan[0].startswith(
                "SEARCH engagement_states USING COVERING INDEX ix_engagement_states_iso3_occurred_on"
            ), plan
            assert plan[1].startswith("SEARCH engagements USING INDEX sqlite_autoindex_engagements"), plan
            continue
        table = "state_engagements_per_day" if name == "engagement_days_of_state" else "engagements_per_day"
        assert plan == [
            f"SEARCH {table} USING PRIMARY KEY ({'iso3' if 'state' in table else 'kind=? AND area'}=? "
            "AND occurred_on>? AND occurred_on<?)"
        ], (name, plan)


def test_the_per_day_counts_equal_a_fresh_count_of_the_records(db):
    """Written with their triggers off, the counts are made once at the end: the same as counting."""
    from tests.rollups import fresh_counts, kept_counts

    assert kept_counts(db) == fresh_counts(db)
    assert sum(n for (kind, area, _), n in kept_counts(db)[0].items() if kind == area == "") == ENGAGEMENTS


# The listings a page of which the app and `ccm engagements` show: (query, index driving it).
PAGE_QUERIES = {
    "engagements_recent": "ix_engagements_occurred_on",
    "engagements_of_state": "ix_engagement_states_iso3_occurred_on",
    # A state's timeline, oldest day first (`ccm history --all`): the same index read forwards.
    "engagements_of_state_oldest": "ix_engagement_states_iso3_occurred_on",
    "engagements_by_actor": "ix_engagement_actors_actor_occurred_on",
}


@pytest.mark.parametrize("name", sorted(PAGE_QUERIES))
def test_a_page_of_a_listing_is_a_range_read_in_index_order(db, name):
    """Newest first straight from an index (dated links for a state or an actor): no sort of all the
    state's engagements, so LIMIT stops the read after a page. Only the tie-break within a day is sorted."""
    sql, _columns, constants = QUERIES[name]
    plan = _plan(db, sql, constants)
    assert PAGE_QUERIES[name] in plan[0] and plan[0].startswith("SEARCH"), plan
    assert "USE TEMP B-TREE FOR ORDER BY" not in plan, plan
    assert all(step == "USE TEMP B-TREE FOR RIGHT PART OF ORDER BY" for step in plan if "TEMP B-TREE" in step), plan


def test_every_row_pointing_at_an_engagement_carries_its_values(db):
    (path,) = [row[2] for row in db.execute("PRAGMA database_list") if row[1] == "main"]
    assert set(backends.links_differing(path).values()) == {0}


def test_the_search_fallback_is_the_one_full_scan(db):
    sql, _, constants = QUERIES["search_portable"]
    assert any(step.startswith("SCAN engagements") for step in _plan(db, sql, constants))


def test_ccm_sample_build_large_writes_a_usable_database(tmp_path):
    path = tmp_path / "big.db"
    result = CCM(None)("sample", "build", "--large", "300", "--seed", "5", str(path))
    assert result.exit_code == 0, result.output
    assert "300 engagements" in result.output
    status = CCM(path)("status", "--category", "II", "--count")
    assert status.exit_code == 0 and int(status.output) > 0
    assert CCM(None)("sample", "build", "--seed", "5", str(tmp_path / "x.db")).exit_code == 2
