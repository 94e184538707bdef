"""`ccm votes`: the General Assembly's yearly resolution on the Convention, and each state's vote."""

from __future__ import annotations

import csv
import json

import pytest

from .unga import export, write

REFERENCE_COLUMNS = ["year", "symbol", "adopted", "yes", "no", "abstain", "source", "notes"]


def _json(ccm, *args):
    result = ccm(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_resolutions_ship_with_their_sources_and_say_where_the_record_is_silent(reading):
    rows = _json(reading, "votes", "resolutions")
    assert [r["year"] for r in rows] == list(range(2015, 2025))
    first = rows[0]
    assert (first["symbol"], first["adopted"]) == ("A/RES/70/54", "2015-12-07")
    for row in rows:
        assert row["source"] or "silent" in row["notes"], row
        if None in (row["symbol"], row["adopted"], row["yes"], row["no"], row["abstain"]):
            assert "silent" in row["notes"] or "not in the record" in row["notes"], row
    assert {r["year"]: (r["yes"], r["no"], r["abstain"]) for r in rows}[2018] == (144, 1, 38)
    listing = reading("votes", "list")
    assert listing.exit_code == 0
    assert "per-state votes are not shipped" in listing.stdout and "ccm votes import" in listing.stdout
    history = reading("history", "KEN")
    assert "General Assembly votes: none recorded (per-state votes are not shipped" in history.stdout


def test_imported_votes_show_in_the_list_history_and_momentum_and_undo_takes_them_back(ccm, tmp_path):
    before = ccm.dump()
    votes = [("THA", "Y", 2016), ("RUS", "N", 2016), ("USA", "A", 2016), ("CHN", "", 2016), ("THA", "A", 2017)]
    result = ccm("votes", "import", write(tmp_path / "undl.csv", votes, other=3))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Recorded 5 votes on the Convention's resolution (2016, 2017)")
    assert "3 rows on other resolutions passed over" in result.stdout

    listed = _json(ccm, "votes", "list", "--year", "2016")
    assert [(r["iso3"], r["vote"]) for r in listed] == [
        ("CHN", "absent"),
        ("RUS", "no"),
        ("THA", "yes"),
        ("USA", "abstain"),
    ]
    assert listed[0]["resolution"] == "A/RES/71/45" and listed[0]["date"] == "2016-12-05"
    assert listed[0]["source"] == "https://digitallibrary.un.org/record/3016"
    assert [r["year"] for r in _json(ccm, "votes", "list", "--state", "Thailand")] == [2016, 2017]

    history = _json(ccm, "history", "THA")
    shown = [(e["date"], e["what"]) for e in history if e["kind"] == "vote"]
    assert shown == [
        ("2016-12-05", "Voted yes on A/RES/71/45, the General Assembly's resolution on the Convention"),
        ("2017-12-04", "Voted abstain on A/RES/72/54, the General Assembly's resolution on the Convention"),
    ]
    # The latest vote on or before the day asked, beside each holdout's category.
    asean = _json(ccm, "momentum", "ASEAN")["groups"][0]["holdouts"]
    thailand = next(h for h in asean if h["iso3"] == "THA")
    assert (thailand["category"], thailand["unga_vote"]["vote"], thailand["unga_vote"]["year"]) == (
        "II",
        "abstain",
        2017,
    )
    then = _json(ccm, "momentum", "ASEAN", "--as-of", "2017-01-01")["groups"][0]["holdouts"]
    assert next(h for h in then if h["iso3"] == "THA")["unga_vote"]["vote"] == "yes"
    assert next(h for h in asean if h["iso3"] == "SGP")["unga_vote"] is None
    table = ccm("momentum", "ASEAN")
    assert "abstain (2017)" in table.stdout

    # A second import replaces the vote of a state and year; undo puts the first back.
    again = ccm("votes", "import", write(tmp_path / "again.csv", [("THA", "N", 2017)]))
    assert again.exit_code == 0 and "1 replacing a vote already recorded" in again.stdout
    assert _json(ccm, "votes", "list", "--state", "THA", "--year", "2017")[0]["vote"] == "no"
    assert ccm("undo").exit_code == 0
    assert _json(ccm, "votes", "list", "--state", "THA", "--year", "2017")[0]["vote"] == "abstain"
    assert ccm("undo").exit_code == 0
    logs = ("changesets", "changes", "database_info")
    assert ccm.dump(without=logs) == {t: rows for t, rows in before.items() if t not in logs}


BAD = [
    (export([("RUZ", "N", 2016)]), "line 2: unknown state 'RUZ'; did you mean"),
    (export([("THA", "Y", 2016)]).replace("2016-12-05", "2014-12-02"), "no General Assembly resolution on the Convention's implementation in 2014"),
    (export([("THA", "Y", 2016)]).replace("A/RES/71/45", "A/RES/72/54"), "A/RES/72/54 is not the 2016 resolution"),
    (export([("THA", "maybe", 2016)]), "unknown vote 'maybe'; valid: yes, no, abstain, absent, non-member"),
    (export([("THA", "Y", 2016), ("THA", "N", 2016)]), "line 3: a second vote for THA in 2016 (also line 2)"),
    (export([("THA", "Y", 2016)]) + '4,THA,"THAILAND,Y\n', "not valid CSV"),
    ("ms_code,vote,date\nTHA,Y,2016-12-05\n", "missing column(s) ms_vote"),
    ("ms_vote,date\nY,2016-12-05\n", "missing column ms_code (or ms_name)"),
    (export([("THA", "Y", 2016)], title="Another resolution"), "no vote on “Implementation of the Convention on Cluster Munitions”"),
]  # fmt: skip


@pytest.mark.parametrize(("content", "message"), BAD, ids=[m.split(";")[0][:40] for _, m in BAD])
def test_a_bad_file_is_one_line_and_writes_nothing(ccm, tmp_path, content, message):
    before = ccm.dump()
    path = tmp_path / "votes.csv"
    path.write_text(content, encoding="utf-8")
    result = ccm("votes", "import", path)
    assert result.exit_code == 1, result.output
    assert result.output.startswith("Error: ") and message in result.output, result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert ccm.dump() == before


def test_votes_come_from_stdin_and_from_a_workbook(ccm, tmp_path):
    from openpyxl import Workbook

    piped = ccm("votes", "import", "-", input=export([("THA", "Y", 2015)]))
    assert piped.exit_code == 0, piped.output
    book = Workbook()
    for row in csv.reader(export([("RUS", "N", 2015)]).splitlines()):
        book.active.append(row)
    book.save(tmp_path / "votes.xlsx")
    result = ccm("votes", "import", tmp_path / "votes.xlsx")
    assert result.exit_code == 0, result.output
    assert [(r["iso3"], r["vote"]) for r in _json(ccm, "votes", "list", "--year", "2015")] == [
        ("RUS", "no"),
        ("THA", "yes"),
    ]
    bad = ccm("votes", "import", "-", input=export([("XXX", "Y", 2015)]))
    assert bad.exit_code == 1 and bad.output.startswith("Error: stdin: 1 bad row, nothing written")
