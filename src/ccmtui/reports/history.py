"""One state's timeline: treaty events, engagements, replies and classifications."""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import accumulate, islice
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain import treaty
from ccmtui.reports.engagements import (
    EARLIEST,
    FIRST_PAGE,
    IN_CHUNK,
    LATEST,
    EngagementFilter,
    EngagementLine,
    iter_engagements,
    rows_of_engagements,
)

if TYPE_CHECKING:
    from ccmtui.db.read import Reader


@dataclass(frozen=True)
class TimelineEntry:
    on: date
    kind: str  # treaty, engagement, attachment, reply, category, vote, offer, counterpart
    what: str
    ref: str | None = None

    def as_json(self) -> dict:
        return {"date": self.on.isoformat(), "kind": self.kind, "what": self.what, "id": self.ref}


def treaty_events(record) -> list[TimelineEntry]:
    """Signature, deposit, entry into force (Art. 17) and withdrawal (Art. 20) of a state."""
    events = []
    if record.signed:
        events.append(TimelineEntry(record.signed, "treaty", "Signed the Convention"))
    if record.deposited:
        instrument = (record.instrument or "instrument").capitalize()
        events.append(TimelineEntry(record.deposited, "treaty", f"{instrument} deposited"))
        events.append(
            TimelineEntry(treaty.entry_into_force(record.deposited), "treaty", "Convention in force for it (Art. 17)")
        )
    if record.withdrawal_notified:
        events.append(TimelineEntry(record.withdrawal_notified, "treaty", "Withdrawal notified (Art. 20)"))
        events.append(
            TimelineEntry(treaty.withdrawal_effective(record.withdrawal_notified), "treaty", "Withdrawal took effect")
        )
    return events


def obligation_events(reader: Reader, iso3: str) -> list[TimelineEntry]:
    """Art. 3 and 4: deadlines, extension requests and decisions, completions, a reopening.

    Each deadline is dated as the one rule has it (reports/deadlines.py): the original
    (Art. 3(2), 4(1)), then each extension on the day it applies (Art. 3(3)-(5), 4(5)-(8)).
    """
    from ccmtui.domain.dates import optional_partial_date
    from ccmtui.reports.deadlines import WHAT, DeadlineBook

    book = DeadlineBook.load(reader)
    entries: list[TimelineEntry] = []
    for row in reader.rows(Q.obligations, article=None):
        if row.iso3 != iso3 or row.article not in (3, 4):
            continue
        what, rule = WHAT[row.article], f"Art. {row.article}"
        if row.deadline:
            entries.append(
                TimelineEntry(
                    row.deadline, "treaty", f"{what.capitalize()} deadline ({rule}({2 if row.article == 3 else 1}))"
                )
            )
        for ext in book.extensions_of(row):
            meeting = f" to the {ext.meeting}" if ext.meeting else ""
            if ext.requested:
                asked = f" to {ext.requested_to}" if ext.requested_to else ""
                entries.append(
                    TimelineEntry(
                        ext.requested.earliest,
                        "treaty",
                        f"{what.capitalize()}: extension requested{asked}{meeting} (requested {ext.requested})",
                    )
                )
            if ext.decision == "granted":
                day = ext.granted.latest if ext.granted else book.meetings.get(ext.meeting or "", (None, None))[1]
                to = f" to {ext.extended_to}" if ext.extended_to else ", new deadline not recorded"
                if day:
                    entries.append(
                        TimelineEntry(
                            day,
                            "treaty",
                            f"{what.capitalize()}: extension granted{to}{' by the ' + ext.meeting if ext.meeting else ''}",
                        )
                    )
            elif ext.meeting and ext.meeting in book.meetings and ext.decision == "not recorded":
                entries.append(
                    TimelineEntry(
                        book.meetings[ext.meeting][1],
                        "treaty",
                        f"{what.capitalize()}: {ext.meeting} considered an extension request; decision not recorded",
                    )
                )
        first, reopened = optional_partial_date(row.first_completed), optional_partial_date(row.reopened)
        if first and reopened:
            entries.append(
                TimelineEntry(first.earliest, "treaty", f"{what.capitalize()} completed ({first}), first period")
            )
            entries.append(
                TimelineEntry(
                    reopened.earliest,
                    "treaty",
                    f"{what.capitalize()} obligation reopened ({reopened}): a second period",
                )
            )
        completed = optional_partial_date(row.completed)
        if completed:
            entries.append(TimelineEntry(completed.earliest, "treaty", f"{what.capitalize()} completed ({completed})"))
    return entries


