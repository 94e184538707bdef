"""A meeting's margins read back: the week's schedule, the states worth meeting there, and a
one-page brief per bilateral meeting (the state's status, category and reasons, last contacts,
pending replies, and what joining would commit it to)."""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain.dates import iso
from ccmtui.domain.engagements import KINDS
from ccmtui.domain.errors import InputError
from ccmtui.domain.reasons import meaning
from ccmtui.domain.words import capital
from ccmtui.reports.export_markdown import escape as markdown_cell

if TYPE_CHECKING:
    from ccmtui.reports.register import Register

SUGGESTED = 10
# The follow-ups a meeting's margins can serve: those falling due in the year before it opens, or
# during it (older ones still open are for `ccm due`).
FOLLOW_UPS_BEFORE = 365
LAST_CONTACTS = 5
# Pending replies listed on a brief (the latest), so that it stays on one page; the count says the rest.
PENDING_SHOWN = 5


def schedule_json(meeting, slots) -> dict:
    return {
        "meeting": meeting.code,
        "name": meeting.name,
        "start": meeting.start.isoformat(),
        "end": meeting.end.isoformat(),
        "slots": [
            {
                "id": s.uuid,
                "iso3": s.iso3,
                "name": s.name,
                "day": s.day.isoformat(),
                "starts": s.starts,
                "ends": s.ends,
                "room": s.room,
                "objective": s.objective,
                "status": s.status,
                "engagement": s.engagement_uuid,
                "outcome": s.outcome,
                "follow_up": iso(s.follow_up_on),
            }
            for s in slots
        ],
    }


def meeting_days(meeting) -> list[date]:
    return [meeting.start + timedelta(days=n) for n in range((meeting.end - meeting.start).days + 1)]


@dataclass
class Suggestion:
    iso3: str
    name: str
    status: str
    category: str | None
    because: list[str] = field(default_factory=list)
    follow_up_on: date | None = None
    rank: int | None = None

    def as_json(self) -> dict:
        return {
            "iso3": self.iso3,
            "name": self.name,
            "status": self.status,
            "category": self.category,
            "next_rank": self.rank,
            "follow_up": iso(self.follow_up_on),
            "because": self.because,
        }


