"""Shared helpers of the reliability suites: ccm in a real process, and database checks."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

# The app's notifications are read back in these suites too.
from tests.tui.conftest import recorded_notices  # noqa: F401


@pytest.fixture(autouse=True)
def named_coordinator_for_the_server(request):
    """A team database records who wrote: the suites that sync through a server write as someone."""
    if "postgres" not in request.fixturenames and "postgresql" not in request.node.name:
        return
    config = Path(os.environ["CCM_CONFIG"])
    config.parent.mkdir(parents=True, exist_ok=True)
    if not config.exists():
        config.write_text('name = "Coordinator"\n', encoding="utf-8")


# The documented exit codes: 0 done, 1 bad input, 2 usage, 3 the database cannot be used.
DOCUMENTED_EXITS = {0, 1, 2, 3}


def _exists(path: str) -> bool:
    try:
        return Path(path).exists()
    except OSError:  # a name too long to be a file: let ccm say so
        return True


def ccm_process(*args: str, env: dict | None = None, **kwargs) -> subprocess.Popen:
    """`ccm ARGS` in a process of its own (python -m ccmtui, so no PATH lookup).

    A `--db` file not there yet is made on purpose (`--create`): these tests start from new files.
    """
    words = [str(a) for a in args]
    if "--db" in words[:-1]:
        named = words[words.index("--db") + 1]
        if "://" not in named and not _exists(named):
            words.insert(0, "--create")
    return subprocess.Popen(
        [sys.executable, "-m", "ccmtui", *words],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
        **kwargs,
    )


def run_ccm(*args: str, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess:
    process = ccm_process(*args, **kwargs)
    out, err = process.communicate(timeout=timeout)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


@pytest.fixture
def identity(isolated_environment):
    """A coordinator identity in the isolated config, so writing commands never ask for one."""
    from ccmtui import config

    config.save({"name": "Test Coordinator", "state": "PRT", "area": "universalization"})
    return os.environ["CCM_CONFIG"]
