"""What the dashboard shows, read without Textual.

`ccm tui` starts reading it before Textual is even imported (`EarlyDashboard`: a child process on
a SQLite file, a thread on a server), so the first frame can already hold the figures; later
reloads read it in a worker.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain.treaty import OPENED_FOR_SIGNATURE, STATES_PARTIES_INCLUDING_PENDING
from ccmtui.domain.workplan import OPEN_STATUSES, Due, is_overdue
from ccmtui.tui import format as fmt

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.reports.register import Register
    from ccmtui.tui.source import Source

REPLY_WAIT_DAYS = 60
SOON_DAYS = 14  # follow-ups falling due in the next fortnight are listed with the overdue ones
DEADLINE_DAYS = 90  # treaty deadlines and request windows within this many days
RECENT_LIMIT = 20
DUE_LIMIT = 25  # of each kind: the panel shows a screenful, its title the full counts
MILESTONE_LIMIT = 12
CAMPAIGN_LIMIT = 20  # the latest: only their replies are counted, however many campaigns there are
NEXT_SHOWN = 8  # the states the "Contact next" panel ranks first


@dataclass
class DashboardData:
    today: date
    area: str | None
    index: object  # the StateIndex, handed on to the app
    register: dict
    parties_by_year: list[tuple[int, int]]
    due: list[tuple] = field(default_factory=list)  # (key, day, what, with, summary)
    due_counts: tuple[int, int, int] = (0, 0, 0)  # overdue follow-ups, replies waiting, deadlines
    recent: list[tuple] = field(default_factory=list)  # (uuid, day, kind, with, summary)
    campaigns: list[tuple] = field(default_factory=list)  # (uuid, title, replied, targets), the latest
    campaigns_total: int = 0
    milestones: list[tuple] = field(default_factory=list)  # (uuid, due label, status, title, overdue)


def register_figures(register: Register, today: date) -> dict:
    """Counts by status, category and region, from the same register `ccm status` reads."""
    from ccmtui.reports.register import category_counts, status_counts

    states = register.on(today)
    by_region: dict[str, Counter] = {}
    for state in states:
        counts = by_region.setdefault(state.region, Counter())
        counts["states"] += 1
        counts[state.status.value] += 1
        if state.category:
            counts[state.category] += 1
    return {
        "status": status_counts(states),
        "category": category_counts(states),
        "regions": dict(sorted(by_region.items())),
        "total": len(states),
    }


def parties_by_year(register: Register, today: date) -> list[tuple[int, int]]:
    """States Parties (pending included, as CCM documents count) at the end of each year, and today."""
    years = range(OPENED_FOR_SIGNATURE.year, today.year + 1)
    return [
        (year, register.count_on(min(date(year, 12, 31), today), STATES_PARTIES_INCLUDING_PENDING)) for year in years
    ]


# Art. 3 and 4 as `ccm due` shows them (reports/deadlines.py): passed, under a request, windows, ahead.
TREATY_LABELS = {
    "overdue": lambda ln: f"Deadline passed, {ln.days} days",
    "not recorded": lambda ln: "Extension: decision not recorded",
    "requested": lambda ln: "Extension requested",
    "window": lambda ln: f"Request window, {ln.days} days",
    "ahead": lambda ln: f"Deadline, in {ln.days} days",
}


def follow_up_label(today: date, on: date) -> str:
    late = (today - on).days
    if late > 0:
        return f"Follow up, {late:,} days late"
    return "Follow up today" if late == 0 else f"Follow up in {-late} days"


def due_rows(reader: Reader, register: Register, today: date, index) -> tuple[list[tuple], tuple[int, int, int]]:
    """What `ccm due` shows, a screenful of each kind, newest first (the Due screen lists them all):
    follow-ups, replies long pending, treaty deadlines."""
    from ccmtui.reports.deadlines import obligation_deadlines
    from ccmtui.reports.due import treaty_deadlines
    from ccmtui.reports.engagements import with_parties

    soon = today + timedelta(days=SOON_DAYS)
    rows = []
    follow_ups = reader.rows(Q.due_follow_ups_newest, until=soon, limit=DUE_LIMIT, offset=0)
    for line in with_parties(reader, follow_ups):
        what = follow_up_label(today, line.follow_up_on)
        rows.append((f"f:{line.uuid}", line.follow_up_on, what, fmt.names(line.states, index, 2), line.summary))
    cutoff = today - timedelta(days=REPLY_WAIT_DAYS)
    for reply in reader.rows(Q.due_replies_newest, cutoff=cutoff, limit=DUE_LIMIT, offset=0):
        days = (today - reply.occurred_on).days
        rows.append(
            (
                f"r:{reply.engagement_uuid}:{reply.iso3}",
                reply.occurred_on,
                f"No reply, {days:,} days",
                reply.name,
                reply.engagement_summary,
            )
        )
    obligations = obligation_deadlines(reader, register, today, DEADLINE_DAYS)
    for number, line in enumerate(obligations):
        rows.append((f"o:{number}", line.on, TREATY_LABELS[line.kind](line), line.name, line.what))
    deadlines = treaty_deadlines(reader, register, today, DEADLINE_DAYS)
    for number, deadline in enumerate(deadlines):
        who = index.name(deadline.iso3) if deadline.iso3 and deadline.iso3 in index else "All parties"
        rows.append((f"d:{number}", deadline.on, f"Deadline ({deadline.article})", who, deadline.what))
    counts = (
        reader.rows(Q.follow_ups_overdue_count, until=today)[0].count,
        reader.rows(Q.replies_pending_since_count, cutoff=cutoff)[0].count,
        len(deadlines) + len(obligations),
    )
    return rows, counts


def recent_rows(reader: Reader, today: date, index) -> list[tuple]:
    from ccmtui.reports.engagements import EngagementFilter, list_engagements

    lines = list_engagements(reader, EngagementFilter(until=today, limit=RECENT_LIMIT))
    return [
        (line.uuid, line.occurred_on, fmt.kind(line.kind), fmt.names(line.states, index, 2), line.summary)
        for line in lines
    ]


def campaign_rows(reader: Reader) -> list[tuple]:
    """The latest campaigns, newest first, with their replies."""
    rows = reader.rows(Q.campaigns_latest, limit=CAMPAIGN_LIMIT)
    return [(row.uuid, row.title, row.replied or 0, row.targets) for row in rows]


def milestone_rows(reader: Reader, today: date, area: str | None) -> list[tuple]:
    """The next milestones still open (the overdue ones first), of the coordinator's area when set."""
    rows = reader.rows(Q.milestones_due, since=date.min, until=date.max, area=area, statuses=list(OPEN_STATUSES))
    return [
        (
            row.uuid,
            Due.stored(row.due_on, row.due_quarter).label,
            row.status,
            row.title,
            is_overdue(row.status, row.due_on, today),
        )
        for row in rows[:MILESTONE_LIMIT]
    ]


