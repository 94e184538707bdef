"""The figures of each thematic area as they stood on a day, and what changed since a meeting.

`build_summary(reader, area, as_of, since)` is the one entry point: the command line
(`ccm summary`, `ccm report progress`) and the TUI's summary screen call it and get
plain dataclasses back, with the states named in each figure so that a reader can
check it. Everything here reads through `reader.rows(...)` only: no SQLAlchemy, no
Textual, no rich.

Dates of reduced precision (a completion declared in `2023-06`) are never completed
with a guessed day: a figure counts an event only when the record shows it happened
within the period; the ones it cannot place are listed apart as undetermined.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from ccmtui.domain import treaty
from ccmtui.domain.areas import AREAS, parse_area
from ccmtui.domain.dates import PartialDate, optional_partial_date
from ccmtui.domain.errors import InputError
from ccmtui.domain.obligations import (
    MEASURE_STATUSES,
    DeadlineStatus,
    Standing,
    standing_on,
)
from ccmtui.domain.states import NOT_UN_MEMBERS, normalize
from ccmtui.domain.treaty import Status

# The areas with a summary, in the order CCM progress reports take them.
SUMMARY_AREAS = (
    "universalization",
    "stockpile-destruction",
    "clearance",
    "victim-assistance",
    "cooperation",
    "transparency",
    "national-implementation",
)
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


def resolve_period(register, as_of: date | str | None, since: date | str | None) -> Period:
    """`as_of` (default today) and `since` (default: the last meeting before `as_of`), each a date or meeting code."""
    day = as_of if isinstance(as_of, date) else register.resolve_day(as_of, "--as-of")
    meeting_code = None
    if since is None:
        earlier = [m for m in register.meetings if m.start < day]
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


def _ref(state) -> StateRef:
    return StateRef(state.iso3, state.name, state.region)


def _sorted(items, key=lambda item: item.name):
    return sorted(items, key=lambda item: normalize(key(item)))


def _by_region(items) -> dict[str, int]:
    counts = Counter(item.region for item in items)
    return dict(sorted(counts.items()))


def _states_parties(register, on: date) -> dict[str, object]:
    return {s.iso3: s for s in register.on(on) if s.status in STATES_PARTIES}


@dataclass(frozen=True, slots=True)
class EngagementTally:
    """Engagements an area logged in the period, by kind."""

    by_kind: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())


def _engagements(reader, area: str, period: Period) -> EngagementTally:
    rows = reader.rows("engagements_by_kind", area=area, since=period.since + timedelta(days=1), until=period.as_of)
    return EngagementTally({row.kind: row.engagements for row in rows})


# -- universalization


@dataclass(frozen=True, slots=True)
class Joined:
    """A state that deposited its instrument in the period."""

    iso3: str
    name: str
    region: str
    instrument: str
    deposited: date
    entry_into_force: date

    @property
    def acceded(self) -> bool:
        return self.instrument == "accession"


@dataclass(frozen=True, slots=True)
class Withdrawal:
    iso3: str
    name: str
    region: str
    effective: date


@dataclass(frozen=True, slots=True)
class CampaignTally:
    title: str
    occurred_on: date
    kind: str
    targets: int
    replied: int
    pending: int
    no_reply: int

    @property
    def reply_rate(self) -> float | None:
        return self.replied / self.targets if self.targets else None


@dataclass(frozen=True, slots=True)
class DemarcheTally:
    """The universalization démarches of the period: how many, to whom, and the replies."""

    demarches: int
    states_reached: int
    replied: int
    pending: int
    no_reply: int
    by_month: list[tuple[str, int]]

    @property
    def replies_expected(self) -> int:
        return self.replied + self.pending + self.no_reply

    @property
    def reply_rate(self) -> float | None:
        return self.replied / self.replies_expected if self.replies_expected else None


@dataclass
class UniversalizationSummary:
    """States Parties, signatories and the states not yet party, and what changed in the period."""

    period: Period
    in_force: int
    pending: int
    signatories: int
    non_signatories: int
    withdrawn: int
    states_parties_at_since: int
    un_members_joined: int  # UN member states that are States Parties or signatories
    joined: list[Joined]
    withdrawals: list[Withdrawal]
    signatories_yet_to_ratify: list[StateRef]
    signatories_by_category: dict[str, list[StateRef]]  # I, II, III, unassessed
    non_signatories_by_category: dict[str, list[StateRef]]  # I, II, III, unassessed
    states_parties_by_year: list[tuple[int, int]]  # (year, States Parties at its end or on as_of)
    demarches: DemarcheTally
    campaigns: list[CampaignTally]
    area: str = "universalization"

    @property
    def states_parties(self) -> int:
        return self.in_force + self.pending

    @property
    def ratified(self) -> list[Joined]:
        return [j for j in self.joined if not j.acceded]

    @property
    def acceded(self) -> list[Joined]:
        return [j for j in self.joined if j.acceded]

    @property
    def joined_by_region(self) -> dict[str, int]:
        return _by_region(self.joined)

    def figures(self) -> list[tuple[str, object]]:
        return [
            ("States Parties", self.states_parties),
            ("  in force", self.in_force),
            ("  pending entry into force", self.pending),
            ("Signatories yet to ratify", self.signatories),
            ("Non-signatories", self.non_signatories),
            (f"States Parties at {self.period.since_label}", self.states_parties_at_since),
            (f"Ratified since {self.period.since_label}", len(self.ratified)),
            (f"Acceded since {self.period.since_label}", len(self.acceded)),
            ("Démarches in the period", self.demarches.demarches),
        ]


def _universalization(reader, register, period: Period) -> UniversalizationSummary:
    now = register.on(period.as_of)
    then = register.on(period.since)
    counts = Counter(s.status for s in now)
    joined = [
        Joined(s.iso3, s.name, s.region, s.instrument, s.deposited, s.entry_into_force)
        for s in now
        if s.status in STATES_PARTIES and period.covers(s.deposited)
    ]
    withdrawals = [
        Withdrawal(s.iso3, s.name, s.region, s.withdrawal_effective)
        for s in now
        if s.status is Status.WITHDRAWN and period.covers(s.withdrawal_effective)
    ]
    categories: dict[str, list[StateRef]] = {"I": [], "II": [], "III": [], "unassessed": []}
    signatory_categories: dict[str, list[StateRef]] = {"I": [], "II": [], "III": [], "unassessed": []}
    for s in now:
        if s.status is Status.NON_SIGNATORY:
            categories[s.category or "unassessed"].append(_ref(s))
        elif s.status is Status.SIGNATORY:
            signatory_categories[s.category or "unassessed"].append(_ref(s))
    by_year = []
    for year in range(treaty.CONVENTION_ENTRY_INTO_FORCE.year - 1, period.as_of.year + 1):
        day = min(date(year, 12, 31), period.as_of)
        joined_by_then = sum(
            1
            for s in now
            if s.deposited and s.deposited <= day and not (s.withdrawal_effective and s.withdrawal_effective <= day)
        )
        by_year.append((year, joined_by_then))
    return UniversalizationSummary(
        period=period,
        in_force=counts[Status.PARTY],
        pending=counts[Status.PENDING],
        signatories=counts[Status.SIGNATORY],
        non_signatories=counts[Status.NON_SIGNATORY],
        withdrawn=counts[Status.WITHDRAWN],
        states_parties_at_since=sum(1 for s in then if s.status in STATES_PARTIES),
        un_members_joined=sum(
            1 for s in now if s.iso3 not in NOT_UN_MEMBERS and (s.status in STATES_PARTIES or s.status is Status.SIGNATORY)
        ),
        joined=sorted(joined, key=lambda j: (j.deposited, normalize(j.name))),
        withdrawals=withdrawals,
        signatories_yet_to_ratify=[_ref(s) for s in now if s.status is Status.SIGNATORY],
        signatories_by_category=signatory_categories,
        non_signatories_by_category=categories,
        states_parties_by_year=by_year,
        demarches=_demarches(reader, period),
        campaigns=_campaigns(reader, period),
    )


def _demarches(reader, period: Period) -> DemarcheTally:
    params = {"area": "universalization", "since": period.since + timedelta(days=1), "until": period.as_of}
    by_month = [(f"{int(r.year):04d}-{int(r.month):02d}", r.demarches) for r in reader.rows("demarches_by_month", **params)]
    reach = reader.rows("demarche_reach", **params)
    replies = {r.status: r.replies for r in reader.rows("demarche_replies", **params)}
    return DemarcheTally(
        demarches=sum(count for _, count in by_month),
        states_reached=len(reach),
        replied=replies.get("replied", 0),
        pending=replies.get("pending", 0),
        no_reply=replies.get("no-reply", 0),
        by_month=by_month,
    )


def _campaigns(reader, period: Period) -> list[CampaignTally]:
    rows = reader.rows(
        "campaign_board", since=period.since + timedelta(days=1), until=period.as_of, area="universalization"
    )
    return [
        CampaignTally(r.title, r.occurred_on, r.kind, r.targets or 0, r.replied or 0, r.pending or 0, r.no_reply or 0)
        for r in sorted(rows, key=lambda r: r.occurred_on)
    ]


# -- Art. 3 and Art. 4 obligations


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
        completed_in_period=_after(completed, period.since) if completed else False,
        completed_before_entry_into_force=_before(completed, in_force) if completed and in_force else False,
        overdue=standing is Standing.CURRENT and deadline.passed,
        source=row.source,
        deadline_status=deadline.status.value,
        deadline_note=deadline.describe(),
        days_overdue=(on - in_effect).days if standing is Standing.CURRENT and deadline.passed else None,
    )


def _after(value: PartialDate, day: date) -> bool | None:
    if value.certainly_after(day):
        return True
    return False if value.certainly_by(day) else None


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
        return [line for line in self.current if line.deadline_status in ("decision not recorded", "extended, new deadline not recorded")]

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


def _obligation_lines(reader, register, article: int, period: Period) -> tuple[list, list]:
    from ccmtui.reports.deadlines import DeadlineBook

    standing = {s.iso3: s for s in register.on(period.as_of)}
    book = DeadlineBook.load(reader)
    parties, others = [], []
    for row in reader.rows("obligations", article=article):
        state = standing[row.iso3]
        line = _obligation_line(row, state, period, book)
        if state.status in STATES_PARTIES:
            parties.append(line)
        elif state.status is not Status.WITHDRAWN:
            others.append(line)
    return _sorted(parties), _sorted(others)


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
    def use_reported(self) -> bool:
        munitions = self.munitions_retained is None or self.munitions_used is not None
        submunitions = self.submunitions_retained is None or self.submunitions_used is not None
        return munitions and submunitions


@dataclass
class StockpileSummary(ObligationsSummary):
    """Art. 3: stockpile destruction, with the retention figures of Art. 3(6)-(8)."""

    retention: list[RetentionLine] = field(default_factory=list)
    retained_by_year: list[tuple[int, int]] = field(default_factory=list)  # (year, submunitions retained, all states)

    @property
    def use_not_reported(self) -> list[RetentionLine]:
        return [line for line in self.retention if not line.use_reported]

    def figures(self) -> list[tuple[str, object]]:
        return [
            *super().figures(),
            ("States Parties retaining cluster munitions", len(self.retention)),
            ("  use not reported", len(self.use_not_reported)),
        ]


def _stockpile(reader, register, period: Period) -> StockpileSummary:
    parties, others = _obligation_lines(reader, register, 3, period)
    members = _states_parties(register, period.as_of)
    # Figures for a year are known once the year is over.
    known = [r for r in reader.rows("retention") if r.year < period.as_of.year]
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
        retention=_sorted(
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


def _clearance(reader, register, period: Period) -> ObligationsSummary:
    parties, others = _obligation_lines(reader, register, 4, period)
    return ObligationsSummary(period=period, article=4, lines=parties, not_yet_party=others, area="clearance")


# -- victim assistance


@dataclass
class VictimAssistanceSummary:
    """Art. 5: the States Parties and signatories recorded with cluster munition victims in areas under their jurisdiction."""

    period: Period
    states_parties: list[StateRef]
    signatories: list[StateRef]
    others: list[StateRef]
    recorded: bool  # whether any Art. 5 obligation is recorded at all
    engagements: EngagementTally
    area: str = "victim-assistance"

    def figures(self) -> list[tuple[str, object]]:
        return [
            ("States Parties with Art. 5 obligations", len(self.states_parties) if self.recorded else None),
            ("Signatories with victims recorded", len(self.signatories) if self.recorded else None),
            ("Engagements in the period", self.engagements.total),
        ]


def _victim_assistance(reader, register, period: Period) -> VictimAssistanceSummary:
    standing = {s.iso3: s for s in register.on(period.as_of)}
    rows = reader.rows("obligations", article=5)
    parties, signatories, others = [], [], []
    for row in rows:
        state = standing[row.iso3]
        ref = StateRef(row.iso3, row.name, row.region)
        if state.status in STATES_PARTIES:
            parties.append(ref)
        elif state.status is Status.SIGNATORY:
            signatories.append(ref)
        elif state.status is not Status.WITHDRAWN:
            others.append(ref)
    return VictimAssistanceSummary(
        period=period,
        states_parties=_sorted(parties),
        signatories=_sorted(signatories),
        others=_sorted(others),
        recorded=bool(rows),
        engagements=_engagements(reader, "victim-assistance", period),
    )


# -- international cooperation and assistance


@dataclass
class CooperationSummary:
    """Art. 6: who reported needing cooperation and assistance, and who reported providing it."""

    period: Period
    in_need: list[StateRef]  # States Parties reporting a need in the day's year or the one before
    providing_states_parties: list[StateRef]  # ever, by the day
    providing_signatories: list[StateRef]
    with_obligations: list[StateRef]  # States Parties with current Art. 3/4 or any Art. 5 obligations
    recorded: bool
    engagements: EngagementTally
    area: str = "cooperation"

    def figures(self) -> list[tuple[str, object]]:
        recorded = self.recorded
        return [
            ("States Parties reporting a need", len(self.in_need) if recorded else None),
            ("States Parties reporting providing", len(self.providing_states_parties) if recorded else None),
            ("Signatories reporting providing", len(self.providing_signatories) if recorded else None),
            ("States Parties with obligations (Art. 3-5)", len(self.with_obligations)),
            ("Engagements in the period", self.engagements.total),
        ]


def _cooperation(reader, register, period: Period, stockpile=None, clearance=None, victims=None) -> CooperationSummary:
    standing = {s.iso3: s for s in register.on(period.as_of)}
    rows = [r for r in reader.rows("cooperation_reports") if r.year <= period.as_of.year]
    in_need, providing_parties, providing_signatories = {}, {}, {}
    for row in rows:
        state = standing[row.iso3]
        ref = StateRef(row.iso3, row.name, row.region)
        if row.role == "needs" and row.year >= period.as_of.year - 1 and state.status in STATES_PARTIES:
            in_need[row.iso3] = ref
        elif row.role == "provides":
            if state.status in STATES_PARTIES:
                providing_parties[row.iso3] = ref
            elif state.status is Status.SIGNATORY:
                providing_signatories[row.iso3] = ref
    stockpile = stockpile or _stockpile(reader, register, period)
    clearance = clearance or _clearance(reader, register, period)
    victims = victims or _victim_assistance(reader, register, period)
    owing = {line.iso3: StateRef(line.iso3, line.name, line.region) for line in stockpile.current + clearance.current}
    owing |= {ref.iso3: ref for ref in victims.states_parties}
    return CooperationSummary(
        period=period,
        in_need=_sorted(in_need.values()),
        providing_states_parties=_sorted(providing_parties.values()),
        providing_signatories=_sorted(providing_signatories.values()),
        with_obligations=_sorted(owing.values()),
        recorded=bool(rows) or bool(reader.rows("cooperation_reports")),
        engagements=_engagements(reader, "cooperation", period),
    )


# -- transparency


@dataclass(frozen=True, slots=True)
class InitialReport:
    """A State Party's initial Art. 7 report on the day: submitted, late, overdue or not yet due."""

    iso3: str
    name: str
    region: str
    due: date
    submitted: date | None

    def state_on(self, on: date) -> str:
        if self.submitted is not None and self.submitted <= on:
            return "late" if self.submitted > self.due else "submitted"
        return "overdue" if self.due < on else "not yet due"


