"""Political groupings and UN regional groups, with membership dated where it changed.

The 2013 universalisation report (Portugal and Ghana, part IV) found that "the promotion among
political groupings has translated into a positive result" and named the CPLP, the EU, ASEAN,
the Arab League, the Islamic Conference, the Commonwealth and the Francophonie. Each State Party
shall encourage states not party to join (Art. 21(1)); a grouping's share of States Parties is
one measure of where the next accession may come from.

A membership row with no `joined` date was a member throughout (from before the Convention opened
for signature, 3 December 2008, as far as the shipped record says); `left` is the day it ceased.
"""

from __future__ import annotations

import csv
import difflib
import io
from dataclasses import dataclass
from datetime import date

from ccmtui.domain.errors import InputError
from ccmtui.domain.states import normalize

KINDS = ("political", "un-regional-group")


@dataclass(frozen=True)
class Grouping:
    code: str
    name: str
    kind: str
    source: str
    notes: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Membership:
    grouping: str
    iso3: str
    joined: date | None
    left: date | None
    source: str
    notes: str = ""

    def on(self, day: date) -> bool:
        return (self.joined is None or self.joined <= day) and (self.left is None or day < self.left)


def _day(text: str, where: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{where}: bad date {text!r}, expected YYYY-MM-DD") from None


class GroupingBook:
    """The groupings and their members, read from the shipped CSV files."""

    def __init__(self, groupings: list[Grouping], memberships: list[Membership]):
        self.groupings = {g.code: g for g in groupings}
        self.memberships = memberships
        self._by_grouping: dict[str, list[Membership]] = {}
        self._by_state: dict[str, list[Membership]] = {}
        for m in memberships:
            if m.grouping not in self.groupings:
                raise InputError(f"grouping_members.csv: unknown grouping {m.grouping!r}")
            self._by_grouping.setdefault(m.grouping, []).append(m)
            self._by_state.setdefault(m.iso3, []).append(m)

    @classmethod
    def read(cls, groupings_text: str, members_text: str) -> GroupingBook:
        groupings = []
        for number, row in enumerate(csv.DictReader(io.StringIO(groupings_text)), start=2):
            if row["kind"] not in KINDS:
                raise InputError(f"groupings.csv line {number}: kind {row['kind']!r} is not one of {', '.join(KINDS)}")
            aliases = tuple(a.strip() for a in (row.get("aliases") or "").split(";") if a.strip())
            groupings.append(
                Grouping(row["code"], row["name"], row["kind"], row["source"], row.get("notes") or "", aliases)
            )
        members = []
        for number, row in enumerate(csv.DictReader(io.StringIO(members_text)), start=2):
            where = f"grouping_members.csv line {number}"
            if not row["source"].strip():
                raise InputError(f"{where}: every membership needs its source")
            members.append(
                Membership(
                    row["grouping"],
                    row["iso3"],
                    _day(row["joined"], where),
                    _day(row["left"], where),
                    row["source"],
                    row.get("notes") or "",
                )
            )
        return cls(groupings, members)

    def resolve(self, text: str) -> Grouping:
        """A grouping by code or name, case- and accent-insensitively; unknown ones get suggestions."""
        wanted = normalize(text.removeprefix("grouping:"))
        names: dict[str, str] = {}
        for grouping in self.groupings.values():
            for name in (grouping.code, grouping.name, *grouping.aliases):
                names.setdefault(normalize(name), grouping.code)
        if wanted in names:
            return self.groupings[names[wanted]]
        close = list(dict.fromkeys(names[n] for n in difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.5)))
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise InputError(f"unknown grouping {text!r}{hint} (known: {', '.join(self.groupings)})")

    def members_on(self, code: str, day: date) -> set[str]:
        return {m.iso3 for m in self._by_grouping.get(code, ()) if m.on(day)}

    def ever_members(self, code: str) -> set[str]:
        return {m.iso3 for m in self._by_grouping.get(code, ())}

    def of_state(self, iso3: str, day: date) -> list[str]:
        """The codes of the groupings a state belonged to on `day`."""
        return list(dict.fromkeys(m.grouping for m in self._by_state.get(iso3, ()) if m.on(day)))

    def changes(self, code: str) -> list[Membership]:
        """The dated joinings and departures of a grouping."""
        return [m for m in self._by_grouping.get(code, ()) if m.joined or m.left]
