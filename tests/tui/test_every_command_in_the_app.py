"""Every `ccm` command has a way in the app, documented in docs/tui/, or a documented reason not to."""

from __future__ import annotations

import re
from pathlib import Path

from ccmtui.cli import reference

ROOT = Path(__file__).resolve().parents[2]
MAP = ROOT / "docs" / "tui" / "commands.md"
NOT_IN_THE_APP = "Not in the app"
ROW = re.compile(r"^\| `(ccm [^`]+)` \| (.+) \|$")
LINK = re.compile(r"\]\(([^)#]+\.md)\)")


def commands() -> list[str]:
    """Every command a user runs: the leaves, and the groups that do something of their own."""
    found = []
    for path, command, _context in reference.walk():
        if len(path) == 1:
            continue
        if not hasattr(command, "list_commands") or getattr(command, "invoke_without_command", False):
            found.append(" ".join(path))
    return found


def rows() -> dict[str, str]:
    table = {}
    for line in MAP.read_text(encoding="utf-8").splitlines():
        match = ROW.match(line)
        if match:
            table[match[1]] = match[2]
    return table


def test_every_command_has_a_way_in_the_app_or_a_reason():
    table = rows()
    missing = [command for command in commands() if command not in table]
    assert not missing, f"docs/tui/commands.md has no row for: {', '.join(missing)}"
    for command in commands():
        way = table[command]
        if way.startswith(NOT_IN_THE_APP):
            reason = way[len(NOT_IN_THE_APP) :].strip(" :.")
            assert len(reason.split()) >= 5, f"{command}: say why it is not in the app"
            continue
        pages = LINK.findall(way)
        assert pages, f"{command}: link the docs/tui page that shows where it is in the app"
        for page in pages:
            assert (MAP.parent / page).is_file(), f"{command}: {page} does not exist"


def test_no_row_names_a_command_that_is_gone():
    gone = set(rows()) - set(commands())
    assert not gone, f"docs/tui/commands.md lists commands ccm no longer has: {', '.join(sorted(gone))}"


def test_the_app_guide_links_the_map():
    assert "tui/commands.md" in (ROOT / "docs" / "tui.md").read_text(encoding="utf-8")