@dataclass(frozen=True, slots=True)
class AnnualRound:
    """The annual Art. 7 updates covering one calendar year, due 30 April of the next."""

    year: int
    due: date
    owed: int
    on_time: list[StateRef]
    late: list[StateRef]
    missing: list[StateRef]


@dataclass
class TransparencySummary:
    """Art. 7: initial reports (180 days after entry into force) and annual updates (by 30 April)."""

    period: Period
    initial: list[InitialReport]  # every State Party on the day
    rounds: list[AnnualRound]  # every annual round due by the day, oldest first
    late_annual: list[StateRef]  # States Parties late with, or missing, any annual update due by the day
    recorded: bool  # whether any Art. 7 report is recorded at all
    area: str = "transparency"

    def _initial(self, *states: str) -> list[InitialReport]:
        return [r for r in self.initial if r.state_on(self.period.as_of) in states]

    @property
    def initial_outstanding(self) -> list[InitialReport]:
        return self._initial("overdue", "not yet due")

    @property
    def initial_overdue(self) -> list[InitialReport]:
        return self._initial("overdue")

    @property
    def initial_not_yet_due(self) -> list[InitialReport]:
        return self._initial("not yet due")

    @property
    def initial_submitted(self) -> list[InitialReport]:
        return self._initial("submitted", "late")

    @property
    def latest_round(self) -> AnnualRound | None:
        return self.rounds[-1] if self.rounds else None

    def figures(self) -> list[tuple[str, object]]:
        recorded = self.recorded
        latest = self.latest_round
        rows = [
            ("Initial reports due by the day", sum(1 for r in self.initial if r.due <= self.period.as_of)),
            ("Initial reports not yet due", len(self.initial_not_yet_due)),
            ("Initial reports submitted", len(self.initial_submitted) if recorded else None),
            ("Initial reports overdue", len(self.initial_overdue) if recorded else None),
        ]
        if latest:
            rows += [
                (f"Annual reports covering {latest.year} owed", latest.owed),
                ("  submitted on time", len(latest.on_time) if recorded else None),
                ("  late", len(latest.late) if recorded else None),
                ("  missing", len(latest.missing) if recorded else None),
            ]
        rows.append(("States Parties late with annual reports", len(self.late_annual) if recorded else None))
        return rows


