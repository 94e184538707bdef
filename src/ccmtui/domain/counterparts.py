"""Counterparts: the organisations and the people a coordinator works with.

States Parties cooperate with "the United Nations, other relevant international organisations or
institutions, the International Committee of the Red Cross, … the Cluster Munition Coalition" and
non-governmental organisations (Art. 6(4), 6(7), 11(3)): those are the organisations here, shipped
with the kinds of help their public descriptions say they offer. A person belongs to a state
(its mission in Geneva or its capital) or to an organisation, never to both.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ccmtui.domain.errors import InputError, NotFoundError, one_of
from ccmtui.domain.states import normalize

# The kinds of help an organisation offers (Art. 4 clearance and risk education, Art. 5 victim
# assistance, Art. 3 stockpile destruction, Art. 9 national measures, Art. 7 reporting).
HELP_KINDS = {
    "clearance": "clearance of cluster munition remnants (Art. 4)",
    "risk-education": "risk reduction education (Art. 4(2)(e))",
    "victim-assistance": "victim assistance (Art. 5)",
    "stockpile-destruction": "stockpile destruction (Art. 3)",
    "legal-drafting": "drafting national implementation measures (Art. 9)",
    "reporting": "transparency reporting (Art. 7)",
}

ORGANISATION_KINDS = (
    "convention",
    "humanitarian",
    "un",
    "mine-action",
    "operator",
    "civil-society",
    "regional",
    "other",
)

# Where a state's person works: its permanent mission in Geneva, or the capital.
LOCATIONS = ("geneva", "capital")

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]{5,40}$")
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9&.-]{0,19}$")


@dataclass(frozen=True)
class Organisation:
    code: str
    name: str
    kind: str
    helps: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    source: str = ""
    notes: str = ""


def split_list(text: str | None) -> tuple[str, ...]:
    """A stored list: items separated by ';' ('' for none)."""
    return tuple(dict.fromkeys(part.strip() for part in (text or "").split(";") if part.strip()))


def join_list(items: Iterable[str]) -> str:
    return ";".join(dict.fromkeys(items))


def parse_helps(values: Iterable[str]) -> tuple[str, ...]:
    """Kinds of help ('clearance', 'risk education'), each known."""
    chosen = []
    for value in values:
        for part in str(value).replace(";", ",").split(","):
            code = "-".join(part.strip().lower().split())
            if not code:
                continue
            if code not in HELP_KINDS:
                raise one_of("kind of help", part.strip(), list(HELP_KINDS))
            chosen.append(code)
    return tuple(dict.fromkeys(chosen))


def parse_code(text: str) -> str:
    code = text.strip()
    if not _CODE.match(code):
        raise InputError(f"organisation code {text!r}: 1-20 letters, digits, '-', '.' or '&', e.g. HALO")
    return code


def parse_kind(text: str) -> str:
    kind = "-".join(text.strip().lower().split())
    if kind not in ORGANISATION_KINDS:
        raise one_of("organisation kind", text, ORGANISATION_KINDS)
    return kind


def parse_location(text: str | None) -> str:
    cleaned = (text or "").strip().lower()
    if not cleaned:
        return ""
    if cleaned in ("mission", "geneva mission", "permanent mission"):
        return "geneva"
    if cleaned not in LOCATIONS:
        raise one_of("place", text or "", LOCATIONS)
    return cleaned


def parse_email(text: str | None) -> str:
    cleaned = (text or "").strip()
    if cleaned and not _EMAIL.match(cleaned):
        raise InputError(f"{cleaned!r} is not an e-mail address (name@example.org)")
    return cleaned


def parse_phone(text: str | None) -> str:
    cleaned = " ".join((text or "").split())
    if cleaned and not _PHONE.match(cleaned):
        raise InputError(f"{cleaned!r} is not a phone number (digits, spaces, + ( ) . / -)")
    return cleaned


def person_name(text: str | None) -> str:
    cleaned = " ".join((text or "").split())
    if not cleaned:
        raise InputError("give the person's name")
    if len(cleaned) > 100:
        raise InputError("a person's name has at most 100 characters")
    return cleaned


def check_belongs(state: str | None, organisation: str | None) -> None:
    """A person works for a state or an organisation, not both at once."""
    if state and organisation:
        raise InputError("a person belongs to a state or to an organisation, not both: give --state or --org")


class OrganisationIndex:
    """Finds an organisation by code, name or alias, ignoring case and accents, as states are found."""

    def __init__(self, organisations: Iterable[Organisation]):
        self.by_code: dict[str, Organisation] = {}
        self._by_key: dict[str, str] = {}
        for org in organisations:
            self.by_code[org.code] = org
            self._by_key[org.code.casefold()] = org.code
            for label in (org.code, org.name, *org.aliases):
                self._by_key.setdefault(normalize(label), org.code)

    def __contains__(self, code: str) -> bool:
        return code in self.by_code

    def __iter__(self):
        return iter(self.by_code.values())

    def find(self, text: str) -> str | None:
        cleaned = " ".join(text.split())
        return self._by_key.get(cleaned.casefold()) or self._by_key.get(normalize(cleaned))

    def suggestions(self, text: str, limit: int = 3) -> list[str]:
        key = normalize(text)
        if not key:
            return []
        found = [
            code for k, code in self._by_key.items() if len(key) > 2 and (k.startswith(key) or f" {key}" in f" {k}")
        ]
        # Short codes are typed as such ("ICCR"): compare them whole, letters in any order close.
        for k in difflib.get_close_matches(key, list(self._by_key), n=limit * 2, cutoff=0.6):
            found.append(self._by_key[k])
        return list(dict.fromkeys(found))[:limit]

    def resolve(self, text: str) -> Organisation:
        code = self.find(text)
        if code is not None:
            return self.by_code[code]
        near = self.suggestions(text)
        hint = f"; did you mean {', '.join(near)}?" if near else "; `ccm org list` lists them, `ccm org add` adds one"
        raise NotFoundError(f"unknown organisation {text!r}{hint}")

    def offering(self, kinds: Iterable[str]) -> list[Organisation]:
        """The organisations offering any of these kinds of help, by code."""
        wanted = set(kinds)
        return sorted((o for o in self.by_code.values() if wanted & set(o.helps)), key=lambda o: o.code)
