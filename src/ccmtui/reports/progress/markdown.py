"""The progress report as Markdown: footnotes as [^n], annex charts as text in code blocks."""

from __future__ import annotations

from ccmtui.reports import charts
from ccmtui.reports.progress.document import ChartSpec, Note, ProgressReport, TableSpec


def markdown_escape(text: str) -> str:
    """A stored name in Markdown: shown as written (the same escaping as the other Markdown exports)."""
    from ccmtui.reports.export_markdown import escape

    return escape(text)


def _md_runs(runs) -> str:
    return "".join(f"[^{run.number}]" if isinstance(run, Note) else run for run in runs)


def to_markdown(report: ProgressReport, chart_width: int = 40) -> str:
    """The report as Markdown: footnotes as [^n], annex charts as text in code blocks."""
    lines: list[str] = []
    for block in report.body:
        text = _md_runs(block.runs)
        prefix = {"title": "# ", "subtitle": "## ", "heading1": "## ", "heading2": "### ", "heading3": "#### "}.get(
            block.kind
        )
        if prefix:
            lines += [f"{prefix}{text}", ""]
        elif block.kind in ("byline", "draft"):
            lines += [f"*{text}*", ""]
        else:
            lines += [text, ""]
    for number, note in enumerate(report.footnotes, 1):
        lines.append(f"[^{number}]: {markdown_escape(note)}")
    if report.footnotes:
        lines.append("")
    for block in report.annexes:
        if block.kind == "heading1":
            lines += [f"## {block.text}", ""]
        elif block.table is not None:
            lines += _md_table(block.table)
        elif block.chart is not None:
            lines += _md_chart(block.chart, chart_width)
    return "\n".join(lines).rstrip() + "\n"


def _md_table(table: TableSpec) -> list[str]:
    lines = [f"**{table.title}**", ""]
    if table.rows:
        lines.append("| " + " | ".join(table.headers) + " |")
        lines.append("|" + "|".join("---" for _ in table.headers) + "|")
        lines += ["| " + " | ".join(markdown_escape(cell) for cell in row) + " |" for row in table.rows]
        lines.append("")
    if table.note:
        lines += [f"*{table.note}*", ""]
    elif not table.rows:
        lines += ["*None.*", ""]
    return lines


def _md_chart(chart: ChartSpec, width: int) -> list[str]:
    lines = [f"**{chart.title}**", "", "```", *charts.bar_lines(chart.items, width), "```", ""]
    if chart.note:
        lines += [f"*{chart.note}*", ""]
    return lines
