"""`ccm states update`: all rows valid, or nothing written."""

from __future__ import annotations

import json

from ..conftest import REFERENCE


def test_update_applies_changes_from_a_file(ccm, tmp_path):
    text = (REFERENCE / "states.csv").read_text(encoding="utf-8")
    text = text.replace(
        "Algeria,DZA,Africa,Northern Africa,,,,", "Algeria,DZA,Africa,Northern Africa,,2026-01-15,accession,"
    )
    changed = tmp_path / "states.csv"
    changed.write_text(text, encoding="utf-8")
    result = ccm("states", "update", changed)
    assert result.exit_code == 0, result.output
    assert "0 added, 1 changed, 196 unchanged" in result.stdout
    [algeria] = json.loads(ccm("status", "DZA", "--json", "--as-of", "2026-09-01").stdout)
    assert algeria["status"] == "party"
    assert algeria["entry_into_force"] == "2026-07-01"


def test_a_bad_row_leaves_the_register_untouched(ccm, tmp_path):
    lines = (REFERENCE / "states.csv").read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("Algeria", "Algeria").replace(",DZA,", ",DZAA,")
    lines[10] = lines[10].replace("2008-12-03", "2008-12-33", 1)
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = ccm.dump()
    result = ccm("states", "update", bad)
    assert result.exit_code == 1
    assert "line 4:" in result.stderr and "line 11:" in result.stderr
    assert "nothing written" in result.stderr
    assert ccm.dump() == before


def test_a_missing_file_is_one_line(ccm, tmp_path):
    result = ccm("states", "update", tmp_path / "nope.csv")
    assert result.exit_code == 1
    assert "cannot read" in result.stderr


def test_a_register_update_can_be_undone(ccm, tmp_path):
    text = (REFERENCE / "states.csv").read_text(encoding="utf-8")
    changed = tmp_path / "states.csv"
    changed.write_text(
        text.replace("Algeria,DZA,Africa,Northern Africa,,,,", "Algeria,DZA,Africa,Northern Africa,2009-01-01,,,"),
        encoding="utf-8",
    )
    before = ccm.dump(without=("changesets", "changes", "database_info"), edited_at=False)
    assert ccm("states", "update", changed).exit_code == 0
    assert ccm("undo").stdout.startswith("Undid: states update from states.csv")
    assert ccm.dump(without=("changesets", "changes", "database_info"), edited_at=False) == before
