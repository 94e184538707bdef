"""Attachments: kept with their engagement, saved back byte for byte, carried by sync."""

from __future__ import annotations

import json
import shutil

from ..conftest import CCM, SAMPLE

LOME = "480d530f"  # the Lomé conference in the sample


def test_attach_list_save_and_timeline(ccm, tmp_path):
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(b"%PDF-1.4 signed letter \x00\x01\x02")
    result = ccm("attach", LOME, letter)
    assert result.exit_code == 0, result.output
    [listed] = json.loads(ccm("attachment", "list", LOME, "--json").stdout)
    assert (listed["filename"], listed["media_type"], listed["size"]) == ("letter.pdf", "application/pdf", 26)
    copy = tmp_path / "copy.pdf"
    assert ccm("attachment", "save", listed["id"][:8], "-o", copy).exit_code == 0
    assert copy.read_bytes() == letter.read_bytes()
    assert oct(copy.stat().st_mode & 0o777) == "0o600"
    assert "exists" in ccm("attachment", "save", listed["id"][:8], "-o", copy).stderr
    assert any(e["kind"] == "attachment" for e in json.loads(ccm("history", "TGO", "--json").stdout))
    assert json.loads(ccm("show", LOME, "--json").stdout)["attachments"][0]["filename"] == "letter.pdf"


def test_bad_attachments_are_refused(ccm, tmp_path):
    before = ccm.dump()
    big = tmp_path / "scan.tiff"
    with big.open("wb") as handle:
        handle.truncate(26 * 1024 * 1024)
    assert "limited to 25 MiB" in ccm("attach", LOME, big).stderr
    assert "no such file" in ccm("attach", LOME, tmp_path / "missing.pdf").stderr
    assert "no engagement" in ccm("attach", "ffffffff", big).stderr
    assert ccm.dump() == before


def test_attachments_travel_with_sync_and_undo_removes_them(tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    shutil.copy(SAMPLE, a)
    shutil.copy(SAMPLE, b)
    mine, theirs = CCM(a), CCM(b)
    note = tmp_path / "note.txt"
    note.write_text("Note verbale No. 12/2024")
    mine("attach", LOME, note)
    assert theirs("sync", a).exit_code == 0
    [listed] = json.loads(theirs("attachment", "list", LOME, "--json").stdout)
    out = tmp_path / "got.txt"
    theirs("attachment", "save", listed["id"][:8], "-o", out)
    assert out.read_text() == "Note verbale No. 12/2024"
    assert mine("undo").stdout.startswith("Undid: attach note.txt")
    assert json.loads(mine("attachment", "list", LOME, "--json").stdout) == []
