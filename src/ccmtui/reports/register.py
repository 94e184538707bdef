"""The register of states as it stood on a day: status, treaty dates and category."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain import treaty
from ccmtui.domain.dates import iso, parse_date, parse_period, relative_day
from ccmtui.domain.errors import InputError, one_of
from ccmtui.domain.states import Regions, StateIndex, normalize
from ccmtui.domain.treaty import FORMAL_MEETING_KINDS, Status

if TYPE_CHECKING:
    from ccmtui.db.read import Reader

# `--status states-parties` counts pending states with parties, as CCM documents do.
STATES_PARTIES = "states-parties"
STATUS_CHOICES = (*(s.value for s in Status), STATES_PARTIES)


@dataclass(frozen=True, slots=True)
class StateStatus:
    iso3: str
    name: str
    region: str
    subregion: str
    status: Status
    signed: date | None
    deposited: date | None
    instrument: str | None
    entry_into_force: date | None
    withdrawal_effective: date | None
    category: str | None
    category_since: date | None

    def as_json(self) -> dict:
        return {
            "iso3": self.iso3,
            "name": self.name,
            "region": self.region,
            "subregion": self.subregion,
            "status": self.status.value,
            "signed": iso(self.signed),
            "deposited": iso(self.deposited),
            "instrument": self.instrument,
            "entry_into_force": iso(self.entry_into_force),
            "withdrawal_effective": iso(self.withdrawal_effective),
            "category": self.category,
            "category_since": iso(self.category_since),
        }


def _known_on(row, as_of: date) -> tuple[date | None, date | None, date | None]:
    """A state's signature, deposit and notice of withdrawal as known on `as_of`."""
    signed = row.signed if row.signed and row.signed <= as_of else None
    deposited = row.deposited if row.deposited and row.deposited <= as_of else None
    withdrawal = row.withdrawal_notified if row.withdrawal_notified and row.withdrawal_notified <= as_of else None
    return signed, deposited, withdrawal


def _as_it_stood(row, as_of: date) -> StateStatus:
    """A state's standing on `as_of`: instruments after that day are not yet known."""
    signed, deposited, withdrawal = _known_on(row, as_of)
    status = treaty.status_on(as_of, signed=signed, deposited=deposited, withdrawal_notified=withdrawal)
    # A category assesses a state that has not joined; once it has deposited, it no longer applies.
    assessed = status not in treaty.STATES_PARTIES_INCLUDING_PENDING
    return StateStatus(
        iso3=row.iso3,
        name=row.name,
        region=row.region,
        subregion=row.subregion,
        status=status,
        signed=signed,
        deposited=deposited,
        instrument=row.instrument if deposited else None,
        entry_into_force=treaty.entry_into_force(deposited) if deposited else None,
        withdrawal_effective=treaty.withdrawal_effective(withdrawal) if withdrawal else None,
        category=row.category if assessed else None,
        category_since=row.category_since if assessed else None,
    )


