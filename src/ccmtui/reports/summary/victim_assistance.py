"""Art. 5 victim assistance: the states recorded with cluster munition victims."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain.treaty import Status
from ccmtui.reports.summary.actions import ActionTally
from ccmtui.reports.summary.common import STATES_PARTIES, EngagementTally, Period, StateRef, by_name, engagement_tally

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.reports.register import Register


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
    # The area's actions in the action plan in force, with values (summary/actions.py).
    actions: list[ActionTally] = field(default_factory=list)

    def figures(self) -> list[tuple[str, object]]:
        return [
            ("States Parties with Art. 5 obligations", len(self.states_parties) if self.recorded else None),
            ("Signatories with victims recorded", len(self.signatories) if self.recorded else None),
            ("Engagements in the period", self.engagements.total),
        ]


def victim_assistance_summary(reader: Reader, register: Register, period: Period) -> VictimAssistanceSummary:
    standing = {s.iso3: s for s in register.on(period.as_of)}
    rows = reader.rows(Q.obligations, article=5)
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
        states_parties=by_name(parties),
        signatories=by_name(signatories),
        others=by_name(others),
        recorded=bool(rows),
        engagements=engagement_tally(reader, "victim-assistance", period),
    )
