"""Art. 3 and 4 deadlines as of a day, for every view: one rule, read once from the database.

The rule itself is `ccmtui.domain.obligations.deadline_as_of` (Art. 3(3)-(5), Art. 4(5)-(8)):
only extensions granted by the day count; a request before its meeting is "extension
requested"; a request the record gives no decision for is "decision not recorded". This module
gathers its inputs (the recorded extensions and the meetings' dates) and derives what `ccm due`,
the app's Due list and the calendar show: deadlines passed and not met, deadlines ahead, and the
windows for extension requests (Art. 3(4), 4(6): nine months before the meeting).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain import treaty
from ccmtui.domain.dates import optional_partial_date
from ccmtui.domain.obligations import (
    DeadlineOn,
    DeadlineStatus,
    Extension,
    ObligationFacts,
    Standing,
    deadline_as_of,
    standing_on,
)
from ccmtui.domain.treaty import FORMAL_MEETING_KINDS

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.reports.register import Register

REQUEST_LEAD_MONTHS = 9  # Art. 3(4), 4(6): a request goes in nine months before the meeting that considers it


def facts_of(row) -> ObligationFacts:
    """An `obligations` query row as the inputs to its standing on a day."""
    return ObligationFacts(
        article=row.article,
        deadline=row.deadline,
        extended_to=row.extended_to,
        extension_granted=optional_partial_date(row.extension_granted),
        completed=optional_partial_date(row.completed),
        status=row.status,
        status_as_of=row.status_as_of,
        first_completed=optional_partial_date(getattr(row, "first_completed", None)),
        reopened=optional_partial_date(getattr(row, "reopened", None)),
    )


def _extension(row) -> Extension:
    return Extension(
        number=row.number,
        requested=optional_partial_date(row.requested),
        requested_to=row.requested_to,
        meeting=row.meeting,
        decision=row.decision,
        granted=optional_partial_date(row.granted),
        extended_to=row.extended_to,
        source=row.source,
    )


@dataclass
class DeadlineBook:
    """The recorded extension requests and the meetings' dates: what the rule reads."""

    extensions: dict[tuple[str, int], list[Extension]]
    meetings: dict[str, tuple[date, date]]

    @classmethod
    def load(cls, reader: Reader) -> DeadlineBook:
        extensions: dict[tuple[str, int], list[Extension]] = {}
        for row in reader.rows(Q.obligation_extensions):
            extensions.setdefault((row.iso3, row.article), []).append(_extension(row))
        meetings = {m.code: (m.start, m.end) for m in reader.rows(Q.meetings) if m.kind in FORMAL_MEETING_KINDS}
        return cls(extensions, meetings)

    def extensions_of(self, row) -> list[Extension]:
        """The obligation's extension requests, with the one kept on the obligation itself.

        `ccm obligation update --extension-requested/--extension-granted/--extended-to` records
        one on the obligation; it comes after the recorded ones unless it repeats one of them.
        """
        recorded = list(self.extensions.get((row.iso3, row.article), []))
        if row.extended_to is None and row.extension_requested is None:
            return recorded
        own = Extension(
            number=max((e.number for e in recorded), default=0) + 1,
            requested=optional_partial_date(row.extension_requested),
            requested_to=row.extension_requested_to,
            meeting=None,
            decision="granted" if row.extended_to else "pending",
            granted=optional_partial_date(row.extension_granted),
            extended_to=row.extended_to,
            source=row.source,
        )
        if own.extended_to is not None and any(e.extended_to == own.extended_to for e in recorded):
            return recorded
        return [*recorded, own]

    def deadline(self, row, on: date) -> DeadlineOn:
        """The obligation's deadline as of `on` (Art. 3(3)-(5), 4(5)-(8))."""
        return deadline_as_of(row.deadline, self.extensions_of(row), on, self.meetings)


def request_deadline(meeting_start: date) -> date:
    """Art. 3(4), 4(6): the last day to submit a request to a meeting starting on `meeting_start`."""
    return treaty.add_months(meeting_start, -REQUEST_LEAD_MONTHS)


WHAT = {3: "stockpile destruction", 4: "clearance"}
RULE = {3: "Art. 3(2)", 4: "Art. 4(1)"}
EXTENSION_RULE = {3: "Art. 3(3)", 4: "Art. 4(5)"}
WINDOW_RULE = {3: "Art. 3(4)", 4: "Art. 4(6)"}


@dataclass(frozen=True)
class TreatyDeadline:
    """One line of `ccm due`'s treaty part."""

    kind: str  # overdue, ahead, requested, not recorded, window
    on: date  # the deadline, or the day a request window closes
    iso3: str
    name: str
    article: int
    what: str
    days: int  # days since (overdue) or until (ahead, window)
    meeting: str | None = None

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "date": self.on.isoformat(),
            "iso3": self.iso3,
            "name": self.name,
            "article": self.article,
            "what": self.what,
            "days": self.days,
            "meeting": self.meeting,
        }