class Register:
    """The states of a database, read once per command."""

    def __init__(self, reader: Reader):
        self.reader = reader
        self._rows_by_date: dict[date, list[StateStatus]] = {}
        self._index: StateIndex | None = None
        self._meetings = None
        self._records_by_iso3: dict | None = None
        self._regions: Regions | None = None
        self._organisations = None

    def on(self, as_of: date) -> list[StateStatus]:
        """Every state as it stood on `as_of`, sorted by name."""
        if as_of not in self._rows_by_date:
            rows = self.reader.rows(Q.register, as_of=as_of)
            standing = [_as_it_stood(row, as_of) for row in rows]
            standing.sort(key=lambda s: normalize(s.name))
            self._rows_by_date[as_of] = standing
        return self._rows_by_date[as_of]

    def _records(self) -> dict:
        if self._records_by_iso3 is None:
            self._records_by_iso3 = {row.iso3: row for row in self.reader.rows(Q.register, as_of=date.today())}
        return self._records_by_iso3

    def record(self, iso3: str):
        """The register's row for a state: its instruments, whatever the date asked."""
        return self._records()[iso3]

    def count_on(self, day: date, statuses: Iterable[Status]) -> int:
        """How many states had one of `statuses` on `day`, from their instruments (no query per day)."""
        wanted = set(statuses)
        count = 0
        for row in self._records().values():
            signed, deposited, withdrawal = _known_on(row, day)
            count += treaty.status_on(day, signed=signed, deposited=deposited, withdrawal_notified=withdrawal) in wanted
        return count

    def resolve(self, text: str):
        """The register's row for a state named in any usual way."""
        return self.record(self.index.resolve(text))

    @property
    def index(self) -> StateIndex:
        if self._index is None:
            aliases: dict[str, list[str]] = {}
            for row in self.reader.rows(Q.aliases):
                aliases.setdefault(row.iso3, []).append(row.alias)
            states = self.on(date.today())
            self._index = StateIndex((s.iso3, s.name, aliases.get(s.iso3, ())) for s in states)
        return self._index

    @property
    def organisations(self):
        """The organisations (shipped and the coordinator's own), found as states are."""
        if self._organisations is None:
            from ccmtui.reports.counterparts import organisation_index

            self._organisations = organisation_index(self.reader)
        return self._organisations

    @property
    def meetings(self) -> list:
        if self._meetings is None:
            self._meetings = self.reader.rows(Q.meetings)
        return self._meetings

    @property
    def formal_meetings(self) -> list:
        """Meetings of States Parties and Review Conferences: the ones "since the last meeting" means."""
        return [m for m in self.meetings if m.kind in FORMAL_MEETING_KINDS]

    def meeting(self, code: str):
        for meeting in self.meetings:
            if meeting.code.casefold() == code.strip().casefold():
                return meeting
        raise one_of("meeting", code, [m.code for m in self.meetings])

    def resolve_day(self, text: str | None, what: str = "date", *, end: bool = False) -> date:
        """A date (YYYY-MM-DD, `today`, `-3d`, `monday`…), or a meeting code standing for its opening day.

        Where a range is meant, a quarter, a year or a month (`2026Q4`, `2026`, `2026-06`) stands
        for its first day, or its last with `end` (an `--until`).
        """
        if text is None:
            return date.today()
        cleaned = text.strip()
        period = parse_period(cleaned)
        if period is not None:
            return period[1] if end else period[0]
        if cleaned[:1].isdigit() and "-" in cleaned:
            return parse_date(cleaned, what)
        typed = relative_day(cleaned)
        if typed is not None:
            return typed
        try:
            return self.meeting(cleaned).start
        except InputError:
            codes = ", ".join(m.code for m in self.meetings)
            raise InputError(
                f"bad {what} {text!r}: expected YYYY-MM-DD (e.g. 2013-09-09), today, -3d, a weekday, "
                f"a quarter (2026Q4) or a meeting code ({codes})"
            ) from None

    def regions(self) -> tuple[list[str], list[str]]:
        states = self.on(date.today())
        return sorted({s.region for s in states}), sorted({s.subregion for s in states})

    def region_groups(self) -> Regions:
        """Regions, sub-regions and intermediate regions, with their states."""
        if self._regions is None:
            rows = self.reader.rows(Q.state_regions)
            self._regions = Regions((r.iso3, r.region, r.subregion, r.intermediate_region) for r in rows)
        return self._regions


@dataclass
class RegisterFilter:
    states: set[str] | None = None
    statuses: set[Status] | None = None
    categories: set[str] | None = None
    regions: set[str] | None = None
    subregions: set[str] | None = None
    # The states of the intermediate regions chosen (Western Africa, the Caribbean…).
    in_intermediate_regions: set[str] | None = None

    def keeps(self, state: StateStatus) -> bool:
        return (
            (self.states is None or state.iso3 in self.states)
            and (self.statuses is None or state.status in self.statuses)
            and (self.categories is None or state.category in self.categories)
            and (
                (self.regions is None and self.subregions is None and self.in_intermediate_regions is None)
                or state.region in (self.regions or ())
                or state.subregion in (self.subregions or ())
                or state.iso3 in (self.in_intermediate_regions or ())
            )
        )


def parse_statuses(values: Iterable[str]) -> set[Status] | None:
    chosen: set[Status] = set()
    for value in values:
        key = value.strip().lower().replace("_", "-").replace(" ", "-")
        if key in ("states-parties", "states-party", "joined"):
            chosen |= treaty.STATES_PARTIES_INCLUDING_PENDING
            continue
        if key in ("nonsignatory", "non-signatories"):
            key = "non-signatory"
        key = {"parties": "party", "signatories": "signatory"}.get(key, key)
        try:
            chosen.add(Status(key))
        except ValueError:
            raise one_of("status", value, STATUS_CHOICES) from None
    return chosen or None


def build_filter(
    register: Register,
    *,
    states: Iterable[str] = (),
    statuses: Iterable[str] = (),
    categories: Iterable[str] = (),
    regions: Iterable[str] = (),
) -> RegisterFilter:
    from ccmtui.domain.categories import parse_category

    chosen_states = {register.index.resolve(text) for text in states} or None
    chosen_categories = {parse_category(text).value for text in categories} or None
    picked: dict[str, set[str]] = {"region": set(), "subregion": set(), "intermediate": set()}
    for text in regions:
        kind, name = register.region_groups().match(text)
        picked[kind].add(name)
    in_intermediate = {
        iso3 for name in picked["intermediate"] for iso3 in register.region_groups().states_in("intermediate", name)
    }
    return RegisterFilter(
        states=chosen_states,
        statuses=parse_statuses(statuses),
        categories=chosen_categories,
        regions=picked["region"] or None,
        subregions=picked["subregion"] or None,
        in_intermediate_regions=in_intermediate or None,
    )


def status_counts(states: Iterable[StateStatus]) -> Counter:
    return Counter(state.status for state in states)


def category_counts(states: Iterable[StateStatus]) -> Counter:
    return Counter(state.category for state in states if state.category)
