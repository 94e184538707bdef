"""The quarterly summary's text, written once for its Markdown and Word versions (see blocks.py).

A formal version (a file to circulate) names states by their UN formal names (reports/formal.py);
the terminal keeps the register's short names.
"""

from __future__ import annotations

from dataclasses import replace

from ccmtui.domain.categories import MEANINGS, Category
from ccmtui.domain.engagements import KINDS
from ccmtui.domain.words import plural
from ccmtui.reports.blocks import Block, Bullets, Heading, Paragraph, Table
from ccmtui.reports.formal import formal
from ccmtui.reports.quarter import (
    EngagementFigures,
    MilestoneLine,
    QuarterSummary,
    category_groups,
    milestone_counts,
    one_line,
    status_text,
)

STATES_SHOWN = 10
MILESTONE_HEADINGS = ("Milestone", "Work plan", "Due", "Status", "Action points")
REDACTED = "Notes, rationales and the names of individuals are left out of this version."
AGGREGATE = "This version names no individual state: it gives counts only."


def with_formal_names(summary: QuarterSummary) -> QuarterSummary:
    """The summary with every state called by its UN formal name."""
    e = summary.engagements
    engagements = EngagementFigures(
        total=e.total,
        by_kind=e.by_kind,
        by_state=[(iso3, formal(iso3, name), n) for iso3, name, n in e.by_state],
        notable=[replace(n, states=tuple((i, formal(i, name)) for i, name in n.states)) for n in e.notable],
    )
    return replace(
        summary,
        engagements=engagements,
        category_changes=None
        if summary.category_changes is None
        else [replace(c, name=formal(c.iso3, c.name)) for c in summary.category_changes],
        treaty_events=[replace(t, name=formal(t.iso3, t.name)) for t in summary.treaty_events],
    )


def _milestone_rows(milestones: list[MilestoneLine]) -> list[list[str]]:
    return [[m.title, m.work_plan, m.due.label, status_text(m), " ".join(m.action_points)] for m in milestones]


def _brief(summary: QuarterSummary, aggregate_only: bool = False) -> list[str]:
    q = summary.quarter
    e = summary.engagements
    lines = []
    slipped = [m for m in summary.milestones if m.slips and any(q.start <= s.old.on <= q.end for s in m.slips)]
    if summary.milestones:
        brief = milestone_counts(summary.milestones, " due or done this quarter")
        if slipped:
            brief += f"; {plural(len(slipped), 'milestone')} slipped out of the quarter"
        lines.append(brief + ".")
    else:
        lines.append("No milestone was due this quarter.")
    if e.total:
        lines.append(f"{plural(e.total, 'engagement')} with {plural(len(e.by_state), 'state')}.")
    else:
        lines.append("No engagement was recorded this quarter.")
    if summary.campaigns:
        lines.append(f"{plural(len(summary.campaigns), 'campaign')} launched.")
    if summary.category_changes:
        lines.append(f"{plural(len(summary.category_changes), 'category change')}.")
    events = summary.treaty_events
    if events and len(events) <= 3 and not aggregate_only:
        listed = "; ".join(f"{t.name}, {t.label.lower()} ({t.on.isoformat()})" for t in events)
        lines.append(f"{plural(len(events), 'treaty event')}: {listed}.")
    else:
        lines.append(f"{plural(len(events), 'treaty event')}.")
    if summary.next_milestones:
        lines.append(
            f"{plural(len(summary.next_milestones), 'milestone')} due next quarter ({summary.next_quarter.label})."
        )
    else:
        lines.append(f"No milestone is due next quarter ({summary.next_quarter.label}).")
    return lines


def _engagements(e: EngagementFigures, aggregate_only: bool = False) -> list[Block]:
    if not e.total:
        return [Paragraph("No engagement was recorded this quarter.")]
    states = plural(len(e.by_state), "state")
    out: list[Block] = [
        Paragraph(
            f"{plural(e.total, 'engagement')} were recorded with {states}."
            if e.total != 1
            else f"One engagement was recorded with {states}."
        ),
        Table(["Kind", "Engagements"], [[KINDS.get(k, k), str(n)] for k, n in e.by_kind], numeric=(1,)),
    ]
    if aggregate_only:  # no state named: how many, not which
        return out
    shown = e.by_state[:STATES_SHOWN]
    out.append(Table(["State", "Engagements"], [[name, str(n)] for _, name, n in shown], numeric=(1,)))
    if len(e.by_state) > len(shown):
        rest = e.by_state[len(shown) :]
        out.append(
            Paragraph(f"And {plural(len(rest), 'other state')} ({plural(sum(n for *_, n in rest), 'engagement')}).")
        )
    if e.notable:
        items = []
        for n in e.notable:
            line = f"{n.occurred_on.isoformat()}, {n.kind_label.lower()} with {', '.join(name for _, name in n.states)}: {n.summary}"
            if n.action_points:
                line += f" ({', '.join(n.action_points)})"
            if n.notes:
                line += f" — {one_line(n.notes)}"
            items.append(line)
        out.append(Bullets(items, intro="Notable engagements:"))
    return out


