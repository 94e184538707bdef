"""A database target is parsed once: a SQLite file, an in-memory SQLite database, or a server."""

from __future__ import annotations

from pathlib import Path

import pytest

from ccmtui.db.target import Target


@pytest.mark.parametrize(
    ("text", "path", "is_sqlite", "name"),
    [
        ("ccm.db", Path("ccm.db"), True, "ccm.db"),
        ("~/ccm.db", Path.home() / "ccm.db", True, "ccm.db"),
        ("sqlite:///data/ccm.db", Path("data/ccm.db"), True, "sqlite:///data/ccm.db"),
        ("sqlite:////srv/ccm.db?timeout=5", Path("/srv/ccm.db"), True, "sqlite:////srv/ccm.db?timeout=5"),
        ("sqlite+pysqlite:///ccm.db", Path("ccm.db"), True, "sqlite+pysqlite:///ccm.db"),
        ("sqlite:///:memory:", None, True, "sqlite:///:memory:"),
        (
            "postgresql+psycopg://ana:secret@db.example:5432/ccm",
            None,
            False,
            "postgresql+psycopg://db.example:5432/ccm",
        ),
    ],
)
def test_a_target_names_its_file_or_its_server(text, path, is_sqlite, name):
    target = Target.parse(text)
    assert target.path == path
    assert target.is_sqlite is is_sqlite
    assert target.is_server is not is_sqlite
    assert target.is_url == ("://" in text)
    assert target.name == name
    assert str(target) == text
    assert Target.parse(target) is target


def test_a_file_target_has_an_absolute_sqlalchemy_url(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target = Target.parse("ccm.db")
    assert target.url == f"sqlite:///{tmp_path.resolve() / 'ccm.db'}"
    assert target.where == str(tmp_path.resolve() / "ccm.db")
    assert target.masked == "ccm.db"


def test_a_server_target_is_printed_without_its_password():
    target = Target.parse("postgresql+psycopg://ana:secret@db.example/ccm")
    assert target.url == "postgresql+psycopg://ana:secret@db.example/ccm"
    assert "secret" not in target.masked and "***" in target.masked
    assert target.where == target.masked


def test_the_command_line_and_the_app_share_one_workspace(sample_db, monkeypatch):
    from ccmtui.cli._common import AppContext
    from ccmtui.tui.source import Source
    from ccmtui.workspace import Workspace

    config = {"name": "Ana Silva", "state": "PRT"}
    monkeypatch.setattr("ccmtui.config.load", lambda: config)
    context = AppContext(str(sample_db))
    source = Source(str(sample_db), config)
    assert isinstance(context.workspace, Workspace) and isinstance(source, Workspace)
    assert context.target == source.target == Target.parse(str(sample_db))
    assert context.workspace.by == source.by == "Ana Silva (PRT)"
    assert context.register().index.resolve("Portugal") == "PRT"
    with source.register() as register:
        assert register.index.resolve("Portugal") == "PRT"
    context.close()


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://ana:s3cret@db.example.org:5432/ccm_team",
        "postgresql://kwame:@127.0.0.1/team",
        "postgresql://ana@db.example.org/team",
        "postgresql://db.example.org/team",
        "postgresql://ana:pa:ss@[::1]:5432/team",
        "postgresql://ana:secret@db.example.org/team?sslmode=verify-full&sslrootcert=/etc/ccm/ca.crt",
        "postgresql://a%40b:p%2Fw@db.example.org/team",
        "postgresql://ana:p@ss@db.example.org/team",
    ],
)
def test_a_url_is_masked_alike_with_or_without_sqlalchemy(url):
    from ccmtui.db.session import mask_password

    assert Target.parse(url).masked == mask_password(url)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://ana:p@ss@db.example.org/team", "postgresql://ana:***@db.example.org/team"),
        (
            "postgresql://ana@db.example.org/team?sslmode=require&password=hunter2",
            "postgresql://ana@db.example.org/team?password=***&sslmode=require",
        ),
        ("postgresql://ana:s3cret@db.example.org:5432/team", "postgresql://ana:***@db.example.org:5432/team"),
    ],
)
def test_no_part_of_a_password_is_printed(url, shown):
    assert Target.parse(url).masked == shown
