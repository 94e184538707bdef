"""A hostile environment: a read-only database, a full disk, a damaged file, a lock held elsewhere.

Each gives one clear line on stderr and a documented exit code, and nothing half-written. A
read-only or full file system is a real one when the tests may mount a small tmpfs (as root);
otherwise a read-only file is made with permissions and a full disk with a file-size limit.
"""

from __future__ import annotations

import contextlib
import csv
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ccmtui.seed.sample import logical_dump

from ..conftest import CCM
from .conftest import integrity, run_ccm

pytestmark = [pytest.mark.sqlite_only, pytest.mark.slow]


def one_line_error(result, *phrases: str) -> None:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.stderr
    for phrase in phrases:
        assert phrase in lines[0], lines[0]


def wal_database(folder: Path) -> Path:
    """A database as ccm creates it (WAL journal), with one engagement logged."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "ccm.db"
    result = run_ccm("--db", path, "log", "call", "KEN", "-m", "Before the trouble", "--date", "2025-01-02")
    assert result.returncode == 0, result.stderr
    return path


def _can_mount() -> bool:
    return os.geteuid() == 0 and shutil.which("mount") is not None


@contextlib.contextmanager
def tmpfs(where: Path, kib: int):
    """A small file system of its own at `where` (root only); skips the test when mounting is refused."""
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={kib}k,mode=0700", "tmpfs", str(where)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=True)


# -- read-only


@contextlib.contextmanager
def read_only(database: Path, into: Path):
    """`database` copied to a place this process cannot write: a tmpfs mounted read-only, or permissions."""
    if _can_mount():
        with tmpfs(into, 4096):
            shutil.copy(database, into / database.name)
            subprocess.run(["mount", "-o", "remount,ro", str(into)], check=True)
            yield into / database.name
        return
    into.mkdir()
    shutil.copy(database, into / database.name)
    (into / database.name).chmod(0o444)
    into.chmod(0o555)
    try:
        yield into / database.name
    finally:
        into.chmod(0o755)


def test_a_read_only_database_is_read_and_never_half_written(sample_db, tmp_path, identity):
    # The sample keeps a rollback journal: it can be read in place, and a write is refused.
    before = logical_dump(sample_db)
    with read_only(sample_db, tmp_path / "ro") as path:
        status = run_ccm("--db", path, "status", "--count")
        assert status.returncode == 0 and status.stdout.strip() == "197"
        result = run_ccm("--db", path, "log", "call", "KEN", "-m", "Cannot be written")
        assert result.returncode == 3
        one_line_error(result, "read-only", "nothing was written")
        assert logical_dump(path) == before


def test_a_read_only_wal_database_gives_one_clear_line(tmp_path, identity):
    database = wal_database(tmp_path / "rw")
    before = logical_dump(database)
    with read_only(database, tmp_path / "ro") as path:
        for args in (("status", "--count"), ("log", "call", "KEN", "-m", "Cannot be written"), ("engagements",)):
            result = run_ccm("--db", path, *args)
            assert result.returncode in (0, 3), result.stderr
            if result.returncode:
                one_line_error(result, str(path))
        assert path.read_bytes() == database.read_bytes()
        assert not Path(f"{path}-wal").exists()
    assert logical_dump(database) == before


def test_a_new_database_in_a_read_only_folder_is_refused_in_one_line(tmp_path, identity):
    with read_only(wal_database(tmp_path / "rw"), tmp_path / "ro") as path:
        result = run_ccm("--db", path.parent / "new.db", "status")
        assert result.returncode == 3
        one_line_error(result, "new.db")
        assert not (path.parent / "new.db").exists()


# -- a full disk


def _fill_limit(limit: int):
    """In the child: a file-size limit, and EFBIG instead of the signal that would kill it."""

    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@contextlib.contextmanager
def nearly_full(database: Path, folder: Path, room_kib: int, how: str):
    """A copy of `database` that can grow by about `room_kib` KiB; yields (path, extra run_ccm arguments).

    A tmpfs holds the copy and that much room. A file-size limit (per file, not in total) lets the
    journal files (the -shm alone takes 32 KiB) reach `room_kib` and stops the database file growing.
    """
    folder.mkdir(parents=True, exist_ok=True)
    if how == "tmpfs":
        if not _can_mount():
            pytest.skip("mounting a tmpfs needs root")
        with tmpfs(folder, database.stat().st_size // 1024 + room_kib):
            shutil.copy(database, folder / database.name)
            yield folder / database.name, {}
        return
    shutil.copy(database, folder / database.name)
    yield folder / database.name, {"preexec_fn": _fill_limit(room_kib * 1024)}


def settled(path: Path, into: Path) -> Path:
    """The database copied (with any journal) to where it can be opened and checked."""
    into.mkdir()
    for suffix in ("", "-wal"):
        if Path(f"{path}{suffix}").exists():
            shutil.copy(f"{path}{suffix}", into / f"{path.name}{suffix}")
    return into / path.name


FULL = ["tmpfs", "file-size limit"]


@pytest.mark.parametrize("how", FULL)
def test_ccm_log_on_a_full_disk_fails_cleanly(tmp_path, identity, how):
    database = wal_database(tmp_path / "source")
    before = logical_dump(database)
    with nearly_full(database, tmp_path / "full", 64, how) as (path, limits):
        result = run_ccm("--db", path, "log", "meeting", "KEN", "UGA", "-m", "No room", "--notes", "Long. " * 20_000,
                         **limits)  # fmt: skip
        assert result.returncode == 3
        one_line_error(result, "disk is full", "nothing was written")
        after = settled(path, tmp_path / "after")
    assert integrity(after) == "ok"
    assert logical_dump(after) == before


@pytest.mark.parametrize("how", FULL)
def test_a_large_import_on_a_full_disk_writes_nothing(tmp_path, identity, how):
    database = wal_database(tmp_path / "source")
    before = logical_dump(database)
    rows = tmp_path / "rows.csv"
    with rows.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["date", "kind", "states", "area", "summary", "notes"])
        for i in range(3000):
            out.writerow(["2024-03-04", "call", "KEN;UGA", "universalization", f"Row {i}", "Long notes. " * 20])
    with nearly_full(database, tmp_path / "full", 256, how) as (path, limits):
        result = run_ccm("--db", path, "import", "engagements", rows, **limits)
        assert result.returncode == 3
        one_line_error(result, "disk is full", "nothing was written")
        after = settled(path, tmp_path / "after")
    assert integrity(after) == "ok"
    assert logical_dump(after) == before


@pytest.mark.parametrize("how", FULL)
def test_a_new_database_on_a_full_disk_leaves_no_file(tmp_path, identity, how):
    folder = tmp_path / "full"
    if how == "tmpfs":
        if not _can_mount():
            pytest.skip("mounting a tmpfs needs root")
        room, limits = tmpfs(folder, 64), {}
    else:
        folder.mkdir()
        room, limits = contextlib.nullcontext(), {"preexec_fn": _fill_limit(64 * 1024)}
    with room:
        target = folder / "new.db"
        result = run_ccm("--db", target, "status", **limits)
        assert result.returncode == 3
        one_line_error(result, str(target), "disk is full")
        assert list(folder.iterdir()) == []


# -- a damaged file


def damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "header":
        data[0:16] = b"not a database!\0"
    elif how == "pages":
        for offset in range(4096 * 2, len(data), 4096 * 3):
            data[offset : offset + 256] = b"\xde\xad\xbe\xef" * 64
    elif how == "truncated":
        data = data[: len(data) // 3]
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["header", "pages", "truncated"])
def test_a_damaged_file_gives_one_line_and_is_not_written(sample_db, identity, how):
    damage(sample_db, how)
    image = sample_db.read_bytes()
    for args in (
        ("status", "--count"),
        ("engagements",),
        ("history", "KEN"),
        ("search", "ratification"),
        ("log", "call", "KEN", "-m", "Into a damaged file"),
        ("classify", "USA", "II", "-r", "Into a damaged file"),
    ):
        result = run_ccm("--db", sample_db, *args)
        assert result.returncode in (0, 3), (args, result.stderr)
        if result.returncode:
            one_line_error(result, "damaged")
    assert sample_db.read_bytes() == image
    assert not [p for p in sample_db.parent.iterdir() if p.name.endswith(".bak")]


# -- a lock held by another program


@contextlib.contextmanager
def held_lock(database: Path, seconds: float = 60):
    """Another program holding BEGIN EXCLUSIVE on the database until the block ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys, time\n"
         "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
         "c.execute('BEGIN EXCLUSIVE'); print('held', flush=True); time.sleep(float(sys.argv[2]))\n",
         str(database), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        yield holder
    finally:
        holder.kill()
        holder.wait()


