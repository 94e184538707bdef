"""How values read in the app: ISO 8601 dates, labels for slugs, rates."""

from __future__ import annotations

from datetime import date, datetime

from ccmtui.domain.areas import AREAS
from ccmtui.domain.engagements import CHANNELS, KINDS
from ccmtui.domain.words import plural as plural  # the screens say fmt.plural

# Shorter than the CCM names, to fit a table column.
AREA_SHORT = {
    "universalization": "Universalization",
    "stockpile-destruction": "Stockpiles",
    "clearance": "Clearance",
    "victim-assistance": "Victim assistance",
    "cooperation": "Cooperation",
    "transparency": "Transparency",
    "national-implementation": "Nat. implement.",
    "compliance": "Compliance",
    "implementation-support": "Impl. support",
}


# Labels short enough for a table column.
KIND_SHORT = {"meeting": "Meeting", "workshop": "Workshop", "note-verbale": "Note verbale"}


def day(value: date | None) -> str:
    return value.isoformat() if value else ""


def stamp(value: datetime | None) -> str:
    return value.isoformat(sep=" ", timespec="seconds") if value else ""


def kind(slug: str, short: bool = True) -> str:
    return (short and KIND_SHORT.get(slug)) or KINDS.get(slug, slug)


def area(slug: str, short: bool = True) -> str:
    return (AREA_SHORT if short else AREAS).get(slug, slug)


def channel(slug: str) -> str:
    return CHANNELS.get(slug, slug)


def rate(part: int | None, whole: int | None) -> str:
    if not whole:
        return "—"
    return f"{round(100 * (part or 0) / whole)}%"


def names(codes: list[str], index, limit: int = 3) -> str:
    """'Kenya, Peru' for a few ISO3 codes; '75 states' for many."""
    if len(codes) > limit:
        return f"{len(codes)} states"
    return ", ".join(index.name(c) if index is not None and c in index else c for c in codes)
