"""A team server as two coordinators (distinct non-superuser logins) and a read-only reader use it."""

from __future__ import annotations

import json
import os

import pytest
from sqlalchemy import create_engine, text

from tests import backends

from ..conftest import CCM
from .conftest import as_login


def _admin(url: str, *statements: str) -> None:
    backends._admin_on(url, *statements)


@pytest.fixture
def team(superuser, postgres):
    """Logins ana, kwame, isu and a database ccm_team owned by ana (as the old docs set it up); dropped after."""
    suffix = f"{os.getpid()}_{id(object()) % 100000}"
    names = {who: f"{who}_{suffix}" for who in ("ana", "kwame", "isu", "late", "group")}
    database = f"ccm_team_{suffix}"
    for who in ("ana", "kwame", "isu", "late"):
        _admin(superuser, f'CREATE ROLE "{names[who]}" LOGIN')
    _admin(superuser, f'CREATE DATABASE "{database}" OWNER "{names["ana"]}"')
    url = as_login(superuser.rsplit("/", 1)[0] + f"/{database}", "postgres")
    names["url"] = url
    names["database"] = database
    yield names
    _admin(superuser, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    for who in ("ana", "kwame", "isu", "late", "group"):
        _admin(superuser, f'DROP ROLE IF EXISTS "{names[who]}"')


def test_the_old_recipe_locks_the_second_coordinator_out(team, superuser):
    """As docs/team.md used to say: the tables belong to whoever ran first, and the other cannot work."""
    _admin(superuser, f'GRANT ALL ON DATABASE "{team["database"]}" TO "{team["kwame"]}"')
    ana, kwame = CCM(as_login(team["url"], team["ana"])), CCM(as_login(team["url"], team["kwame"]))
    assert ana("status", "--count").exit_code == 0
    refused = kwame("status", "--count")
    assert refused.exit_code == 3
    assert "permission denied for table alembic_version" in refused.stderr
    assert "ccm team add-member" in refused.stderr


def test_two_coordinators_and_a_reader_after_team_init(team, tmp_path):
    init = CCM(None)(
        "team",
        "init",
        team["url"],
        "--member",
        team["ana"],
        "--member",
        team["kwame"],
        "--reader",
        team["isu"],
        "--group",
        team["group"],
    )
    assert init.exit_code == 0, init.output
    assert f"owned by the group role {team['group']}" in init.stdout
    ana, kwame = CCM(as_login(team["url"], team["ana"])), CCM(as_login(team["url"], team["kwame"]))
    isu = CCM(as_login(team["url"], team["isu"]))
    nameless = ana("log", "call", "KEN", "-m", "Who?", "-a", "univ")
    assert nameless.exit_code == 1 and "ccm config set name" in nameless.stderr
    ana("config", "set", "name", "Ana Silva")
    logged = ana("log", "call", "KEN", "-m", "Ana's call", "-a", "univ", "--date", "2024-01-01")
    assert logged.exit_code == 0, logged.output
    written = kwame("log", "letter", "UGA", "-m", "Kwame's letter", "-a", "univ", "--date", "2024-01-02")
    assert written.exit_code == 0, written.output
    seen = {e["summary"] for e in json.loads(isu("engagements", "--json", "--since", "2024-01-01").stdout)}
    assert seen == {"Ana's call", "Kwame's letter"}
    # Each change set names the configured coordinator and the login that wrote it.
    latest = json.loads(isu("changes", "--json", "-n", "2").stdout)
    assert [(c["made_by"], c["login"]) for c in latest] == [("Ana Silva", team["kwame"]), ("Ana Silva", team["ana"])]
    assert f"as {team['kwame']}" in isu("changes", "-n", "2").stdout
    assert isu("status", "--category", "II").exit_code == 0
    refused = isu("log", "call", "KEN", "-m", "x", "-a", "univ")
    assert refused.exit_code == 3 and "permission denied" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    # Kwame's own change is his to undo, with Ana's left in place.
    assert kwame("undo").exit_code == 0
    seen = {e["summary"] for e in json.loads(ana("engagements", "--json", "--since", "2024-01-01").stdout)}
    assert seen == {"Ana's call"}
    # A login added later works at once.
    late = CCM(as_login(team["url"], team["late"]))
    assert late("status", "--count").exit_code == 3
    added = CCM(None)("team", "add-member", team["url"], team["late"])
    assert added.exit_code == 0, added.output
    assert late("log", "call", "KEN", "-m", "Late call", "-a", "univ").exit_code == 0


def test_tables_a_later_migration_makes_are_shared(team):
    from alembic import command

    from ccmtui.db import migrate

    init = CCM(None)(
        "team",
        "init",
        team["url"],
        "--member",
        team["ana"],
        "--member",
        team["kwame"],
        "--reader",
        team["isu"],
        "--group",
        team["group"],
    )
    assert init.exit_code == 0, init.output
    engine = create_engine(as_login(team["url"], "postgres"))
    with engine.begin() as connection:
        command.downgrade(migrate.config(connection), "0004")
    engine.dispose()
    kwame = CCM(as_login(team["url"], team["kwame"]))
    assert kwame("db", "upgrade").exit_code == 0
    engine = create_engine(as_login(team["url"], "postgres"))
    with engine.connect() as connection:
        query = text("SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'public'")
        owners = {row.tablename: row.tableowner for row in connection.execute(query)}
    engine.dispose()
    assert set(owners.values()) == {team["group"]}, owners
    # A table a member makes by hand is shared by the default privileges.
    engine = create_engine(as_login(team["url"], team["kwame"]))
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE scratch (x int)"))
    engine.dispose()
    engine = create_engine(as_login(team["url"], team["ana"]))
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO scratch VALUES (1)"))
    engine.dispose()
    engine = create_engine(as_login(team["url"], team["isu"]))
    with engine.connect() as connection:
        assert connection.execute(text("SELECT x FROM scratch")).scalar() == 1
        assert connection.execute(text("SELECT count(*) FROM obligation_extensions")).scalar() >= 0
    engine.dispose()
    assert CCM(as_login(team["url"], team["ana"]))("status", "--count").exit_code == 0


def test_init_needs_existing_logins_and_an_administrator(team):
    missing = CCM(None)("team", "init", team["url"], "--member", "nobody_here_at_all", "--group", team["group"])
    assert missing.exit_code == 3 and "no login 'nobody_here_at_all'" in missing.stderr
    not_admin = CCM(None)("team", "init", as_login(team["url"], team["ana"]), "--member", team["kwame"])
    assert not_admin.exit_code == 3 and "administrator" in not_admin.stderr
