"""Schema versions: an older database is upgraded with its data intact, a newer one refused."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy import create_engine

from ccmtui.db import migrate
from ccmtui.db.reference import _text, read_aliases, read_meetings, read_states, stable_uuid

from ..conftest import CCM

pytestmark = pytest.mark.sqlite_only


def _first_release_database(path, *, versioned: bool = True):
    """A database as the first release made it: schema revision 0001, with the register and categories."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        from alembic import command

        command.upgrade(migrate.config(connection), "0001")
    engine.dispose()
    connection = sqlite3.connect(path)
    stamp = "2025-09-08 00:00:00.000000"
    for state in read_states(_text("states.csv")):
        values = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in state.items()}
        connection.execute(
            "INSERT INTO states (iso3, name, region, subregion, intermediate_region, signed, deposited, instrument, "
            "withdrawal_notified, source, uuid, created_at, updated_at) VALUES (:iso3, :name, :region, :subregion, "
            ":intermediate_region, :signed, :deposited, :instrument, :withdrawal_notified, :source, :uuid, :s, :s)",
            {**values, "uuid": stable_uuid("state", state["iso3"]), "s": stamp},
        )
    for iso3, alias in read_aliases(_text("aliases.csv")):
        connection.execute(
            "INSERT INTO state_aliases (iso3, alias, uuid, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
            (iso3, alias, stable_uuid("alias", alias), stamp, stamp),
        )
    for meeting in read_meetings(_text("meetings.csv")):
        connection.execute(
            'INSERT INTO meetings (code, name, city, country, start, "end", president_state, source, notes, uuid, '
            "created_at, updated_at) VALUES (:code, :name, :city, :country, :start, :end, :president_state, :source, "
            ":notes, :uuid, :s, :s)",
            {
                **meeting,
                "start": meeting["start"].isoformat(),
                "end": meeting["end"].isoformat(),
                "uuid": stable_uuid("meeting", meeting["code"]),
                "s": stamp,
            },
        )
    for iso3 in ("DZA", "ARG", "THA"):
        connection.execute(
            "INSERT INTO classifications (iso3, category, assessed_on, rationale, uuid, created_at, updated_at) "
            "VALUES (?, 'II', '2013-09-09', 'From the 2013 report', ?, ?, ?)",
            (iso3, stable_uuid("classification", iso3), stamp, stamp),
        )
    if not versioned:
        connection.execute("DROP TABLE alembic_version")
    connection.commit()
    connection.close()


def _rows(path, table, columns=None):
    """Every row of a table; with `columns`, only those (a later schema may add columns)."""
    connection = sqlite3.connect(path)
    try:
        if columns is None:
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
        return connection.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY uuid").fetchall()
    finally:
        connection.close()


@pytest.mark.parametrize("versioned", [True, False])
def test_an_older_database_is_upgraded_after_a_backup_and_keeps_its_data(tmp_path, versioned):
    path = tmp_path / "old.db"
    _first_release_database(path, versioned=versioned)
    tables = ("states", "state_aliases", "meetings", "classifications")
    columns = {t: [r[1] for r in sqlite3.connect(path).execute(f"PRAGMA table_info({t})")] for t in tables}
    before = {table: _rows(path, table) for table in tables}
    ccm = CCM(path)
    result = ccm("status", "-c", "II", "--as-of", "4MSP", "--json")
    assert result.exit_code == 0, result.output
    assert [s["iso3"] for s in json.loads(result.stdout)] == ["DZA", "ARG", "THA"]
    for table, rows in before.items():
        assert _rows(path, table, columns[table]) == rows, table
    [backup] = list(tmp_path.glob("old.db.before-0001-*.bak"))
    assert {t for (t,) in sqlite3.connect(backup).execute("SELECT name FROM sqlite_master")} >= {"states"}
    assert sqlite3.connect(path).execute("SELECT version_num FROM alembic_version").fetchone() == (migrate.head(),)
    # What the new schema brings works on the upgraded file.
    assert ccm("log", "meeting", "DZA", "-m", "Talked about the Lomé strategy", "-a", "univ").exit_code == 0
    assert len(json.loads(ccm("search", "lomé", "--json").stdout)) == 1


