"""The quarterly summary as a Markdown document to circulate; user text is escaped."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ccmtui.reports.quarter import QuarterSummary

# Characters that start inline markup anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]<>|~#])")
# What starts a block only at the beginning of a line: a list item, a setext underline.
_BLOCK_START = re.compile(r"^(?:([-+=])|(\d+)([.)]))")
_ENTITY = re.compile(r"&(?=#?\w+;)")


def escape(text: str) -> str:
    """User text shown literally: markup characters escaped, on one line (table cells stay cells)."""
    line = " ".join(str(text).split())
    line = _ENTITY.sub("&amp;", _INLINE.sub(r"\\\1", line))
    start = _BLOCK_START.match(line)
    if start and start.group(1):
        return "\\" + line
    if start:
        return start.group(2) + "\\" + line[start.end(2) :]
    return line


def render_markdown(summary: QuarterSummary, formal_names: bool = True, aggregate_only: bool = False) -> str:
    """The summary as Markdown: the same text as its Word version (quarter_text.py)."""
    from ccmtui.reports.blocks import to_markdown
    from ccmtui.reports.quarter_text import quarter_blocks

    return to_markdown(quarter_blocks(summary, formal_names, aggregate_only))
