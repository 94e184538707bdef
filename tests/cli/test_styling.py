"""The program's own styling is applied, never printed: no `[bold]` or `[/]` reaches a reader.

Stored text is printed literally (markup off), so a heading the program styles must ask for
markup itself; a heading that forgets shows its tags in plain sight.
"""

from __future__ import annotations

import re

import pytest

TAGS = re.compile(r"\[/?(bold|dim|italic|red|green|yellow|cyan|magenta)?\]")

READINGS = [
    ("status", "--category", "II"),
    ("due",),
    ("due", "--as-of", "2024-10-01"),
    ("history", "KEN"),
    ("engagements", "--state", "GHA"),
    ("campaign", "list"),
    ("changes",),
    ("search", "conference"),
    ("summary", "universalization", "--since", "4MSP", "--as-of", "2014-06-30"),
    ("summary", "clearance"),
    ("workplan", "show", "stockpile"),
    ("milestone", "list"),
    ("obligation", "list"),
    ("meeting", "list"),
    ("whatif", "THA", "--deposit", "2027-01-15", "--stocks"),
]


@pytest.mark.parametrize("args", READINGS, ids=" ".join)
def test_no_markup_tag_is_printed(reading, args):
    result = reading(*args)
    assert result.exit_code == 0, result.output
    assert not TAGS.search(result.output), f"ccm {' '.join(args)} prints a markup tag:\n{result.output}"