def load_dashboard(source: Source) -> DashboardData:
    """Everything the dashboard shows, through one reader."""
    today = source.today
    area = source.config.get("area") or None
    with source.register() as register:
        reader = register.reader
        index = register.index
        due, counts = due_rows(reader, register, today, index)
        return DashboardData(
            today=today,
            area=area,
            index=index,
            register=register_figures(register, today),
            parties_by_year=parties_by_year(register, today),
            due=due,
            due_counts=counts,
            recent=recent_rows(reader, today, index),
            campaigns=campaign_rows(reader),
            campaigns_total=reader.rows(Q.campaign_count)[0].count,
            milestones=milestone_rows(reader, today, area),
        )


def next_ranking(source: Source) -> list:
    """The states `ccm next` ranks first, for the dashboard's "Contact next" panel."""
    from ccmtui.config import category_max_age
    from ccmtui.reports.next_contacts import rank_next

    with source.register() as register:
        return rank_next(
            register,
            today=source.today,
            config=source.config,
            limit=NEXT_SHOWN,
            max_age=category_max_age(source.config),
        )


class EarlyDashboard:
    """The dashboard's data, then (with `rank`) the "Contact next" ranking, read while the app is
    still starting; with `keep`, from the snapshot of the last start when the database file is
    unchanged (and kept there for the next start when read afresh).

    On a SQLite file they are read by a child process, forked before anything else runs: there the
    queries and the Python around them run beside Textual's import on another core, instead of
    taking turns with it for the interpreter lock (in a thread, a reading that takes 20 ms alone
    took 200 ms while Textual loaded). A thread of this process waits for what the child sends; it
    reads the figures itself on a server, or when the child fails."""

    # The first frame waits this long for the figures, rather than show loading indicators
    # and draw everything again a moment later; a slow server gets the indicators.
    FIRST_FRAME_WAIT = 0.25

    def __init__(self, source: Source, keep: bool = False, rank: bool = True):
        self.data: DashboardData | None = None
        self.error: Exception | None = None
        self.ranking: list | None = None
        self.ranking_error: Exception | None = None
        self.from_snapshot = False
        self._read_data = threading.Event()
        self._ranked = threading.Event()
        self._reading = (source, keep, rank)
        source.expect_ensure()
        child = self._fork()
        self._thread = threading.Thread(
            target=self._receive if child else self._read,
            args=(child,) if child else (),
            name="ccm-early-dashboard",
            daemon=True,
        )
        self._thread.start()

    def _fork(self) -> tuple[int, int] | None:
        """The child reading the figures, and the pipe it sends them on; None where there is none."""
        source = self._reading[0]
        path = source.target.path
        if path is None or not path.exists() or not hasattr(os, "fork") or threading.active_count() > 1:
            return None  # a server, a file still to create, or threads that a fork would not carry
        try:
            reading, writing = os.pipe()
            pid = os.fork()
        except OSError:
            return None
        if pid:
            os.close(writing)
            source.ensure()  # the file is there: nothing to create
            return pid, reading
        # The child reads, sends, and leaves without running anything more of the parent's.
        try:
            os.close(reading)
            with os.fdopen(writing, "wb") as out:

                def send(*message) -> None:
                    pickle.dump(message, out, protocol=pickle.HIGHEST_PROTOCOL)
                    out.flush()

                self._read(
                    read=lambda: send("data", self.data, self.from_snapshot) if self.error is None else send("failed"),
                    ranked=lambda: send("ranking", None if self.ranking_error else self.ranking),
                )
        finally:
            os._exit(0)

    def _receive(self, child: tuple[int, int]) -> None:
        """What the child sends; when it sends no figures, they are read here instead."""
        pid, reading = child
        received = False
        try:
            with os.fdopen(reading, "rb") as sent:
                message = pickle.load(sent)
                if message[0] == "data":
                    _, self.data, self.from_snapshot = message
                    received = True
                    self._read_data.set()
                    _, self.ranking = pickle.load(sent)  # None if it failed: the panel ranks itself
        except Exception:  # the child failed, or was stopped
            pass
        finally:
            os.waitpid(pid, 0)
        if received:
            self._ranked.set()
        else:
            self._read()

    def _read(self, read=None, ranked=None) -> None:
        # Errors are handed to the app, which reports them as any worker would.
        source, keep, rank = self._reading
        try:
            try:
                source.ensure()
                key = where = None
                path = source.target.path
                if keep and path is not None:
                    from ccmtui.tui import snapshot

                    key = snapshot.snapshot_key(path, source.today, source.config)
                    where = snapshot.snapshot_path(path) if key is not None else None
                    kept = snapshot.load(where, key) if where is not None else None
                    if kept is not None:
                        self.data, self.ranking = kept
                        self.from_snapshot = True
                        return
                self.data = load_dashboard(source)
            except Exception as error:
                self.error = error
                return
            finally:
                (read or self._read_data.set)()
            try:
                self.ranking = next_ranking(source) if rank else None
            except Exception as error:
                self.ranking_error = error
                return
            if where is not None:
                snapshot.save(where, key, self.data, self.ranking)
        finally:
            (ranked or self._ranked.set)()

    @property
    def done(self) -> bool:
        return self._read_data.is_set()

    def wait(self, timeout: float | None = None) -> DashboardData | None:
        """The data (None if `timeout` passed first); the error, if reading failed."""
        if not self._read_data.wait(timeout):
            return None
        if self.error is not None:
            raise self.error
        return self.data

    @property
    def ranked(self) -> bool:
        """Whether the ranking is read (or failed)."""
        return self._ranked.is_set()

    def wait_ranking(self) -> list | None:
        """The ranking, once read (None when it was not asked for: the panel ranks itself); the
        error, if reading failed (after the data's own error)."""
        self._ranked.wait()
        if self.error is not None:
            raise self.error
        if self.ranking_error is not None:
            raise self.ranking_error
        return self.ranking
