"""The quarterly work-plan summary a coordinator circulates to the Coordination Committee.

`build_quarter_summary` reads everything once and returns plain dataclasses; the
renderers (Markdown, docx, CSV, TOML/JSON) and the TUI only format them.
`QuarterSummary.as_data()` is the one structure TOML and JSON share.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain import treaty
from ccmtui.domain.areas import AREAS
from ccmtui.domain.engagements import KINDS
from ccmtui.domain.words import plural
from ccmtui.domain.workplan import MILESTONE_STATUSES, Due, Quarter, is_overdue, period_label, slip_length

if TYPE_CHECKING:
    from ccmtui.db.read import Reader

NOTABLE_LIMIT = 12
# Statuses listed among a quarter's milestones: a dropped one is reported only where it was due.
ALL_STATUSES = list(MILESTONE_STATUSES)


@dataclass(frozen=True)
class SlipLine:
    recorded_on: date
    old: Due
    new: Due
    reason: str

    @property
    def length(self) -> str:
        return slip_length(self.old, self.new)

    @property
    def phrase(self) -> str:
        return f"slipped from {self.old.label} to {self.new.label} ({self.length}, recorded {self.recorded_on.isoformat()})"


@dataclass(frozen=True)
class MilestoneLine:
    id: str
    title: str
    work_plan: str
    area: str
    due: Due
    status: str
    done_on: date | None
    overdue: bool
    action_points: tuple[str, ...]
    notes: str
    slips: tuple[SlipLine, ...]
    engagements: tuple[str, ...]

    @property
    def status_label(self) -> str:
        label = MILESTONE_STATUSES[self.status]
        if self.status == "done" and self.done_on:
            label += f" {self.done_on.isoformat()}"
        return label + (", overdue" if self.overdue else "")


def status_text(m: MilestoneLine, reason=str) -> str:
    """'Done 2025-03-20', or 'Slipped from Q1 2025 to Q3 2025 (2 quarters, recorded …): why'."""
    parts = [] if m.status == "slipped" and m.slips else [m.status_label]
    parts += [s.phrase + (f": {reason(s.reason)}" if s.reason else "") for s in m.slips]
    if m.status == "slipped" and m.slips and m.overdue:
        parts.append("overdue")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


def one_line(notes: str) -> str:
    """Dated note lines joined for a table cell or a list item."""
    return "; ".join(line.strip() for line in notes.splitlines() if line.strip())


@dataclass(frozen=True)
class NotableEngagement:
    id: str
    occurred_on: date
    kind: str
    summary: str
    states: tuple[tuple[str, str], ...]  # (iso3, name)
    action_points: tuple[str, ...]
    notes: str

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)


@dataclass
class EngagementFigures:
    total: int = 0
    by_kind: list[tuple[str, int]] = field(default_factory=list)  # (kind, count), most first
    by_state: list[tuple[str, str, int]] = field(default_factory=list)  # (iso3, name, count), most first
    notable: list[NotableEngagement] = field(default_factory=list)


@dataclass(frozen=True)
class CampaignLine:
    id: str
    title: str
    launched_on: date
    kind: str
    targets: int
    replied: int
    pending: int
    no_reply: int

    @property
    def reply_rate(self) -> float:
        return round(self.replied / self.targets, 3) if self.targets else 0.0


@dataclass(frozen=True)
class CategoryChange:
    assessed_on: date
    iso3: str
    name: str
    category: str
    previous: str | None
    rationale: str


TREATY_EVENTS = {
    "signature": ("Signature", "Art. 15"),
    "ratification": ("Instrument of ratification deposited", "Art. 16"),
    "acceptance": ("Instrument of acceptance deposited", "Art. 16"),
    "approval": ("Instrument of approval deposited", "Art. 16"),
    "accession": ("Instrument of accession deposited", "Art. 16"),
    "entry-into-force": ("Entry into force for the state", "Art. 17"),
    "withdrawal-notified": ("Withdrawal notified", "Art. 20(1)"),
    "withdrawal-effective": ("Withdrawal took effect", "Art. 20(2)"),
}


@dataclass(frozen=True)
class TreatyEvent:
    on: date
    iso3: str
    name: str
    event: str

    @property
    def label(self) -> str:
        return TREATY_EVENTS[self.event][0]

    @property
    def article(self) -> str:
        return TREATY_EVENTS[self.event][1]


@dataclass
class QuarterSummary:
    quarter: Quarter
    area: str | None
    generated: date
    prepared_by: str | None
    redacted: bool
    milestones: list[MilestoneLine]
    engagements: EngagementFigures
    campaigns: list[CampaignLine]
    category_changes: list[CategoryChange] | None  # None: not part of this area's summary
    treaty_events: list[TreatyEvent]
    next_milestones: list[MilestoneLine]

    @property
    def next_quarter(self) -> Quarter:
        return self.quarter.next

    @property
    def area_label(self) -> str:
        return AREAS[self.area] if self.area else "All thematic areas"

    def as_data(self) -> dict:
        """The structure TOML and JSON share; absent values are left out (TOML has no null)."""
        return {
            "quarter": self.quarter.code,
            "area": self.area or "all",
            "generated": self.generated,
            "milestones": [milestone_data(m) for m in self.milestones],
            "engagements": {
                "total": self.engagements.total,
                "by_kind": [{"kind": k, "label": KINDS.get(k, k), "count": n} for k, n in self.engagements.by_kind],
                "by_state": [{"iso3": i, "name": name, "count": n} for i, name, n in self.engagements.by_state],
                "notable": [_engagement_data(e) for e in self.engagements.notable],
            },
            "campaigns": [
                {
                    "id": c.id,
                    "title": c.title,
                    "launched_on": c.launched_on,
                    "kind": c.kind,
                    "targets": c.targets,
                    "replied": c.replied,
                    "pending": c.pending,
                    "no_reply": c.no_reply,
                    "reply_rate": c.reply_rate,
                }
                for c in self.campaigns
            ],
            "category_changes": [
                _without_empty(
                    {
                        "date": c.assessed_on,
                        "iso3": c.iso3,
                        "name": c.name,
                        "category": c.category,
                        "previous": c.previous,
                        "rationale": c.rationale,
                    }
                )
                for c in self.category_changes or []
            ],
            "treaty_events": [
                {"date": e.on, "iso3": e.iso3, "name": e.name, "event": e.event, "article": e.article}
                for e in self.treaty_events
            ],
            "next_quarter": {
                "quarter": self.next_quarter.code,
                "milestones": [milestone_data(m) for m in self.next_milestones],
            },
        }


def _without_empty(values: dict) -> dict:
    return {k: v for k, v in values.items() if v is not None and v != ""}


def milestone_data(m: MilestoneLine) -> dict:
    return _without_empty(
        {
            "id": m.id,
            "title": m.title,
            "work_plan": m.work_plan,
            "area": m.area,
            "due": m.due.code,
            "due_on": m.due.on,
            "status": m.status,
            "done_on": m.done_on,
            "overdue": m.overdue,
            "action_points": list(m.action_points),
            "slips": [
                _without_empty(
                    {
                        "recorded_on": s.recorded_on,
                        "from": s.old.code,
                        "to": s.new.code,
                        "by": s.length,
                        "reason": s.reason,
                    }
                )
                for s in m.slips
            ],
            "engagements": list(m.engagements),
            "notes": m.notes,
        }
    )


def _engagement_data(e: NotableEngagement) -> dict:
    return _without_empty(
        {
            "id": e.id,
            "date": e.occurred_on,
            "kind": e.kind,
            "summary": e.summary,
            "states": [iso3 for iso3, _ in e.states],
            "action_points": list(e.action_points),
            "notes": e.notes,
        }
    )


def category_groups(changes: list[CategoryChange]) -> list[tuple[tuple, list[str]]]:
    """Changes made together (same day, category, previous one and rationale), with their states' names."""
    groups: dict[tuple, list[str]] = {}
    for c in changes:
        groups.setdefault((c.assessed_on, c.category, c.previous, c.rationale), []).append(c.name)
    return sorted(groups.items(), key=lambda item: (item[0][0], item[0][1]))


