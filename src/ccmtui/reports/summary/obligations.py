"""Art. 3 stockpile destruction (with the retention of Art. 3(6)-(8)) and Art. 4 clearance."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain.dates import PartialDate
from ccmtui.domain.obligations import DeadlineStatus, Standing, standing_on
from ccmtui.domain.treaty import Status
from ccmtui.reports.summary.actions import ActionTally
from ccmtui.reports.summary.common import STATES_PARTIES, Period, after_day, by_name, states_parties_on

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.reports.register import Register


@dataclass(frozen=True, slots=True)
class ObligationLine:
    """One state's obligation as it stood on the summary's day."""

    iso3: str
    name: str
    region: str
    status: str  # the state's status under the Convention on the day
    entry_into_force: date | None
    standing: Standing
    deadline: date | None  # the original deadline (Art. 3(2), 4(1))
    deadline_in_effect: date | None  # after any extension granted by the day
    extension_requested: str | None  # pending on the day: requested, not yet granted
    extension_requested_to: date | None
    completed: str | None  # as the source gives it: 2010, 2023-06, 2014-03-20
    completed_in_period: bool | None  # None: the date's precision cannot tell
    completed_before_entry_into_force: bool | None
    overdue: bool
    source: str | None
    # The deadline's state on the day (Art. 3(3)-(5), 4(5)-(8)): original deadline, extended,
    # extension requested, decision not recorded, or extended with the new date not recorded.
    deadline_status: str = "original deadline"
    deadline_note: str = ""  # e.g. "extension requested to 2028-11-01 to the 11MSP"
    days_overdue: int | None = None

    @property
    def extended(self) -> bool:
        return self.deadline_in_effect is not None and self.deadline_in_effect != self.deadline


def _obligation_line(row, state, period: Period, book=None) -> ObligationLine:
    from ccmtui.reports.deadlines import DeadlineBook, facts_of

    facts = facts_of(row)
    on = period.as_of
    standing = standing_on(facts, on)
    # The one rule for a deadline as of a day (Art. 3(3)-(5), 4(5)-(8)), see reports/deadlines.py.
    deadline = (book or DeadlineBook({}, {})).deadline(row, on)
    in_effect = deadline.in_effect
    completed = facts.first_completed if facts.reopened and facts.reopened.certainly_after(on) else facts.completed
    completed = completed if standing is Standing.COMPLETED else None
    in_force = state.entry_into_force
    pending = deadline.request if deadline.status is DeadlineStatus.REQUESTED else None
    requested = pending.requested if pending else None
    pending_request = pending is not None
    return ObligationLine(
        iso3=row.iso3,
        name=row.name,
        region=row.region,
        status=state.status.value,
        entry_into_force=in_force,
        standing=standing,
        deadline=row.deadline,
        deadline_in_effect=in_effect,
        extension_requested=(str(requested) if requested else "date not recorded") if pending_request else None,
        extension_requested_to=pending.requested_to if pending else None,
        completed=str(completed) if completed else None,
        completed_in_period=after_day(completed, period.since) if completed else False,
        completed_before_entry_into_force=_before(completed, in_force) if completed and in_force else False,
        overdue=standing is Standing.CURRENT and deadline.passed,
        source=row.source,
        deadline_status=deadline.status.value,
        deadline_note=deadline.describe(),
        days_overdue=(on - in_effect).days if standing is Standing.CURRENT and deadline.passed else None,
    )


def _before(value: PartialDate, day: date) -> bool | None:
    if value.latest < day:
        return True
    return False if value.earliest >= day else None


@dataclass
class ObligationsSummary:
    """States Parties' obligations under one article (3 or 4) on the day, and completions in the period."""

    period: Period
    article: int
    lines: list[ObligationLine]  # States Parties on the day
    not_yet_party: list[ObligationLine]  # states with an obligation recorded that had not joined by the day
    area: str
    # The area's actions in the action plan in force, with values (summary/actions.py).
    actions: list[ActionTally] = field(default_factory=list)

    def _with(self, standing: Standing) -> list[ObligationLine]:
        return [line for line in self.lines if line.standing is standing]

    @property
    def with_obligations(self) -> list[ObligationLine]:
        """States Parties that have or have had obligations (not those that reported holding none)."""
        return [line for line in self.lines if line.standing not in (Standing.NONE_HELD, Standing.UNCERTAIN)]

    @property
    def completed(self) -> list[ObligationLine]:
        return self._with(Standing.COMPLETED)

    @property
    def completed_in_period(self) -> list[ObligationLine]:
        return [line for line in self.completed if line.completed_in_period is True]

    @property
    def completed_in_period_undetermined(self) -> list[ObligationLine]:
        return [line for line in self.completed if line.completed_in_period is None]

    @property
    def completed_before_entry_into_force(self) -> list[ObligationLine]:
        return [line for line in self.completed if line.completed_before_entry_into_force is True]

    @property
    def current(self) -> list[ObligationLine]:
        return sorted(self._with(Standing.CURRENT), key=lambda line: (line.deadline_in_effect or date.max, line.name))

    @property
    def overdue(self) -> list[ObligationLine]:
        return [line for line in self.current if line.overdue]

    @property
    def undetermined(self) -> list[ObligationLine]:
        return self._with(Standing.UNDETERMINED)

    @property
    def none_held(self) -> list[ObligationLine]:
        return self._with(Standing.NONE_HELD)

    @property
    def uncertain(self) -> list[ObligationLine]:
        return self._with(Standing.UNCERTAIN)

    @property
    def extended(self) -> list[ObligationLine]:
        return [line for line in self.current if line.extended]

    @property
    def extension_requests(self) -> list[ObligationLine]:
        return [line for line in self.current if line.extension_requested]

    @property
    def decision_not_recorded(self) -> list[ObligationLine]:
        """Current obligations whose extension request the record gives no decision for."""
        return [
            line
            for line in self.current
            if line.deadline_status in ("decision not recorded", "extended, new deadline not recorded")
        ]

    def completions_by_year(self) -> list[tuple[int, int]]:
        """Completions with a known year, per year (for the chart)."""
        years = Counter(int(line.completed[:4]) for line in self.completed if line.completed)
        if not years:
            return []
        return [(year, years.get(year, 0)) for year in range(min(years), self.period.as_of.year + 1)]

    def figures(self) -> list[tuple[str, object]]:
        label = self.period.since_label
        rows = [
            (f"States Parties with Art. {self.article} obligations", len(self.with_obligations)),
            ("  completed", len(self.completed)),
            (f"  completed since {label}", len(self.completed_in_period)),
            ("  current", len(self.current)),
            ("  overdue", len(self.overdue)),
            ("  extension requested", len(self.extension_requests)),
            ("  extension decision not recorded", len(self.decision_not_recorded)),
            ("  completion date not recorded", len(self.undetermined)),
        ]
        if self.none_held:
            rows.append(("Reported holding no stockpile", len(self.none_held)))
        if self.uncertain:
            rows.append(("Status uncertain", len(self.uncertain)))
        if self.not_yet_party:
            rows.append(("States not yet party with obligations recorded", len(self.not_yet_party)))
        return rows


