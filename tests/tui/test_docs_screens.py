"""Each screen of the app has a docs page, and the screenshots there are the snapshot tests' own."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = runpy.run_path(str(ROOT / "scripts" / "docs-screenshots"), run_name="docs_screenshots")
DOCS = ROOT / "docs" / "tui"
PAGES = (
    "dashboard",
    "due",
    "states",
    "log",
    "engagements",
    "campaigns",
    "workplan",
    "summary",
    "changes",
    "treaty-records",
    "practices",
    "conflicts",
    "sync",
    "export",
    "attachments",
    "coalitions",
)


def test_the_docs_screenshots_are_the_current_snapshots():
    stale = [
        name
        for name, test in SCRIPT["SCREENSHOTS"].items()
        if (DOCS / f"{name}.svg").read_bytes() != (SCRIPT["SNAPSHOTS"] / f"{test}.svg").read_bytes()
    ]
    assert not stale, f"run scripts/docs-screenshots: {', '.join(stale)} differ from the snapshots"


def images(page: Path) -> list[Path]:
    found = re.findall(r"!\[[^\]]*\]\(([^)]+\.svg)\)", page.read_text(encoding="utf-8"))
    return [page.parent / image for image in found]


def test_every_screen_has_a_page_showing_its_screenshots():
    shown = set()
    for page in PAGES:
        found = images(DOCS / f"{page}.md")
        assert found, f"{page}.md shows no screenshot"
        shown |= {image.stem for image in found}
    shown |= {image.stem for image in images(ROOT / "docs" / "tui.md")}
    for image in shown:
        assert (DOCS / f"{image}.svg").exists(), image
    assert shown == set(SCRIPT["SCREENSHOTS"]), set(SCRIPT["SCREENSHOTS"]) ^ shown
    index = (ROOT / "docs" / "tui.md").read_text(encoding="utf-8")
    for page in PAGES:
        assert f"tui/{page}.md" in index, page