def _transparency(reader, register, period: Period) -> TransparencySummary:
    on = period.as_of
    members = _sorted(_states_parties(register, on).values())
    rows = reader.rows("transparency_reports")
    submitted: dict[tuple[str, str, int], object] = {}
    initial_dates: dict[str, object] = {}
    for row in rows:
        if row.kind == "initial":
            initial_dates[row.iso3] = row
        else:
            submitted[row.iso3, "annual", row.year] = row
    initial = []
    for state in members:
        record = initial_dates.get(state.iso3)
        due = record.due if record else treaty.initial_report_due(state.entry_into_force)
        initial.append(InitialReport(state.iso3, state.name, state.region, due, record.submitted if record else None))
    rounds: dict[int, dict[str, list]] = {}
    late_states: dict[str, StateRef] = {}
    for state in members:
        for year in treaty.annual_reports_due(state.entry_into_force, on):
            record = submitted.get((state.iso3, "annual", year))
            due = record.due if record else treaty.annual_report_due(year)
            day = record.submitted if record and record.submitted and record.submitted <= on else None
            bucket = rounds.setdefault(year, {"on_time": [], "late": [], "missing": []})
            ref = _ref(state)
            if day is None:
                bucket["missing"].append(ref)
            elif day > due:
                bucket["late"].append(ref)
            else:
                bucket["on_time"].append(ref)
            if day is None or day > due:
                late_states[state.iso3] = ref
    return TransparencySummary(
        period=period,
        initial=initial,
        rounds=[
            AnnualRound(
                year=year,
                due=treaty.annual_report_due(year),
                owed=sum(len(v) for v in bucket.values()),
                on_time=bucket["on_time"],
                late=bucket["late"],
                missing=bucket["missing"],
            )
            for year, bucket in sorted(rounds.items())
        ],
        late_annual=_sorted(late_states.values()),
        recorded=bool(rows),
    )


