"""The quarterly summary as a Word document (python-docx): headings and tables."""

from __future__ import annotations

import io

from ccmtui.domain.categories import MEANINGS, Category
from ccmtui.domain.engagements import KINDS
from ccmtui.reports.quarter import (
    MilestoneLine,
    QuarterSummary,
    category_groups,
    milestone_counts,
    one_line,
    status_text,
)

MILESTONE_HEADINGS = ("Milestone", "Work plan", "Due", "Status", "Action points")


def _table(document, headings, rows) -> None:
    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, headings):
        cell.text = ""
        cell.paragraphs[0].add_run(heading).bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = str(value)


def _milestone_rows(milestones: list[MilestoneLine]) -> list[list[str]]:
    rows = []
    for m in milestones:
        rows.append([m.title, m.work_plan, m.due.label, status_text(m), " ".join(m.action_points)])
    return rows


def render_docx(summary: QuarterSummary) -> bytes:
    from docx import Document

    q = summary.quarter
    document = Document()
    document.core_properties.title = f"Quarterly work-plan summary: {q.long_label}"
    document.core_properties.author = summary.prepared_by or ""
    document.add_heading(f"Quarterly work-plan summary: {q.long_label}", level=0)
    byline = f"{summary.area_label} · {q.start.isoformat()} to {q.end.isoformat()} · prepared on {summary.generated.isoformat()}"
    if summary.prepared_by:
        byline += f" by {summary.prepared_by}"
    document.add_paragraph(byline)
    document.add_paragraph("For the Coordination Committee of the Convention on Cluster Munitions.")

    document.add_heading("Milestones due and done this quarter", level=1)
    if summary.milestones:
        document.add_paragraph(milestone_counts(summary.milestones, " due or done this quarter") + ".")
        _table(document, MILESTONE_HEADINGS, _milestone_rows(summary.milestones))
        for m in summary.milestones:
            if m.notes:
                document.add_paragraph(f"{m.title} — {one_line(m.notes)}", style="List Bullet")
    else:
        document.add_paragraph("No milestone was due or completed this quarter.")

    document.add_heading("Engagements", level=1)
    e = summary.engagements
    if e.total:
        document.add_paragraph(f"{e.total} engagement(s) with {len(e.by_state)} state(s).")
        _table(document, ("Kind", "Engagements"), [[KINDS.get(k, k), n] for k, n in e.by_kind])
        document.add_paragraph("")
        _table(document, ("State", "Engagements"), [[name, n] for _, name, n in e.by_state])
        if e.notable:
            document.add_heading("Notable engagements", level=2)
            for n in e.notable:
                states = ", ".join(name for _, name in n.states)
                text = f"{n.occurred_on.isoformat()}, {n.kind_label.lower()} with {states}: {n.summary}"
                if n.action_points:
                    text += f" ({', '.join(n.action_points)})"
                if n.notes:
                    text += f" — {one_line(n.notes)}"
                document.add_paragraph(text, style="List Bullet")
    else:
        document.add_paragraph("No engagement was recorded this quarter.")

    document.add_heading("Campaigns", level=1)
    if summary.campaigns:
        _table(
            document,
            ("Launched", "Campaign", "Targets", "Replied", "Pending", "No reply", "Reply rate"),
            [
                [c.launched_on.isoformat(), c.title, c.targets, c.replied, c.pending, c.no_reply, f"{c.reply_rate:.0%}"]
                for c in summary.campaigns
            ],
        )
    else:
        document.add_paragraph("No campaign was launched this quarter.")

    if summary.category_changes is not None:
        document.add_heading("Category changes", level=1)
        if summary.category_changes:
            _table(
                document,
                ("Date", "Category", "Before", "States", "Rationale"),
                [
                    [
                        day.isoformat(),
                        f"{category} ({MEANINGS[Category(category)]})",
                        previous or "none",
                        ", ".join(names),
                        rationale,
                    ]
                    for (day, category, previous, rationale), names in category_groups(summary.category_changes)
                ],
            )
        else:
            document.add_paragraph("No state's category changed this quarter.")

    document.add_heading("Treaty events", level=1)
    if summary.treaty_events:
        _table(
            document,
            ("Date", "State", "Event", "Article"),
            [[t.on.isoformat(), t.name, t.label, t.article] for t in summary.treaty_events],
        )
    else:
        document.add_paragraph("No signature, deposit, entry into force or withdrawal fell in this quarter.")

    document.add_heading(f"Next quarter: {summary.next_quarter.label}", level=1)
    if summary.next_milestones:
        _table(document, MILESTONE_HEADINGS, _milestone_rows(summary.next_milestones))
    else:
        document.add_paragraph("No milestone is due next quarter.")
    if summary.redacted:
        document.add_paragraph("Notes, rationales and the names of individuals are left out of this version.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
