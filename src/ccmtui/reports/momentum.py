"""Momentum: the share of each grouping (or UN region) that has joined, and its change since a meeting.

"Joined" counts States Parties with those whose instrument is deposited but not yet in force
(Art. 17(2)), as the Convention's documents count them. Membership of a grouping is taken on the
day asked (domain/groupings.py), so a state that joined the grouping later is not counted before.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from ccmtui.domain import treaty
from ccmtui.domain.dates import iso
from ccmtui.domain.groupings import GroupingBook

if TYPE_CHECKING:
    from ccmtui.reports.register import Register, StateStatus
    from ccmtui.reports.votes import Vote


@cache
def grouping_book() -> GroupingBook:
    """The groupings shipped in db/reference (groupings.csv, grouping_members.csv; SOURCES.md)."""
    folder = resources.files("ccmtui") / "db" / "reference"
    return GroupingBook.read(
        (folder / "groupings.csv").read_text(encoding="utf-8"),
        (folder / "grouping_members.csv").read_text(encoding="utf-8"),
    )


def joined(state: StateStatus) -> bool:
    return state.status in treaty.STATES_PARTIES_INCLUDING_PENDING


@dataclass
class Holdout:
    iso3: str
    name: str
    status: str
    category: str | None
    category_since: date | None
    reasons: tuple[str, ...]
    last_contact: date | None
    # Its latest recorded vote on the General Assembly's resolution on the Convention (reports/votes.py).
    unga_vote: Vote | None = None

    def as_json(self) -> dict:
        return {
            "iso3": self.iso3,
            "name": self.name,
            "status": self.status,
            "category": self.category,
            "category_since": iso(self.category_since),
            "reasons": list(self.reasons),
            "last_contact": iso(self.last_contact),
            "unga_vote": self.unga_vote.as_json() if self.unga_vote else None,
        }


@dataclass
class Momentum:
    code: str
    name: str
    members: int
    joined: int
    members_before: int
    joined_before: int
    newly_joined: list[str] = field(default_factory=list)  # names, joined after `since`
    holdouts: list[Holdout] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.joined / self.members if self.members else 0.0

    @property
    def share_before(self) -> float:
        return self.joined_before / self.members_before if self.members_before else 0.0

    @property
    def change(self) -> float:
        """The change in share, in percentage points."""
        return 100 * (self.share - self.share_before)

    def as_json(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "members": self.members,
            "joined": self.joined,
            "share": round(self.share, 4),
            "members_before": self.members_before,
            "joined_before": self.joined_before,
            "share_before": round(self.share_before, 4),
            "change_points": round(self.change, 1),
            "newly_joined": self.newly_joined,
            "holdouts": [h.as_json() for h in self.holdouts],
        }


@dataclass
class MomentumReport:
    by: str  # grouping or region
    as_of: date
    since: date
    since_label: str
    rows: list[Momentum]

    def as_json(self) -> dict:
        return {
            "by": self.by,
            "as_of": self.as_of.isoformat(),
            "since": self.since.isoformat(),
            "since_label": self.since_label,
            "groups": [row.as_json() for row in self.rows],
        }


def momentum(
    register: Register,
    *,
    as_of: date,
    since: date,
    since_label: str,
    by: str = "grouping",
    only: list[str] | None = None,
    holdouts: bool = False,
    extra_reasons: Mapping | None = None,
) -> MomentumReport:
    """Each group's share of states joined on `as_of` and on `since`; with `holdouts`, the
    members not joined with their category, reasons and last contact."""
    now = {s.iso3: s for s in register.on(as_of)}
    then = {s.iso3: s for s in register.on(since)}
    groups: list[tuple[str, str, set[str], set[str]]] = []
    if by == "region":
        for region in sorted({s.region for s in now.values()}):
            members = {i for i, s in now.items() if s.region == region}
            if only is None or region in only:
                groups.append((region, region, members, members))
    else:
        book = grouping_book()
        for code, grouping in book.groupings.items():
            if only is None or code in only:
                groups.append((code, grouping.name, book.members_on(code, as_of), book.members_on(code, since)))
    rows = []
    if holdouts:
        outside = {i for _, _, members, _ in groups for i in members if i in now and not joined(now[i])}
        details = _holdout_details(register, as_of, outside)
    for code, name, members, members_before in groups:
        members = {i for i in members if i in now}
        members_before = {i for i in members_before if i in then}
        row = Momentum(
            code=code,
            name=name,
            members=len(members),
            joined=sum(joined(now[i]) for i in members),
            members_before=len(members_before),
            joined_before=sum(joined(then[i]) for i in members_before),
        )
        row.newly_joined = sorted(
            now[i].name for i in members if joined(now[i]) and not (i in then and joined(then[i]))
        )
        if holdouts:
            row.holdouts = [details(now[i]) for i in sorted(members, key=lambda i: now[i].name) if not joined(now[i])]
        rows.append(row)
    return MomentumReport(by, as_of, since, since_label, rows)


OPENED = 2008  # the Convention opened for signature in Oslo on 3 December 2008 (Art. 15)


def joined_by_year(
    register: Register, rows: list[Momentum], *, as_of: date, by: str
) -> dict[str, list[tuple[int, int]]]:
    """For each group of `rows`, how many of its members had joined at the end of each year from
    2008 to `as_of` (the last year counted on `as_of`), membership taken on each of those days."""
    book = grouping_book() if by == "grouping" else None
    found: dict[str, list[tuple[int, int]]] = {row.code: [] for row in rows}
    for year in range(OPENED, as_of.year + 1):
        day = min(date(year, 12, 31), as_of)
        standing = {s.iso3: s for s in register.on(day)}
        for row in rows:
            if book is not None:
                members = book.members_on(row.code, day)
            else:
                members = {i for i, s in standing.items() if s.region == row.code}
            found[row.code].append((year, sum(1 for i in members if i in standing and joined(standing[i]))))
    return found


def _holdout_details(register: Register, as_of: date, iso3s: set[str]):
    from ccmtui.reports.reasons import current_assessments, last_contacts
    from ccmtui.reports.votes import latest_votes

    assessments = current_assessments(register.reader, as_of)
    contacts = last_contacts(register.reader, iso3s, as_of)
    votes = latest_votes(register.reader, until=as_of)

    def detail(state: StateStatus) -> Holdout:
        assessment = assessments.get(state.iso3)
        return Holdout(
            iso3=state.iso3,
            name=state.name,
            status=state.status.value,
            category=state.category,
            category_since=state.category_since,
            reasons=assessment.reasons if assessment and state.category else (),
            last_contact=contacts[state.iso3],
            unga_vote=votes.get(state.iso3),
        )

    return detail
