"""Why a state holds back from the Convention: a controlled vocabulary of obstacles.

The list is the one the universalisation co-coordinators reasoned with in their 2013 report to
the Fourth Meeting of States Parties (Portugal and Ghana, part II.4 and part IV): each reason
quotes the words of that report. A coordinator may add reasons of their own in config.toml:

    [reasons]
    elections = "general elections ahead; no decision before the new government"

Some obstacles are ones the Convention's partners can answer: cooperation and assistance under
Art. 6 (clearance, stockpile destruction, financial and technical help) and the help the
implementation support offers with reporting (Art. 7) and national measures (Art. 9). Those
carry the kind of help that answers them (`HELP`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ccmtui.domain.errors import InputError, one_of


@dataclass(frozen=True)
class Reason:
    code: str
    meaning: str
    # The words of the 2013 report the reason stands for ("" for a reason from config).
    quote: str = ""
    # The kind of help that answers it, when the Convention or a partner can (Art. 6, 7, 9).
    help: str | None = None
    # Words that, in a record of assistance provided (`ccm cooperation`), mark help of that kind.
    keywords: tuple[str, ...] = ()
    # The kinds of help an organisation offers that answer it (domain/counterparts.py HELP_KINDS).
    kinds: tuple[str, ...] = ()

    def offered_by(self, details: str) -> bool:
        """Does a provider's description of its assistance answer this reason? Any does, for
        a reason without keywords (financial help)."""
        text = details.casefold()
        return not self.keywords or any(word in text for word in self.keywords)


REASONS: dict[str, Reason] = {
    r.code: r
    for r in (
        Reason(
            "other-priorities",
            "other priorities come first",
            "for internal reasons it is not a priority issue; other equally important priorities",
        ),
        Reason(
            "regional-reciprocity",
            "waits for its region or neighbours to join",
            "concerns on the regional membership and reciprocity between neighbours",
        ),
        Reason(
            "cost",
            "cost of alternative weapons and of the obligations",
            "the costs that alternative weaponry may imply; the financial obligations",
            help="financial or technical assistance (Art. 6)",
            # The obligations that cost: destroying stockpiles (Art. 3) and clearing (Art. 4).
            kinds=("stockpile-destruction", "clearance"),
        ),
        Reason(
            "prefers-ccw",
            "prefers regulation under the CCW",
            "supporting the regulation on cluster munitions under the CCW",
        ),
        Reason(
            "major-producers-first",
            "the major producers and possessors should join first",
            "major possessors need to join CCM first",
        ),
        Reason(
            "security",
            "security needs",
            "misgivings about stock-destruction, stemming from their security needs",
        ),
        Reason(
            "domestic-politics",
            "domestic political circumstances",
            "a major transformation in their domestic political circumstances",
        ),
        Reason(
            "administrative-burden",
            "administrative burden, reporting included",
            "the administrative burden of reporting; administrative procedures",
            help="help with reporting and administrative procedures (Art. 7)",
            keywords=("report", "admin", "capacity", "training"),
            kinds=("reporting",),
        ),
        Reason(
            "clearance-deadline",
            "worry about meeting the clearance deadline",
            "concerned about implementing the obligations, for example the clearance deadline",
            help="clearance assistance (Art. 4, 6)",
            keywords=("clear", "survey", "demin", "mine action", "technical"),
            kinds=("clearance",),
        ),
        Reason(
            "legal-drafting",
            "drafting the national law",
            "facilitate the adoption of the CCM into internal law",
            help="legal drafting assistance (Art. 9)",
            keywords=("legal", "legislat", "law"),
            kinds=("legal-drafting",),
        ),
    )
}

REASON_FIELD_LIMIT = 200


def vocabulary(extra: Mapping | None = None) -> dict[str, Reason]:
    """The shipped reasons and the coordinator's own (config.toml's [reasons] table)."""
    found = dict(REASONS)
    for code, meaning in (extra or {}).items():
        cleaned = _code(str(code))
        if not cleaned or not isinstance(meaning, str) or not meaning.strip():
            raise InputError(
                f'config [reasons]: {code!r} needs a code and a meaning, e.g. elections = "elections ahead"'
            )
        if cleaned not in found:
            found[cleaned] = Reason(cleaned, " ".join(meaning.split()))
    return found


def _code(text: str) -> str:
    return "-".join(text.strip().lower().replace("_", " ").split())


def parse_reasons(values: Iterable[str], extra: Mapping | None = None) -> list[str]:
    """Reason codes, each known (`--reason cost --reason regional-reciprocity`, or 'cost, security')."""
    known = vocabulary(extra)
    chosen: list[str] = []
    for value in values:
        for part in str(value).split(","):
            if not part.strip():
                continue
            code = _code(part)
            if code not in known:
                raise one_of("reason", part.strip(), list(known))
            chosen.append(code)
    codes = list(dict.fromkeys(chosen))
    if len(join(codes)) > REASON_FIELD_LIMIT:
        raise InputError(f"too many reasons: at most {REASON_FIELD_LIMIT} characters of codes")
    return codes


def join(codes: Iterable[str]) -> str:
    """How reasons are stored: codes separated by spaces ('' for none)."""
    return " ".join(codes)


def split(stored: str | None) -> list[str]:
    return (stored or "").split()


def answerable(codes: Iterable[str], extra: Mapping | None = None) -> list[Reason]:
    """The reasons among `codes` that a kind of help answers."""
    known = vocabulary(extra)
    return [known[c] for c in codes if c in known and known[c].help]


def meaning(code: str, extra: Mapping | None = None) -> str:
    known = vocabulary(extra)
    return known[code].meaning if code in known else code