def milestone_counts(milestones: list[MilestoneLine], when: str = "") -> str:
    """'4 milestones due or done this quarter: 1 done, 2 still open (2 overdue), 1 dropped'."""
    done = sum(m.status == "done" for m in milestones)
    dropped = sum(m.status == "dropped" for m in milestones)
    still_open = len(milestones) - done - dropped
    overdue = sum(m.overdue for m in milestones)
    parts = [f"{done} done", f"{still_open} still open" + (f" ({overdue} overdue)" if overdue else "")]
    if dropped:
        parts.append(f"{dropped} dropped")
    return f"{plural(len(milestones), 'milestone')}{when}: {', '.join(parts)}"


# -- building


def plan_label(area: str, starts_on: date, ends_on: date) -> str:
    """A work plan as a table names it: 'Stockpile destruction and retention 2024–2025'."""
    return f"{AREAS.get(area, area)} {period_label(starts_on, ends_on)}"


def milestone_lines(reader: Reader, rows, dated: date, redact: bool) -> list[MilestoneLine]:
    """Milestone rows with their slips and delivering engagements, read in two queries."""
    rows = list(rows)
    uuids = [row.uuid for row in rows]
    slips: dict[str, list[SlipLine]] = defaultdict(list)
    links: dict[str, list[str]] = defaultdict(list)
    if uuids:
        for s in reader.rows(Q.slips_of_milestones, uuids=uuids):
            slips[s.milestone_uuid].append(
                SlipLine(
                    recorded_on=s.recorded_on,
                    old=Due.stored(s.from_due_on, s.from_quarter),
                    new=Due.stored(s.to_due_on, s.to_quarter),
                    reason="" if redact else s.reason,
                )
            )
        for link in reader.rows(Q.engagements_of_milestones, uuids=uuids):
            links[link.milestone_uuid].append(link.engagement_uuid)
    return [
        MilestoneLine(
            id=row.uuid,
            title=row.title,
            work_plan=plan_label(row.area, row.starts_on, row.ends_on),
            area=row.area,
            due=Due.stored(row.due_on, row.due_quarter),
            status=row.status,
            done_on=row.done_on,
            overdue=is_overdue(row.status, row.due_on, dated),
            action_points=tuple(row.action_points.split()),
            notes="" if redact else row.notes,
            slips=tuple(slips[row.uuid]),
            engagements=tuple(links[row.uuid]),
        )
        for row in rows
    ]