def _reasons(stored: str | None, extra: Mapping | None) -> str:
    from ccmtui.domain.reasons import meaning, split

    codes = split(stored)
    return "; held back by: " + ", ".join(f"{c} ({meaning(c, extra)})" for c in codes) if codes else ""


# The order of a day's entries by kind.
ORDER = {
    "treaty": 0,
    "category": 1,
    "vote": 2,
    "engagement": 3,
    "attachment": 4,
    "reply": 5,
    "offer": 6,
    "counterpart": 7,
}


def _timeline_key(entry: TimelineEntry) -> tuple[date, int]:
    return entry.on, ORDER[entry.kind]


def state_history(
    reader: Reader, record, limit: int | None = None, redact: bool = False, *, extra_reasons: Mapping | None = None
) -> list[TimelineEntry]:
    """Everything about one state, oldest first; `limit` keeps the most recent engagements; `redact`
    leaves the categories' rationales out. `extra_reasons`: config.toml's own reasons, named in words."""
    return list(iter_state_history(reader, record, limit, redact, extra_reasons=extra_reasons))


def iter_state_history(
    reader: Reader,
    record,
    limit: int | None = None,
    redact: bool = False,
    *,
    extra_reasons: Mapping | None = None,
    votes: list[TimelineEntry] | None = None,
) -> Iterator[TimelineEntry]:
    """`state_history`'s entries as they are read: without `limit`, the state's engagements come
    oldest first a page at a time, merged with the other entries (a few per state, read whole), so
    the first lines show before the last engagement is read and memory stays flat. `votes`: the
    state's `vote_events`, if already read."""
    others = _other_entries(reader, record, redact, extra_reasons, votes)
    chosen = EngagementFilter(state=record.iso3, limit=limit)
    if limit is None:
        lines: Iterable[EngagementLine] = iter_engagements(reader, chosen, oldest_first=True)
    else:
        # The most recent, read newest first: the days turned round, each day's order kept.
        lines = sorted(iter_engagements(reader, chosen), key=lambda line: line.occurred_on)
    # Engagements and attachments are the one stream of their kinds: the merge keeps each day's
    # entries of a kind in their stream's order.
    return heapq.merge(others, _engagement_entries(reader, lines, redact), key=_timeline_key)


def _other_entries(
    reader: Reader,
    record,
    redact: bool,
    extra_reasons: Mapping | None,
    votes: list[TimelineEntry] | None = None,
) -> list[TimelineEntry]:
    """The entries besides engagements and their files (a few per state), oldest first."""
    others = treaty_events(record)
    for reply in reader.rows(Q.replies_of_state, iso3=record.iso3):
        if reply.status == "replied":
            supports = f", supports Category {reply.supports_category}" if reply.supports_category else ""
            text = f"Replied ({reply.stance}{supports}) to: {reply.engagement_summary}"
            if reply.summary and not redact:
                text += f" — {reply.summary}"
            text += _reasons(reply.reasons, extra_reasons)
            others.append(TimelineEntry(reply.received_on, "reply", text, reply.engagement_uuid))
    others += obligation_events(reader, record.iso3)
    for row in reader.rows(Q.classifications_of_state, iso3=record.iso3):
        rationale = "" if redact else f": {row.rationale}"
        text = f"Category {row.category}{rationale}{_reasons(row.reasons, extra_reasons)}"
        others.append(TimelineEntry(row.assessed_on, "category", text, row.uuid))
    others += vote_events(reader, record.iso3) if votes is None else votes
    others.sort(key=_timeline_key)
    return others


