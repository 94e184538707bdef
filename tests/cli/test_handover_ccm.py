"""`ccm handover -o dossier.ccm`: the full record of an area, which a successor merges and carries on."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from ..conftest import CCM, SAMPLE

# Tables whose records are the coordinators' own (a new database has none of them).
RECORDS = ("engagements", "engagement_states", "engagement_actors", "replies", "campaigns", "classifications",
           "work_plans", "work_plan_items", "work_plan_states", "milestones", "attachments")  # fmt: skip


def _uuids(db, sql: str) -> set[str]:
    with sqlite3.connect(db) as connection:
        return {uuid for (uuid,) in connection.execute(sql)}


def _records(db) -> dict[str, set[str]]:
    return {table: _uuids(db, f"SELECT uuid FROM {table}") for table in RECORDS}


@pytest.fixture(scope="module")
def handed_over(tmp_path_factory):
    """The sample with a stockpile engagement and notes added, and its universalization dossiers."""
    folder = tmp_path_factory.mktemp("handover")
    source = folder / "outgoing.db"
    shutil.copy(SAMPLE, source)
    outgoing = CCM(source)
    assert outgoing("config", "set", "name", "Ana Silva").exit_code == 0
    assert outgoing("log", "call", "KEN", "-m", "Kenya on Article 3", "-a", "stockpile", "--date", "2024-02-01",
                    "--notes", "Kept out of the universalization file").exit_code == 0  # fmt: skip
    assert outgoing("log", "meeting", "UGA", "-m", "Uganda on joining", "-a", "univ", "--date", "2024-03-01",
                    "--notes", "A private note from the meeting").exit_code == 0  # fmt: skip
    for name, extra in (("univ.ccm", ()), ("univ-redacted.ccm", ("--redact",))):
        result = outgoing("handover", "--area", "universalization", *extra, "-o", folder / name)
        assert result.exit_code == 0, result.output
    return folder, source


def test_the_dossier_merged_into_an_empty_file_holds_exactly_the_area(handed_over, tmp_path):
    folder, source = handed_over
    successor = CCM(tmp_path / "successor.db")
    result = successor("merge", folder / "univ.ccm")
    assert result.exit_code == 0, result.output
    got = _records(successor.db)
    area = "SELECT uuid FROM engagements WHERE area = 'universalization'"
    engagements = _uuids(source, area)
    assert got["engagements"] == engagements and len(engagements) == 5
    assert got["replies"] == _uuids(source, f"SELECT uuid FROM replies WHERE engagement_uuid IN ({area})")
    assert got["engagement_states"] == _uuids(
        source, f"SELECT uuid FROM engagement_states WHERE engagement_uuid IN ({area})"
    )
    assert got["campaigns"] == _uuids(source, "SELECT uuid FROM campaigns") and got["campaigns"]
    assert got["classifications"] == _uuids(source, "SELECT uuid FROM classifications")  # the categories
    assert not got["work_plans"] and not got["milestones"]  # the sample's work plan is stockpile destruction's
    with sqlite3.connect(successor.db) as connection:
        notes = {note for (note,) in connection.execute("SELECT notes FROM engagements")}
    assert "A private note from the meeting" in notes and "Kept out of the universalization file" not in notes
    # The successor carries on from it: the history, the status and undo work as on the original.
    assert "Uganda on joining" in successor("history", "UGA").stdout
    assert (
        successor("status", "--category", "II", "--count").stdout
        == CCM(source)("status", "--category", "II", "--count").stdout
    )
    assert successor("merge", folder / "univ.ccm").stdout.startswith("Already in step")
    assert "Undid: merge from univ.ccm" in successor("undo").stdout
    assert not any(_records(successor.db).values())


def test_the_dossier_merged_into_a_database_with_other_records_adds_the_area_and_keeps_the_rest(handed_over, tmp_path):
    folder, source = handed_over
    successor = CCM(tmp_path / "successor.db")
    assert successor("log", "call", "NOR", "-m", "Norway on clearance", "-a", "clearance").exit_code == 0
    before = _records(successor.db)
    result = successor("merge", folder / "univ.ccm")
    assert result.exit_code == 0, result.output
    after = _records(successor.db)
    area = _uuids(source, "SELECT uuid FROM engagements WHERE area = 'universalization'")
    assert after["engagements"] == before["engagements"] | area
    assert "Norway on clearance" in successor("engagements", "--all").stdout


def test_a_redacted_dossier_holds_no_note_rationale_or_name(handed_over, tmp_path):
    folder, _source = handed_over
    dossier = folder / "univ-redacted.ccm"
    with sqlite3.connect(dossier) as connection:
        assert connection.execute("SELECT count(*) FROM engagements").fetchone() == (5,)
        for sql in (
            "SELECT notes FROM engagements",
            "SELECT rationale FROM classifications",
            "SELECT summary FROM replies",
            "SELECT recorded_by FROM engagements",
            "SELECT recorded_by FROM classifications",
            "SELECT recorded_by FROM replies",
        ):
            assert {value for (value,) in connection.execute(sql)} <= {"", None}, sql
        text = b"".join(dossier.read_bytes().split(b"\0"))
    assert b"A private note from the meeting" not in text and b"Ana Silva" not in text
    successor = CCM(tmp_path / "successor.db")
    assert successor("merge", dossier).exit_code == 0
    assert "Uganda on joining" in successor("history", "UGA").stdout


def test_bad_dossier_paths_are_refused_and_nothing_is_written(handed_over, tmp_path):
    folder, source = handed_over
    outgoing = CCM(source)
    existing = folder / "univ.ccm"
    size = existing.stat().st_size
    cases = [
        (("--area", "univ", "-o", existing), f"Error: {existing} exists: give a new file name"),
        (("--area", "univ", "-o", tmp_path / "no" / "d.ccm"), "Error: cannot write"),
        (("--area", "univ", "--dated", "2024-01-01", "-o", tmp_path / "d.ccm"), "Error: --dated is for the .md"),
        (("--area", "nowhere", "-o", tmp_path / "d.ccm"), "Error: unknown thematic area"),
        (("--area", "univ", "-o", source), "Error: unknown dossier format"),
    ]
    for args, error in cases:
        result = outgoing("handover", *args)
        assert result.exit_code == 1 and result.output.startswith(error), result.output
    assert existing.stat().st_size == size
    assert sorted(p.name for p in tmp_path.iterdir()) == []
