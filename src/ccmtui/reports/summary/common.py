"""What every area's summary shares: the period, the states it names, and the engagements it counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain import treaty
from ccmtui.domain.dates import PartialDate
from ccmtui.domain.errors import InputError
from ccmtui.domain.states import normalize

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.reports.register import Register

STATES_PARTIES = treaty.STATES_PARTIES_INCLUDING_PENDING


# -- the period


@dataclass(frozen=True, slots=True)
class Period:
    """The day the figures are as of, and the day changes are counted from (exclusive)."""

    as_of: date
    since: date
    since_meeting: str | None  # the meeting code when `since` is a meeting's opening day

    @property
    def since_label(self) -> str:
        return f"the {self.since_meeting}" if self.since_meeting else self.since.isoformat()

    def covers(self, day: date) -> bool:
        return self.since < day <= self.as_of


def resolve_period(register: Register, as_of: date | str | None, since: date | str | None) -> Period:
    """`as_of` (default today) and `since` (default: the last meeting before `as_of`), each a date or meeting code."""
    day = as_of if isinstance(as_of, date) else register.resolve_day(as_of, "--as-of")
    meeting_code = None
    if since is None:
        earlier = [m for m in register.formal_meetings if m.start < day]
        if earlier:
            start, meeting_code = earlier[-1].start, earlier[-1].code
        else:
            start = treaty.OPENED_FOR_SIGNATURE
    elif isinstance(since, date):
        start = since
    else:
        start = register.resolve_day(since, "--since")
        if not since.strip()[:1].isdigit() and since.strip().casefold() != "today":
            meeting_code = register.meeting(since).code
    if start > day:
        raise InputError(f"--since {start.isoformat()} is after --as-of {day.isoformat()}")
    if meeting_code is None:
        meeting_code = next((m.code for m in register.meetings if m.start == start), None)
    return Period(as_of=day, since=start, since_meeting=meeting_code)


# -- shared pieces


@dataclass(frozen=True, slots=True)
class StateRef:
    iso3: str
    name: str
    region: str


def state_ref(state) -> StateRef:
    return StateRef(state.iso3, state.name, state.region)


def by_name(items, key=lambda item: item.name):
    return sorted(items, key=lambda item: normalize(key(item)))


def count_by_region(items) -> dict[str, int]:
    counts = Counter(item.region for item in items)
    return dict(sorted(counts.items()))


def states_parties_on(register: Register, on: date) -> dict[str, object]:
    return {s.iso3: s for s in register.on(on) if s.status in STATES_PARTIES}


@dataclass(frozen=True, slots=True)
class EngagementTally:
    """Engagements an area logged in the period, by kind."""

    by_kind: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())


def engagement_tally(reader: Reader, area: str, period: Period) -> EngagementTally:
    rows = reader.rows(Q.engagements_by_kind, area=area, since=period.since + timedelta(days=1), until=period.as_of)
    return EngagementTally({row.kind: row.engagements for row in rows})


# -- dates of reduced precision


def after_day(value: PartialDate, day: date) -> bool | None:
    if value.certainly_after(day):
        return True
    return False if value.certainly_by(day) else None
