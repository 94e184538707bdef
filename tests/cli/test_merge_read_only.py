"""`ccm merge` only reads the other file: at any older schema revision, on read-only media, and when it is bad."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from ccmtui.db import migrate

from ..conftest import CCM, SAMPLE
from ..db.test_migrate import _first_release_database

pytestmark = pytest.mark.sqlite_only

OLDER = ["0001-unversioned", "0001", "0002", "0003"]
ENGAGEMENT = "7d1c4e2a-0000-4000-8000-00000000e001"


def _older_file(path: Path, revision: str) -> None:
    """A colleague's file as an older ccm left it: the register, three categories and (from 0002) an engagement."""
    _first_release_database(path, versioned=revision != "0001-unversioned")
    if revision in ("0001", "0001-unversioned"):
        return
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        from alembic import command

        command.upgrade(migrate.config(connection), revision)
    engine.dispose()
    connection = sqlite3.connect(path)
    stamp = "2025-09-08 10:00:00.000000"
    connection.execute(
        "INSERT INTO engagements (uuid, occurred_on, kind, area, channel, summary, notes, action_points, illustrative, "
        "created_at, updated_at) "
        "VALUES (?, '2025-09-01', 'meeting', 'universalization', 'capital', 'Met the Algerian ambassador', '', '', 0, ?, ?)",
        (ENGAGEMENT, stamp, stamp),
    )
    connection.execute(
        "INSERT INTO engagement_states (uuid, engagement_uuid, iso3, created_at, updated_at) VALUES (?, ?, 'DZA', ?, ?)",
        ("7d1c4e2a-0000-4000-8000-00000000e002", ENGAGEMENT, stamp, stamp),
    )
    connection.commit()
    connection.close()


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


class _NoWrites:
    """Records every attempt to open, create, rename or remove a file in `folder`, or to connect SQLite to it.

    chmod does not stop root (the tests may run as root), so the test also checks nothing tried."""

    active: _NoWrites | None = None
    installed = False

    def __init__(self, folder: Path):
        self.folder = str(folder.resolve())
        self.attempts: list[tuple] = []

    def __enter__(self):
        if not _NoWrites.installed:
            sys.addaudithook(_NoWrites._hook)  # audit hooks cannot be removed: it is inert outside a `with`
            _NoWrites.installed = True
        _NoWrites.active = self
        return self

    def __exit__(self, *exc):
        _NoWrites.active = None

    @staticmethod
    def _hook(event: str, args: tuple) -> None:
        watcher = _NoWrites.active
        if watcher is None:
            return
        if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
            path, mode, flags = args[0], args[1], args[2]
            writes = (mode and any(c in str(mode) for c in "wax+")) or (
                isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
            )
            if writes and str(os.fsdecode(path)).startswith(watcher.folder):
                watcher.attempts.append((event, args))
        elif event in ("os.remove", "os.rename", "os.mkdir", "os.truncate", "os.chmod", "shutil.copyfile") and args:
            targets = (
                [args[1]]
                if event == "shutil.copyfile"
                else [a for a in args[:2] if isinstance(a, (str, bytes, os.PathLike))]
            )
            if any(
                str(os.fsdecode(t)).startswith(watcher.folder)
                for t in targets
                if isinstance(t, (str, bytes, os.PathLike))
            ):
                watcher.attempts.append((event, args))
        elif event == "sqlite3.connect" and args and watcher.folder in str(args[0]):
            watcher.attempts.append((event, args))