def quarter_blocks(summary: QuarterSummary, formal_names: bool = True, aggregate_only: bool = False) -> list[Block]:
    """The summary's sections, in the words both its Markdown and its Word versions use; `aggregate_only`
    names no state (counts instead of lists; the notable engagements are left out)."""
    if formal_names:
        summary = with_formal_names(summary)
    q = summary.quarter
    byline = f"· {q.start.isoformat()} to {q.end.isoformat()} · prepared on {summary.generated.isoformat()}"
    if summary.prepared_by:
        byline += f" by {summary.prepared_by}"
    out: list[Block] = [
        Heading(f"Quarterly work-plan summary: {q.long_label}", 0),
        Paragraph(byline, lead=summary.area_label),
        Paragraph("For the Coordination Committee of the Convention on Cluster Munitions."),
        Heading("In brief", 1),
        Bullets(_brief(summary, aggregate_only)),
        Heading("Milestones due and done this quarter", 1),
    ]
    if summary.milestones:
        out.append(Paragraph(milestone_counts(summary.milestones, " due or done this quarter") + "."))
        out.append(Table(MILESTONE_HEADINGS, _milestone_rows(summary.milestones)))
        noted = [m for m in summary.milestones if m.notes]
        if noted:
            out.append(Bullets([f"{m.title} — {one_line(m.notes)}" for m in noted], intro="Notes:"))
    else:
        out.append(Paragraph("No milestone was due or completed this quarter."))

    out.append(Heading("Engagements", 1))
    out += _engagements(summary.engagements, aggregate_only)

    out.append(Heading("Campaigns", 1))
    if summary.campaigns:
        out.append(
            Table(
                ["Launched", "Campaign", "Targets", "Replied", "Pending", "No reply", "Reply rate"],
                [
                    [
                        c.launched_on.isoformat(),
                        KINDS.get(c.kind, c.kind) if aggregate_only else c.title,  # a title may name states
                        str(c.targets),
                        str(c.replied),
                        str(c.pending),
                        str(c.no_reply),
                        f"{c.reply_rate:.0%}",
                    ]
                    for c in summary.campaigns
                ],
                numeric=(2, 3, 4, 5, 6),
            )
        )
    else:
        out.append(Paragraph("No campaign was launched this quarter."))

    if summary.category_changes is not None:
        out.append(Heading("Category changes", 1))
        if summary.category_changes:
            # Counts only: the rationale, free text that may name states, is left out too.
            rows = [
                [
                    day.isoformat(),
                    f"{category} ({MEANINGS[Category(category)]})",
                    previous or "none",
                    plural(len(names), "state") if aggregate_only else ", ".join(names),
                    *([] if aggregate_only else [rationale]),
                ]
                for (day, category, previous, rationale), names in category_groups(summary.category_changes)
            ]
            headings = ["Date", "Category", "Before", "States"] + ([] if aggregate_only else ["Rationale"])
            out.append(Table(headings, rows))
        else:
            out.append(Paragraph("No state's category changed this quarter."))

    out.append(Heading("Treaty events", 1))
    if summary.treaty_events and aggregate_only:
        counted: dict[tuple, int] = {}
        for t in summary.treaty_events:
            counted[(t.on, t.label, t.article)] = counted.get((t.on, t.label, t.article), 0) + 1
        out.append(
            Table(
                ["Date", "Event", "Article", "States"],
                [[on.isoformat(), label, article, str(n)] for (on, label, article), n in counted.items()],
                numeric=(3,),
            )
        )
    elif summary.treaty_events:
        out.append(
            Table(
                ["Date", "State", "Event", "Article"],
                [[t.on.isoformat(), t.name, t.label, t.article] for t in summary.treaty_events],
            )
        )
    else:
        out.append(Paragraph("No signature, deposit, entry into force or withdrawal fell in this quarter."))

    out.append(Heading(f"Next quarter: {summary.next_quarter.label}", 1))
    if summary.next_milestones:
        out.append(Table(MILESTONE_HEADINGS, _milestone_rows(summary.next_milestones)))
    else:
        out.append(Paragraph("No milestone is due next quarter."))
    if summary.redacted:
        out.append(Paragraph(REDACTED, italic=True))
    if aggregate_only:
        out.append(Paragraph(AGGREGATE, italic=True))
    return out