def _quarter_milestones(reader: Reader, quarter: Quarter, area: str | None) -> list:
    """Due in the quarter, done in it, or slipped out of it: each milestone once, in due order."""
    span = {"since": quarter.start, "until": quarter.end, "area": area}
    found: dict[str, object] = {}
    for row in reader.rows(Q.milestones_due, statuses=ALL_STATUSES, **span):
        found[row.uuid] = row
    for name in (Q.milestones_done, Q.milestones_slipped_from):
        for row in reader.rows(name, **span):
            found.setdefault(row.uuid, row)
    return sorted(found.values(), key=lambda r: (r.due_on, r.starts_on, r.work_plan_uuid, r.position))


def _engagements(reader: Reader, quarter: Quarter, area: str | None, redact: bool) -> EngagementFigures:
    span = {"since": quarter.start, "until": quarter.end, "area": area}
    by_kind = sorted(
        ((row.kind, row.engagements) for row in reader.rows(Q.engagement_counts_by_kind, **span)),
        key=lambda item: (-item[1], item[0]),
    )
    by_state = [(row.iso3, row.name, row.engagements) for row in reader.rows(Q.engagement_counts_by_state, **span)]
    notable_rows = reader.rows(Q.engagements_notable, limit=NOTABLE_LIMIT, **span)
    states: dict[str, list[tuple[str, str]]] = defaultdict(list)
    if notable_rows:
        names = {iso3: name for iso3, name, _ in by_state}
        for row in reader.rows(Q.states_of_engagements, uuids=[r.uuid for r in notable_rows]):
            states[row.engagement_uuid].append((row.iso3, names.get(row.iso3, row.iso3)))
    notable = [
        NotableEngagement(
            id=row.uuid,
            occurred_on=row.occurred_on,
            kind=row.kind,
            summary=row.summary,
            states=tuple(sorted(states[row.uuid], key=lambda state: state[1])),
            action_points=tuple(row.action_points.split()),
            notes="" if redact else row.notes,
        )
        for row in notable_rows
    ]
    return EngagementFigures(total=sum(n for _, n in by_kind), by_kind=by_kind, by_state=by_state, notable=notable)


