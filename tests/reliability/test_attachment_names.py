"""A stored attachment name is never a path, whoever stored it: by merge, by sync, through PostgreSQL."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from ccmtui.domain.filenames import MAX_NAME, safe_filename
from tests import backends

from ..conftest import CCM, SAMPLE

# A long suite: .ci/run runs it with the slow ones (`pytest -m slow`).
pytestmark = pytest.mark.slow


LOME = "480d530f"  # the Lomé conference in the sample
HOSTILE = [
    "../../escaped.txt",
    "/tmp/absolute-ccm-test.txt",
    "~/.config/autostart/x.desktop",
    "..",
    ".hidden",
    "sub/dir/../../up.txt",
    "C:\\Windows\\evil.bat",
    "title\x1b]0;owned\x07.pdf",
    "bell\x07\x08\r.txt",
    "x" * 250 + ".pdf",
]


def _plant(db: Path, names: list[str]) -> None:
    """Attachments with hostile names, written as an older or hand-edited database would hold them."""
    from ccmtui.db.write import writing

    content = b"minutes of the meeting"
    digest = hashlib.sha256(content).hexdigest()
    with writing(str(db), by="someone else", command="hand edit") as writer:
        [engagement] = [u for u in writer.stamps("engagements") if u.startswith(LOME)]
        backend = writer.backend
        if not writer.rows("blob", sha256=digest):
            backend.insert("blobs", backend.complete("blobs", {"sha256": digest, "content": content}, writer.stamp))
        for name in names:
            values = {
                "engagement_uuid": engagement,
                "filename": name,
                "media_type": "text/plain",
                "size": len(content),
                "sha256": digest,
            }
            backend.insert("attachments", backend.complete("attachments", values, writer.stamp))


def _laptop(tmp_path, name: str) -> CCM:
    path = tmp_path / f"{name}.db"
    shutil.copy(SAMPLE, path)
    return CCM(path)


def test_safe_filename_keeps_only_a_harmless_base_name():
    for name in HOSTILE + ["", ".", "~", "a/", "\x00"]:
        safe = safe_filename(name)
        assert safe and "/" not in safe and "\\" not in safe and ".." not in safe
        assert not safe.startswith((".", "~")) and len(safe) <= MAX_NAME
        assert all(ord(c) >= 0x20 and c != "\x7f" for c in safe)
    assert safe_filename("../../escaped.txt") == "escaped.txt"
    assert safe_filename("x" * 250 + ".pdf").endswith(".pdf")
    assert safe_filename("Note verbale 12-2024.pdf") == "Note verbale 12-2024.pdf"


# Names with control characters no backend holds: a merge or a sync leaves them out, naming them.
TRAVELLING = [name for name in HOSTILE if not any(ord(c) < 0x20 for c in name)]


def _save_all(laptop: CCM, where: Path) -> list[Path]:
    where.mkdir(parents=True)
    (where / "folder").mkdir()
    listed = json.loads(laptop("attachment", "list", LOME, "--json").stdout)
    assert sorted(row["filename"] for row in listed) == sorted(TRAVELLING)
    before = os.getcwd()
    os.chdir(where)
    try:
        for row in listed:
            result = laptop("attachment", "save", row["id"])
            assert result.exit_code in (0, 1), result.output
            # The same base name twice is refused, never written elsewhere.
            assert result.exit_code == 0 or "exists" in result.stderr
            assert "\x1b" not in result.output and "\x07" not in result.output
            folder = laptop("attachment", "save", row["id"], "-o", where / "folder")
            assert folder.exit_code in (0, 1)
    finally:
        os.chdir(before)
    return sorted(where.rglob("*"))


def _nothing_escaped(tmp_path: Path) -> None:
    assert not Path("/tmp/absolute-ccm-test.txt").exists()
    assert not (tmp_path / "escaped.txt").exists() and not (tmp_path.parent / "escaped.txt").exists()
    assert not (Path(os.environ["XDG_CONFIG_HOME"]) / "autostart").exists()


def _check_saved(laptop: CCM, tmp_path: Path) -> None:
    saved = _save_all(laptop, tmp_path / "out")
    for path in saved:
        assert path.parent in (tmp_path / "out", tmp_path / "out" / "folder"), path
        assert path.name == safe_filename(path.name)
        if path.is_file():
            assert oct(path.stat().st_mode & 0o777) == "0o600"
    _nothing_escaped(tmp_path)


def test_hostile_names_arriving_by_merge_are_saved_as_base_names(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    mine, theirs = _laptop(tmp_path, "mine"), _laptop(tmp_path, "theirs")
    _plant(theirs.db, HOSTILE)
    merged = mine("merge", str(theirs.db))
    assert merged.exit_code == 0
    assert merged.stderr.count("Left out: attachments") == len(HOSTILE) - len(TRAVELLING)
    _check_saved(mine, tmp_path)


def test_open_writes_only_inside_its_private_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    monkeypatch.setenv("PATH", str(tmp_path / "no-viewer"))  # no xdg-open: the command says where the file is
    (tmp_path / "tmp").mkdir()
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    mine = _laptop(tmp_path, "mine")
    _plant(mine.db, HOSTILE)  # an older database, holding every one of them
    for row in json.loads(mine("attachment", "list", LOME, "--json").stdout):
        result = mine("attachment", "open", row["id"])
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.output
    written = [p for p in (tmp_path / "tmp").rglob("*") if p.is_file()]
    assert len(written) == len(HOSTILE)
    for path in written:
        assert path.parent.parent == tmp_path / "tmp" and path.parent.name.startswith("ccm-")
        assert path.name == safe_filename(path.name)
    _nothing_escaped(tmp_path)


@pytest.mark.sqlite_only
def test_hostile_names_arriving_by_sync_through_postgresql(tmp_path, monkeypatch, postgres):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    team = backends.new_database()
    try:
        a, b = _laptop(tmp_path, "a"), _laptop(tmp_path, "b")
        _plant(a.db, HOSTILE)
        assert a("sync", team).exit_code == 0
        assert b("sync", team).exit_code == 0
        _check_saved(b, tmp_path)
        # The server itself, read directly, writes only base names too.
        _check_saved(CCM(team), tmp_path / "server")
    finally:
        backends.drop(team)


def test_a_new_attachment_is_stored_under_its_safe_name(ccm, tmp_path):
    odd = tmp_path / ".hidden letter.pdf"
    odd.write_bytes(b"%PDF-1.4")
    assert ccm("attach", LOME, odd).exit_code == 0
    [listed] = json.loads(ccm("attachment", "list", LOME, "--json").stdout)
    assert listed["filename"] == "hidden letter.pdf"