def obligation_deadlines(reader: Reader, register: Register, today: date, within: int) -> list[TreatyDeadline]:
    """Art. 3 and 4 deadlines of States Parties as of `today`: passed and not met, ahead within
    `within` days, under a request, and the request windows closing within `within` days."""
    book = DeadlineBook.load(reader)
    standing = {s.iso3: s for s in register.on(today)}
    horizon = today + timedelta(days=within)
    upcoming = sorted((start, end, code) for code, (start, end) in book.meetings.items() if start > today)
    lines: list[TreatyDeadline] = []
    for row in reader.rows(Q.obligations, article=None):
        if row.article not in (3, 4):
            continue
        state = standing.get(row.iso3)
        if state is None or state.status.value not in ("party", "pending"):
            continue
        if standing_on(facts_of(row), today) is not Standing.CURRENT:
            continue
        deadline = book.deadline(row, today)
        what = WHAT[row.article]
        base = {"iso3": row.iso3, "name": state.name, "article": row.article}
        if deadline.passed:
            lines.append(
                TreatyDeadline(
                    "overdue",
                    deadline.in_effect,
                    what=f"{what} deadline passed ({RULE[row.article]}{', as extended' if deadline.extended else ''})",
                    days=(today - deadline.in_effect).days,
                    **base,
                )
            )
        elif deadline.status in (DeadlineStatus.REQUESTED, DeadlineStatus.NOT_RECORDED) and deadline.request:
            kind = "requested" if deadline.status is DeadlineStatus.REQUESTED else "not recorded"
            day = deadline.in_effect or today
            lines.append(
                TreatyDeadline(
                    kind,
                    day,
                    what=f"{what}: {deadline.describe()} ({EXTENSION_RULE[row.article]})",
                    days=(day - today).days,
                    meeting=deadline.request.meeting,
                    **base,
                )
            )
        elif deadline.status is DeadlineStatus.NEW_DATE_NOT_RECORDED:
            lines.append(
                TreatyDeadline(
                    "not recorded",
                    today,
                    what=f"{what}: extended, new deadline not recorded ({EXTENSION_RULE[row.article]})",
                    days=0,
                    **base,
                )
            )
        elif deadline.in_effect and deadline.in_effect <= horizon:
            lines.append(
                TreatyDeadline(
                    "ahead",
                    deadline.in_effect,
                    what=f"{what} deadline ({RULE[row.article]}{', as extended' if deadline.extended else ''})",
                    days=(deadline.in_effect - today).days,
                    **base,
                )
            )
        window = request_window(deadline, upcoming, today)
        if window and window[1] <= horizon:
            code, closes = window
            lines.append(
                TreatyDeadline(
                    "window",
                    closes,
                    what=f"{what}: extension request to the {code} due by this day "
                    f"({WINDOW_RULE[row.article]}: nine months before the meeting)",
                    days=(closes - today).days,
                    meeting=code,
                    **base,
                )
            )
    order = {"overdue": 0, "not recorded": 1, "requested": 2, "window": 3, "ahead": 4}
    return sorted(lines, key=lambda line: (order[line.kind], line.on, line.name))


def request_window(
    deadline: DeadlineOn, upcoming: list[tuple[date, date, str]], today: date
) -> tuple[str, date] | None:
    """The next meeting's request window, for a deadline that falls before the meeting after next.

    Art. 3(4), 4(6): a request is submitted at least nine months before the meeting that
    considers it. A deadline before the meeting after next must be extended at the next one.
    """
    if deadline.in_effect is None or deadline.request is not None or not upcoming:
        return None
    start, _end, code = upcoming[0]
    after_next = upcoming[1][0] if len(upcoming) > 1 else None
    if after_next is not None and deadline.in_effect >= after_next:
        return None
    if after_next is None and deadline.in_effect >= treaty.add_years(start, 1):
        # No later meeting recorded: take the one after next as a year on. Art. 11(2) convened the
        # meetings annually until the first Review Conference, and they have stayed annual since.
        return None
    closes = request_deadline(start)
    return (code, closes) if closes >= today else None


@dataclass(frozen=True)
class RequestWindow:
    """The last day to submit an extension request to a meeting (Art. 3(4), 4(6))."""

    closes: date
    meeting: str
    meeting_start: date
    iso3: str
    name: str
    article: int
    deadline: date


def request_windows(
    reader: Reader, register: Register, states: set[str] | None, since: date, until: date
) -> list[RequestWindow]:
    """Every request window closing in [since, until], for each meeting recorded.

    For a meeting whose window closes on day C, the States Parties flagged are those whose
    deadline in effect on C (the one rule) falls before the meeting after it, with no request
    pending or undecided on C.
    """
    book = DeadlineBook.load(reader)
    meetings = sorted((start, end, code) for code, (start, end) in book.meetings.items())
    rows = [r for r in reader.rows(Q.obligations, article=None) if r.article in (3, 4)]
    names = {s.iso3: s.name for s in register.on(until)}
    windows: list[RequestWindow] = []
    for index, (start, _end, code) in enumerate(meetings):
        closes = request_deadline(start)
        if not since <= closes <= until:
            continue
        later = list(meetings[index + 1 :])
        standing = {s.iso3: s for s in register.on(closes)}
        for row in rows:
            if states is not None and row.iso3 not in states:
                continue
            state = standing.get(row.iso3)
            if state is None or state.status.value not in ("party", "pending"):
                continue
            if standing_on(facts_of(row), closes) is not Standing.CURRENT:
                continue
            deadline = book.deadline(row, closes)
            found = request_window(deadline, [(start, _end, code), *later], closes)
            if found:
                windows.append(
                    RequestWindow(
                        closes, code, start, row.iso3, names.get(row.iso3, row.iso3), row.article, deadline.in_effect
                    )
                )
    return sorted(windows, key=lambda w: (w.closes, w.name))