def treaty_events(register_rows, quarter: Quarter) -> list[TreatyEvent]:
    """Signatures, deposits, entries into force and withdrawals that fell in the quarter."""
    events: list[TreatyEvent] = []

    def add(day: date | None, row, event: str) -> None:
        if day is not None and quarter.start <= day <= quarter.end:
            events.append(TreatyEvent(day, row.iso3, row.name, event))

    for row in register_rows:
        add(row.signed, row, "signature")
        if row.deposited:
            add(row.deposited, row, row.instrument or "ratification")
            add(treaty.entry_into_force(row.deposited), row, "entry-into-force")
        if row.withdrawal_notified:
            add(row.withdrawal_notified, row, "withdrawal-notified")
            add(treaty.withdrawal_effective(row.withdrawal_notified), row, "withdrawal-effective")
    order = list(TREATY_EVENTS)
    return sorted(events, key=lambda e: (e.on, order.index(e.event), e.name))


def build_quarter_summary(
    reader: Reader,
    quarter: Quarter,
    *,
    area: str | None = None,
    dated: date,
    redact: bool = False,
    prepared_by: str | None = None,
) -> QuarterSummary:
    """Everything the quarterly summary says, for one thematic area or all of them."""
    span = {"since": quarter.start, "until": quarter.end, "area": area}
    campaigns = [
        CampaignLine(
            id=row.uuid,
            title=row.title,
            launched_on=row.occurred_on,
            kind=row.kind,
            targets=row.targets,
            replied=row.replied or 0,
            pending=row.pending or 0,
            no_reply=row.no_reply or 0,
        )
        for row in sorted(reader.rows(Q.campaign_board, **span), key=lambda r: (r.occurred_on, r.uuid))
    ]
    # Categories are the universalization coordinators' assessments.
    category_changes = None
    if area in (None, "universalization"):
        category_changes = [
            CategoryChange(
                assessed_on=row.assessed_on,
                iso3=row.iso3,
                name=row.name,
                category=row.category,
                previous=row.previous,
                rationale="" if redact else row.rationale,
            )
            for row in reader.rows(Q.classification_changes, since=quarter.start, until=quarter.end)
        ]
    next_quarter = quarter.next
    next_rows = reader.rows(
        Q.milestones_due, since=next_quarter.start, until=next_quarter.end, area=area, statuses=ALL_STATUSES
    )
    return QuarterSummary(
        quarter=quarter,
        area=area,
        generated=dated,
        prepared_by=None if redact else prepared_by,
        redacted=redact,
        milestones=milestone_lines(reader, _quarter_milestones(reader, quarter, area), dated, redact),
        engagements=_engagements(reader, quarter, area, redact),
        campaigns=campaigns,
        category_changes=category_changes,
        treaty_events=treaty_events(reader.rows(Q.register, as_of=quarter.end), quarter),
        next_milestones=milestone_lines(reader, next_rows, dated, redact),
    )
