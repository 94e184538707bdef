"""The progress report as a Word document: headings, footnote numbers, annex tables and bar charts.

python-docx is imported here only, when a .docx is asked for. The page is A4 (or the paper
config.toml names); tables fit their content and charts are Word tables of bars (docx_layout.py),
so no plotting library is needed.
"""

from __future__ import annotations

from datetime import datetime

from ccmtui.reports.progress import Note, ProgressReport, TableSpec

HEADING_LEVELS = {"heading1": 1, "heading2": 2, "heading3": 3}


def _runs(paragraph, runs) -> None:
    for run in runs:
        if isinstance(run, Note):
            paragraph.add_run(str(run.number)).font.superscript = True
        else:
            paragraph.add_run(run)


def _table(document, table: TableSpec) -> None:
    from ccmtui.reports.docx_layout import fitted_table

    title = document.add_paragraph()
    title.paragraph_format.keep_with_next = True
    title.add_run(table.title).bold = True
    if table.rows:
        fitted_table(document, table.headers, table.rows)
    note = table.note or ("None." if not table.rows else "")
    if note:
        document.add_paragraph().add_run(note).italic = True


def build_docx(report: ProgressReport, paper: str = "a4"):
    """The report as a python-docx Document."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from ccmtui.reports.docx_layout import bar_chart, new_document

    document = new_document(paper, title=report.title)
    document.core_properties.created = datetime.combine(report.period.as_of, datetime.min.time())
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
            bar_chart(document, block.chart.title, block.chart.items, block.chart.note)
    return document
