"""Who to contact next: states not yet party, ranked, each score explained in plain words.

The 2013 universalisation report recommends "the strategy of prioritization of countries as a
result of démarches" (part IV). Each state's score is the sum of weighted signals, every one
stated beside the rank:

- its category (I willing, II held back, III unlikely), halved once the assessment is older
  than `category_max_age` months;
- the time since it was last contacted (up to two years counts);
- the replies it still owes;
- its reasons that a partner can answer, with help on offer (Art. 6);
- the share of its groupings already in (regional reciprocity, which the report names);
- a signature without ratification (Art. 17: signatories are expected to ratify);
- a formal meeting coming up in the next 90 days in its region.

The weights are config.toml's [next] table; `DEFAULT_WEIGHTS` documents them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain import treaty
from ccmtui.domain.categories import is_stale
from ccmtui.domain.dates import iso
from ccmtui.domain.errors import InputError, one_of
from ccmtui.domain.treaty import Status

if TYPE_CHECKING:
    from ccmtui.reports.register import Register

DEFAULT_WEIGHTS: dict[str, float] = {
    "category_I": 3.0,  # willing to join
    "category_II": 2.0,  # interested, held back by obstacles
    "category_III": 0.5,  # unlikely to join soon
    "unassessed": 1.0,  # no category recorded
    "contact": 1.0,  # per year since the last contact (at most two years; never contacted: two)
    "pending_reply": 0.5,  # per reply still owed (at most three)
    "answerable_reason": 1.0,  # per reason with help on offer
    "grouping_share": 2.0,  # times the highest share of a grouping of the state's already joined
    "signatory": 1.5,  # signed, not ratified
    "meeting_ahead": 1.0,  # a formal meeting in its region within 90 days
}

MEETING_HORIZON = timedelta(days=90)


def weights(config: Mapping) -> dict[str, float]:
    """The default weights, overridden by config.toml's [next] table; every value a number."""
    chosen = dict(DEFAULT_WEIGHTS)
    given = config.get("next") or {}
    if not isinstance(given, Mapping):
        raise InputError("config [next] must be a table of weights, e.g. [next] contact = 2")
    for key, value in given.items():
        if key not in DEFAULT_WEIGHTS:
            raise one_of("weight in config [next]", key, list(DEFAULT_WEIGHTS))
        if isinstance(value, bool) or not isinstance(value, int | float):
            try:
                value = float(str(value).strip())
            except ValueError:
                raise InputError(f"config [next] {key} = {value!r} is not a number") from None
        chosen[key] = float(value)
    return chosen


@dataclass
class Candidate:
    iso3: str
    name: str
    region: str
    status: str
    category: str | None
    score: float = 0.0
    because: list[tuple[float, str]] = field(default_factory=list)
    rank: int = 0

    def add(self, points: float, why: str) -> None:
        if points:
            self.score += points
            self.because.append((points, why))

    def as_json(self) -> dict:
        return {
            "rank": self.rank,
            "iso3": self.iso3,
            "name": self.name,
            "region": self.region,
            "status": self.status,
            "category": self.category,
            "score": round(self.score, 2),
            "because": [{"points": round(p, 2), "why": w} for p, w in self.because],
        }


def _years(days: int) -> str:
    return f"{days} days" if days < 60 else f"{days / 365.25:.1f} years" if days >= 365 else f"{days // 30} months"


def rank_next(
    register: Register,
    *,
    today: date,
    config: Mapping,
    area: str | None = None,
    limit: int | None = None,
    max_age: int = 24,
) -> list[Candidate]:
    """The states not yet party on `today`, best first; `area` counts only its engagements."""
    from ccmtui.reports.momentum import grouping_book, joined
    from ccmtui.reports.reasons import OfferBook, current_assessments, last_contacts

    w = weights(config)
    reader = register.reader
    states = register.on(today)
    by_iso3 = {s.iso3: s for s in states}
    assessments = current_assessments(reader, today)
    offers = OfferBook(reader, config.get("reasons"), until=today.year)
    pending = {row.iso3: row for row in reader.rows(Q.replies_pending_by_state, as_of=today)}
    book = grouping_book()
    shares: dict[str, float] = {}
    for code in book.groupings:
        members = [by_iso3[i] for i in book.members_on(code, today) if i in by_iso3]
        if members:
            shares[code] = sum(joined(s) for s in members) / len(members)
    ahead = [m for m in register.formal_meetings if today <= m.start <= today + MEETING_HORIZON]
    host_regions = {}
    for meeting in ahead:
        host = register.index.find(meeting.country)
        if host and host in by_iso3:
            host_regions.setdefault(by_iso3[host].region, meeting)
    outside = [
        s for s in states if s.status not in treaty.STATES_PARTIES_INCLUDING_PENDING and s.status != Status.WITHDRAWN
    ]
    contacts = last_contacts(reader, [s.iso3 for s in outside], today, area)
    candidates = []
    for state in outside:
        c = Candidate(state.iso3, state.name, state.region, state.status.value, state.category)
        if state.category:
            points = w[f"category_{state.category}"]
            since = state.category_since
            if is_stale(since, today, max_age):
                c.add(points / 2, f"Category {state.category} since {iso(since)}, older than {max_age} months (half)")
            else:
                c.add(points, f"Category {state.category} since {iso(since)}")
        else:
            c.add(w["unassessed"], "no category recorded")
        last = contacts[state.iso3]
        if last is None:
            c.add(2 * w["contact"], "never contacted" + (f" on {area}" if area else ""))
        else:
            days = (today - last).days
            c.add(min(days / 365.25, 2.0) * w["contact"], f"last contacted {iso(last)} ({_years(days)} ago)")
        owed = pending.get(state.iso3)
        if owed:
            c.add(
                min(owed.pending, 3) * w["pending_reply"],
                f"{owed.pending} repl{'y' if owed.pending == 1 else 'ies'} pending since {iso(owed.oldest)}",
            )
        assessment = assessments.get(state.iso3)
        if assessment and state.category:
            for offer in offers.answered(assessment.reasons):
                c.add(
                    w["answerable_reason"],
                    f"reason {offer.reason.code} answered by {offer.reason.help}: {offer.providers[0]}",
                )
        mine = {code: shares[code] for code in book.of_state(state.iso3, today) if code in shares}
        if mine:
            code = max(mine, key=lambda k: (mine[k], k))
            c.add(mine[code] * w["grouping_share"], f"{mine[code]:.0%} of {code} already joined")
        if state.status == Status.SIGNATORY:
            c.add(w["signatory"], f"signed {iso(state.signed)}, not ratified")
        meeting = host_regions.get(state.region)
        if meeting:
            c.add(w["meeting_ahead"], f"{meeting.code} opens {iso(meeting.start)} in {meeting.city}, {meeting.country}")
        c.because.sort(key=lambda item: -item[0])
        candidates.append(c)
    candidates.sort(key=lambda c: (-c.score, c.name))
    for number, candidate in enumerate(candidates, start=1):
        candidate.rank = number
    return candidates[:limit] if limit else candidates