def _obligation_lines(reader: Reader, register: Register, article: int, period: Period) -> tuple[list, list]:
    from ccmtui.reports.deadlines import DeadlineBook

    standing = {s.iso3: s for s in register.on(period.as_of)}
    book = DeadlineBook.load(reader)
    parties, others = [], []
    for row in reader.rows(Q.obligations, article=article):
        state = standing[row.iso3]
        line = _obligation_line(row, state, period, book)
        if state.status in STATES_PARTIES:
            parties.append(line)
        elif state.status is not Status.WITHDRAWN:
            others.append(line)
    return by_name(parties), by_name(others)


@dataclass(frozen=True, slots=True)
class RetentionLine:
    """The latest retention figures a State Party reported by the day (Art. 3(6)-(8))."""

    iso3: str
    name: str
    region: str
    year: int
    munitions_retained: int | None
    submunitions_retained: int | None
    munitions_used: int | None
    submunitions_used: int | None
    purpose: str

    @property
    def retains(self) -> bool:
        """Some cluster munitions or submunitions kept; latest figures of none mean the retention ended."""
        return (self.munitions_retained or 0) + (self.submunitions_retained or 0) > 0

    @property
    def use_reported(self) -> bool:
        """Art. 3(8) asks for the use of what is retained: nothing retained, nothing to report."""
        munitions = not self.munitions_retained or self.munitions_used is not None
        submunitions = not self.submunitions_retained or self.submunitions_used is not None
        return munitions and submunitions


@dataclass
class StockpileSummary(ObligationsSummary):
    """Art. 3: stockpile destruction, with the retention figures of Art. 3(6)-(8)."""

    retention: list[RetentionLine] = field(default_factory=list)
    retained_by_year: list[tuple[int, int]] = field(default_factory=list)  # (year, submunitions retained, all states)

    @property
    def retaining(self) -> list[RetentionLine]:
        return [line for line in self.retention if line.retains]

    @property
    def retaining_none(self) -> list[RetentionLine]:
        """States Parties whose latest figures say they retain none (Art. 3(6) retention ended)."""
        return [line for line in self.retention if not line.retains]

    @property
    def use_not_reported(self) -> list[RetentionLine]:
        return [line for line in self.retaining if not line.use_reported]

    def figures(self) -> list[tuple[str, object]]:
        return [
            *super().figures(),
            ("States Parties retaining cluster munitions", len(self.retaining)),
            ("  use not reported", len(self.use_not_reported)),
            ("Latest figures: none retained", len(self.retaining_none)),
        ]


def stockpile_summary(reader: Reader, register: Register, period: Period) -> StockpileSummary:
    parties, others = _obligation_lines(reader, register, 3, period)
    members = states_parties_on(register, period.as_of)
    # Figures for a year are known once the year is over.
    known = [r for r in reader.rows(Q.retention) if r.year < period.as_of.year]
    latest: dict[str, object] = {}
    for row in known:
        if row.iso3 in members:
            latest[row.iso3] = row
    totals = Counter()
    for row in known:
        totals[row.year] += row.submunitions_retained or 0
    return StockpileSummary(
        period=period,
        article=3,
        lines=parties,
        not_yet_party=others,
        area="stockpile-destruction",
        retention=by_name(
            RetentionLine(
                r.iso3,
                r.name,
                r.region,
                r.year,
                r.munitions_retained,
                r.submunitions_retained,
                r.munitions_used,
                r.submunitions_used,
                r.purpose,
            )
            for r in latest.values()
        ),
        retained_by_year=sorted(totals.items()),
    )


def clearance_summary(reader: Reader, register: Register, period: Period) -> ObligationsSummary:
    parties, others = _obligation_lines(reader, register, 4, period)
    return ObligationsSummary(period=period, article=4, lines=parties, not_yet_party=others, area="clearance")
