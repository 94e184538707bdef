"""The handover dossier: what a coordinator's successor needs to carry on a thematic area.

Written once as blocks (blocks.py), so the Markdown and the Word versions say the same: the area's
open follow-ups, the replies still pending, the states' current categories with their age and
rationale (universalization), the live campaigns, the work plan's milestones, the counterparts met,
the documents attached, and the last year's timeline per state. `redact` leaves out notes,
rationales and the names of individuals (who recorded what).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain.areas import AREAS
from ccmtui.domain.categories import MEANINGS, Category
from ccmtui.domain.words import plural
from ccmtui.reports.blocks import Block, Bullets, Heading, Paragraph, Table
from ccmtui.reports.engagements import EngagementFilter, list_engagements, rows_of_engagements
from ccmtui.reports.quarter import status_text
from ccmtui.reports.workplan import milestone_listing

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.reports.register import Register

YEAR = timedelta(days=365)
REDACTED = "Notes, rationales and the names of individuals are left out of this version."


def _months(since: date, today: date) -> str:
    months = (today.year - since.year) * 12 + today.month - since.month - (today.day < since.day)
    return plural(max(months, 0), "month")


def handover_blocks(
    reader: Reader, register: Register, area: str, today: date, *, redact: bool = False, by: str | None = None
) -> list[Block]:
    label = AREAS[area]
    name_of = register.index.name
    lines = list_engagements(reader, EngagementFilter(area=area, limit=None))
    year = [line for line in lines if today - YEAR <= line.occurred_on <= today]
    byline = f"{label} · as of {today.isoformat()}" + (f" · prepared by {by}" if by and not redact else "")
    out: list[Block] = [
        Heading(f"Handover dossier: {label}", 0),
        Paragraph(byline),
        Paragraph(
            f"For the coordinator who takes over the area: {plural(len(lines), 'engagement')} on record, "
            f"{len(year)} in the last year."
        ),
    ]

    out.append(Heading("Open follow-ups", 1))
    follow = sorted((line for line in lines if line.follow_up_on), key=lambda line: line.follow_up_on)
    if follow:
        out.append(
            Table(
                ["Follow up on", "Engagement", "States", "Summary", "Id"],
                [
                    [
                        line.follow_up_on.isoformat() + (" (overdue)" if line.follow_up_on < today else ""),
                        f"{line.occurred_on.isoformat()}, {line.kind_label.lower()}",
                        ", ".join(name_of(iso3) for iso3 in line.states),
                        line.summary,
                        line.uuid[:8],
                    ]
                    for line in follow
                ],
            )
        )
    else:
        out.append(Paragraph("No follow-up is set in this area."))

    out.append(Heading("Replies pending", 1))
    in_area = {line.uuid: line for line in lines}
    pending = [
        r for r in reader.rows(Q.replies_pending_since, cutoff=today, limit=10_000) if r.engagement_uuid in in_area
    ]
    if pending:
        out.append(
            Table(
                ["Sent", "State", "Waiting", "Engagement"],
                [
                    [
                        r.occurred_on.isoformat(),
                        r.name,
                        plural((today - r.occurred_on).days, "day"),
                        r.engagement_summary,
                    ]
                    for r in pending
                ],
            )
        )
    else:
        out.append(Paragraph("No reply is pending in this area."))

    if area == "universalization":
        out.append(Heading("Categories", 1))
        latest = {}
        for row in reader.rows(Q.classification_changes, since=date(1900, 1, 1), until=today):
            latest[row.iso3] = row
        standing = [s for s in register.on(today) if s.category]
        if standing:
            headings = ["State", "Category", "Since", "Age"] + ([] if redact else ["Rationale"])
            rows = []
            for s in standing:
                row = [
                    s.name,
                    f"{s.category} ({MEANINGS[Category(s.category)]})",
                    s.category_since.isoformat() if s.category_since else "",
                    _months(s.category_since, today) if s.category_since else "",
                ]
                if not redact:
                    row.append(latest[s.iso3].rationale if s.iso3 in latest else "")
                rows.append(row)
            out.append(Table(headings, rows))
        else:
            out.append(Paragraph("No state has been assessed (Category I, II or III)."))

    out.append(Heading("Live campaigns", 1))
    live = [c for c in reader.rows(Q.campaigns_all, area=area) if c.pending]
    if live:
        out.append(
            Table(
                ["Launched", "Campaign", "Targets", "Replied", "Pending", "Id"],
                [
                    [c.occurred_on.isoformat(), c.title, str(c.targets), str(c.replied), str(c.pending), c.uuid[:8]]
                    for c in live
                ],
                numeric=(2, 3, 4),
            )
        )
    else:
        out.append(Paragraph("No campaign in this area awaits replies."))

    out.append(Heading("Work plan", 1))
    milestones = milestone_listing(reader, today=today, area=area)
    if milestones:
        out.append(
            Table(
                ["Milestone", "Due", "Status", "Id"],
                [[m.title, m.due.label, status_text(m), m.id[:8]] for m in milestones],
            )
        )
        if not redact:
            noted = [m for m in milestones if m.notes]
            if noted:
                out.append(Bullets([f"{m.title} — {' '.join(m.notes.split())}" for m in noted], intro="Notes:"))
    else:
        out.append(Paragraph("No work plan milestone in this area."))

    uuids = [line.uuid for line in year]
    out.append(Heading("Counterparts in the last year", 1))
    actors = Counter(row.actor for row in rows_of_engagements(reader, Q.actors_of_engagements, uuids))
    states = Counter(name_of(iso3) for line in year for iso3 in line.states)
    met = rows_of_engagements(reader, Q.counterparts_of_engagements, uuids)
    organisations = Counter(row.organisation for row in met if row.organisation)
    # Individuals never appear in a redacted dossier.
    people = Counter() if redact else Counter(row.person_uuid for row in met if row.person_uuid)
    if actors or states or organisations or people:
        rows = [[name, "acting party", str(n)] for name, n in actors.most_common()]
        rows += [[name, "organisation met", str(n)] for name, n in organisations.most_common()]
        rows += [[name, "state engaged", str(n)] for name, n in states.most_common()]
        out.append(Table(["Counterpart", "As", "Engagements"], rows, numeric=(2,)))
    else:
        out.append(Paragraph("No engagement in the last year."))
    if people:
        from ccmtui.reports.counterparts import People, works_for

        everyone = People(reader).by_uuid
        known = [(everyone[uuid], n) for uuid, n in people.most_common() if uuid in everyone]
        out.append(
            Table(
                ["Person met", "Role", "Works for", "E-mail", "Phone", "Engagements"],
                [[p.name, p.role, works_for(p), p.email, p.phone, str(n)] for p, n in known],
                numeric=(5,),
            )
        )

    out.append(Heading("Documents attached", 1))
    attached = rows_of_engagements(reader, Q.attachments_of_engagements, [line.uuid for line in lines])
    if attached:
        out.append(
            Table(
                ["File", "Engagement", "Summary"],
                [
                    [a.filename, in_area[a.engagement_uuid].occurred_on.isoformat(), in_area[a.engagement_uuid].summary]
                    for a in attached
                ],
            )
        )
    else:
        out.append(Paragraph("No document is attached to this area's engagements."))

    out.append(Heading("The last year, state by state", 1))
    by_state: dict[str, list] = defaultdict(list)
    for line in sorted(year, key=lambda line: line.occurred_on):
        for iso3 in line.states:
            by_state[name_of(iso3)].append(line)
    if by_state:
        for name in sorted(by_state):
            out.append(Heading(name, 2))
            out.append(
                Bullets(
                    [
                        f"{line.occurred_on.isoformat()}, {line.kind_label.lower()}: {line.summary}"
                        + (f" (recorded by {line.recorded_by})" if line.recorded_by and not redact else "")
                        for line in by_state[name]
                    ]
                )
            )
    else:
        out.append(Paragraph("No engagement in the last year."))
    if redact:
        out.append(Paragraph(REDACTED, italic=True))
    return out
