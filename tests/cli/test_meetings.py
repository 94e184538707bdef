"""`ccm meeting add|list`: a meeting's code stands for its opening day everywhere a date is asked for."""

from __future__ import annotations

import json

import pytest

ADD_14MSP = (
    "meeting",
    "add",
    "14MSP",
    "--name",
    "Fourteenth Meeting of States Parties",
    "--start",
    "2026-09-08",
    "--end",
    "2026-09-10",
    "--city",
    "Geneva",
    "--country",
    "Switzerland",
    "--source",
    "ISU 14MSP page",
)


def test_a_meeting_added_is_a_date_everywhere(ccm):
    added = ccm(*ADD_14MSP)
    assert added.exit_code == 0, added.output
    assert added.stdout.strip() == "14MSP (msp): 2026-09-08 to 2026-09-10 recorded."
    count = ccm("status", "--as-of", "14MSP", "--count")
    assert count.exit_code == 0, count.output
    assert count.stdout.strip() == ccm("status", "--as-of", "2026-09-08", "--count").stdout.strip()
    summary = ccm("summary", "universalization", "--since", "14MSP", "--as-of", "2026-11-27")
    assert summary.exit_code == 0, summary.output
    report = ccm("report", "progress", "--since", "13MSP", "--as-of", "14MSP")
    assert report.exit_code == 0, report.output
    ics = ccm("export", "ics", "--since", "14MSP")
    assert ics.exit_code == 0, ics.output
    assert "Fourteenth Meeting of States Parties" in ics.stdout


def test_a_regional_meeting_is_listed_with_its_kind_and_does_not_move_the_last_meeting(ccm):
    added = ccm(
        "meeting",
        "add",
        "LOME26",
        "--kind",
        "regional",
        "--name",
        "Lomé regional conference",
        "--start",
        "2026-05-12",
        "--city",
        "Lomé",
        "--country",
        "Togo",
    )
    assert added.exit_code == 0, added.output
    [row] = [m for m in json.loads(ccm("meeting", "list", "--json").stdout) if m["code"] == "LOME26"]
    assert row["kind"] == "regional" and row["start"] == row["end"] == "2026-05-12" and row["id"]
    assert "LOME26" in ccm("meeting", "list").stdout
    # "Since the last meeting" still counts from the 13MSP, not from a regional conference.
    summary = ccm("summary", "universalization", "--as-of", "2026-06-01", "--json")
    assert summary.exit_code == 0, summary.output
    assert "13MSP" in summary.stdout and "LOME26" not in summary.stdout
    assert ccm("status", "--as-of", "LOME26", "--count").exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("13MSP", "--start", "2025-09-16", "--source", "x"), "13MSP is already recorded"),
        (
            ("15MSP", "--start", "2027-09-10", "--end", "2027-09-01", "--source", "x"),
            "ends (2027-09-01) before it starts",
        ),
        (("15MSP", "--start", "2101-01-01", "--source", "x"), "outside 2008-2100"),
        (("15MSP", "--start", "2007-12-31", "--source", "x"), "outside 2008-2100"),
        (("15MSP", "--start", "2027-09-10"), "--source"),
        (("X", "--start", "2027-09-10", "--kind", "party"), "unknown meeting kind 'party'"),
        (("X", "--start", "10-09-2027", "--kind", "other"), "bad --start"),
    ],
)
def test_bad_meetings_are_refused_in_one_line_and_write_nothing(ccm, args, message):
    before = ccm("meeting", "list", "--json").stdout
    result = ccm("meeting", "add", *args)
    assert result.exit_code != 0
    assert message in result.output and len(result.output.strip().splitlines()) == 1, result.output
    assert ccm("meeting", "list", "--json").stdout == before


def test_meetings_sync_as_records(ccm, tmp_path):
    import shutil

    from tests.conftest import CCM, SAMPLE

    other = tmp_path / "other.db"
    shutil.copy(SAMPLE, other)
    there = CCM(other)
    assert (
        there(
            "meeting",
            "add",
            "FC81",
            "--kind",
            "first-committee",
            "--start",
            "2026-10-06",
            "--end",
            "2026-11-05",
            "--city",
            "New York",
        ).exit_code
        == 0
    )
    if not str(ccm.db).endswith(".db"):
        pytest.skip("sync from a file into a server database is covered elsewhere")
    synced = ccm("sync", str(other))
    assert synced.exit_code == 0, synced.output
    assert "FC81" in ccm("meeting", "list").stdout
