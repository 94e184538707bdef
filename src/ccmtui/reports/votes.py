"""The General Assembly's yearly resolution on the Convention: the shipped record and the votes recorded.

The resolutions (year, symbol, date, totals) ship in db/reference/unga_resolutions.csv with their
sources; each state's vote is what `ccm votes import` recorded from the UN Digital Library. The
per-state record is not shipped: the public record reachable when ccm was built gives the totals only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain.unga import Resolution, read_resolutions

if TYPE_CHECKING:
    from ccmtui.db.read import Reader

NOT_SHIPPED = (
    "per-state votes are not shipped (the public record gives each year's totals only): "
    "record them with ccm votes import FILE.csv, the UN Digital Library's voting-data export"
)


@cache
def resolutions() -> dict[int, Resolution]:
    """The shipped resolutions, by year (db/reference/unga_resolutions.csv; SOURCES.md)."""
    text = (resources.files("ccmtui") / "db" / "reference" / "unga_resolutions.csv").read_text(encoding="utf-8")
    return read_resolutions(text)


@dataclass(frozen=True)
class Vote:
    uuid: str
    year: int
    voted_on: date
    vote: str
    resolution: str  # its symbol, from the file or the shipped record ('' when neither gives it)
    source: str | None

    def describe(self) -> str:
        known = resolutions().get(self.year)
        symbol = self.resolution or (known.symbol if known else None)
        if symbol:
            return f"Voted {self.vote} on {symbol}, the General Assembly's resolution on the Convention"
        return f"Voted {self.vote} on the General Assembly's {self.year} resolution on the Convention"

    def short(self) -> str:
        return f"{self.vote} ({self.year})"

    def as_json(self) -> dict:
        return {
            "year": self.year,
            "date": self.voted_on.isoformat(),
            "vote": self.vote,
            "resolution": self.resolution or None,
            "source": self.source,
        }


def votes_of_state(reader: Reader, iso3: str) -> list[Vote]:
    """A state's recorded votes, the latest first."""
    return [
        Vote(r.uuid, r.year, r.voted_on, r.vote, r.resolution, r.source)
        for r in reader.rows(Q.unga_votes_of_state, iso3=iso3)
    ]


def latest_votes(reader: Reader, until: date | None = None) -> dict[str, Vote]:
    """Each state's latest recorded vote (cast on `until` or before, when given)."""
    latest: dict[str, Vote] = {}
    for r in reader.rows(Q.unga_votes):  # by year: a later one replaces an earlier
        if until is None or r.voted_on <= until:
            latest[r.iso3] = Vote(r.uuid, r.year, r.voted_on, r.vote, r.resolution, r.source)
    return latest
