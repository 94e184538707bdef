"""The docs keep up with the commands: a current reference, help everywhere, every command shown at work."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ccmtui.cli import reference

ROOT = Path(__file__).resolve().parents[1]
CLI_MD = ROOT / "docs" / "cli.md"
# The pages a reader learns the commands from: every one but the generated reference.
PAGES = sorted(p for p in [ROOT / "README.md", *(ROOT / "docs").rglob("*.md")] if p != CLI_MD)

COMMANDS = [(path, command) for path, command, _context in reference.walk()]


def _id(path: tuple[str, ...]) -> str:
    return " ".join(path)


def test_the_command_reference_is_current():
    assert CLI_MD.read_text(encoding="utf-8") == reference.render(), (
        f"docs/cli.md is stale: regenerate it with `{reference.REGENERATE}` and commit it"
    )


@pytest.mark.parametrize("path, command", COMMANDS, ids=[_id(path) for path, _ in COMMANDS])
def test_every_command_and_parameter_has_help(path, command):
    assert reference.inspect_help(command).strip(), f"`{_id(path)}` has no help: give it a docstring"
    missing = [p.name for p in reference.parameters(command) if not (getattr(p, "help", None) or "").strip()]
    assert not missing, f"`{_id(path)}`: no help= for {', '.join(missing)}"


def _mentioned(path: tuple[str, ...], text: str) -> bool:
    # `ccm attachment list`, also as `ccm --db sample.db attachment list`.
    words = r"\s+".join(re.escape(word) for word in path[1:])
    return re.search(rf"\bccm(?:\s+--db\s+\S+)?\s+{words}(?![\w-])", text) is not None


LEAVES = [path for path, command in COMMANDS if len(path) > 1 and not hasattr(command, "list_commands")]


def test_every_command_is_shown_in_a_docs_page():
    text = "\n".join(page.read_text(encoding="utf-8") for page in PAGES)
    missing = [_id(path) for path in LEAVES if not _mentioned(path, text)]
    assert not missing, (
        f"not in README.md or any page of docs/ (docs/cli.md aside): {', '.join(missing)}; "
        "show each where a reader would look for it"
    )


def test_the_reference_is_linked_from_the_readme_and_the_development_guide():
    assert "(docs/cli.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/cli.md" in (ROOT / "docs" / "development.md").read_text(encoding="utf-8")