# -- national implementation measures


@dataclass(frozen=True, slots=True)
class MeasureLine:
    """A State Party's latest Art. 9 status recorded by the day."""

    iso3: str
    name: str
    region: str
    status: str
    dated: str
    measure: str
    adopted_in_period: bool | None


@dataclass
class NationalMeasuresSummary:
    """Art. 9: the latest status of each State Party's national implementation measures."""

    period: Period
    lines: list[MeasureLine]  # States Parties with a status recorded by the day
    without_record: list[StateRef]  # States Parties with none
    recorded: bool
    area: str = "national-implementation"

    def with_status(self, status: str) -> list[MeasureLine]:
        return [line for line in self.lines if line.status == status]

    @property
    def adopted_in_period(self) -> list[MeasureLine]:
        return [line for line in self.lines if line.status == "adopted" and line.adopted_in_period is True]

    def by_status(self) -> dict[str, int]:
        counts = {status: len(self.with_status(status)) for status in MEASURE_STATUSES}
        counts["no record"] = len(self.without_record)
        return counts

    def figures(self) -> list[tuple[str, object]]:
        recorded = self.recorded
        rows = [(MEASURE_STATUSES[s].capitalize(), len(self.with_status(s)) if recorded else None) for s in MEASURE_STATUSES]
        rows.append((f"Adopted since {self.period.since_label}", len(self.adopted_in_period) if recorded else None))
        rows.append(("States Parties with nothing recorded", len(self.without_record)))
        return rows


