"""Art. 9 national implementation measures: each State Party's latest status."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain.dates import optional_partial_date
from ccmtui.domain.obligations import MEASURE_STATUSES
from ccmtui.reports.summary.actions import ActionTally
from ccmtui.reports.summary.common import Period, StateRef, after_day, by_name, state_ref, states_parties_on

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.reports.register import Register


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
    # The area's actions in the action plan in force, with values (summary/actions.py).
    actions: list[ActionTally] = field(default_factory=list)

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
        rows = [
            (MEASURE_STATUSES[s].capitalize(), len(self.with_status(s)) if recorded else None) for s in MEASURE_STATUSES
        ]
        rows.append((f"Adopted since {self.period.since_label}", len(self.adopted_in_period) if recorded else None))
        rows.append(("States Parties with nothing recorded", len(self.without_record)))
        return rows


def national_measures_summary(reader: Reader, register: Register, period: Period) -> NationalMeasuresSummary:
    on = period.as_of
    members = states_parties_on(register, on)
    rows = reader.rows(Q.national_measures)
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
            after_day(dated, period.since) if row.status == "adopted" else False,
        )
        for dated, row in latest.values()
    ]
    return NationalMeasuresSummary(
        period=period,
        lines=by_name(lines),
        without_record=by_name(state_ref(s) for iso3, s in members.items() if iso3 not in latest),
        recorded=bool(rows),
    )
