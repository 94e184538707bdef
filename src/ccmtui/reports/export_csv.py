"""The quarterly summary as one CSV table, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io

from ccmtui.domain.engagements import KINDS
from ccmtui.reports.quarter import MilestoneLine, QuarterSummary, one_line, status_text

COLUMNS = ("section", "date", "state", "item", "status", "count", "detail", "id")
# A spreadsheet runs a cell starting with these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value) -> str:
    """The cell as text; one a spreadsheet would run as a formula is prefixed with an apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _milestone_row(section: str, m: MilestoneLine) -> list:
    detail = [f"work plan: {m.work_plan}"]
    if m.action_points:
        detail.append(" ".join(m.action_points))
    if m.notes:
        detail.append(one_line(m.notes))
    return [section, m.due.on.isoformat(), "", m.title, status_text(m), "", "; ".join(detail), m.id]


def render_csv(summary: QuarterSummary) -> str:
    rows: list[list] = []
    rows += [_milestone_row("milestone", m) for m in summary.milestones]
    e = summary.engagements
    rows += [["engagements by kind", "", "", KINDS.get(k, k), "", n, "", ""] for k, n in e.by_kind]
    rows += [["engagements by state", "", name, iso3, "", n, "", ""] for iso3, name, n in e.by_state]
    for n in e.notable:
        detail = " ".join(n.action_points) + (f"; {one_line(n.notes)}" if n.notes else "")
        rows.append(
            [
                "engagement",
                n.occurred_on.isoformat(),
                ", ".join(name for _, name in n.states),
                n.summary,
                n.kind_label,
                "",
                detail,
                n.id,
            ]
        )
    for c in summary.campaigns:
        detail = f"{c.replied} of {c.targets} replied, {c.pending} pending, {c.no_reply} no reply"
        rows.append(
            ["campaign", c.launched_on.isoformat(), "", c.title, f"{c.reply_rate:.0%} replied", c.targets, detail, c.id]
        )
    for c in summary.category_changes or []:
        detail = f"before: {c.previous or 'none'}" + (f"; {c.rationale}" if c.rationale else "")
        rows.append(
            ["category change", c.assessed_on.isoformat(), c.name, c.iso3, f"Category {c.category}", "", detail, ""]
        )
    for t in summary.treaty_events:
        rows.append(["treaty event", t.on.isoformat(), t.name, t.label, "", "", t.article, t.iso3])
    rows += [_milestone_row(f"next quarter ({summary.next_quarter.code})", m) for m in summary.next_milestones]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return out.getvalue()