def test_a_newer_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "new.db"
    ccm = CCM(path)
    assert ccm("status", "--count").exit_code == 0
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '0099'")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    result = ccm("log", "meeting", "KEN", "-m", "x", "-a", "univ")
    assert result.exit_code == 3
    assert "newer ccm (schema revision 0099)" in result.stderr and "upgrade ccm" in result.stderr
    assert path.read_bytes() == before


def test_db_status_and_upgrade_commands(tmp_path):
    path = tmp_path / "old.db"
    _first_release_database(path)
    ccm = CCM(path)
    assert "0001" in ccm("db", "status").stdout and "behind" in ccm("db", "status").stdout
    upgraded = ccm("db", "upgrade")
    assert upgraded.exit_code == 0 and f"0001 → {migrate.head()}" in upgraded.stdout
    assert "up to date" in ccm("db", "status").stdout


def test_the_migrations_build_the_schema_the_models_describe(tmp_path):
    """A model change without its migration fails here."""
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from ccmtui.db.models import Base
    from ccmtui.db.models.derived import DERIVED

    engine = create_engine(f"sqlite:///{tmp_path / 'migrated.db'}")
    try:
        with engine.begin() as connection:
            command.upgrade(migrate.config(connection), "head")
        with engine.connect() as connection:
            from ccmtui.db.sqlite_extras import is_search_table

            context = MigrationContext.configure(
                connection,
                opts={
                    "compare_type": True,
                    "include_name": lambda name, kind, _: not (kind == "table" and is_search_table(name)),
                },
            )
            differences = list(compare_metadata(context, [Base.metadata, DERIVED]))
    finally:
        engine.dispose()
    assert differences == [], "the models changed without a migration: see docs/development.md"


def test_an_upgrade_step_by_step_tells_each_revision_and_ends_where_the_whole_one_does(tmp_path):
    from ccmtui.db.session import Database

    stepped, whole = tmp_path / "stepped.db", tmp_path / "whole.db"
    _first_release_database(stepped)
    _first_release_database(whole)
    told = []
    first = Database(stepped)
    try:
        result = first.upgrade(on_progress=told.append)
    finally:
        first.dispose()
    second = Database(whole)
    try:
        second.upgrade()
    finally:
        second.dispose()
    assert (result.before, result.after) == ("0001", migrate.head())
    assert len(told) == 1 + int(migrate.head()) - 1  # the backup, then each revision after 0001
    assert _rows(stepped, "states") == _rows(whole, "states")

    def columns(path):
        connection = sqlite3.connect(path)
        names = [n for (n,) in connection.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'index')")]
        return {n: sorted(r[1] for r in connection.execute(f'PRAGMA table_info("{n}")')) for n in names}

    assert columns(stepped) == columns(whole)


def _fill(connection, table: str, values: dict) -> None:
    """A row of `table` with `values`, and a plain value in every other column that needs one."""
    filler = {"INTEGER": 0, "BOOLEAN": 0, "DATE": "2013-05-01", "DATETIME": "2013-05-01 00:00:00.000000"}
    row = dict(values)
    for _, name, kind, notnull, default, _ in connection.execute(f"PRAGMA table_info({table})"):
        if notnull and default is None and name not in row:
            row[name] = filler.get(kind.split("(")[0].upper(), "x")
    names = ", ".join(row)
    connection.execute(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(row))})", list(row.values()))


