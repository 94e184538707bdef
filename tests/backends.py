"""The database the CLI tests run against: a SQLite file (default) or a PostgreSQL server.

`CCM_TEST_BACKEND=postgresql` runs them on PostgreSQL: the server named by `CCM_TEST_PG`
(a postgresql+psycopg:// URL with the right to create databases), or one started from
Debian's binaries with scripts/pg-test-server. Each test gets a new database cloned from a
template holding the sample.

A server the tests start belongs to this checkout (its own directory and port, see
scripts/pg-test-server) and to the run that started it: the run stops it when it ends
(`stop_own_server`, from tests/conftest.py), with every parallel worker done. A server left by a
run that was killed is taken over by the next run, and stopped by it.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BACKEND = os.environ.get("CCM_TEST_BACKEND", "sqlite")
_counter = itertools.count()
_state: dict[str, str] = {}


def on_postgresql() -> bool:
    return BACKEND == "postgresql"


SCRIPT = ROOT / "scripts" / "pg-test-server"
# The process that answers for this run: pytest itself, or xdist's controller (its workers inherit it).
RUN = "CCM_TEST_RUN_PID"


def server_url() -> str:
    """The admin URL of the test server; starts one if none is named."""
    if "url" in _state:
        return _state["url"]
    url = os.environ.get("CCM_TEST_PG") or _start_own_server()
    _state["url"] = url
    return url


def _script(*args: str) -> str:
    try:
        return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, check=True).stdout.strip()
    except (subprocess.CalledProcessError, OSError) as error:
        detail = getattr(error, "stderr", "") or str(error)
        raise RuntimeError(f"no PostgreSQL server could start for the tests: {detail.strip()}") from None


def _server_directory() -> Path:
    return Path(_script("--where").split()[0])


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _start_own_server() -> str:
    """Start (or join) this checkout's server; the run answers for it unless a live run already does."""
    import fcntl

    directory = _server_directory()
    directory.parent.mkdir(parents=True, exist_ok=True)
    run = os.environ.get(RUN, str(os.getpid()))
    # One process at a time: parallel workers start one server, not one each.
    with open(f"{directory}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        url = _script(str(directory))
        owner = directory / "owner"
        current = owner.read_text().strip() if owner.exists() else ""
        if not (current.isdigit() and _alive(int(current))):
            owner.write_text(run)
    return url


def stop_own_server() -> None:
    """Stop the checkout's server if this run answers for it (called once, by the run's main process)."""
    if os.environ.get("CCM_TEST_PG") or not SCRIPT.exists():
        return
    try:
        directory = _server_directory()
    except RuntimeError:
        return
    owner = directory / "owner"
    if owner.exists() and owner.read_text().strip() == os.environ.get(RUN, str(os.getpid())):
        subprocess.run([str(SCRIPT), "--stop", str(directory)], capture_output=True, check=False)


def drop_template() -> None:
    """Drop this process's template database, on a server that outlives the run (CCM_TEST_PG)."""
    name = _state.pop("template", None)
    if name and "url" in _state:
        try:
            _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        except Exception:  # the server went first: nothing left to drop
            pass


def _with_database(url: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=name).render_as_string(hide_password=False)


def _admin(statement: str) -> None:
    _admin_on(server_url(), statement)


def _admin_on(url: str, *statements: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


def template() -> str:
    """A database holding the sample, made once per run."""
    if "template" not in _state:
        name = f"ccm_template_{os.getpid()}"
        _admin(f'DROP DATABASE IF EXISTS "{name}"')
        _admin(f'CREATE DATABASE "{name}"')
        scratch = Path(tempfile.mkdtemp()) / "sample.db"
        shutil.copy(ROOT / "sample.db", scratch)
        from typer.testing import CliRunner

        from ccmtui.cli import app

        # A team database records who wrote: the loader has a name of its own.
        settings = scratch.parent / "config.toml"
        settings.write_text('name = "Sample loader"\n')
        result = CliRunner().invoke(
            app, ["--db", _with_database(server_url(), name), "sync", str(scratch)], env={"CCM_CONFIG": str(settings)}
        )
        if result.exit_code != 0:
            raise RuntimeError(f"could not load the sample into PostgreSQL: {result.output}")
        # The template holds what sample.db holds: not the log of loading it.
        _admin_on(
            _with_database(server_url(), name),
            "DELETE FROM changes WHERE changeset_uuid IN (SELECT uuid FROM changesets WHERE command LIKE 'sync with %')",
            "DELETE FROM changesets WHERE command LIKE 'sync with %'",
            "DELETE FROM sync_peers",
        )
        _state["template"] = name
    return _state["template"]


def new_database() -> str:
    """A fresh PostgreSQL database with the sample, as a URL."""
    name = f"ccm_test_{os.getpid()}_{next(_counter)}"
    _admin(f'CREATE DATABASE "{name}" TEMPLATE "{template()}"')
    return _with_database(server_url(), name)


def drop(url: str) -> None:
    import time

    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ProgrammingError

    # FORCE may not end an autovacuum worker (a superuser's process) busy on the database: wait for it.
    for attempt in range(20):
        try:
            _admin(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')
            return
        except ProgrammingError:
            if attempt == 19:
                raise
            time.sleep(0.25)


def links_differing(db) -> dict[str, int]:
    """How many links of each table differ from their engagement in a value the database copies onto
    them (db/rollups.py): 0 everywhere on a consistent database (a SQLite path or a server's URL)."""
    from sqlalchemy import create_engine, text

    from ccmtui.db.rollups import CARRIED

    engine = create_engine(db if "://" in str(db) else f"sqlite:///{db}")
    try:
        with engine.connect() as connection:
            return {
                link: connection.execute(
                    text(
                        f"SELECT count(*) FROM {link} JOIN engagements ON engagements.uuid = {link}.engagement_uuid "
                        "WHERE " + " OR ".join(f"{link}.{c} IS DISTINCT FROM engagements.{c}" for c in columns)
                    )
                ).scalar()
                for link, columns in CARRIED.items()
            }
    finally:
        engine.dispose()
