"""What a report's words depend on besides the figures: the meetings around the period and the action plan in force."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.reports.action_plan import plan_in_force
from ccmtui.reports.progress.wording import long_date
from ccmtui.reports.summary import Period

if TYPE_CHECKING:
    from ccmtui.db.read import Reader


@dataclass
class Context:
    period: Period
    since_code: str  # the meeting changes are counted from, e.g. 4MSP
    since_meeting: object | None
    next_meeting: object | None
    plan: str  # VAP, DAP, LAP
    aggregate_only: bool

    @property
    def next_code(self) -> str:
        return self.next_meeting.code if self.next_meeting else "next Meeting of States Parties"

    @property
    def since_text(self) -> str:
        return f"the {self.since_code}" if self.since_meeting else long_date(self.period.since)

    def venue(self, meeting) -> str:
        return meeting.city if self.aggregate_only else f"{meeting.city}, {meeting.country}"


def read_context(reader: Reader, period: Period, aggregate_only: bool) -> Context:
    meetings = reader.rows(Q.meeting_details)
    since_meeting = next((m for m in meetings if m.code == period.since_meeting), None)
    later = [m for m in meetings if m.start > period.as_of]
    plan = plan_in_force(meetings, period.as_of)
    return Context(
        period=period,
        since_code=since_meeting.code if since_meeting else long_date(period.since),
        since_meeting=since_meeting,
        next_meeting=later[0] if later else None,
        plan=plan,
        aggregate_only=aggregate_only,
    )