class TimelinePages:
    """A state's timeline newest first (`state_history` turned round), read by position a block at
    a time: the entries of any block cost what the first block's do, however busy the state.

    Where each day starts comes from counts alone (the state's engagements and their files per
    day, from the dated link index, and the few other entries, read whole); a block then reads
    the engagements of the days it spans, a date range of the same index."""

    def __init__(self, reader: Reader, record, *, extra_reasons: Mapping | None = None):
        self.record = record
        self.others = _other_entries(reader, record, False, extra_reasons)
        per_day: dict[date, int] = {}
        for entry in self.others:
            per_day[entry.on] = per_day.get(entry.on, 0) + 1
        never = {"since": EARLIEST, "until": LATEST}
        for row in reader.rows(Q.engagement_days_of_state, iso3=record.iso3, **never):
            per_day[row.occurred_on] = per_day.get(row.occurred_on, 0) + row.engagements
        for row in reader.rows(Q.attachment_days_of_state, iso3=record.iso3):
            per_day[row.occurred_on] = per_day.get(row.occurred_on, 0) + row.attachments
        self.days = sorted(per_day, reverse=True)
        self.starts = [0, *accumulate(per_day[day] for day in self.days)]
        self.total = self.starts[-1]

    def entries(self, reader: Reader, start: int, count: int) -> list[TimelineEntry]:
        """The entries at positions start…start+count-1, newest first (fewer at the end)."""
        end = min(start + count, self.total)
        if start >= end:
            return []
        newest = bisect_right(self.starts, start) - 1
        oldest = bisect_right(self.starts, end - 1) - 1
        since, until = self.days[oldest], self.days[newest]
        others = [entry for entry in self.others if since <= entry.on <= until]
        chosen = EngagementFilter(state=self.record.iso3, since=since, until=until, limit=None)
        lines = iter_engagements(reader, chosen, page=IN_CHUNK, oldest_first=True)
        spanned = list(heapq.merge(others, _engagement_entries(reader, lines, False), key=_timeline_key))
        spanned.reverse()
        skip = start - self.starts[newest]
        return spanned[skip : skip + end - start]


def _engagement_entries(reader: Reader, lines: Iterable[EngagementLine], redact: bool) -> Iterator[TimelineEntry]:
    """Each engagement (with whom it was held), and after a day's engagements the files attached
    to them in the order attached; the people met and the files read a page of lines at a time."""
    day, attached = None, []
    for page in _pages(lines):
        uuids = [line.uuid for line in page]
        met: dict[str, list[str]] = {}
        for row in rows_of_engagements(reader, Q.counterparts_of_engagements, uuids):
            if row.person_uuid and redact:  # individuals stay out of a redacted output
                continue
            met.setdefault(row.engagement_uuid, []).append(row.person_name if row.person_uuid else row.organisation)
        files: dict[str, list] = {}
        for row in rows_of_engagements(reader, Q.attachments_of_engagements, uuids):
            files.setdefault(row.engagement_uuid, []).append(row)
        for line in page:
            if line.occurred_on != day:
                yield from _attachments(day, attached)
                day, attached = line.occurred_on, []
            by = f" (by {', '.join(line.actors)})" if line.actors else ""
            with_ = f" (with {', '.join(met[line.uuid])})" if line.uuid in met else ""
            yield TimelineEntry(
                line.occurred_on, "engagement", f"{line.kind_label}: {line.summary}{by}{with_}", line.uuid
            )
            attached += files.get(line.uuid, [])
    yield from _attachments(day, attached)


def _pages(lines: Iterable[EngagementLine]) -> Iterator[list[EngagementLine]]:
    """Pages of lines, the first small (what a screen shows), then IN_CHUNK."""
    lines = iter(lines)
    size = FIRST_PAGE
    while page := list(islice(lines, size)):
        yield page
        size = IN_CHUNK


def _attachments(day: date | None, rows: list) -> Iterator[TimelineEntry]:
    for row in sorted(rows, key=lambda row: (row.created_at, row.filename)):
        yield TimelineEntry(day, "attachment", f"Attached {row.filename} ({row.size:,} bytes)", row.uuid)


def vote_events(reader: Reader, iso3: str) -> list[TimelineEntry]:
    """How the state voted on the General Assembly's resolution on the Convention, year by year
    (recorded by `ccm votes import`; the per-state record is not shipped)."""
    from ccmtui.reports.votes import votes_of_state

    return [TimelineEntry(v.voted_on, "vote", v.describe(), v.uuid) for v in votes_of_state(reader, iso3)]


