"""The quarterly summary as a Word document: the text of its Markdown version (quarter_text.py), on A4
(or the paper config.toml names) with tables fitted to their content."""

from __future__ import annotations

from ccmtui.reports.quarter import QuarterSummary


def render_docx(summary: QuarterSummary, paper: str = "a4", aggregate_only: bool = False) -> bytes:
    from ccmtui.reports.blocks import to_docx
    from ccmtui.reports.quarter_text import quarter_blocks

    q = summary.quarter
    return to_docx(
        quarter_blocks(summary, aggregate_only=aggregate_only),
        paper,
        title=f"Quarterly work-plan summary: {q.long_label}",
        author=summary.prepared_by or "",
    )
