"""One set of values for every backend: what PostgreSQL refuses is refused everywhere, before writing.

At the edge (the command line, an import, the app's forms, all through the Writer) a NUL byte or
another control character, or a value longer than its column, is one line and nothing written; a
sync that meets such a value in an older database leaves that record out, names it, and carries
the rest; corrected, it goes across with the next sync. On SQLite and through PostgreSQL.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ccmtui.domain.values import TEXT_COLUMNS, problem
from tests import backends

from ..conftest import CCM, SAMPLE
from ..tui.conftest import make_app  # noqa: F401 - the app, for the form test

LOME = "480d530f"


def one_line(result, *phrases):
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    for phrase in phrases:
        assert phrase in lines[0], lines[0]


def test_the_limits_are_the_columns_of_the_models():
    from sqlalchemy import String, Text

    from ccmtui.db.models import Base

    expected = {
        table.name: {
            c.name: (None if isinstance(c.type, Text) else c.type.length)
            for c in table.columns
            if isinstance(c.type, String)
        }
        for table in Base.metadata.sorted_tables
    }
    assert TEXT_COLUMNS == expected


def test_problem_names_what_is_wrong():
    assert "U+0000" in problem("engagements", "notes", "a\x00b")
    assert problem("engagements", "notes", "line\nnext\ttab\r\n") is None
    assert "line break" in problem("engagements", "summary", "a\nb")
    assert "at most 100" in problem("engagement_actors", "actor", "x" * 101)
    assert problem("engagement_actors", "actor", "x" * 100) is None


@pytest.mark.parametrize(
    "args, phrase",
    [
        (["log", "call", "KEN", "-m", "Call\x00with a NUL"], "U+0000"),
        (["log", "call", "KEN", "-m", "Call\x1b[2J"], "U+001B"),
        (["log", "call", "KEN", "-m", "x" * 301], "300"),
        (["log", "call", "KEN", "-m", "Fine", "--notes", "bell\x07"], "U+0007"),
        (["log", "call", "KEN", "-m", "Fine", "--by", "Y" * 150], "unknown acting party"),
        (["campaign", "new", "T\x00", "--to", "category:III", "--yes"], "U+0000"),
    ],
)
def test_the_command_line_refuses_what_no_backend_holds(ccm, args, phrase):
    before = ccm.dump()
    result = ccm(*args, "-a", "univ", "--date", "2024-01-01")
    assert result.exit_code == 1, result.output
    one_line(result, phrase)
    assert ccm.dump() == before


def test_notes_keep_their_lines_and_tabs(ccm):
    result = ccm(
        "log", "call", "KEN", "-m", "Fine", "--notes", "first line\n\tsecond", "-a", "univ", "--date", "2024-01-01"
    )
    assert result.exit_code == 0, result.output


def test_an_import_names_the_line_of_a_value_no_backend_holds(ccm, tmp_path):
    sheet = tmp_path / "log.csv"
    sheet.write_text(
        'date,kind,states,area,summary,notes\n2024-01-01,call,KEN,univ,Fine,ok\n2024-01-02,call,UGA,univ,Bad,"a\x00b"\n'
    )
    before = ccm.dump()
    result = ccm("import", "engagements", sheet)
    assert result.exit_code == 1, result.output
    assert "line 3" in result.stderr and "U+0000" in result.stderr
    assert ccm.dump() == before


def _laptop(tmp_path, name: str) -> CCM:
    path = tmp_path / f"{name}.db"
    shutil.copy(SAMPLE, path)
    return CCM(path)


def _legacy_records(db: Path) -> tuple[str, str]:
    """An older ccm took these: a NUL in a note, an acting party of 150 characters (with its engagement)."""
    from ccmtui.db.write import writing

    with writing(str(db), by="older ccm", command="log") as writer:
        backend = writer.backend
        bad_note = backend.complete(
            "engagements",
            {
                "occurred_on": __import__("datetime").date(2024, 3, 1),
                "kind": "call",
                "area": "universalization",
                "channel": "geneva",
                "summary": "Imported with a NUL",
                "notes": "minutes\x00",
            },
            writer.stamp,
        )
        backend.insert("engagements", bad_note)
        backend.insert(
            "engagement_states",
            backend.complete("engagement_states", {"engagement_uuid": bad_note["uuid"], "iso3": "KEN"}, writer.stamp),
        )
        [lome] = [u for u in writer.stamps("engagements") if u.startswith(LOME)]
        actor = backend.complete("engagement_actors", {"engagement_uuid": lome, "actor": "A" * 150}, writer.stamp)
        backend.insert("engagement_actors", actor)
        writer.insert(
            "engagements",
            {
                "occurred_on": bad_note["occurred_on"],
                "kind": "call",
                "area": "universalization",
                "channel": "geneva",
                "summary": "A good one",
            },
        )
    return bad_note["uuid"], actor["uuid"]


def _sync_and_fix(laptop: CCM, other: str, other_ccm: CCM) -> None:
    bad_note, bad_actor = _legacy_records(laptop.db)
    result = laptop("sync", other)
    assert result.exit_code == 0, result.output
    assert f"engagements {bad_note[:8]}" in result.stderr and "U+0000" in result.stderr
    assert f"engagement_actors {bad_actor[:8]}" in result.stderr and "at most 100" in result.stderr
    assert "engagement_states" in result.stderr  # the bad engagement's state goes with it
    summaries = {
        e["summary"] for e in json.loads(other_ccm("engagements", "--json", "--all", "--since", "2024-03-01").stdout)
    }
    assert "A good one" in summaries and "Imported with a NUL" not in summaries
    report = json.loads(laptop("sync", other, "--json").stdout)
    assert {r["uuid"] for r in report["refused"]} >= {bad_note, bad_actor}
    # Corrected where it was made, it goes across.
    from ccmtui.db.write import writing

    with writing(str(laptop.db), by="me", command="fix") as writer:
        writer.update("engagements", bad_note, {"notes": "minutes"})
        writer.update("engagement_actors", bad_actor, {"actor": "A" * 100})
    report = json.loads(laptop("sync", other, "--json").stdout)
    assert report["refused"] == []
    summaries = {
        e["summary"] for e in json.loads(other_ccm("engagements", "--json", "--all", "--since", "2024-03-01").stdout)
    }
    assert "Imported with a NUL" in summaries


def test_a_sync_between_files_leaves_out_and_names_what_the_other_cannot_hold(tmp_path):
    a, b = _laptop(tmp_path, "a"), _laptop(tmp_path, "b")
    _sync_and_fix(a, str(b.db), b)


@pytest.mark.sqlite_only
def test_a_sync_through_postgresql_leaves_out_and_names_what_it_refuses(tmp_path, postgres):
    team = backends.new_database()
    try:
        _sync_and_fix(_laptop(tmp_path, "a"), team, CCM(team))
    finally:
        backends.drop(team)


@pytest.mark.sqlite_only
async def test_the_apps_form_refuses_what_no_backend_holds(make_app, sample_db):  # noqa: F811 - the fixture
    from textual.widgets import Label

    from tests.tui.conftest import SIZE, count, settle

    before = count(sample_db, "SELECT count(*) FROM engagements")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        screen = app.screen
        await pilot.press(*"kenya", "enter")
        screen.query_one("#log-summary").value = "A call"
        screen.query_one("#log-notes").text = "minutes\x00"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        shown = str(screen.query_one("#error-form", Label).render())
        assert shown.startswith("Error: ") and "U+0000" in shown and "\n" not in shown
    assert count(sample_db, "SELECT count(*) FROM engagements") == before
