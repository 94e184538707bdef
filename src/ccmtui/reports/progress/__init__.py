"""The progress report for a Meeting of States Parties, in the structure of the San José template.

The San José Progress Report template (5MSP, 2014) leaves each figure as "XX"; this
module fills them from the summaries of `reports.summary` for a period (since a
meeting, as of a day) and returns a plain document model: headings, paragraphs
with footnotes naming the states behind a figure, and annexes of one table and one
chart per thematic area. `to_markdown` renders it as text (charts drawn with
characters); `reports.export_progress_docx` renders it as a Word file with PNG charts.

`aggregate_only` names no individual state anywhere, as the Beirut report series
did: footnotes are dropped, annex tables count instead of listing, and meeting
venues are given by city.

`build_progress_report` puts it together: `context.py` reads the meetings around the
period, `trends.py` writes the front matter and the general trends, `sections.py` one
section per thematic area, `actions.py` the action plan in force action by action, `annexes.py` the tables and charts; `document.py` is the
model they fill and `markdown.py` renders it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ccmtui.reports.action_plan import action_plan
from ccmtui.reports.progress.actions import action_plan_annex, action_plan_section
from ccmtui.reports.progress.annexes import build_annexes
from ccmtui.reports.progress.context import read_context
from ccmtui.reports.progress.document import Block, ChartSpec, Document, Note, ProgressReport, TableSpec
from ccmtui.reports.progress.markdown import to_markdown
from ccmtui.reports.progress.sections import (
    cooperation_section,
    national_measures_section,
    obligations_section,
    transparency_section,
    universalization_section,
    victim_assistance_section,
)
from ccmtui.reports.progress.trends import front_matter, general_trends
from ccmtui.reports.summary import Overview, build_summary

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.reports.register import Register


def build_progress_report(
    reader: Reader,
    as_of: date | str | None,
    since: date | str | None,
    *,
    aggregate_only: bool = False,
    register: Register | None = None,
) -> ProgressReport:
    """The progress report for the period, every "XX" of the template filled from the data."""
    overview: Overview = build_summary(reader, None, as_of, since, register=register)
    ctx = read_context(reader, overview.period, aggregate_only)
    doc = Document(aggregate_only)
    s = overview.summaries
    title = front_matter(doc, ctx)
    general_trends(doc, ctx, s)
    doc.add("heading1", "2. Partnerships")
    doc.challenges(ctx.next_code)
    universalization_section(doc, ctx, s["universalization"])
    obligations_section(doc, ctx, s["stockpile-destruction"], "4. Stockpile Destruction")
    obligations_section(doc, ctx, s["clearance"], "5. Clearance")
    victim_assistance_section(doc, ctx, s["victim-assistance"])
    cooperation_section(doc, ctx, s["cooperation"])
    doc.add("heading1", "8. Implementation Support")
    doc.challenges(ctx.next_code)
    transparency_section(doc, ctx, s["transparency"])
    national_measures_section(doc, ctx, s["national-implementation"])
    doc.add("heading1", "11. Compliance")
    doc.challenges(ctx.next_code)
    actions = action_plan(reader, overview.period.as_of.year, ctx.plan)
    action_plan_section(doc, ctx, actions, 12)
    return ProgressReport(
        period=overview.period,
        title=title,
        aggregate_only=aggregate_only,
        body=doc.blocks,
        footnotes=doc.footnotes,
        annexes=build_annexes(ctx, s) + action_plan_annex(ctx, actions),
    )


__all__ = [
    "Block",
    "ChartSpec",
    "Note",
    "ProgressReport",
    "TableSpec",
    "build_progress_report",
    "to_markdown",
    "with_formal_names",
]


def with_formal_names(report: ProgressReport, short_names: dict[str, str]) -> ProgressReport:
    """The report with every state called by its UN formal name (reports/formal.py), for a file to circulate."""
    from dataclasses import replace

    from ccmtui.reports.formal import formal_replacer

    fix = formal_replacer(short_names)

    def block(b: Block) -> Block:
        runs = [fix(run) if isinstance(run, str) else run for run in b.runs]
        table = b.table and replace(b.table, title=fix(b.table.title), rows=[[fix(c) for c in r] for r in b.table.rows])
        chart = b.chart and replace(b.chart, items=[(fix(label), value) for label, value in b.chart.items])
        return replace(b, runs=runs, table=table, chart=chart)

    return replace(
        report,
        body=[block(b) for b in report.body],
        footnotes=[fix(note) for note in report.footnotes],
        annexes=[block(b) for b in report.annexes],
    )
