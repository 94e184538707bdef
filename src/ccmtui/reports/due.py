"""What needs attention: follow-ups, replies long pending, treaty deadlines passed and coming up,
and the windows for extension requests (Art. 3(4), 4(6))."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain import treaty
from ccmtui.domain.treaty import Status
from ccmtui.reports.deadlines import TreatyDeadline, obligation_deadlines
from ccmtui.reports.engagements import EngagementLine, with_parties

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.reports.register import Register


@dataclass(frozen=True)
class Deadline:
    on: date
    iso3: str | None
    what: str
    article: str

    def as_json(self) -> dict:
        return {"date": self.on.isoformat(), "iso3": self.iso3, "what": self.what, "article": self.article}


@dataclass
class Due:
    today: date
    overdue_follow_ups: list[EngagementLine] = field(default_factory=list)
    upcoming_follow_ups: list[EngagementLine] = field(default_factory=list)
    pending_replies: list = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    pending_days: int = 60
    # Art. 3 and 4 deadlines as of today (one rule, reports/deadlines.py): passed and not met,
    # under a request, request windows closing, and ahead.
    obligations: list[TreatyDeadline] = field(default_factory=list)

    def obligations_of(self, kind: str) -> list[TreatyDeadline]:
        return [line for line in self.obligations if line.kind == kind]

    def as_json(self) -> dict:
        return {
            "today": self.today.isoformat(),
            "overdue_follow_ups": [line.as_json() for line in self.overdue_follow_ups],
            "upcoming_follow_ups": [line.as_json() for line in self.upcoming_follow_ups],
            "pending_replies": [
                {
                    "engagement": r.engagement_uuid,
                    "iso3": r.iso3,
                    "name": r.name,
                    "sent": r.occurred_on.isoformat(),
                    "days": (self.today - r.occurred_on).days,
                    "engagement_summary": r.engagement_summary,
                }
                for r in self.pending_replies
            ],
            "deadlines": [d.as_json() for d in self.deadlines],
            "obligations": [line.as_json() for line in self.obligations],
        }


def treaty_deadlines(reader: Reader, register: Register, today: date, within: int) -> list[Deadline]:
    """Entries into force (Art. 17), Art. 3 and 4 deadlines, initial (Art. 7(1)) and annual (Art. 7(2)) reports."""
    from ccmtui.reports.calendar import deadline_events

    horizon = today + timedelta(days=within)
    standing = register.on(horizon)
    deadlines = [
        Deadline(state.entry_into_force, state.iso3, f"Convention enters into force for {state.name}", "Art. 17")
        for state in standing
        if state.entry_into_force and today <= state.entry_into_force <= horizon
    ]
    rows = reader.rows(Q.register, as_of=today)
    parties = {state.iso3 for state in standing if state.status in (Status.PARTY, Status.PENDING)}
    # Art. 3 and 4 deadlines come from obligation_deadlines (the time-aware rule), not from here.
    for event in deadline_events(rows, parties, today, horizon, (), annual_reports=False):
        deadlines.append(
            Deadline(event.start, event.state, event.summary.removesuffix(f" ({event.article})"), event.article)
        )
    annual = treaty.annual_report_due(today.year - 1)
    if annual < today:
        annual = treaty.annual_report_due(today.year)
    if annual <= horizon:
        deadlines.append(
            Deadline(
                annual,
                None,
                f"Annual transparency reports of the {len(parties)} States Parties due (covering {annual.year - 1})",
                "Art. 7(2)",
            )
        )
    return sorted(deadlines, key=lambda d: (d.on, d.iso3 or ""))


def due(
    reader: Reader, register: Register, today: date, pending_days: int = 60, within: int = 90, limit: int = 200
) -> Due:
    soon = today + timedelta(days=14)
    follow_ups = with_parties(reader, reader.rows(Q.follow_ups_due, until=soon, limit=limit))
    result = Due(today=today, pending_days=pending_days)
    result.overdue_follow_ups = [line for line in follow_ups if line.follow_up_on <= today]
    result.upcoming_follow_ups = [line for line in follow_ups if line.follow_up_on > today]
    result.pending_replies = reader.rows(
        Q.replies_pending_since, cutoff=today - timedelta(days=pending_days), limit=limit
    )
    result.deadlines = treaty_deadlines(reader, register, today, within)
    result.obligations = obligation_deadlines(reader, register, today, within)
    return result
