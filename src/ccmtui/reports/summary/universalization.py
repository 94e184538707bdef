"""Universalization: States Parties, signatories and the states not yet party, démarches and campaigns."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain import treaty
from ccmtui.domain.categories import DEFAULT_MAX_AGE_MONTHS, is_stale
from ccmtui.domain.states import NOT_UN_MEMBERS, normalize
from ccmtui.domain.treaty import Status
from ccmtui.reports.summary.actions import ActionTally
from ccmtui.reports.summary.common import STATES_PARTIES, Period, StateRef, count_by_region, state_ref

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.reports.register import Register


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
class CategoryMove:
    """A state's category assessed in the period: from (None: first assessment), to, when and why."""

    iso3: str
    name: str
    previous: str | None
    category: str
    assessed_on: date
    rationale: str


@dataclass(frozen=True, slots=True)
class StaleCategory:
    """A state's category assessed more than `category_max_age` months before the summary's day."""

    iso3: str
    name: str
    region: str
    category: str
    since: date


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
    campaigns: list[CampaignTally]  # every one of the period, or its latest when the summary was asked for them
    category_moves: list[CategoryMove] = field(default_factory=list)
    stale_categories: list[StaleCategory] = field(default_factory=list)
    # Category II states not yet party by the reasons that hold them back (reason → count), as the
    # 2013 universalisation report reasons about its Category II.
    category_ii_by_reason: dict[str, int] = field(default_factory=dict)
    category_max_age: int = DEFAULT_MAX_AGE_MONTHS
    area: str = "universalization"
    # The area's actions in the action plan in force, with values (summary/actions.py).
    actions: list[ActionTally] = field(default_factory=list)
    # How many campaigns the period holds, when `campaigns` holds only the latest of them.
    campaigns_in_period: int | None = field(default=None, metadata={"json": False})
    # Likewise for the category changes: how many the period holds, and whether any gives a rationale.
    category_moves_in_period: int | None = field(default=None, metadata={"json": False})
    category_moves_reasoned: bool | None = field(default=None, metadata={"json": False})

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
        return count_by_region(self.joined)

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


def universalization_summary(
    reader: Reader,
    register: Register,
    period: Period,
    max_age: int = DEFAULT_MAX_AGE_MONTHS,
    latest: int | None = None,
) -> UniversalizationSummary:
    """latest: keep only the period's latest campaigns and category changes, that many (what a
    terminal shows), with their number in `campaigns_in_period` and `category_moves_in_period`;
    None keeps every one."""
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
            categories[s.category or "unassessed"].append(state_ref(s))
        elif s.status is Status.SIGNATORY:
            signatory_categories[s.category or "unassessed"].append(state_ref(s))
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
            1
            for s in now
            if s.iso3 not in NOT_UN_MEMBERS and (s.status in STATES_PARTIES or s.status is Status.SIGNATORY)
        ),
        joined=sorted(joined, key=lambda j: (j.deposited, normalize(j.name))),
        withdrawals=withdrawals,
        signatories_yet_to_ratify=[state_ref(s) for s in now if s.status is Status.SIGNATORY],
        signatories_by_category=signatory_categories,
        non_signatories_by_category=categories,
        states_parties_by_year=by_year,
        demarches=_demarches(reader, period),
        campaigns=_campaigns(reader, period, latest),
        campaigns_in_period=None if latest is None else _campaigns_in_period(reader, period),
        category_moves=_category_moves(reader, period, latest),
        **({} if latest is None else _category_moves_in_period(reader, period)),
        stale_categories=[
            StaleCategory(s.iso3, s.name, s.region, s.category, s.category_since)
            for s in now
            if s.category and is_stale(s.category_since, period.as_of, max_age)
        ],
        category_ii_by_reason=_category_ii_by_reason(reader, now, period.as_of),
        category_max_age=max_age,
    )


def _category_ii_by_reason(reader: Reader, now, as_of: date) -> dict[str, int]:
    from ccmtui.reports.reasons import current_assessments

    assessments = current_assessments(reader, as_of)
    counts: Counter = Counter()
    for s in now:
        if s.category == "II" and s.iso3 in assessments:
            counts.update(assessments[s.iso3].reasons)
    return dict(counts.most_common())


def _category_moves(reader: Reader, period: Period, latest: int | None = None) -> list[CategoryMove]:
    span = {"since": period.since + timedelta(days=1), "until": period.as_of}
    if latest is None:
        rows = reader.rows(Q.classification_changes, **span)
    else:
        # The days of the latest few, whole: sorted here as every one would be, then cut.
        rows = reader.rows(Q.classification_changes_latest, skip=max(latest - 1, 0), **span)
    moves = [
        CategoryMove(r.iso3, r.name, r.previous, r.category, r.assessed_on, r.rationale)
        for r in sorted(rows, key=lambda r: (r.assessed_on, normalize(r.name)))
    ]
    return moves if latest is None else moves[len(moves) - latest :] if latest else []


def _category_moves_in_period(reader: Reader, period: Period) -> dict:
    [row] = reader.rows(Q.classification_changes_count, since=period.since + timedelta(days=1), until=period.as_of)
    return {"category_moves_in_period": row.changes, "category_moves_reasoned": bool(row.reasoned)}


def _demarches(reader: Reader, period: Period) -> DemarcheTally:
    params = {"area": "universalization", "since": period.since + timedelta(days=1), "until": period.as_of}
    # Counted per day from the (kind, area, date) index alone, then per month here.
    months: dict[str, int] = {}
    for row in reader.rows(Q.engagement_days_of_kind_area, kind="demarche", **params):
        month = f"{row.occurred_on.year:04d}-{row.occurred_on.month:02d}"
        months[month] = months.get(month, 0) + row.engagements
    by_month = sorted(months.items())
    # The states reached: one step into an index a state; the replies: one range of theirs.
    reach = reader.rows(Q.demarche_reach, **params)
    counted = reader.rows(Q.demarche_replies, **params)
    replies = {r.status: r.replies for r in counted}
    return DemarcheTally(
        demarches=sum(count for _, count in by_month),
        states_reached=len(reach),
        replied=replies.get("replied", 0),
        pending=replies.get("pending", 0),
        no_reply=replies.get("no-reply", 0),
        by_month=by_month,
    )


def _campaign_span(period: Period) -> dict:
    return {"since": period.since + timedelta(days=1), "until": period.as_of, "area": "universalization"}


def _campaigns(reader: Reader, period: Period, latest: int | None = None) -> list[CampaignTally]:
    if latest is None:
        rows = reader.rows(Q.campaign_board, **_campaign_span(period))
    else:
        rows = reader.rows(Q.campaign_board_latest, limit=latest, **_campaign_span(period))
    return [
        CampaignTally(r.title, r.occurred_on, r.kind, r.targets or 0, r.replied or 0, r.pending or 0, r.no_reply or 0)
        for r in sorted(rows, key=lambda r: r.occurred_on)
    ]


def _campaigns_in_period(reader: Reader, period: Period) -> int:
    return reader.rows(Q.campaigns_in_period, **_campaign_span(period))[0].count
