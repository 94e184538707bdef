"""States in the register: names, aliases, regions, and how a name is matched."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

from ccmtui.domain.errors import InputError, NotFoundError

INSTRUMENTS = ("ratification", "accession", "acceptance", "approval")

# The register's states that are not UN member states: the Holy See and the State of Palestine
# (observer states), the Cook Islands and Niue. The other 193 are the UN's members.
NOT_UN_MEMBERS = frozenset({"VAT", "PSE", "COK", "NIU"})
UN_MEMBER_COUNT = 193


_PUNCTUATION = re.compile(r"[\s\-‐–—'’`´.,()/&]+")


def normalize(text: str) -> str:
    """A key for matching names: no accents, no case, no punctuation, 'St' as 'Saint'."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    words = _PUNCTUATION.sub(" ", plain.replace("&", " and ")).split()
    if words and words[0] == "st":
        words[0] = "saint"
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


class StateIndex:
    """Finds a state by ISO3 code, name or alias, ignoring case and accents."""

    def __init__(self, entries: Iterable[tuple[str, str, Iterable[str]]]):
        self._by_key: dict[str, str] = {}
        self._names: dict[str, str] = {}
        for iso3, name, aliases in entries:
            self._names[iso3] = name
            self._by_key[iso3.casefold()] = iso3
            for label in (name, *aliases):
                self._by_key.setdefault(normalize(label), iso3)

    def __contains__(self, iso3: str) -> bool:
        return iso3 in self._names

    def name(self, iso3: str) -> str:
        return self._names[iso3]

    def find(self, text: str) -> str | None:
        """The ISO3 code for `text`, or None."""
        cleaned = text.strip()
        return self._by_key.get(cleaned.casefold()) or self._by_key.get(normalize(cleaned))

    def suggestions(self, text: str, limit: int = 3) -> list[str]:
        """Names of the states closest to `text`, best first."""
        key = normalize(text)
        found: list[str] = []
        if key:
            for k, iso3 in self._by_key.items():
                if len(k) > 3 and (k.startswith(key) or f" {key}" in f" {k}"):
                    found.append(iso3)
            for k in difflib.get_close_matches(key, list(self._by_key), n=limit * 2, cutoff=0.6):
                found.append(self._by_key[k])
        unique = list(dict.fromkeys(found))
        return [f"{self._names[i]} ({i})" for i in unique[:limit]]

    def iso3_codes(self) -> list[str]:
        return list(self._names)

    def search(self, text: str, limit: int = 8) -> list[str]:
        """ISO3 codes of the states `text` could mean, best first: an exact code, name or alias,
        then names and aliases starting with it, then those with a word starting with it,
        then those containing it. Case, accents and punctuation are ignored."""
        key = normalize(text)
        if not key:
            return []
        rank: dict[str, tuple[int, str]] = {}
        exact = self.find(text)
        if exact:
            rank[exact] = (0, "")
        for k, iso3 in self._by_key.items():
            if k.startswith(key):
                level = 1
            elif f" {key}" in f" {k}":
                level = 2
            elif len(key) >= 3 and key in k:
                level = 3
            else:
                continue
            best = (level, normalize(self._names[iso3]))
            if iso3 not in rank or best < rank[iso3]:
                rank[iso3] = best
        return sorted(rank, key=lambda iso3: rank[iso3])[:limit]

    def resolve(self, text: str) -> str:
        """The ISO3 code for `text`; an error naming the closest matches otherwise."""
        iso3 = self.find(text)
        if iso3 is not None:
            return iso3
        near = self.suggestions(text)
        hint = f"; did you mean {', '.join(near)}?" if near else "; try an ISO3 code such as KEN"
        raise NotFoundError(f"unknown state {text!r}{hint}")


REGION_KINDS = ("region", "subregion", "intermediate")


class Regions:
    """The register's geographic groups (UN M49): regions, their sub-regions and intermediate regions.

    `region:…` in `--to` and `--region` take any of them, matched ignoring case, accents and
    punctuation; an unknown name is an error listing them all, grouped, with the closest ones.
    """

    def __init__(self, rows: Iterable[tuple[str, str, str | None, str | None]]):
        # region -> sub-region -> intermediate regions, and each group's states.
        self.tree: dict[str, dict[str, set[str]]] = {}
        self.members: dict[tuple[str, str], set[str]] = {}
        for iso3, region, subregion, intermediate in rows:
            subregions = self.tree.setdefault(region, {})
            intermediates = subregions.setdefault(subregion, set()) if subregion else set()
            if intermediate:
                intermediates.add(intermediate)
            for kind, name in zip(REGION_KINDS, (region, subregion, intermediate)):
                if name:
                    self.members.setdefault((kind, name), set()).add(iso3)
        # The broader group wins when two levels share a name.
        self._by_key: dict[str, tuple[str, str]] = {}
        for kind in REGION_KINDS:
            for found_kind, name in self.members:
                if found_kind == kind:
                    for key in (normalize(name), normalize(name).replace(" ", "")):
                        self._by_key.setdefault(key, (kind, name))

    def match(self, text: str) -> tuple[str, str]:
        """('region' | 'subregion' | 'intermediate', canonical name) for a group named in any case."""
        key = normalize(text)
        found = self._by_key.get(key) or self._by_key.get(key.replace(" ", ""))
        if found is not None:
            return found
        near = difflib.get_close_matches(key, list(self._by_key), n=4, cutoff=0.6)
        names = list(dict.fromkeys(self._by_key[k][1] for k in near))[:2]
        hint = f"did you mean {' or '.join(names)}? " if names else ""
        raise InputError(
            f"unknown region {text!r}; {hint}valid, as region: sub-regions (intermediate regions): {self.listing()}"
        )

    def states_in(self, kind: str, name: str) -> set[str]:
        return self.members.get((kind, name), set())

    def listing(self) -> str:
        """Every group, grouped: 'Africa: Northern Africa, Sub-Saharan Africa (Eastern Africa, …); Americas: …'."""
        groups = []
        for region in sorted(self.tree):
            parts = []
            for subregion in sorted(self.tree[region]):
                inner = sorted(self.tree[region][subregion])
                parts.append(f"{subregion} ({', '.join(inner)})" if inner else subregion)
            groups.append(f"{region}: {', '.join(parts)}" if parts else region)
        return "; ".join(groups)
