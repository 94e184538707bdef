"""Art. 6 cooperation and assistance: who reported needing it, who reported providing it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain.treaty import Status
from ccmtui.reports.coalitions import BoardLine, Unmatched, board, match
from ccmtui.reports.summary.actions import ActionTally
from ccmtui.reports.summary.common import STATES_PARTIES, EngagementTally, Period, StateRef, by_name, engagement_tally
from ccmtui.reports.summary.obligations import clearance_summary, stockpile_summary
from ccmtui.reports.summary.victim_assistance import victim_assistance_summary

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.reports.register import Register


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
    # Country coalitions (reports/coalitions.py): their board, and the needs no activity answers.
    coalitions: list[BoardLine] = field(default_factory=list)
    needs_without_offer: list[Unmatched] = field(default_factory=list)
    offers_without_taker: list[Unmatched] = field(default_factory=list)
    # The area's actions in the action plan in force, with values (summary/actions.py).
    actions: list[ActionTally] = field(default_factory=list)

    def figures(self) -> list[tuple[str, object]]:
        recorded = self.recorded
        return [
            ("States Parties reporting a need", len(self.in_need) if recorded else None),
            ("States Parties reporting providing", len(self.providing_states_parties) if recorded else None),
            ("Signatories reporting providing", len(self.providing_signatories) if recorded else None),
            ("States Parties with obligations (Art. 3-5)", len(self.with_obligations)),
            ("Country coalitions", len(self.coalitions)),
            ("Open needs in coalitions", sum(line.open_needs for line in self.coalitions)),
            ("Needs without an offer", len(self.needs_without_offer)),
            ("Offers without a taker", len(self.offers_without_taker) if recorded else None),
            ("Engagements in the period", self.engagements.total),
        ]


def cooperation_summary(
    reader: Reader, register: Register, period: Period, stockpile=None, clearance=None, victims=None
) -> CooperationSummary:
    standing = {s.iso3: s for s in register.on(period.as_of)}
    rows = [r for r in reader.rows(Q.cooperation_reports) if r.year <= period.as_of.year]
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
    stockpile = stockpile or stockpile_summary(reader, register, period)
    clearance = clearance or clearance_summary(reader, register, period)
    victims = victims or victim_assistance_summary(reader, register, period)
    owing = {line.iso3: StateRef(line.iso3, line.name, line.region) for line in stockpile.current + clearance.current}
    owing |= {ref.iso3: ref for ref in victims.states_parties}
    unmatched = match(reader, register, period.as_of)
    return CooperationSummary(
        period=period,
        in_need=by_name(in_need.values()),
        providing_states_parties=by_name(providing_parties.values()),
        providing_signatories=by_name(providing_signatories.values()),
        with_obligations=by_name(owing.values()),
        recorded=bool(rows) or bool(reader.rows(Q.cooperation_reports)),
        engagements=engagement_tally(reader, "cooperation", period),
        coalitions=board(reader, as_of=period.as_of),
        needs_without_offer=[line for line in unmatched if line.kind == "need"],
        offers_without_taker=[line for line in unmatched if line.kind == "offer"],
    )
