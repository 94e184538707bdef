"""The progress report as a Word document: headings, footnote numbers, annex tables and PNG charts.

python-docx and matplotlib are imported here only, when a .docx is asked for; matplotlib
draws with the Agg backend (no display needed).
"""

from __future__ import annotations

import io
from datetime import datetime

from ccmtui.reports.progress import ChartSpec, Note, ProgressReport, TableSpec

HEADING_LEVELS = {"heading1": 1, "heading2": 2, "heading3": 3}


def chart_png(chart: ChartSpec) -> bytes:
    """A horizontal bar chart as PNG bytes."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    labels = [label.strip() for label, _ in chart.items][::-1]
    values = [value for _, value in chart.items][::-1]
    figure, axes = pyplot.subplots(figsize=(6.5, 0.45 * max(len(values), 2) + 1.0), dpi=150)
    try:
        bars = axes.barh(labels, values, color="#2b6c9e")
        axes.bar_label(bars, labels=[f"{v:,}" for v in values], padding=3, fontsize=8)
        axes.set_title(chart.title, fontsize=10, loc="left")
        axes.spines[["top", "right"]].set_visible(False)
        axes.tick_params(labelsize=8)
        axes.set_xlim(0, max(values + [1]) * 1.15)
        axes.xaxis.get_major_locator().set_params(integer=True)
        figure.tight_layout()
        buffer = io.BytesIO()
        # No timestamp in the PNG: the same data draws the same bytes.
        figure.savefig(buffer, format="png", metadata={"Software": None})
        return buffer.getvalue()
    finally:
        pyplot.close(figure)


def _runs(paragraph, runs) -> None:
    for run in runs:
        if isinstance(run, Note):
            paragraph.add_run(str(run.number)).font.superscript = True
        else:
            paragraph.add_run(run)


def _table(document, table: TableSpec) -> None:
    document.add_paragraph().add_run(table.title).bold = True
    if table.rows:
        grid = document.add_table(rows=1, cols=len(table.headers))
        grid.style = "Table Grid"
        for cell, heading in zip(grid.rows[0].cells, table.headers):
            cell.text = ""
            cell.paragraphs[0].add_run(heading).bold = True
        for row in table.rows:
            cells = grid.add_row().cells
            for cell, value in zip(cells, row):
                cell.text = value
    note = table.note or ("None." if not table.rows else "")
    if note:
        document.add_paragraph().add_run(note).italic = True


def build_docx(report: ProgressReport):
    """The report as a python-docx Document."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Inches, Pt

    document = Document()
    document.core_properties.title = report.title
    document.core_properties.created = datetime.combine(report.period.as_of, datetime.min.time())
    document.styles["Normal"].font.size = Pt(11)
    for block in report.body:
        if block.kind == "title":
            document.add_heading(block.text, level=0)
        elif block.kind == "subtitle":
            document.add_heading(block.text, level=1)
        elif block.kind in HEADING_LEVELS:
            document.add_heading(block.text, level=HEADING_LEVELS[block.kind] + (1 if block.kind != "heading1" else 0))
        elif block.kind in ("byline", "draft"):
            paragraph = document.add_paragraph()
            paragraph.add_run(block.text).italic = True
            if block.kind == "byline":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            _runs(document.add_paragraph(), block.runs)
    if report.footnotes:
        document.add_heading("Notes", level=2)
        for number, note in enumerate(report.footnotes, 1):
            paragraph = document.add_paragraph()
            paragraph.add_run(str(number)).font.superscript = True
            paragraph.add_run(" " + note).font.size = Pt(9)
    for block in report.annexes:
        if block.kind == "heading1":
            document.add_page_break()
            document.add_heading(block.text, level=1)
        elif block.table is not None:
            _table(document, block.table)
        elif block.chart is not None:
            document.add_picture(io.BytesIO(chart_png(block.chart)), width=Inches(6.0))
            if block.chart.note:
                document.add_paragraph().add_run(block.chart.note).italic = True
    return document
