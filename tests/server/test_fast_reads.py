"""A read command on a server runs the SQL compiled for PostgreSQL through psycopg alone."""

from __future__ import annotations

import json
import subprocess
import sys

from tests import backends

PROBE = """
import sys
sys.argv = ["ccm", "--db", *sys.argv[1:]]
try:
    from ccmtui.cli import main
    main()
except SystemExit:
    pass
import json
print(json.dumps(sorted(sys.modules)))
"""


def test_reads_on_a_server_import_neither_sqlalchemy_nor_the_models(postgres):
    url = backends.new_database()
    try:
        for args in (["status", "--category", "II", "--count"], ["engagements", "--all"], ["changes"]):
            result = subprocess.run(
                [sys.executable, "-c", PROBE, url, *args], capture_output=True, text=True, check=True
            )
            modules = set(json.loads(result.stdout.splitlines()[-1]))
            assert not result.stderr, result.stderr
            assert "sqlalchemy" not in modules, args
            assert "ccmtui.db.models" not in modules, args
            assert "alembic" not in modules, args
    finally:
        backends.drop(url)


def test_a_read_on_a_server_asks_for_the_revision_once(postgres, monkeypatch):
    from ccmtui.db.read import PostgreSQLReader, open_reader

    asked = []
    revision = PostgreSQLReader.revision
    monkeypatch.setattr(PostgreSQLReader, "revision", lambda self: asked.append(1) or revision(self))
    url = backends.new_database()
    try:
        reader = open_reader(url)
        try:
            from ccmtui.db.queries import Q

            for _ in range(3):
                assert reader.rows(Q.database_info) is not None
        finally:
            reader.close()
        assert asked == [1]
    finally:
        backends.drop(url)


def test_a_wrong_password_on_a_read_is_one_line_and_not_echoed(postgres):
    from sqlalchemy.engine import make_url

    from ..conftest import CCM

    url = make_url(postgres).set(password="not-the-password").render_as_string(hide_password=False)
    result = CCM(url)("status", "--count")
    assert result.exit_code == 3
    assert "password authentication failed" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "not-the-password" not in result.output