def _national_measures(reader, register, period: Period) -> NationalMeasuresSummary:
    on = period.as_of
    members = _states_parties(register, on)
    rows = reader.rows("national_measures")
    latest: dict[str, tuple] = {}
    for row in rows:
        dated = optional_partial_date(row.dated)
        if row.iso3 not in members or dated is None or not dated.certainly_by(on):
            continue
        if row.iso3 not in latest or latest[row.iso3][0] <= dated:
            latest[row.iso3] = (dated, row)
    lines = [
        MeasureLine(
            row.iso3,
            row.name,
            row.region,
            row.status,
            row.dated,
            row.measure,
            _after(dated, period.since) if row.status == "adopted" else False,
        )
        for dated, row in latest.values()
    ]
    return NationalMeasuresSummary(
        period=period,
        lines=_sorted(lines),
        without_record=_sorted(_ref(s) for iso3, s in members.items() if iso3 not in latest),
        recorded=bool(rows),
    )


# -- the entry points

BUILDERS = {
    "universalization": _universalization,
    "stockpile-destruction": _stockpile,
    "clearance": _clearance,
    "victim-assistance": _victim_assistance,
    "cooperation": _cooperation,
    "transparency": _transparency,
    "national-implementation": _national_measures,
}


def summary_area(text: str) -> str:
    """The slug of an area that has a summary; an error listing them otherwise."""
    slug = parse_area(text)
    if slug not in SUMMARY_AREAS:
        raise InputError(f"no summary for {AREAS[slug].lower()}; summaries exist for: {', '.join(SUMMARY_AREAS)}")
    return slug