@pytest.fixture
def read_only_folder(tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    yield folder
    folder.chmod(0o755)
    for child in folder.iterdir():
        child.chmod(0o644)


def _lock(folder: Path) -> None:
    for child in folder.iterdir():
        child.chmod(0o444)
    folder.chmod(0o555)


@pytest.mark.parametrize("revision", OLDER)
def test_an_older_file_on_a_read_only_folder_is_merged_and_left_byte_for_byte(tmp_path, read_only_folder, revision):
    other = read_only_folder / "colleague.db"
    _older_file(other, revision)
    _lock(read_only_folder)
    before = _listing(read_only_folder)
    mine = CCM(tmp_path / "mine.db")
    assert mine("status", "--count").exit_code == 0
    with _NoWrites(read_only_folder) as watched:
        result = mine("merge", str(other), "--json")
    assert result.exit_code == 0, result.output
    assert watched.attempts == []
    assert _listing(read_only_folder) == before  # the same bytes, and no -wal, -shm or .bak beside it
    report = json.loads(result.stdout)
    assert report["came_in"].get("classifications") == 3
    categories = {s["iso3"] for s in json.loads(mine("status", "-c", "II", "--json").stdout)}
    assert categories >= {"DZA", "ARG", "THA"}
    if revision not in ("0001", "0001-unversioned"):
        assert report["came_in"].get("engagements") == 1
        found = json.loads(mine("engagements", "--state", "DZA", "--all", "--json").stdout)
        assert [e["summary"] for e in found] == ["Met the Algerian ambassador"]
    # Merging again brings nothing more, and still writes nothing there.
    again = mine("merge", str(other))
    assert again.exit_code == 0 and "nothing came in" in again.stdout
    assert _listing(read_only_folder) == before


def test_a_file_copied_with_its_log_beside_it_is_read_whole_and_left_alone(tmp_path):
    """A file copied while ccm had it open, its -wal beside it: the records only in the log come in too."""
    source = tmp_path / "source.db"
    shutil.copy(SAMPLE, source)
    reader = sqlite3.connect(source, isolation_level=None)
    reader.execute("PRAGMA journal_mode = WAL")
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM states").fetchone()  # an open read keeps the log from being emptied
    CCM(source)("log", "call", "UGA", "-m", "Only in the log", "-a", "univ", "--date", "2024-01-02")
    theirs = tmp_path / "theirs" / "their.db"
    theirs.parent.mkdir()
    shutil.copy(source, theirs)
    shutil.copy(f"{source}-wal", f"{theirs}-wal")
    reader.close()
    assert Path(f"{theirs}-wal").stat().st_size > 0
    before = _listing(theirs.parent)
    mine = CCM(tmp_path / "mine.db")
    assert mine("status", "--count").exit_code == 0
    result = mine("merge", str(theirs))
    assert result.exit_code == 0, result.output
    assert len(json.loads(mine("search", "only in the log", "--json").stdout)) == 1
    assert _listing(theirs.parent) == before


def _unshare_works() -> bool:
    if not shutil.which("unshare"):
        return False
    try:
        done = subprocess.run(
            ["unshare", "-rm", "sh", "-c", "mount --bind -o ro / /mnt 2>/dev/null || mount --bind -o ro /tmp /tmp"],
            capture_output=True,
            timeout=10,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


@pytest.mark.skipif(not _unshare_works(), reason="needs `unshare -rm` to mount a folder read-only")
def test_an_older_file_on_a_read_only_file_system_is_merged(tmp_path):
    """A stick mounted read-only: writing there fails with EROFS, even for root."""
    stick = tmp_path / "stick"
    stick.mkdir()
    other = stick / "colleague.db"
    _older_file(other, "0003")
    before = _listing(stick)
    mine = tmp_path / "mine.db"
    assert CCM(mine)("status", "--count").exit_code == 0
    script = (
        f"mount --bind -o ro {stick} {stick} && touch {stick}/probe 2>/dev/null && exit 99; "
        f"exec {sys.executable} -m ccmtui --db {mine} merge {other}"
    )
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "CCM_CONFIG": str(tmp_path / "config.toml")},
    )
    assert done.returncode == 0, done.stderr
    assert "Came in from" in done.stdout
    assert _listing(stick) == before


def test_an_older_file_is_upgraded_nowhere_but_in_a_copy(tmp_path):
    other = tmp_path / "old.db"
    _older_file(other, "0003")
    before = other.read_bytes()
    mine = CCM(tmp_path / "mine.db")
    assert mine("merge", str(other)).exit_code == 0
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("old.db")) == ["old.db"]
    assert sqlite3.connect(f"file:{other}?mode=ro&immutable=1", uri=True).execute(
        "SELECT version_num FROM alembic_version"
    ).fetchone() == ("0003",)


