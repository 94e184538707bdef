"""On a server, the schema is upgraded only by `ccm db upgrade`, after a backup when asked."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import create_engine, text

from ccmtui.db import migrate

from ..conftest import CCM


def _at_revision(url: str, revision: str) -> None:
    from alembic import command

    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            command.upgrade(migrate.config(connection), revision)
    finally:
        engine.dispose()


def _revision(url: str) -> str:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    finally:
        engine.dispose()


def test_an_older_team_database_is_refused_until_it_is_upgraded_on_purpose(empty_database, tmp_path):
    _at_revision(empty_database, "0004")
    ccm = CCM(empty_database)
    for args in (("status", "--category", "II"), ("log", "call", "KEN", "-m", "x", "-a", "univ")):
        refused = ccm(*args)
        assert refused.exit_code == 3, refused.output
        assert refused.stderr.strip() == (
            f"Error: the team database is at revision 0004; this ccm needs {migrate.head()}: "
            "ask its administrator to run `ccm db upgrade`"
        )
        assert _revision(empty_database) == "0004"
    assert "behind" in ccm("db", "status").stdout
    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    dump = tmp_path / "before-upgrade.dump"
    upgraded = ccm("db", "upgrade", "--backup-file", str(dump))
    assert upgraded.exit_code == 0, upgraded.output
    assert f"0004 → {migrate.head()}" in upgraded.stdout
    assert dump.stat().st_size > 0 and dump.read_bytes().startswith(b"PGDMP")
    assert "ccm-test-password" not in upgraded.output
    assert ccm("status", "--category", "II").exit_code == 0


def test_an_upgrade_without_a_backup_says_to_take_one(empty_database):
    _at_revision(empty_database, "0004")
    upgraded = CCM(empty_database)("db", "upgrade")
    assert upgraded.exit_code == 0, upgraded.output
    assert "no backup taken" in upgraded.stderr


def test_a_newer_team_database_is_still_refused(empty_database):
    ccm = CCM(empty_database)
    assert ccm("status", "--count").exit_code == 0
    engine = create_engine(empty_database)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    engine.dispose()
    refused = ccm("status", "--count")
    assert refused.exit_code == 3 and "newer ccm (schema revision 0099)" in refused.stderr
