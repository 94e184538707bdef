"""The quarterly summary as a Markdown document to circulate; user text is escaped."""

from __future__ import annotations

import re

from ccmtui.domain.categories import MEANINGS, Category
from ccmtui.domain.engagements import KINDS
from ccmtui.domain.words import plural
from ccmtui.reports.quarter import (
    MilestoneLine,
    QuarterSummary,
    category_groups,
    milestone_counts,
    one_line,
    status_text,
)

STATES_SHOWN = 10

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


def _table(headings: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(headings) + " |", "|" + "|".join("---" for _ in headings) + "|"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return lines


def _milestone_rows(milestones: list[MilestoneLine]) -> list[list[str]]:
    rows = []
    for m in milestones:
        status = status_text(m, escape)
        rows.append([escape(m.title), escape(m.work_plan), m.due.label, status, " ".join(m.action_points)])
    return rows


def render_markdown(summary: QuarterSummary) -> str:
    q = summary.quarter
    out: list[str] = [f"# Quarterly work-plan summary: {q.long_label}", ""]
    byline = f"**{summary.area_label}** · {q.start.isoformat()} to {q.end.isoformat()} · prepared on {summary.generated.isoformat()}"
    if summary.prepared_by:
        byline += f" by {escape(summary.prepared_by)}"
    out += [byline, "", "For the Coordination Committee of the Convention on Cluster Munitions.", ""]

    out += ["## In brief", ""]
    slipped = [m for m in summary.milestones if m.slips and any(q.start <= s.old.on <= q.end for s in m.slips)]
    if summary.milestones:
        brief = f"- {milestone_counts(summary.milestones, ' due or done this quarter')}"
        if slipped:
            brief += f"; {plural(len(slipped), 'milestone')} slipped out of the quarter"
        out.append(brief + ".")
    else:
        out.append("- No milestone was due this quarter.")
    e = summary.engagements
    if e.total:
        out.append(f"- {plural(e.total, 'engagement')} with {plural(len(e.by_state), 'state')}.")
    else:
        out.append("- No engagement was recorded this quarter.")
    if summary.campaigns:
        out.append(f"- {plural(len(summary.campaigns), 'campaign')} launched.")
    if summary.category_changes:
        out.append(f"- {plural(len(summary.category_changes), 'category change')}.")
    events = summary.treaty_events
    if events and len(events) <= 3:
        listed = "; ".join(f"{escape(t.name)}, {t.label.lower()} ({t.on.isoformat()})" for t in events)
        out.append(f"- {plural(len(events), 'treaty event')}: {listed}.")
    else:
        out.append(f"- {plural(len(events), 'treaty event')}.")
    if summary.next_milestones:
        out.append(
            f"- {plural(len(summary.next_milestones), 'milestone')} due next quarter ({summary.next_quarter.label})."
        )
    else:
        out.append(f"- No milestone is due next quarter ({summary.next_quarter.label}).")
    out.append("")

    out += ["## Milestones due and done this quarter", ""]
    if summary.milestones:
        out += _table(["Milestone", "Work plan", "Due", "Status", "Action points"], _milestone_rows(summary.milestones))
        noted = [m for m in summary.milestones if m.notes]
        if noted:
            out += ["", "Notes:", ""]
            out += [f"- {escape(m.title)} — {escape(one_line(m.notes))}" for m in noted]
    else:
        out.append("No milestone was due or completed this quarter.")
    out.append("")

    out += ["## Engagements", ""]
    if e.total:
        out.append(
            f"{plural(e.total, 'engagement')} were recorded with {plural(len(e.by_state), 'state')}."
            if e.total != 1
            else f"One engagement was recorded with {plural(len(e.by_state), 'state')}."
        )
        out += ["", *_table(["Kind", "Engagements"], [[KINDS.get(k, k), str(n)] for k, n in e.by_kind]), ""]
        shown = e.by_state[:STATES_SHOWN]
        out += _table(["State", "Engagements"], [[escape(name), str(n)] for _, name, n in shown])
        if len(e.by_state) > len(shown):
            rest = e.by_state[len(shown) :]
            out += ["", f"And {plural(len(rest), 'other state')} ({sum(n for *_, n in rest)} engagements)."]
        if e.notable:
            out += ["", "Notable engagements:", ""]
            for n in e.notable:
                states = ", ".join(escape(name) for _, name in n.states)
                line = f"- {n.occurred_on.isoformat()}, {n.kind_label.lower()} with {states}: {escape(n.summary)}"
                if n.action_points:
                    line += f" ({', '.join(n.action_points)})"
                if n.notes:
                    line += f" — {escape(one_line(n.notes))}"
                out.append(line)
    else:
        out.append("No engagement was recorded this quarter.")
    out.append("")

    out += ["## Campaigns", ""]
    if summary.campaigns:
        out += _table(
            ["Launched", "Campaign", "Targets", "Replied", "Pending", "No reply", "Reply rate"],
            [
                [
                    c.launched_on.isoformat(),
                    escape(c.title),
                    str(c.targets),
                    str(c.replied),
                    str(c.pending),
                    str(c.no_reply),
                    f"{c.reply_rate:.0%}",
                ]
                for c in summary.campaigns
            ],
        )
    else:
        out.append("No campaign was launched this quarter.")
    out.append("")

    if summary.category_changes is not None:
        out += ["## Category changes", ""]
        if summary.category_changes:
            out += _table(
                ["Date", "Category", "Before", "States", "Rationale"],
                [
                    [
                        day.isoformat(),
                        f"{category} ({MEANINGS[Category(category)]})",
                        previous or "none",
                        ", ".join(escape(name) for name in names),
                        escape(rationale),
                    ]
                    for (day, category, previous, rationale), names in category_groups(summary.category_changes)
                ],
            )
        else:
            out.append("No state's category changed this quarter.")
        out.append("")

    out += ["## Treaty events", ""]
    if summary.treaty_events:
        out += _table(
            ["Date", "State", "Event", "Article"],
            [[t.on.isoformat(), escape(t.name), t.label, t.article] for t in summary.treaty_events],
        )
    else:
        out.append("No signature, deposit, entry into force or withdrawal fell in this quarter.")
    out.append("")

    out += [f"## Next quarter: {summary.next_quarter.label}", ""]
    if summary.next_milestones:
        out += _table(
            ["Milestone", "Work plan", "Due", "Status", "Action points"], _milestone_rows(summary.next_milestones)
        )
    else:
        out.append("No milestone is due next quarter.")
    out.append("")
    if summary.redacted:
        out += ["_Notes, rationales and the names of individuals are left out of this version._", ""]
    return "\n".join(out)