@pytest.mark.parametrize("bad", ["text", "empty", "other-sqlite", "newer", "vanishing", "vanishing-midway"])
def test_a_bad_file_is_one_line_exit_3_and_neither_file_changes(tmp_path, monkeypatch, bad):
    mine_path = tmp_path / "mine.db"
    shutil.copy(SAMPLE, mine_path)
    mine = CCM(mine_path)
    other = tmp_path / "other" / "their.db"
    other.parent.mkdir()
    if bad == "text":
        other.write_text("minutes of the meeting\n" * 50)
    elif bad == "empty":
        other.write_bytes(b"")
    elif bad == "other-sqlite":
        connection = sqlite3.connect(other)
        connection.execute("CREATE TABLE recipes (name TEXT)")
        connection.commit()
        connection.close()
    else:
        shutil.copy(SAMPLE, other)
        if bad == "newer":
            connection = sqlite3.connect(other)
            connection.execute("UPDATE alembic_version SET version_num = '0099'")
            connection.commit()
            connection.close()
    mine_before = mine_path.read_bytes()
    other_before = _listing(other.parent)
    if bad.startswith("vanishing"):
        real_copy = shutil.copyfile

        def copy_and_vanish(source, destination, **kwargs):
            if Path(source) == other and bad == "vanishing":
                other.unlink()  # gone before it could be read
            result = real_copy(source, destination, **kwargs)
            if Path(source) == other and bad == "vanishing-midway":
                other.unlink()  # gone while it was being read
            return result

        monkeypatch.setattr(shutil, "copyfile", copy_and_vanish)
    result = mine("merge", str(other))
    assert result.exit_code == 3, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    expected = {
        "text": "is not a ccm database",
        "empty": "is not a ccm database",
        "other-sqlite": "is not a ccm database",
        "newer": "newer ccm (schema revision 0099)",
        "vanishing": "disappeared",
        "vanishing-midway": "disappeared while it was being read",
    }[bad]
    assert expected in lines[0]
    assert "nothing was changed" in lines[0] or bad == "newer"
    assert mine_path.read_bytes() == mine_before
    if not bad.startswith("vanishing"):
        assert _listing(other.parent) == other_before
    assert not list(tmp_path.glob("mine.db.*.bak"))


def test_sync_refuses_a_read_only_file_and_points_to_merge(tmp_path, read_only_folder, monkeypatch):
    other = read_only_folder / "colleague.db"
    shutil.copy(SAMPLE, other)
    _lock(read_only_folder)
    before = _listing(read_only_folder)
    real_access = os.access
    # As root, access() grants writing anywhere: answer as a read-only file system would.
    monkeypatch.setattr(
        os,
        "access",
        lambda p, mode, **k: False if mode & os.W_OK and str(read_only_folder) in str(p) else real_access(p, mode, **k),
    )
    mine = CCM(tmp_path / "mine.db")
    assert mine("status", "--count").exit_code == 0
    result = mine("sync", str(other))
    assert result.exit_code == 3
    assert "read-only" in result.stderr and "ccm merge" in result.stderr
    assert _listing(read_only_folder) == before


@pytest.mark.parametrize("bad", ["text", "newer"])
def test_sync_refuses_a_bad_file_and_changes_neither(tmp_path, bad):
    mine_path = tmp_path / "mine.db"
    shutil.copy(SAMPLE, mine_path)
    other = tmp_path / "other" / "their.db"
    other.parent.mkdir()
    if bad == "text":
        other.write_text("minutes of the meeting\n" * 50)
    else:
        shutil.copy(SAMPLE, other)
        connection = sqlite3.connect(other)
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
        connection.commit()
        connection.close()
    mine_before, other_before = mine_path.read_bytes(), _listing(other.parent)
    result = CCM(mine_path)("sync", str(other))
    assert result.exit_code == 3 and len(result.stderr.strip().splitlines()) == 1
    assert mine_path.read_bytes() == mine_before and _listing(other.parent) == other_before
