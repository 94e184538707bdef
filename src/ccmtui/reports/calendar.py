"""The coordinator's calendar: treaty deadlines, meetings, milestones and follow-ups.

Each event has a UID derived from what it is (a record id, or a state, article and
year), so importing a newer file into a calendar program updates events instead of
adding copies. `render_ics` writes them with the icalendar library.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from ccmtui.db.ids import stable_uuid
from ccmtui.domain import treaty
from ccmtui.domain.workplan import MILESTONE_STATUSES, Due

UID_DOMAIN = "ccmtui"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    start: date
    end: date  # inclusive: the last day of the event
    summary: str
    description: str = ""
    location: str = ""
    category: str = ""
    state: str = ""  # ISO3, for a state's deadline
    article: str = ""  # the article that sets a deadline


def _uid(*parts: object) -> str:
    return f"{stable_uuid('calendar', *parts)}@{UID_DOMAIN}"


def deadline_events(
    register_rows,
    states: set[str],
    since: date,
    until: date,
    obligation_rows=(),
    *,
    annual_reports: bool = True,
    deadline_of=None,
) -> list[CalendarEvent]:
    """The treaty deadlines of `states` falling in [since, until] (Art. 3, 4 and 7).

    `obligation_rows` are the database's obligations (the `obligations` query): an
    extension or completion recorded with `ccm obligation update` moves or removes the
    deadline. Without `annual_reports`, the 30 April reports of every state are left out
    (a caller may count them as one line).
    """
    events: list[CalendarEvent] = []
    names = {row.iso3: row.name for row in register_rows}

    def add(day: date, iso3: str, key: str, summary: str, description: str, article: str) -> None:
        if since <= day <= until:
            events.append(
                CalendarEvent(
                    _uid("deadline", iso3, key),
                    day,
                    day,
                    f"{summary} ({article})",
                    description,
                    category="Deadline",
                    state=iso3,
                    article=article,
                )
            )

    for row in register_rows:
        if row.iso3 not in states or not row.deposited:
            continue
        if row.withdrawal_notified and treaty.withdrawal_effective(row.withdrawal_notified) <= since:
            continue
        in_force = treaty.entry_into_force(row.deposited)
        add(
            treaty.initial_report_due(in_force),
            row.iso3,
            "art7-initial",
            f"{row.name}: initial transparency report due",
            f"180 days after entry into force for {row.name} ({in_force.isoformat()}).",
            "Art. 7(1)",
        )
        for year in range(max(since.year - 1, in_force.year), until.year if annual_reports else 0):
            add(
                treaty.annual_report_due(year),
                row.iso3,
                f"art7-annual-{year}",
                f"{row.name}: annual transparency report for {year} due",
                f"Covering calendar year {year}.",
                "Art. 7(2)",
            )
    for obligation in obligation_rows:
        iso3 = obligation.iso3
        # With `deadline_of` (reports/deadlines.py), only the extensions granted by `until` count.
        deadline = deadline_of(obligation) if deadline_of else obligation.extended_to or obligation.deadline
        if iso3 not in states or obligation.status == "completed" or deadline is None:
            continue
        article = obligation.article
        what = "stockpile destruction" if article == 3 else "clearance of contaminated areas"
        rule = "Art. 3(2)" if article == 3 else "Art. 4(1)"
        extended = " (as extended)" if deadline != obligation.deadline else ""
        add(
            deadline,
            iso3,
            f"art{article}",
            f"{names.get(iso3, iso3)}: {what} deadline{extended}",
            f"Source: {obligation.source}",
            rule,
        )
    return events


def request_window_events(windows) -> list[CalendarEvent]:
    """The last day to submit an extension request to a meeting (Art. 3(4), 4(6)), per State Party."""
    events = []
    for w in windows:
        what = "stockpile destruction" if w.article == 3 else "clearance"
        rule = "Art. 3(4)" if w.article == 3 else "Art. 4(6)"
        events.append(
            CalendarEvent(
                _uid("request-window", w.iso3, w.article, w.meeting),
                w.closes,
                w.closes,
                f"{w.name}: last day for a {what} extension request to the {w.meeting} ({rule})",
                f"Nine months before the {w.meeting} ({w.meeting_start.isoformat()}); "
                f"deadline in effect {w.deadline.isoformat()}.",
                category="Deadline",
                state=w.iso3,
                article=rule,
            )
        )
    return events


def meeting_events(meetings) -> list[CalendarEvent]:
    return [
        CalendarEvent(
            _uid("meeting", m.code),
            m.start,
            m.end,
            f"{m.code}: {m.name}",
            location=f"{m.city}, {m.country}",
            category="Meeting",
        )
        for m in meetings
    ]


def milestone_events(rows, redact: bool = False) -> list[CalendarEvent]:
    """Milestones not dropped, on their due day (a quarter's last day when due by quarter);
    `redact` leaves their free-text notes out."""
    events = []
    for row in rows:
        if row.status == "dropped":
            continue
        due = Due.stored(row.due_on, row.due_quarter)
        status = MILESTONE_STATUSES[row.status] + (f" {row.done_on.isoformat()}" if row.done_on else "")
        description = f"Work plan: {row.work_plan_title}\nDue: {due.label}\nStatus: {status}"
        if row.action_points:
            description += f"\nAction points: {row.action_points}"
        if row.notes and not redact:
            description += f"\n\n{row.notes}"
        events.append(
            CalendarEvent(
                f"{row.uuid}@{UID_DOMAIN}",
                row.due_on,
                row.due_on,
                f"Milestone: {row.title}",
                description,
                category="Milestone",
            )
        )
    return events


def follow_up_events(rows, states_of: dict[str, list[str]]) -> list[CalendarEvent]:
    return [
        CalendarEvent(
            _uid("follow-up", row.uuid),
            row.follow_up_on,
            row.follow_up_on,
            f"Follow up: {row.summary}" + (f" ({', '.join(states_of[row.uuid])})" if states_of.get(row.uuid) else ""),
            f"Engagement of {row.occurred_on.isoformat()} ({row.kind}).",
            category="Follow-up",
        )
        for row in rows
    ]


def render_ics(events: list[CalendarEvent], stamp: datetime | None = None) -> bytes:
    """An iCalendar file: all-day events, stable UIDs."""
    from ccmtui.files import require_calendar

    require_calendar()
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//ccmtui//Convention on Cluster Munitions tracker//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "CCM coordination")
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    for item in sorted(events, key=lambda e: (e.start, e.uid)):
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.start)
        event.add("dtend", item.end + timedelta(days=1))  # iCalendar's all-day end is exclusive
        event.add("summary", item.summary)
        event.add("transp", "TRANSPARENT")
        if item.description:
            event.add("description", item.description)
        if item.location:
            event.add("location", item.location)
        if item.category:
            event.add("categories", [item.category])
        calendar.add_component(event)
    return calendar.to_ical()
