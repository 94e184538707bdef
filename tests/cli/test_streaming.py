"""Long listings stream: plain lines beyond a screen or into a pipe, JSON Lines, a JSON array
written row by row; and a state's listing follows its engagements' dates through every write."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ccmtui.reports.engagements import EngagementFilter, iter_engagements, list_engagements

from ..conftest import CCM


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> CCM:
    """A generated log of 600 engagements, with three more on one day for one state, two of them
    with a file attached (the first logged, the last), one held with the ICRC."""
    from ccmtui.seed.generate import generate

    folder = tmp_path_factory.mktemp("streaming")
    path = folder / "large.db"
    generate(path, 600, seed=3)
    ccm = CCM(path)
    for n in range(3):
        met = ["--with", "ICRC"] if n == 1 else []
        logged = ccm(
            "log",
            "call",
            "KEN",
            "-m",
            f"Call {n}",
            "--area",
            "universalization",
            "--date",
            "2020-02-03",
            "--by",
            "ESP",
            *met,
        )
        assert logged.exit_code == 0, logged.output
    calls = _jsonl(ccm("engagements", "--state", "KEN", "--since", "2020-02-03", "--until", "2020-02-03", "--jsonl"))
    by_summary = {call["summary"]: call["id"] for call in calls}
    for n, name in ((2, "b-notes.txt"), (0, "a-minutes.txt")):
        (folder / name).write_text(f"Call {n}\n")
        assert ccm("attach", by_summary[f"Call {n}"], str(folder / name)).exit_code == 0
    return ccm


def _jsonl(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_all_into_a_pipe_is_a_plain_line_per_engagement(large):
    ccm = large
    every = json.loads(ccm("engagements", "--all", "--json").stdout)
    result = ccm("engagements", "--all")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == len(every) > 50
    for line, engagement in zip(lines, every):
        fields = line.split("\t")
        assert len(fields) == 7, line
        assert fields[0] == engagement["date"] and fields[1] == engagement["id"]
        assert fields[5] == engagement["summary"]
    assert "─" not in result.stdout  # no table


def test_jsonl_is_one_object_a_line_and_the_same_as_json(large):
    ccm = large
    assert _jsonl(ccm("engagements", "--state", "KEN", "--jsonl", "-n", "5")) == json.loads(
        ccm("engagements", "--state", "KEN", "--json", "-n", "5").stdout
    )
    every = _jsonl(ccm("engagements", "--all", "--jsonl"))
    assert every == json.loads(ccm("engagements", "--all", "--json").stdout)
    history = _jsonl(ccm("history", "KEN", "--jsonl"))
    assert history == json.loads(ccm("history", "KEN", "--json").stdout)


def test_history_all_into_a_pipe_is_plain_lines_oldest_first(large):
    ccm = large
    result = ccm("history", "KEN", "--all")
    assert result.exit_code == 0, result.output
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert len(lines) == len(json.loads(ccm("history", "KEN", "--all", "--json").stdout))
    days = [date.fromisoformat(fields[0]) for fields in lines]
    assert days == sorted(days)
    assert {fields[1] for fields in lines} >= {"treaty", "engagement"}


def test_history_streamed_is_the_timeline_built_whole(large):
    """`--all` merges the engagements, read oldest day first a page at a time, with the other
    entries: the same entries in the same order as the timeline built whole and sorted."""
    ccm = large
    streamed = _jsonl(ccm("history", "KEN", "--all", "--jsonl"))
    assert streamed == json.loads(ccm("history", "KEN", "-n", "100000", "--json").stdout)
    order = ["treaty", "category", "vote", "engagement", "attachment", "reply", "offer", "counterpart"]
    dated = [e for e in streamed if e["kind"] not in ("offer", "counterpart")]
    assert dated == sorted(dated, key=lambda e: (e["date"], order.index(e["kind"])))
    day = [e for e in streamed if e["date"] == "2020-02-03"]
    calls = [e for e in day if e["kind"] == "engagement" and e["what"].startswith("Call:")]
    # A day's engagements in the listing's order (id descending), then the files in the order attached.
    assert [e["id"] for e in calls] == sorted((e["id"] for e in calls), reverse=True)
    assert [e["what"].split(" (")[0] for e in day if e["kind"] == "attachment"] == [
        "Attached b-notes.txt",
        "Attached a-minutes.txt",
    ]
    assert day.index(calls[-1]) < next(i for i, e in enumerate(day) if e["kind"] == "attachment")
    assert [e["what"] for e in calls if "(with ICRC)" in e["what"]] == ["Call: Call 1 (by ESP) (with ICRC)"]


def test_reading_page_by_page_gives_the_listing_exactly(large):
    from ccmtui.db.read import open_reader

    reader = open_reader(large.db)
    try:
        for chosen in (
            EngagementFilter(limit=None),
            EngagementFilter(state="KEN", limit=None),
            EngagementFilter(state="KEN", limit=None, since=date(2020, 1, 1), until=date(2020, 12, 31)),
            EngagementFilter(area="universalization", limit=None),
            EngagementFilter(actor="ESP", limit=None),
            EngagementFilter(state="KEN", actor="ESP", limit=None),
            EngagementFilter(limit=17),
        ):
            whole = [line.uuid for line in list_engagements(reader, chosen)]
            assert whole, chosen
            # Pages of three: many a page ends inside a day, and the next one must carry on there.
            assert [line.uuid for line in iter_engagements(reader, chosen, page=3)] == whole, chosen
            if chosen.state and chosen.limit is None:
                # A timeline's order: the days turned round, each day's own order kept.
                timeline = [line.uuid for line in sorted(list_engagements(reader, chosen), key=lambda x: x.occurred_on)]
                assert [line.uuid for line in iter_engagements(reader, chosen, page=3, oldest_first=True)] == timeline
    finally:
        reader.close()


def test_a_states_listing_follows_an_edit_of_the_date_and_its_undo(ccm):
    newest = _jsonl(ccm("engagements", "--state", "KEN", "--jsonl", "-n", "1"))[0]
    assert ccm("edit", newest["id"], "--date", "1999-05-04").exit_code == 0
    assert _jsonl(ccm("engagements", "--state", "KEN", "--jsonl", "-n", "1"))[0]["id"] != newest["id"]
    moved = _jsonl(ccm("engagements", "--state", "KEN", "--until", "1999-12-31", "--jsonl"))
    assert [e["id"] for e in moved] == [newest["id"]] and moved[0]["date"] == "1999-05-04"
    assert ccm("undo").exit_code == 0
    assert _jsonl(ccm("engagements", "--state", "KEN", "--jsonl", "-n", "1"))[0]["id"] == newest["id"]


def test_a_new_engagement_heads_its_states_listing_by_its_date(ccm):
    logged = ccm("log", "call", "KEN", "-m", "A call", "--area", "universalization", "--date", "2031-01-02")
    assert logged.exit_code == 0, logged.output
    [first] = _jsonl(ccm("engagements", "--state", "KEN", "--jsonl", "-n", "1"))
    assert (first["date"], first["summary"]) == ("2031-01-02", "A call")
    [by] = _jsonl(ccm("engagements", "--state", "KEN", "--since", "2031-01-01", "--jsonl"))
    assert by["id"] == first["id"]
