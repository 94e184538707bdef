"""Counterparts as read: the organisations (matched as states are) and the people."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain.counterparts import LOCATIONS, Organisation, OrganisationIndex, split_list
from ccmtui.domain.errors import InputError, NotFoundError
from ccmtui.domain.states import normalize

if TYPE_CHECKING:
    from ccmtui.db.read import Reader

PLACES = dict(zip(LOCATIONS, ("Geneva mission", "capital"), strict=True))


def organisation_index(reader: Reader) -> OrganisationIndex:
    return OrganisationIndex(
        Organisation(
            r.code,
            r.name,
            r.kind,
            split_list(r.helps),
            split_list(r.aliases),
            r.source or "",
            r.notes or "",
        )
        for r in reader.rows(Q.organisations)
    )


def shipped_codes(reader: Reader) -> set[str]:
    return {r.code for r in reader.rows(Q.organisations) if r.shipped}


def works_for(person) -> str:
    """'Mozambique (MOZ), Geneva mission', 'ICRC' or '—'."""
    where = PLACES.get(person.location or "", "")
    if person.iso3:
        who = f"{person.state_name} ({person.iso3})"
    else:
        who = person.organisation or ""
    return ", ".join(p for p in (who, where) if p) or "—"


class People:
    """Everyone recorded, found by name (case and accents aside) or by the start of their id."""

    def __init__(self, reader: Reader):
        self.rows = reader.rows(Q.people)
        self.by_uuid = {r.uuid: r for r in self.rows}

    def of_state(self, iso3: str) -> list:
        return [r for r in self.rows if r.iso3 == iso3]

    def of_organisation(self, code: str) -> list:
        return [r for r in self.rows if r.organisation == code]

    def named(self, text: str) -> list:
        key = normalize(text)
        return [r for r in self.rows if normalize(r.name) == key]

    def find(self, text: str):
        """The person `text` names, None when nobody has that name; two of that name: an error."""
        cleaned = " ".join(text.split())
        same = self.named(cleaned)
        if len(same) == 1:
            return same[0]
        if len(same) > 1:
            which = "; ".join(f"{r.uuid[:8]} ({works_for(r)})" for r in same)
            raise InputError(f"{len(same)} people are named {cleaned!r}: give the id of one: {which}")
        if len(cleaned) >= 8 and all(c in "0123456789abcdef-" for c in cleaned.lower()):
            hits = [r for r in self.rows if r.uuid.startswith(cleaned.lower())]
            if len(hits) == 1:
                return hits[0]
        return None

    def suggestions(self, text: str, limit: int = 3) -> list[str]:
        import difflib

        key = normalize(text)
        names = {normalize(r.name): r.name for r in self.rows}
        found = [names[k] for k in names if key and (k.startswith(key) or f" {key}" in f" {k}")]
        found += [names[k] for k in difflib.get_close_matches(key, list(names), n=limit, cutoff=0.6)]
        return list(dict.fromkeys(found))[:limit]

    def resolve(self, text: str):
        found = self.find(text)
        if found is None:
            near = self.suggestions(text)
            hint = f"; did you mean {', '.join(near)}?" if near else "; `ccm person list` lists them"
            raise NotFoundError(f"unknown person {text!r}{hint}")
        return found


@dataclass(frozen=True)
class Met:
    """A person or an organisation met in the engagements with a state, and when last."""

    label: str  # 'Ana Costa (ICRC)' or 'ICRC'
    last: date
    times: int
    person: bool


def met_with_state(reader: Reader, iso3: str, as_of: date, *, people: bool = True) -> list[Met]:
    """Whom the engagements with a state were with, the latest met first; without people when
    they are to stay out (a redacted output)."""
    seen: dict[tuple, list] = {}
    for row in reader.rows(Q.counterparts_of_state, iso3=iso3, as_of=as_of):
        if row.person_uuid:
            if not people:
                continue
            employer = row.person_organisation or row.iso3 or ""
            label = f"{row.person_name} ({employer})" if employer else row.person_name
            key = ("person", row.person_uuid)
        else:
            label, key = row.organisation, ("organisation", row.organisation)
        if key in seen:
            seen[key][2] += 1
        else:
            seen[key] = [label, row.occurred_on, 1, key[0] == "person"]
    return [Met(*values) for values in seen.values()]


def counterpart_labels(reader: Reader, uuids: list[str], *, people: bool = True) -> dict[str, list[str]]:
    """Each engagement's counterparts as words, people by name (left out when `people` is False)."""
    found: dict[str, list[str]] = {}
    if not uuids:
        return found
    for row in reader.rows(Q.counterparts_of_engagements, uuids=uuids):
        if row.person_uuid and not people:
            continue
        found.setdefault(row.engagement_uuid, []).append(row.person_name if row.person_uuid else row.organisation)
    return found
