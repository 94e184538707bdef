"""Stored text is text: markup and escape sequences in every text field, through every listing and page.

Whatever a colleague typed, synced or imported, `ccm` prints it as written: `[/]` never ends a
style (nor the command), `[link=…]` is no hyperlink, `[draft]` does not vanish, and escape
sequences are shown as visible placeholders, never sent to the terminal. Plain and in colour,
on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json

import pytest

from ccmtui.textsafe import literal, visible

# A long suite: .ci/run runs it with the slow ones (`pytest -m slow`).
pytestmark = pytest.mark.slow


LOME = "480d530f"  # the Lomé conference in the sample
MARKUP = "[/][link=https://example.org/x]Open the minutes[/link] [draft] [ref. 2013/45] [bold red]"
ESCAPES = "\x1b]0;owned\x07\x1b[2J\x1b]8;;https://example.org\x1b\\\x9b31m\x08"
HOSTILE = MARKUP + ESCAPES
SHORT = "[/][draft]\x1b[2J"  # for the short columns
# Free text of every kind a coordinator or an import fills in.
FIELDS = {
    "engagements": ("summary", "notes", "recorded_by"),
    "engagement_actors": ("actor",),
    "campaigns": ("title", "recorded_by"),
    "replies": ("summary", "recorded_by"),
    "states": ("name",),
    "meetings": ("name", "city", "notes"),
    "work_plans": ("title", "background", "strategy", "expected_outputs", "recorded_by"),
    "work_plan_items": ("text",),
    "milestones": ("title", "notes", "recorded_by"),
    "obligations": ("notes", "recorded_by"),
    "classifications": ("rationale", "recorded_by"),
    "attachments": ("filename", "media_type", "recorded_by"),
    "changesets": ("command", "made_by"),
}
# Forbidden in what reaches the terminal: OSC (titles, hyperlinks), clearing the screen, one-byte CSI, bell.
FORBIDDEN = ("\x1b]", "\x1b[2J", "\x9b", "\x07", "\x08")


def _plant(target: str) -> None:
    from sqlalchemy import String, create_engine, text

    from ccmtui.db.models import Base

    url = target if "://" in target else f"sqlite:///{target}"
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            for table, columns in FIELDS.items():
                for name in columns:
                    column = Base.metadata.tables[table].c[name]
                    limit = column.type.length if isinstance(column.type, String) else None
                    prefix = HOSTILE if limit is None or limit >= 200 else SHORT
                    value = f"substr(:prefix || {name}, 1, {limit})" if limit else f":prefix || {name}"
                    connection.execute(text(f"UPDATE {table} SET {name} = {value}"), {"prefix": prefix})
    finally:
        engine.dispose()


@pytest.fixture
def hostile(ccm, tmp_path):
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(b"%PDF-1.4")
    assert ccm("attach", LOME, letter).exit_code == 0
    assert ccm("log", "call", "KEN", "-m", "A call", "-a", "univ", "--date", "2024-01-01").exit_code == 0
    _plant(str(ccm.db))
    return ccm


def _views(ccm) -> list[list[str]]:
    campaign = json.loads(ccm("campaign", "list", "--json").stdout)[0]["id"][:8]
    plan = json.loads(ccm("workplan", "list", "--json").stdout)[0]["id"][:8]
    return [
        ["engagements", "--all"],
        ["engagements", "--state", "TGO", "--all"],
        ["show", LOME],
        ["history", "TGO", "--all"],
        ["campaign", "list"],
        ["campaign", "show", campaign],
        ["changes"],
        ["due", "--days", "10000"],
        ["search", "minutes"],
        ["status"],
        ["summary"],
        ["workplan", "list"],
        ["workplan", "show", plan],
        ["milestone", "list"],
        ["attachment", "list", LOME],
        ["obligation", "list"],
        ["undo"],
    ]


@pytest.mark.parametrize("colour", [False, True], ids=["plain", "colour"])
def test_markup_and_escapes_in_every_field_print_as_written(hostile, monkeypatch, colour):
    if colour:
        monkeypatch.setenv("FORCE_COLOR", "1")
        monkeypatch.setenv("TERM", "xterm-256color")
    else:
        monkeypatch.setenv("NO_COLOR", "1")
    shown_markup = 0
    for args in _views(hostile):
        result = hostile(*args)
        assert result.exit_code == 0, (args, result.output)
        for sequence in FORBIDDEN:
            assert sequence not in result.output, (args, sequence, result.output)
        if "[draft]" in result.output:
            shown_markup += 1
            assert "[/]" in result.output, args
        if colour:
            assert "\x1b]8;" not in result.output  # no live hyperlink
    assert shown_markup >= 10  # the listings show the stored text itself, brackets and all


def test_json_output_keeps_the_stored_text_exactly(hostile):
    output = hostile("show", LOME, "--json").stdout
    assert not any(sequence in output for sequence in FORBIDDEN)  # escaped as \\uXXXX, never raw
    shown = json.loads(output)
    assert shown["summary"].startswith(HOSTILE[:40]) and "\x9b" in shown["summary"]


def test_visible_and_literal():
    assert visible("a\x1b[2Jb\x00\x9b\x7f") == "a\u241b[2Jb\u2400\ufffd\u2421"
    assert visible("line\nnext\ttab") == "line\nnext\ttab"
    assert visible("line\nnext", lines=False) == "line\u240anext"
    assert visible("\u202eevil") == "\ufffdevil"
    assert literal("[/][link=x]y").plain == "[/][link=x]y"


async def test_every_page_of_the_app_shows_stored_text_as_written(hostile, monkeypatch):
    from tests import backends

    if backends.on_postgresql():
        pytest.skip("the app's pages are read the same way on either backend; this run is on PostgreSQL")
    from ccmtui.tui.app import CCMApp
    from ccmtui.tui.sections import SECTIONS
    from tests.tui.conftest import TODAY, screen_text, settle

    app = CCMApp(str(hostile.db), config={"name": "Ana", "state": "PRT", "area": "universalization"}, today=TODAY)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        seen = []
        for section in SECTIONS:
            await pilot.press("escape", section.key)
            await settle(pilot)
            text = screen_text(app)
            seen.append(text)
            for sequence in FORBIDDEN:
                assert sequence not in text, (section.mode, sequence)
            if section.mode in ("engagements", "changes", "campaigns"):
                await pilot.press("enter")  # the record itself
                await settle(pilot)
                detail = screen_text(app)
                assert not any(sequence in detail for sequence in FORBIDDEN)
                seen.append(detail)
                await pilot.press("escape")
        assert sum("[draft]" in text for text in seen) >= 4
        assert app.return_code in (None, 0)


async def test_notifications_naming_stored_records_are_literal(sample_db):
    from ccmtui.tui.app import CCMApp
    from tests.tui.conftest import TODAY, notices, settle

    app = CCMApp(str(sample_db), config={"name": "Ana", "state": "PRT", "area": "universalization"}, today=TODAY)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        app.screen.notify("[/][draft] closed \x1b[2J", title="[link=x]Campaign")  # a screen's notify asks for markup
        await settle(pilot)
        assert notices(app)[-1] == "[/][draft] closed \u241b[2J"
        assert app.return_code is None  # still running: the toast was drawn without a markup error