def _database_at(path, revision: str) -> sqlite3.Connection:
    """The first release's database brought to `revision`, open for writing by hand."""
    from alembic import command

    _first_release_database(path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(migrate.config(connection), revision)
    engine.dispose()
    return sqlite3.connect(path)


def test_an_upgrade_that_rebuilds_a_table_others_point_at_keeps_every_reference(tmp_path):
    """A reply that recorded a category points at it: rebuilding the categories' table must not fail."""
    path = tmp_path / "old.db"
    connection = _database_at(path, "0011")
    [(classification,)] = connection.execute("SELECT uuid FROM classifications WHERE iso3 = 'THA'").fetchall()
    _fill(
        connection,
        "engagements",
        {"uuid": "e" * 36, "kind": "demarche", "area": "universalization", "channel": "capital"},
    )
    _fill(
        connection,
        "replies",
        {
            "uuid": "r" * 36,
            "engagement_uuid": "e" * 36,
            "iso3": "THA",
            "status": "pending",
            "classification_uuid": classification,
        },
    )
    connection.commit()
    connection.close()
    result = CCM(path)("status", "THA", "--json")
    assert result.exit_code == 0, result.output
    after = sqlite3.connect(path)
    assert after.execute("SELECT version_num FROM alembic_version").fetchone() == (migrate.head(),)
    assert after.execute("SELECT classification_uuid FROM replies").fetchall() == [(classification,)]
    assert after.execute("PRAGMA foreign_key_check").fetchall() == []


def test_an_upgrade_that_cannot_finish_leaves_the_file_as_it_was_and_no_copy_behind(tmp_path):
    path = tmp_path / "old.db"
    connection = _database_at(path, "0011")
    _fill(
        connection,
        "engagements",
        {"uuid": "e" * 36, "kind": "demarche", "area": "universalization", "channel": "capital"},
    )
    # A reply pointing at a category that is not there (written with foreign keys off, as an old bug could).
    _fill(
        connection,
        "replies",
        {
            "uuid": "r" * 36,
            "engagement_uuid": "e" * 36,
            "iso3": "THA",
            "status": "pending",
            "classification_uuid": "c" * 36,
        },
    )
    connection.commit()
    connection.close()
    for _ in range(2):
        result = CCM(path)("status", "THA")
        assert result.exit_code == 3
        assert "replies pointing at no classifications" in result.output and "nothing was changed" in result.output
    assert sqlite3.connect(path).execute("SELECT version_num FROM alembic_version").fetchone() == ("0011",)
    assert list(tmp_path.glob("*.bak")) == []


def test_the_upgrade_to_counterparts_ships_the_organisations_and_merges_their_spellings(tmp_path):
    """Acting parties typed as free text in a known organisation's spelling name it by its code;
    an engagement that named it twice keeps one row; other free text is kept as written."""
    path = tmp_path / "old.db"
    connection = _database_at(path, "0012")
    for n, actors in enumerate((["ISU", "Implementation Support Unit"], ["CMC", "PRT"], ["Mission of Japan"])):
        uuid = f"{n}" * 36
        _fill(
            connection,
            "engagements",
            {"uuid": uuid, "kind": "meeting", "area": "universalization", "channel": "geneva"},
        )
        _fill(connection, "engagement_states", {"uuid": f"s{n}".ljust(36, "s"), "engagement_uuid": uuid, "iso3": "KEN"})
        for m, actor in enumerate(actors):
            _fill(
                connection,
                "engagement_actors",
                {"uuid": f"a{n}{m}".ljust(36, "a"), "engagement_uuid": uuid, "actor": actor},
            )
    connection.commit()
    connection.close()
    result = CCM(path)("org", "show", "Implementation Support Unit", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["code"] == "ISU"
    after = sqlite3.connect(path)
    actors = after.execute("SELECT engagement_uuid, actor FROM engagement_actors ORDER BY 1, 2").fetchall()
    assert actors == [("0" * 36, "ISU"), ("1" * 36, "ICBL-CMC"), ("1" * 36, "PRT"), ("2" * 36, "Mission of Japan")]
    shipped = after.execute("SELECT count(*) FROM organisations WHERE shipped").fetchone()[0]
    assert shipped == _text("organisations.csv").count("\n") - 1
