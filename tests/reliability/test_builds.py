"""Builds that survive crashes: an old database's WAL never replays onto a new file, and a killed
build's hidden file is removed by the next build of the same target."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys

import pytest

from ccmtui.seed.sample import logical_dump

from ..conftest import CCM, SAMPLE
from .conftest import integrity

pytestmark = pytest.mark.sqlite_only


def _crashed_wal_database(path) -> None:
    """A database whose last writer died before its WAL was folded back (the -wal file is left)."""
    shutil.copy(SAMPLE, path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA wal_autocheckpoint = 0")
    connection.execute("UPDATE states SET name = name || ' (edited)'")
    connection.commit()
    saved = path.read_bytes(), (path.parent / f"{path.name}-wal").read_bytes()
    connection.close()  # folds the WAL back and removes it: put the crashed state back
    path.write_bytes(saved[0])
    (path.parent / f"{path.name}-wal").write_bytes(saved[1])
    assert (path.parent / f"{path.name}-wal").stat().st_size > 0


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_build_over_a_crashed_database_leaves_no_old_wal(tmp_path):
    target = tmp_path / "ccm.db"
    _crashed_wal_database(target)
    result = CCM(None)("sample", "build", str(target))
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "ccm.db-wal").exists() and not (tmp_path / "ccm.db-shm").exists()
    assert integrity(target) == "ok"
    assert logical_dump(target) == logical_dump(SAMPLE)
    # And ccm opens it as a database like any other.
    assert CCM(target)("status", "--count").exit_code == 0


def test_a_killed_builds_hidden_file_is_removed_by_the_next_build(tmp_path):
    target = tmp_path / "ccm.db"
    dead = _dead_pid()
    leftovers = [
        tmp_path / f".ccm.db.{dead}.large",
        tmp_path / f".ccm.db.{dead}.large-journal",
        tmp_path / f".ccm.db.{dead}.sample-wal",
    ]
    for leftover in leftovers:
        leftover.write_bytes(b"\0" * 4096)
    alive = tmp_path / f".ccm.db.{subprocess.os.getppid()}.large"  # a build still running elsewhere: kept
    alive.write_bytes(b"\0")
    unrelated = tmp_path / f".other.db.{dead}.large"
    unrelated.write_bytes(b"\0")
    assert CCM(None)("sample", "build", str(target)).exit_code == 0
    assert not any(leftover.exists() for leftover in leftovers)
    assert alive.exists() and unrelated.exists()


def test_a_killed_large_build_is_cleaned_up(tmp_path):
    import os
    import signal
    import time

    from .conftest import ccm_process

    target = tmp_path / "big.db"
    process = ccm_process("sample", "build", "--large", "300000", str(target))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(tmp_path.glob(".big.db.*.large")):
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    if not list(tmp_path.glob(".big.db.*")):
        pytest.skip("the build finished before it could be killed")
    assert CCM(None)("sample", "build", "--large", "50", str(target)).exit_code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["big.db"]
    assert integrity(target) == "ok"


def test_a_folder_as_the_target_is_one_line(tmp_path):
    result = CCM(None)("sample", "build", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {tmp_path} is a folder; give the database file's name (e.g. {tmp_path / 'sample.db'})"
    ]
