"""Shared fixtures: an isolated config and data directory, throwaway databases, the CLI."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests import backends

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample.db"
REFERENCE = ROOT / "src" / "ccmtui" / "db" / "reference"


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path_factory, monkeypatch):
    """No test reads or writes the developer's own config or database."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CCM_CONFIG", str(home / "config" / "config.toml"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("CCM_DB", raising=False)
    monkeypatch.delenv("CCM_DEBUG", raising=False)
    monkeypatch.setenv("COLUMNS", "120")
    return home


@pytest.fixture
def sample_db(tmp_path) -> Path:
    """A private copy of the committed sample database."""
    copy = tmp_path / "sample.db"
    shutil.copy(SAMPLE, copy)
    return copy


@pytest.fixture
def fresh_db(tmp_path) -> Path:
    """A path where no database exists yet."""
    return tmp_path / "fresh.db"


def _exists(path) -> bool:
    try:
        return Path(path).exists()
    except OSError:  # a name too long to be a file: let ccm say so
        return True


class CCM:
    """Runs `ccm` in-process against one database."""

    def __init__(self, db: Path | str | None):
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None):
        from ccmtui.cli import app

        full = (["--db", str(self.db)] if self.db else []) + [str(a) for a in args]
        if self.db and "://" not in str(self.db) and not _exists(self.db):
            full.insert(0, "--create")  # a new database, on purpose (a --db that is not there is refused)
        return self.runner.invoke(app, full, input=input, prog_name="ccm")

    def dump(self, *, without: tuple[str, ...] = (), portable: bool = False, edited_at: bool = True) -> dict:
        """The database's content, to compare before and after (`portable`: across backends;
        `edited_at=False`: without the time each record was last changed, which an undo sets anew)."""
        from ccmtui.seed.sample import logical_dump

        found = {t: rows for t, rows in logical_dump(self.db, portable=portable).items() if t not in without}
        if edited_at:
            return found
        names = _column_names(self.db, portable)
        return {
            table: [tuple(None if names[table][i] == "updated_at" else v for i, v in enumerate(row)) for row in rows]
            for table, rows in found.items()
        }


def _column_names(db, portable: bool) -> dict[str, list[str]]:
    import sqlite3

    from ccmtui.db.target import Target

    target = Target.parse(db)
    if target.is_url or portable:
        from ccmtui.db.models import Base

        return {table.name: [column.name for column in table.columns] for table in Base.metadata.sorted_tables}
    with sqlite3.connect(f"file:{target.path}?mode=ro", uri=True) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: [row[1] for row in connection.execute(f'PRAGMA table_info("{t}")')] for t in tables}


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config):
    # Snapshots are updated in one process: only there does syrupy see the whole run, and so find
    # (and remove) the snapshots no test takes any more; under xdist it leaves them.
    if getattr(config.option, "update_snapshots", False):
        config.option.numprocesses = 0
        config.option.dist = "no"


def pytest_configure(config):
    if not hasattr(config, "workerinput"):  # the run's main process (xdist's controller, or pytest alone)
        os.environ[backends.RUN] = str(os.getpid())


def pytest_sessionfinish(session):
    backends.drop_template()


def pytest_unconfigure(config):
    if not hasattr(config, "workerinput"):
        backends.stop_own_server()


def pytest_collection_modifyitems(config, items):
    if not backends.on_postgresql():
        return
    skip = pytest.mark.skip(reason="SQLite-specific; this run is on PostgreSQL")
    for item in items:
        if "sqlite_only" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def ccm(sample_db) -> CCM:
    """The CLI on a private copy of the sample (a SQLite file, or a PostgreSQL database)."""
    if backends.on_postgresql():
        from ccmtui import config

        config.save({"name": "Test Coordinator"})  # a team database refuses writes from no one
        url = backends.new_database()
        yield CCM(url)
        backends.drop(url)
    else:
        yield CCM(sample_db)


@pytest.fixture
def ccm_fresh(fresh_db) -> CCM:
    return CCM(fresh_db)


@pytest.fixture(scope="session")
def postgres() -> str:
    """The test PostgreSQL server's URL; without one, these tests are skipped saying why (CI requires one)."""
    try:
        return backends.server_url()
    except RuntimeError as error:
        if os.environ.get("CCM_REQUIRE_PG"):
            raise
        pytest.skip(f"PostgreSQL tests skipped: {error} (set CCM_TEST_PG, or install postgresql)")