@dataclass
class Overview:
    """Every area's summary for the same period."""

    period: Period
    summaries: dict[str, object]
    area: str = "overview"


def build_summary(reader, area: str | None, as_of: date | str | None = None, since: date | str | None = None, *, register=None):
    """The summary of one thematic area, or of all of them, as plain dataclasses.

    reader: anything with `rows(query_name, **params)`, e.g. `AppContext.reader()`
        or `ccmtui.db.read.open_reader(path)`.
    area: a thematic area as `parse_area` reads it (`universalization`, `stockpile`,
        `clearance`, `victim-assistance`, `cooperation`, `transparency`,
        `national-implementation`), or None for an `Overview` of all of them.
    as_of: the day the figures are for, a `date`, `YYYY-MM-DD` or a meeting code
        (its opening day); None is today.
    since: the day changes are counted from, exclusive (same forms); None is the
        last meeting that opened before `as_of`.

    Returns a `UniversalizationSummary`, `StockpileSummary`, `ObligationsSummary`
    (clearance), `VictimAssistanceSummary`, `CooperationSummary`,
    `TransparencySummary`, `NationalMeasuresSummary` or `Overview`. Each has
    `period`, `area` and `figures()` (label, value) pairs, a value of None meaning
    "not recorded"; `summary_json(summary)` gives its JSON form. Raises
    `InputError` for an unknown area or meeting or a `since` after `as_of`.
    """
    from ccmtui.reports.register import Register

    register = register or Register(reader)
    slug = summary_area(area) if area else None
    period = resolve_period(register, as_of, since)
    if slug is not None:
        return BUILDERS[slug](reader, register, period)
    summaries: dict[str, object] = {}
    for name in SUMMARY_AREAS:
        if name == "cooperation":
            summaries[name] = _cooperation(
                reader,
                register,
                period,
                summaries["stockpile-destruction"],
                summaries["clearance"],
                summaries["victim-assistance"],
            )
        else:
            summaries[name] = BUILDERS[name](reader, register, period)
    return Overview(period=period, summaries=summaries)


def summary_json(value):
    """A summary as JSON-ready values: ISO 8601 dates, lists, dicts; derived counts included."""
    if isinstance(value, Period):
        return {"as_of": value.as_of.isoformat(), "since": value.since.isoformat(), "since_meeting": value.since_meeting}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        result = {f.name: summary_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if hasattr(value, "figures"):
            result["figures"] = [{"label": label.strip(), "value": v} for label, v in value.figures()]
        return result
    if isinstance(value, dict):
        return {str(k): summary_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [summary_json(v) for v in value]
    if isinstance(value, (date, PartialDate)):
        return value.isoformat() if isinstance(value, date) else str(value)
    if isinstance(value, Standing):
        return value.value
    return value


__all__ = [
    "SUMMARY_AREAS",
    "Overview",
    "Period",
    "build_summary",
    "resolve_period",
    "summary_area",
    "summary_json",
]
