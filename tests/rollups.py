"""The per-day counts the database keeps (db/rollups.py), beside the same counts made afresh."""

from __future__ import annotations

from collections import Counter

DAYS = "SELECT kind, area, occurred_on, engagements FROM engagements_per_day"
STATE_DAYS = "SELECT iso3, occurred_on, engagements FROM state_engagements_per_day"


def _plain(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def kept_counts(connection) -> tuple[dict, dict]:
    """(kind, area, day) -> engagements and (state, day) -> engagements, as the tables hold them."""
    days = {(kind, area, _plain(day)): n for kind, area, day, n in _rows(connection, DAYS)}
    states = {(iso3, _plain(day)): n for iso3, day, n in _rows(connection, STATE_DAYS)}
    return days, states


def fresh_counts(connection) -> tuple[dict, dict]:
    """The same, counted from the engagements and their links."""
    days: Counter = Counter()
    for kind, area, day in _rows(connection, "SELECT kind, area, occurred_on FROM engagements"):
        for k, a in ((kind, area), (kind, ""), ("", area), ("", "")):
            days[(k, a, _plain(day))] += 1
    states = Counter(
        (iso3, _plain(day))
        for iso3, day in _rows(
            connection, "SELECT iso3, occurred_on FROM engagement_states WHERE occurred_on IS NOT NULL"
        )
    )
    return dict(days), dict(states)


def _rows(connection, sql: str) -> list[tuple]:
    if hasattr(connection, "exec_driver_sql"):  # SQLAlchemy
        return [tuple(row) for row in connection.exec_driver_sql(sql)]
    return connection.execute(sql).fetchall()


def assert_counts_fresh(target) -> None:
    """The database at `target` (a SQLite path or a server URL) keeps counts equal to a fresh count."""
    from sqlalchemy import create_engine

    url = str(target) if "://" in str(target) else f"sqlite:///{target}"
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            kept, fresh = kept_counts(connection), fresh_counts(connection)
    finally:
        engine.dispose()
    assert kept == fresh
