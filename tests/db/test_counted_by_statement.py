"""On PostgreSQL the rows one COPY, INSERT or DELETE brings or takes are counted and given their
engagement's values together, by statement (db/rollups.py): thousands of engagements and links in
one statement, some links carrying stale values, some arriving before their engagement, leave the
per-day counts equal to a fresh count and every link with its engagement's values; deleting them
all gives the counts back as they were."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine

from tests import backends
from tests.rollups import fresh_counts, kept_counts

pytestmark = pytest.mark.sqlite_only  # on the test server whatever the backend: run once

CONSISTENT = {"engagement_states": 0, "engagement_actors": 0, "campaigns": 0, "replies": 0}
ENGAGEMENTS = 2000
STAMP = "2026-01-01 00:00:00"
KINDS = ("meeting", "call", "demarche")
AREAS = ("universalization", "clearance", "compliance")


@pytest.fixture(scope="module")
def server(postgres):
    url = backends.new_database()
    engine = create_engine(url)
    try:
        yield url, engine
    finally:
        engine.dispose()
        backends.drop(url)


def _copy(connection, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    with connection.cursor() as cursor:
        with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def _counts(connection) -> tuple[dict, dict]:
    with connection.cursor() as cursor:
        kept = kept_counts(cursor)
        fresh = fresh_counts(cursor)
    assert kept == fresh
    return kept


def _differing(connection) -> dict[str, int]:
    from ccmtui.db.rollups import CARRIED

    with connection.cursor() as cursor:
        return {
            link: cursor.execute(
                f"SELECT count(*) FROM {link} JOIN engagements ON engagements.uuid = {link}.engagement_uuid WHERE "
                + " OR ".join(f"{link}.{c} IS DISTINCT FROM engagements.{c}" for c in columns)
            ).fetchone()[0]
            for link, columns in CARRIED.items()
        }


def test_thousands_of_rows_copied_then_deleted_in_one_statement_each_keep_the_counts_and_copies(server):
    _url, engine = server
    raw = engine.raw_connection()
    connection = raw.driver_connection
    try:
        with connection.cursor() as cursor:
            states = [row[0] for row in cursor.execute("SELECT iso3 FROM states ORDER BY iso3 LIMIT 40")]
            # A link may come before its engagement when the references are set aside (a first sync).
            cursor.execute(
                "ALTER TABLE engagement_states DROP CONSTRAINT IF EXISTS engagement_states_engagement_uuid_fkey"
            )
        before = _counts(connection)
        engagements = [
            (
                f"bulk-{n}",
                STAMP,
                STAMP,
                f"2031-0{1 + n % 3}-{1 + n % 28:02d}",
                KINDS[n % 3],
                AREAS[n % 4 % 3],
                "geneva",
                "Bulk",
                "",
                "",
                False,
            )
            for n in range(ENGAGEMENTS)
        ]
        day = {row[0]: row[3:6] for row in engagements}

        def links(numbers, *, stale: bool) -> list[tuple]:
            return [
                (f"link-{n}-{s}", STAMP, STAMP, f"bulk-{n}", states[(n + s) % len(states)])
                + (("1999-01-01", "call", "clearance") if stale and n % 2 else day[f"bulk-{n}"])
                for n in numbers
                for s in range(1 + n % 3)
            ]

        link_columns = ("uuid", "created_at", "updated_at", "engagement_uuid", "iso3", "occurred_on", "kind", "area")
        # The links of the first 500 engagements before them, with stale values; then the engagements;
        # then the links of the others, half with stale values.
        _copy(connection, "engagement_states", link_columns, links(range(500), stale=True))
        _copy(
            connection,
            "engagements",
            (
                "uuid",
                "created_at",
                "updated_at",
                "occurred_on",
                "kind",
                "area",
                "channel",
                "summary",
                "notes",
                "action_points",
                "illustrative",
            ),
            engagements,
        )
        _copy(connection, "engagement_states", link_columns, links(range(500, ENGAGEMENTS), stale=True))
        connection.commit()
        days, state_days = _counts(connection)
        assert _differing(connection) == CONSISTENT
        assert days[("", "", "2031-01-01")] - before[0].get(("", "", "2031-01-01"), 0) == len(
            [row for row in engagements if row[3] == "2031-01-01"]
        )
        assert sum(state_days.values()) - sum(before[1].values()) == len(links(range(ENGAGEMENTS), stale=False))
        # Many engagements moved by one UPDATE (row by row), then everything deleted by two DELETEs.
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE engagements SET occurred_on = occurred_on + 1 WHERE uuid LIKE 'bulk-%' AND kind = 'call'"
            )
        connection.commit()
        _counts(connection)
        assert _differing(connection) == CONSISTENT
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM engagement_states WHERE engagement_uuid LIKE 'bulk-%'")
            cursor.execute("DELETE FROM engagements WHERE uuid LIKE 'bulk-%'")
        connection.commit()
        assert _counts(connection) == before
    finally:
        raw.close()


def _triggers(engine) -> dict[str, str]:
    with engine.connect() as connection:
        return {
            name: "row" if row_level else "statement"
            for name, row_level in connection.exec_driver_sql(
                "SELECT tgname, (tgtype & 1) = 1 FROM pg_trigger WHERE NOT tgisinternal"
            )
        }


def _migrate(engine, step) -> None:
    from ccmtui.db import migrate

    with engine.begin() as connection:
        step(migrate.config(connection))


def test_a_team_database_of_the_previous_revision_gets_the_statement_triggers_and_keeps_its_counts(server):
    from alembic import command

    _url, engine = server
    with engine.connect() as connection:
        engagements = connection.exec_driver_sql("SELECT count(*) FROM engagements").scalar_one()
    _migrate(engine, lambda config: command.downgrade(config, "0022"))
    before = _triggers(engine)
    assert set(before.values()) == {"row"} and "engagements_days" in before
    _migrate(engine, lambda config: command.upgrade(config, "head"))
    after = _triggers(engine)
    assert after["engagements_days_added"] == after["engagement_states_days_removed"] == "statement"
    assert after["engagements_days"] == after["engagement_states_date"] == "row"  # edits, one at a time
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM engagements").scalar_one() == engagements
        assert kept_counts(connection) == fresh_counts(connection)