def help_on_offer(reader: Reader, record, today: date, extra_reasons: Mapping | None = None) -> list[TimelineEntry]:
    """The state's current reasons that the Convention or a partner can answer, with who reported
    providing that help (Art. 6); dated `today`, since the offers stand now."""
    from ccmtui.reports.reasons import OfferBook, current_assessment

    status = treaty.status_on(today, signed=record.signed, deposited=record.deposited)
    if status in treaty.STATES_PARTIES_INCLUDING_PENDING:
        return []
    current = current_assessment(reader, record.iso3, today)
    if current is None:
        return []
    offers = OfferBook(reader, extra_reasons, until=today.year).offers(current.reasons)
    return [TimelineEntry(today, "offer", f"Help on offer: {offer.describe()}") for offer in offers]


def counterparts(reader: Reader, record, today: date, redact: bool = False) -> list[TimelineEntry]:
    """The state's own people and the people and organisations met in its engagements, dated
    `today` (they are who to call now); without individuals when `redact`."""
    from ccmtui.reports.counterparts import PLACES, People, met_with_state

    entries = []
    if not redact:
        for person in People(reader).of_state(record.iso3):
            bits = [b for b in (person.role, PLACES.get(person.location or ""), person.email, person.phone) if b]
            text = f"Works for {record.name}: {person.name}" + (f" ({', '.join(bits)})" if bits else "")
            entries.append(TimelineEntry(today, "counterpart", text, person.uuid))
    for met in met_with_state(reader, record.iso3, today, people=not redact):
        times = f", {met.times} times" if met.times > 1 else ""
        entries.append(TimelineEntry(today, "counterpart", f"Met: {met.label}{times}, last {met.last.isoformat()}"))
    return entries


@dataclass(frozen=True)
class StateRecord:
    """One of a state's records under Art. 3-7 that `ccm edit` and `ccm delete` change."""

    kind: str  # obligation, extension, retention, art7, measure, cooperation
    when: str
    what: str
    ref: str


def _or_dash(value) -> str:
    return "—" if value in (None, "") else str(value)


def state_records(reader: Reader, iso3: str) -> list[StateRecord]:
    """A state's obligations and extensions (Art. 3, 4, 5), retention (Art. 3(6)), Art. 7 reports,
    national measures (Art. 9) and cooperation entries (Art. 6), kind by kind."""
    records: list[StateRecord] = []
    for row in reader.rows(Q.obligations, article=None):
        if row.iso3 == iso3:
            what = f"Art. {row.article}: {row.status}, deadline {_or_dash(row.deadline)}"
            if row.completed:
                what += f", completed {row.completed}"
            records.append(StateRecord("obligation", _or_dash(row.status_as_of), what, row.uuid))
    for row in reader.rows(Q.obligation_extensions):
        if row.iso3 == iso3:
            what = (
                f"Art. {row.article} extension {row.number}: requested {_or_dash(row.requested)}"
                f" to {_or_dash(row.requested_to)}, {row.decision}"
            )
            records.append(StateRecord("extension", _or_dash(row.meeting), what, row.uuid))
    for row in reader.rows(Q.retention):
        if row.iso3 == iso3:
            what = (
                f"Retained {_or_dash(row.munitions_retained)} munitions, "
                f"{_or_dash(row.submunitions_retained)} submunitions; {row.purpose or 'purpose not recorded'}"
            )
            records.append(StateRecord("retention", str(row.year), what, row.uuid))
    for row in reader.rows(Q.transparency_reports):
        if row.iso3 == iso3:
            what = f"{row.kind.capitalize()} report, due {_or_dash(row.due)}, submitted {_or_dash(row.submitted)}"
            records.append(StateRecord("art7", str(row.year), what, row.uuid))
    for row in reader.rows(Q.national_measures):
        if row.iso3 == iso3:
            records.append(StateRecord("measure", str(row.dated), f"{row.status}: {row.measure}", row.uuid))
    for row in reader.rows(Q.cooperation_reports):
        if row.iso3 == iso3:
            records.append(StateRecord("cooperation", str(row.year), f"{row.role}: {row.details}", row.uuid))
    return records