def suggest(
    register: Register, meeting, slots, *, config: Mapping, today: date, limit: int = SUGGESTED, max_age: int = 24
) -> list[Suggestion]:
    """States to meet in the meeting's margins, not yet in its schedule: first those with a follow-up
    still open that fell due in the year before the meeting or during it (soonest first, half the
    list at most), then `ccm next`'s ranking as of the meeting's opening (or today, once it has
    opened). Who attends is not recorded: every state is taken as there."""
    from ccmtui.reports.engagements import with_parties
    from ccmtui.reports.next_contacts import rank_next

    taken = {s.iso3 for s in slots if s.status != "cancelled"}
    day = max(meeting.start, today)
    states = {s.iso3: s for s in register.on(day)}
    found: dict[str, Suggestion] = {}

    def entry(iso3: str) -> Suggestion:
        if iso3 not in found:
            s = states[iso3]
            found[iso3] = Suggestion(iso3, s.name, s.status.value, s.category)
        return found[iso3]

    rows = register.reader.rows(
        Q.margin_follow_ups, since=meeting.start - timedelta(days=FOLLOW_UPS_BEFORE), until=meeting.end, limit=200
    )
    for line in with_parties(register.reader, rows):
        for iso3 in line.states:
            if iso3 in taken or iso3 not in states:
                continue
            chosen = entry(iso3)
            if chosen.follow_up_on is None:
                chosen.follow_up_on = line.follow_up_on
                chosen.because.append(f"follow-up due {line.follow_up_on.isoformat()}: {line.summary}")
    # At most half the list: the ranking keeps the other half.
    follow_ups = sorted(found.values(), key=lambda s: (s.follow_up_on, s.name))[: (limit + 1) // 2]
    found = {s.iso3: s for s in follow_ups}
    for candidate in rank_next(register, today=day, config=config, limit=limit + len(taken), max_age=max_age):
        if candidate.iso3 in taken:
            continue
        chosen = entry(candidate.iso3)
        chosen.rank = candidate.rank
        chosen.because.append(f"ccm next #{candidate.rank}: " + "; ".join(why for _, why in candidate.because[:2]))
    ranked = [s for s in found.values() if s.follow_up_on is None]
    return (follow_ups + ranked)[:limit]


@dataclass
class Brief:
    """One bilateral meeting's page."""

    meeting: str
    iso3: str
    name: str
    day: date
    starts: str
    ends: str
    room: str
    objective: str
    status: str
    category: str | None
    category_since: date | None
    reasons: list[tuple[str, str]]
    contacts: list[tuple[date, str, str]]  # date, kind, summary
    pending: list[tuple[date, str]]  # sent, the engagement's summary: the latest few
    pending_count: int
    joining: list[tuple[str, str, str]]  # date, commitment, article
    joining_note: str
    as_of: date


def _joining(register: Register, state, meeting) -> tuple[list[tuple[str, str, str]], str]:
    from ccmtui.reports.whatif import what_if

    deposit = meeting.end + timedelta(days=1)
    try:
        w = what_if(state, deposit, register.meetings, stocks=False, contaminated=False, victims=False)
    except InputError as error:
        return [], f"Nothing to join: {error}."
    rows = [(c.on.isoformat() if c.on else "no deadline", c.what, c.article) for c in w.commitments]
    return rows, (
        f"If it deposited its instrument of {w.instrument} on {deposit.isoformat()}, the day after {meeting.code}: "
        f"entry into force {w.entry_into_force.isoformat()} (Art. 17(2)). Stockpiles, contamination and victims "
        f"are not assumed (ccm whatif {state.iso3} --deposit {deposit.isoformat()} --stocks adds them)."
    )


def briefs(register: Register, meeting, slots, *, today: date, extra_reasons: Mapping | None = None) -> list[Brief]:
    """A brief for each slot not cancelled, in the order of the week."""
    from ccmtui.reports.engagements import EARLIEST
    from ccmtui.reports.reasons import current_assessments

    reader = register.reader
    as_of = today
    states = {s.iso3: s for s in register.on(as_of)}
    assessments = current_assessments(reader, as_of)
    made = []
    for slot in slots:
        if slot.status == "cancelled":
            continue
        state = states[slot.iso3]
        held = assessments.get(slot.iso3)
        reasons = [(code, meaning(code, extra_reasons)) for code in (held.reasons if held else ())]
        contacts = [
            (row.occurred_on, KINDS.get(row.kind, row.kind), row.summary)
            for row in reader.rows(
                Q.engagements_of_state,
                iso3=slot.iso3,
                since=EARLIEST,
                until=as_of,
                area=None,
                kind=None,
                limit=LAST_CONTACTS,
            )
        ]
        owed = [
            (row.occurred_on, row.engagement_summary)
            for row in reader.rows(Q.replies_of_state, iso3=slot.iso3)
            if row.status == "pending"
        ]
        joining, note = _joining(register, register.record(slot.iso3), meeting)
        made.append(
            Brief(
                meeting.code,
                slot.iso3,
                state.name,
                slot.day,
                slot.starts,
                slot.ends,
                slot.room,
                slot.objective,
                state.status.value,
                state.category,
                state.category_since,
                reasons,
                contacts,
                owed[-PENDING_SHOWN:],
                len(owed),
                joining,
                note,
                as_of,
            )
        )
    return made


def _heading(b: Brief) -> str:
    return f"{b.name}: {b.meeting}, {b.day.isoformat()} {b.starts}-{b.ends}"


def _more(b: Brief) -> str:
    more = b.pending_count - len(b.pending)
    return f"and {more} earlier (ccm history {b.iso3})" if more > 0 else ""


def _facts(b: Brief) -> list[str]:
    category = f"Category {b.category} since {iso(b.category_since)}" if b.category else "no category recorded"
    return [
        f"Room: {b.room or 'not given'}",
        f"Objective: {b.objective or 'not given'}",
        f"Status as of {b.as_of.isoformat()}: {b.status}; {category}",
        "Holds back for: "
        + ("; ".join(f"{code} ({text})" for code, text in b.reasons) if b.reasons else "no reason recorded"),
    ]


def render_markdown(meeting, made: list[Brief]) -> str:
    lines = [f"# Bilateral meetings at {meeting.code}: briefs", ""]
    if not made:
        lines += [f"No meeting planned at {meeting.code} yet (`ccm margins add {meeting.code} --with STATE …`).", ""]
    for b in made:
        lines += [f"## {markdown_cell(_heading(b))}", ""]
        lines += [f"- {markdown_cell(fact)}" for fact in _facts(b)]
        lines += ["", "### Last contacts", ""]
        lines += [f"- {d.isoformat()} {kind}: {markdown_cell(text)}" for d, kind, text in b.contacts] or [
            "- none recorded"
        ]
        lines += ["", "### Replies pending", ""]
        lines += [f"- asked {d.isoformat()}: {markdown_cell(text)}" for d, text in b.pending] or ["- none"]
        lines += [f"- {_more(b)}"] if _more(b) else []
        lines += ["", "### What joining commits it to", "", markdown_cell(b.joining_note), ""]
        if b.joining:
            lines += ["| Date | Commitment | Article |", "|---|---|---|"]
            lines += [f"| {d} | {markdown_cell(what)} | {article} |" for d, what, article in b.joining]
            lines.append("")
    return "\n".join(lines)


def render_docx(meeting, made: list[Brief], paper: str = "a4") -> bytes:
    """One page per meeting, on A4 (or letter) like the other reports."""
    from docx.enum.text import WD_BREAK

    from ccmtui.reports.docx_layout import fitted_table, new_document

    title = f"Bilateral meetings at {meeting.code}: briefs"
    document = new_document(paper, title=title)
    if not made:
        document.add_heading(title, level=1)
        document.add_paragraph(f"No meeting planned at {meeting.code} yet.")
    for number, b in enumerate(made):
        if number:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        document.add_heading(_heading(b), level=1)
        for fact in _facts(b):
            document.add_paragraph(fact, style="List Bullet")
        document.add_heading("Last contacts", level=2)
        if b.contacts:
            fitted_table(document, ("Date", "Kind", "Summary"), [[d.isoformat(), k, t] for d, k, t in b.contacts])
        else:
            document.add_paragraph("None recorded.")
        document.add_heading("Replies pending", level=2)
        for d, text in b.pending:
            document.add_paragraph(f"Asked {d.isoformat()}: {text}", style="List Bullet")
        if _more(b):
            document.add_paragraph(capital(_more(b)) + ".", style="List Bullet")
        if not b.pending:
            document.add_paragraph("None.")
        document.add_heading("What joining commits it to", level=2)
        document.add_paragraph(b.joining_note)
        if b.joining:
            fitted_table(document, ("Date", "Commitment", "Article"), [list(row) for row in b.joining])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
