"""Why states hold back, and the help on offer that answers them.

A state's current reasons are those of its latest assessment, with those its replies named since.
A reason the Convention's partners can answer (domain/reasons.py `help`) is matched with the
states that reported providing cooperation and assistance (Art. 6, `ccm cooperation`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain.reasons import Reason, split, vocabulary

if TYPE_CHECKING:
    from ccmtui.db.read import Reader


@dataclass(frozen=True)
class Assessment:
    iso3: str
    category: str
    assessed_on: date
    reasons: tuple[str, ...]


def current_assessments(reader: Reader, as_of: date) -> dict[str, Assessment]:
    """Each assessed state's latest assessment on `as_of`, its reasons with those of later replies."""
    latest: dict[str, Assessment] = {}
    for row in reader.rows(Q.assessments_until, as_of=as_of):
        latest[row.iso3] = Assessment(row.iso3, row.category, row.assessed_on, tuple(split(row.reasons)))
    for row in reader.rows(Q.reply_reasons, as_of=as_of):
        known = latest.get(row.iso3)
        if known and row.received_on >= known.assessed_on:
            merged = tuple(dict.fromkeys((*known.reasons, *split(row.reasons))))
            latest[row.iso3] = Assessment(known.iso3, known.category, known.assessed_on, merged)
    return latest


def current_assessment(reader: Reader, iso3: str, as_of: date) -> Assessment | None:
    """One state's entry of `current_assessments`, read from its own rows alone."""
    found = reader.rows(Q.assessment_of_state, iso3=iso3, as_of=as_of)
    if not found:
        return None
    [row] = found
    reasons = tuple(split(row.reasons))
    for reply in reader.rows(Q.reply_reasons_of_state, iso3=iso3, as_of=as_of):
        if reply.received_on >= row.assessed_on:
            reasons = tuple(dict.fromkeys((*reasons, *split(reply.reasons))))
    return Assessment(iso3, row.category, row.assessed_on, reasons)


@dataclass(frozen=True)
class Offer:
    """A reason a partner can answer, and who reported providing that help."""

    reason: Reason
    providers: tuple[str, ...]  # "Norway (2024)", latest year first
    # The organisations offering that kind of help (`ccm org list --helps KIND`), by code.
    organisations: tuple[str, ...] = ()

    def describe(self) -> str:
        who = ", ".join(self.providers) if self.providers else "no provider of it recorded in `ccm cooperation`"
        orgs = f"; organisations offering it: {', '.join(self.organisations)}" if self.organisations else ""
        return f"{self.reason.code} → {self.reason.help}: {who}{orgs}"


class OfferBook:
    """The assistance reported as provided (Art. 6), read once."""

    def __init__(self, reader: Reader, extra: Mapping | None = None, *, until: int | None = None):
        self.vocabulary = vocabulary(extra)
        latest: dict[str, tuple[int, str, str]] = {}
        for row in reader.rows(Q.cooperation_reports):
            if row.role != "provides" or (until is not None and row.year > until):
                continue
            if row.iso3 not in latest or row.year > latest[row.iso3][0]:
                latest[row.iso3] = (row.year, row.name, row.details or "")
        self.providers = sorted(latest.values(), key=lambda p: (-p[0], p[1]))
        from ccmtui.reports.counterparts import organisation_index

        self.organisations = organisation_index(reader)

    def offers(self, codes) -> list[Offer]:
        found = []
        for code in codes:
            reason = self.vocabulary.get(code)
            if reason is None or not reason.help:
                continue
            who = tuple(f"{name} ({year})" for year, name, details in self.providers if reason.offered_by(details))
            orgs = tuple(o.code for o in self.organisations.offering(reason.kinds))
            found.append(Offer(reason, who, orgs))
        return found

    def answered(self, codes) -> list[Offer]:
        """The offers with at least one provider."""
        return [offer for offer in self.offers(codes) if offer.providers]


# The newest engagements read in one pass before asking state by state: the states not among them
# are the ones contacted rarely, whose own engagements are few.
RECENT_WINDOW = 2_000


def last_contacts(reader: Reader, iso3s, as_of: date, area: str | None = None) -> dict[str, date | None]:
    """Each state's latest engagement on or before `as_of` (None: never), in `area` when given."""
    wanted = set(iso3s)
    params = {"as_of": as_of, "limit": RECENT_WINDOW}
    if area:
        rows = reader.rows(Q.recent_contacts_in_area, area=area, **params)
    else:
        rows = reader.rows(Q.recent_contacts, **params)
    found: dict[str, date | None] = {r.iso3: r.last_contact for r in rows if r.iso3 in wanted}
    for iso3 in sorted(wanted - set(found)):
        if area:
            rest = reader.rows(Q.last_contact_of_state_in_area, iso3=iso3, as_of=as_of, area=area)
        else:
            rest = reader.rows(Q.last_contact_of_state, iso3=iso3, as_of=as_of)
        found[iso3] = rest[0].last_contact if rest else None
    return found