@pytest.fixture
def short_wait(monkeypatch):
    """In this process, ccm waits 0.3 s for a lock instead of 30 s."""
    from ccmtui.db import read, session, write

    for module in (read, write, session):
        monkeypatch.setattr(module, "BUSY_TIMEOUT_MS", 300)


def test_a_lock_held_too_long_gives_one_line_and_writes_nothing(tmp_path, identity, short_wait):
    database = wal_database(tmp_path)
    before = logical_dump(database)
    ccm = CCM(database)
    with held_lock(database):
        # WAL lets readers through; the writer waits, then says so.
        listing = ccm("engagements")
        assert listing.exit_code == 0 and "Before the trouble" in listing.output
        result = ccm("log", "call", "UGA", "-m", "While locked")
        assert result.exit_code == 3
        assert result.output.strip().splitlines() == [
            f"Error: {database}: the database is locked by another program; try again in a moment"
        ]
    assert logical_dump(database) == before
    assert ccm("log", "call", "UGA", "-m", "After the lock").exit_code == 0


def test_a_rollback_journal_database_locked_elsewhere_cannot_even_be_read(sample_db, identity, short_wait):
    ccm = CCM(sample_db)
    with held_lock(sample_db):
        result = ccm("status", "--count")
    assert result.exit_code == 3
    assert "locked by another program" in result.output
    assert ccm("status", "--count").output.strip() == "197"


def test_a_short_lock_is_waited_for(tmp_path, identity):
    database = wal_database(tmp_path)
    with held_lock(database, seconds=1.5):
        result = run_ccm("--db", database, "log", "call", "UGA", "-m", "Waited for the lock")
    assert result.returncode == 0, result.stderr
    connection = sqlite3.connect(database)
    assert connection.execute("SELECT count(*) FROM engagements WHERE summary = 'Waited for the lock'").fetchone() == (
        1,
    )
    connection.close()
