"""A first sync to an empty server: tables filled without their checks, then every check built again.

The server ends with the same keys, indexes, references and triggers as a database ccm made
itself, with every rule checked; a record that breaks one stops the sync with one line and
leaves the server as it was.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy import create_engine, text

from tests import backends
from tests.rollups import assert_counts_fresh

from ..conftest import CCM

pytestmark = pytest.mark.sqlite_only

# The definitions a database's checks are made of, in an order that does not depend on how they came.
DEFINITIONS = (
    "SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint "
    "WHERE connamespace = current_schema()::regnamespace "
    "UNION ALL SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = current_schema() "
    "UNION ALL SELECT tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal "
    "ORDER BY 1"
)


def _rows(url: str, sql: str) -> list:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return [row[0] for row in connection.execute(text(sql))]
    finally:
        engine.dispose()


@pytest.fixture(autouse=True)
def named():
    CCM(None)("config", "set", "name", "Coordinator")  # a team database records who wrote


@pytest.fixture(scope="module")
def laptop(tmp_path_factory, postgres):
    from ccmtui.seed.generate import generate

    path = tmp_path_factory.mktemp("first") / "laptop.db"
    generate(path, 1500)
    return path


def test_a_first_sync_to_an_empty_server_leaves_every_key_index_reference_and_trigger_in_place(laptop, empty_database):
    made_by_ccm = backends.new_database()
    try:
        result = CCM(laptop)("sync", empty_database, "--json")
        assert result.exit_code == 0, result.output
        report = json.loads(result.stdout)
        assert report["went_out"]["engagements"] == 1500
        assert _rows(empty_database, DEFINITIONS) == _rows(made_by_ccm, DEFINITIONS)
    finally:
        backends.drop(made_by_ccm)
    # Each link carries its engagement's date (a state's link its kind and area too), as the triggers
    # keep them; the records are all there, once.
    assert set(backends.links_differing(empty_database).values()) == {0}
    assert _rows(empty_database, "SELECT count(DISTINCT uuid) FROM engagements") == [1500]
    # The per-day counts, which the triggers set aside did not keep, were counted once the records were in.
    assert_counts_fresh(empty_database)
    assert_counts_fresh(laptop)
    # The rules hold for what comes next: a link to an engagement that is not there is refused.
    with pytest.raises(Exception, match="foreign key"):
        engine = create_engine(empty_database)
        try:
            with engine.begin() as connection:
                connection.execute(
                    text(
                        "INSERT INTO engagement_states (engagement_uuid, iso3, uuid, created_at, updated_at) "
                        "VALUES ('no-such-engagement', 'KEN', 'x', now(), now())"
                    )
                )
        finally:
            engine.dispose()
    again = json.loads(CCM(laptop)("sync", empty_database, "--json").stdout)
    assert not again["whole"] and not (again["came_in"] or again["went_out"]), again


def test_a_record_breaking_a_rule_stops_a_first_sync_with_one_line_and_leaves_the_server_empty(
    laptop, empty_database, tmp_path
):
    broken = tmp_path / "broken.db"
    broken.write_bytes(laptop.read_bytes())
    with sqlite3.connect(broken) as connection:  # written with the file's checks off, as no ccm command would
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute(
            "INSERT INTO engagement_states (engagement_uuid, iso3, uuid, created_at, updated_at) VALUES "
            "('00000000-0000-4000-8000-000000000000', 'KEN', '00000000-0000-4000-8000-000000000001', "
            "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        )
    result = CCM(broken)("sync", empty_database)
    assert result.exit_code == 3, result.output
    assert result.stderr.startswith("Error: ") and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.output
    assert _rows(empty_database, "SELECT count(*) FROM engagements") == [0]
    assert _rows(empty_database, "SELECT count(*) FROM engagement_states") == [0]
