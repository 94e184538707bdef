"""Art. 7 transparency: initial reports and the annual updates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain import treaty
from ccmtui.reports.summary.actions import ActionTally
from ccmtui.reports.summary.common import Period, StateRef, by_name, state_ref, states_parties_on

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.reports.register import Register


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
    # The area's actions in the action plan in force, with values (summary/actions.py).
    actions: list[ActionTally] = field(default_factory=list)

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


def transparency_summary(reader: Reader, register: Register, period: Period) -> TransparencySummary:
    on = period.as_of
    members = by_name(states_parties_on(register, on).values())
    rows = reader.rows(Q.transparency_reports)
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
            ref = state_ref(state)
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
        late_annual=by_name(late_states.values()),
        recorded=bool(rows),
    )
