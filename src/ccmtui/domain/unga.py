"""The UN General Assembly's yearly resolution "Implementation of the Convention on Cluster Munitions".

Adopted every year since 2015 (A/RES/70/54), by recorded vote; its first operative paragraph
urges every state outside the Convention to join as soon as possible (Art. 15 and 16: signature
was open until entry into force, accession since). A state's vote on it is a sign of where it
stands: a signatory or a state outside that votes yes supports the Convention's aim.

How a state voted is one of `VOTES`. The UN Digital Library's voting data write Y, N, A for a
vote cast and leave the cell empty (or X) for a member present or not that did not vote.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from ccmtui.domain.errors import InputError, one_of

FIRST_YEAR = 2015  # A/RES/70/54, 7 December 2015
TITLE = "Implementation of the Convention on Cluster Munitions"

VOTES = ("yes", "no", "abstain", "absent", "non-member")
# The UN Digital Library's codes (and the words people write) for each vote.
_CODES = {
    "y": "yes",
    "yes": "yes",
    "n": "no",
    "no": "no",
    "a": "abstain",
    "abstain": "abstain",
    "abstention": "abstain",
    "x": "absent",
    "": "absent",
    "absent": "absent",
    "non-voting": "absent",
    "non-member": "non-member",
}


def parse_vote(text: str | None) -> str:
    """yes, no, abstain, absent or non-member, from a word or the UN Digital Library's Y/N/A/X (empty: absent)."""
    key = " ".join((text or "").strip().lower().split()).replace(" ", "-")
    if key not in _CODES:
        raise one_of("vote", (text or "").strip(), [*VOTES, "Y", "N", "A", "X"])
    return _CODES[key]


def session_of(year: int) -> int:
    """The General Assembly's regular session that votes in December of `year` (the 70th in 2015)."""
    return year - 1945


@dataclass(frozen=True)
class Resolution:
    """One year's resolution: what the public record gives (None where it is silent)."""

    year: int
    symbol: str | None
    adopted: date | None
    yes: int | None
    no: int | None
    abstain: int | None
    source: str
    notes: str

    def as_json(self) -> dict:
        return {
            "year": self.year,
            "symbol": self.symbol,
            "adopted": self.adopted.isoformat() if self.adopted else None,
            "yes": self.yes,
            "no": self.no,
            "abstain": self.abstain,
            "source": self.source,
            "notes": self.notes,
        }


def _count(text: str) -> int | None:
    return int(text) if text.strip() else None


def read_resolutions(text: str) -> dict[int, Resolution]:
    """The shipped table (db/reference/unga_resolutions.csv), by year."""
    found = {}
    for row in csv.DictReader(io.StringIO(text)):
        year = int(row["year"])
        found[year] = Resolution(
            year=year,
            symbol=row["symbol"].strip() or None,
            adopted=date.fromisoformat(row["adopted"]) if row["adopted"].strip() else None,
            yes=_count(row["yes"]),
            no=_count(row["no"]),
            abstain=_count(row["abstain"]),
            source=row["source"].strip(),
            notes=row["notes"].strip(),
        )
    return found


def check_year(year: int, today: date) -> int:
    """A year the General Assembly voted on the resolution: 2015 to this year."""
    if year < FIRST_YEAR or year > today.year:
        raise InputError(
            f"no General Assembly resolution on the Convention's implementation in {year}: "
            f"there is one a year from {FIRST_YEAR} (A/RES/70/54) to {today.year}"
        )
    return year


def check_symbol(symbol: str, year: int, known: Resolution | None) -> str:
    """The resolution's symbol as the file gives it, when it agrees with the year (its session)."""
    cleaned = " ".join(symbol.split()).upper()
    if known and known.symbol and cleaned and cleaned != known.symbol.upper():
        raise InputError(f"{cleaned} is not the {year} resolution on the Convention's implementation ({known.symbol})")
    session = session_of(year)
    if cleaned.startswith("A/RES/") and not cleaned.startswith(f"A/RES/{session}/"):
        raise InputError(f"{cleaned} is not of the {session}th session, which voted in {year}")
    return cleaned
