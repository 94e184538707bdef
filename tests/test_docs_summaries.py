"""Every summary has its page with sample output, and every new command explains itself."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from ccmtui.reports.summary import SUMMARY_AREAS

from .conftest import ROOT

COMMANDS = [
    ["summary"],
    ["report", "progress"],
    *[
        [noun, verb]
        for noun in ("obligation", "retention", "transparency", "measures", "cooperation")
        for verb in ("add", "list")
    ],
    ["obligation", "update"],
]


@pytest.mark.parametrize("area", SUMMARY_AREAS)
def test_each_summary_has_a_page_with_sample_output(area):
    page = ROOT / "docs" / "summaries" / f"{area}.md"
    text = page.read_text(encoding="utf-8")
    assert f"ccm summary {area}" in text
    assert "## Sample output" in text and "```" in text
    assert f"summaries/{area}.md" in (ROOT / "docs" / "summaries.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_each_command_has_help_and_docs(command):
    from ccmtui.cli import app

    result = CliRunner().invoke(app, [*command, "--help"], prog_name="ccm")
    assert result.exit_code == 0
    after_usage = result.stdout.split("Usage:")[1].splitlines()[1:]
    summary_line = next(line.strip() for line in after_usage if line.strip())
    assert len(summary_line) > 20, summary_line
    docs = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md"))
    assert f"ccm {' '.join(command)}" in docs or f"ccm {command[0]} " in docs
