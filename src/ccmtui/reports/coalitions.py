"""The coalitions' board and the match of needs and offers (Art. 6).

The board gives, per coalition, the affected state, its lead donors, its partners, its open needs and
the funding of its activities; `match` lists the needs no one answers and the offers no one takes,
across the coalitions and the states' own reports of needing or providing assistance.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.domain.coalitions import NEED_AREAS, money

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.reports.register import Register

# An activity funds its coalition unless it was cancelled.
FUNDING = ("planned", "ongoing", "completed")


@dataclass
class BoardLine:
    """One coalition on the board."""

    uuid: str
    name: str
    iso3: str
    state: str
    lead_donors: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    open_needs: int = 0
    needs_met: int = 0
    needed: dict[str, int] = field(default_factory=dict)  # open needs' amounts, by currency
    needs_unpriced: int = 0  # open needs whose amount the record does not give
    activities: int = 0
    funded: dict[str, int] = field(default_factory=dict)  # activities' amounts (not cancelled), by currency
    engagements: int = 0
    strategy: str = ""
    strategy_dated: str | None = None
    illustrative: bool = False  # the coalition, or one of its records, is illustrative

    def as_json(self) -> dict:
        return {
            "id": self.uuid,
            "name": self.name,
            "iso3": self.iso3,
            "state": self.state,
            "lead_donors": self.lead_donors,
            "partners": self.partners,
            "open_needs": self.open_needs,
            "needs_met": self.needs_met,
            "needed": dict(sorted(self.needed.items())),
            "needs_unpriced": self.needs_unpriced,
            "activities": self.activities,
            "funded": dict(sorted(self.funded.items())),
            "engagements": self.engagements,
            "strategy": self.strategy,
            "strategy_dated": self.strategy_dated,
            "illustrative": self.illustrative,
        }

    def as_row(self) -> dict:
        """The line as one spreadsheet row: lists joined, amounts in words."""
        return {
            "id": self.uuid,
            "state": self.state,
            "iso3": self.iso3,
            "lead_donors": "; ".join(self.lead_donors),
            "partners": "; ".join(self.partners),
            "open_needs": self.open_needs,
            "needed": money(self.needed),
            "needs_unpriced": self.needs_unpriced,
            "activities": self.activities,
            "funded": money(self.funded),
            "engagements": self.engagements,
            "illustrative": self.illustrative,
        }


def _add(total: dict[str, int], currency: str | None, amount: int | None) -> None:
    if amount is not None and currency:
        total[currency] = total.get(currency, 0) + amount


def _until(rows, as_of: date | None) -> list:
    """The coalitions recorded on or before `as_of` (all without one)."""
    return [row for row in rows if as_of is None or _day(row.created_at) <= as_of]


def _day(stamp) -> date:
    return stamp.date() if isinstance(stamp, datetime) else date.fromisoformat(str(stamp)[:10])


def board(reader: Reader, coalition: str | None = None, as_of: date | None = None) -> list[BoardLine]:
    """Every coalition (or one; or those recorded by `as_of`), each table read once."""
    lines = {
        row.uuid: BoardLine(
            row.uuid,
            row.name,
            row.iso3,
            row.state,
            strategy=row.strategy,
            strategy_dated=row.strategy_dated,
            illustrative=bool(row.illustrative),
        )
        for row in _until(reader.rows(Q.coalitions, coalition=coalition), as_of)
    }
    for m in reader.rows(Q.coalition_members, coalition=coalition):
        line = lines.get(m.coalition_uuid)
        if line is not None:
            (line.lead_donors if m.role == "lead-donor" else line.partners).append(m.state or m.organisation)
            line.illustrative |= bool(m.illustrative)
    for n in reader.rows(Q.coalition_needs, coalition=coalition):
        line = lines.get(n.coalition_uuid)
        if line is None:
            continue
        line.illustrative |= bool(n.illustrative)
        if n.status == "open":
            line.open_needs += 1
            _add(line.needed, n.currency, n.amount)
            line.needs_unpriced += n.amount is None
        else:
            line.needs_met += 1
    for a in reader.rows(Q.coalition_activities, coalition=coalition):
        line = lines.get(a.coalition_uuid)
        if line is not None and a.status in FUNDING:
            line.illustrative |= bool(a.illustrative)
            line.activities += 1
            _add(line.funded, a.currency, a.amount)
    for e in reader.rows(Q.coalition_engagements, coalition=coalition):
        if (line := lines.get(e.coalition_uuid)) is not None:
            line.engagements += 1
    return list(lines.values())


@dataclass(frozen=True)
class Unmatched:
    """A need no one answers, or an offer no one takes."""

    kind: str  # need | offer
    iso3: str
    state: str
    where: str  # the coalition's name, or "Art. 6 report YEAR"
    area: str
    details: str
    amount: int | None
    currency: str | None
    source: str | None
    id: str

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "iso3": self.iso3,
            "state": self.state,
            "where": self.where,
            "area": self.area,
            "details": self.details,
            "amount": self.amount,
            "currency": self.currency,
            "source": self.source,
            "id": self.id,
        }


def _named_states(register: Register, text: str) -> set[str]:
    """The states a free-text 'who funds' names ('Germany, EU' → DEU)."""
    found = set()
    for part in text.replace(";", ",").replace(" and ", ",").split(","):
        if part.strip() and (iso3 := register.index.find(part.strip())):
            found.add(iso3)
    return found


def match(reader: Reader, register: Register, as_of: date | None = None) -> list[Unmatched]:
    """Needs without an offer, then offers without a taker.

    A coalition's open need is answered by an activity (not cancelled) linked to it. A state's own
    report of needing assistance (its latest) is answered when a coalition around it has a lead donor
    or partner. A state's report of providing assistance (its latest) is taken when the state is a lead
    donor or partner of a coalition, or funds one of its activities.
    """
    coalitions = {row.uuid: row for row in _until(reader.rows(Q.coalitions, coalition=None), as_of)}
    members = reader.rows(Q.coalition_members, coalition=None)
    activities = reader.rows(Q.coalition_activities, coalition=None)
    answered = {a.need_uuid for a in activities if a.need_uuid and a.status in FUNDING}
    found: list[Unmatched] = []
    for n in reader.rows(Q.coalition_needs, coalition=None):
        c = coalitions.get(n.coalition_uuid)
        if c is None or n.status != "open" or n.uuid in answered:
            continue
        found.append(
            Unmatched("need", c.iso3, c.state, c.name, n.area, n.description, n.amount, n.currency, n.source, n.uuid)
        )
    supported = {coalitions[m.coalition_uuid].iso3 for m in members if m.coalition_uuid in coalitions}
    givers = {m.iso3 for m in members if m.iso3}
    for a in activities:
        if a.status in FUNDING:
            givers |= _named_states(register, a.funded_by)
    latest: dict[tuple[str, str], object] = {}
    for r in reader.rows(Q.cooperation_reports):
        if as_of is not None and r.year > as_of.year:
            continue
        if (key := (r.iso3, r.role)) not in latest or r.year > latest[key].year:
            latest[key] = r
    offers = []
    for (iso3, role), r in sorted(latest.items(), key=lambda item: (item[1].name, item[0][1])):
        unanswered = role == "needs" and iso3 not in supported
        untaken = role == "provides" and iso3 not in givers
        if unanswered or untaken:
            line = Unmatched(
                "need" if unanswered else "offer",
                iso3,
                r.name,
                f"Art. 6 report {r.year}",
                "cooperation",
                r.details or ("a need reported" if unanswered else "assistance offered") + ", details not recorded",
                None,
                None,
                r.source,
                r.uuid,
            )
            (found if unanswered else offers).append(line)
    return found + offers


def area_label(area: str) -> str:
    return NEED_AREAS.get(area, "Cooperation and assistance")


def needs_by_area(reader: Reader) -> dict[str, dict[str, int]]:
    """Open needs' amounts by thematic area and currency, across the coalitions."""
    totals: dict[str, dict[str, int]] = defaultdict(dict)
    for n in reader.rows(Q.coalition_needs, coalition=None):
        if n.status == "open":
            _add(totals[n.area], n.currency, n.amount)
    return dict(totals)


def detail_lines(reader: Reader, coalition, *, ids: bool = True) -> list[str]:
    """One coalition in lines (`ccm coalition show`, the app's detail): its strategy, members, needs,
    activities and meetings, each record marked where illustrative; with `ids`, each record's id."""
    uuid = coalition.uuid
    members = reader.rows(Q.coalition_members, coalition=uuid)
    needs = reader.rows(Q.coalition_needs, coalition=uuid)
    activities = reader.rows(Q.coalition_activities, coalition=uuid)
    meetings = reader.rows(Q.coalition_engagements, coalition=uuid)

    def mark(row) -> str:
        return " [illustrative]" if row.illustrative else ""

    def key(id_: str | None) -> str:
        return f"{id_[:8]}  " if ids and id_ else ""

    def amount(row) -> str:
        return money({row.currency: row.amount}) if row.amount is not None else "amount not known"

    heading = f"{coalition.name} ({coalition.uuid[:8]})" if ids else coalition.name
    lines = [f"{heading} — affected state: {coalition.state}{mark(coalition)}"]
    if coalition.strategy:
        kept = (
            f", document {key(coalition.strategy_attachment_uuid).strip()}"
            if ids and coalition.strategy_attachment_uuid
            else ""
        )
        lines.append(f"National strategy: {coalition.strategy} ({coalition.strategy_dated or 'undated'}{kept})")
    else:
        lines.append("National strategy: not recorded")
    if ids and coalition.source:
        lines.append(f"Source: {coalition.source}")
    for role, title in (("lead-donor", "Lead donors"), ("partner", "Partners")):
        who = [f"{m.state or m.organisation}{mark(m)}" for m in members if m.role == role]
        lines.append(f"{title}: {', '.join(who) or 'none recorded'}")
    lines += ["", f"Needs ({len(needs)}):" if needs else "Needs: none recorded"]
    for n in needs:
        lines.append(f"  {key(n.uuid)}{area_label(n.area)}: {n.description} — {amount(n)}, {n.status}{mark(n)}")
    lines += ["", f"Activities ({len(activities)}):" if activities else "Activities: none recorded"]
    for a in activities:
        who = " · ".join(p for p in (a.funded_by and f"funded by {a.funded_by}",
                                      a.implemented_by and f"implemented by {a.implemented_by}") if p)  # fmt: skip
        lines.append(f"  {key(a.uuid)}{a.title} — {amount(a)}, {a.status}{' · ' + who if who else ''}{mark(a)}")
    lines += ["", f"Meetings and seminars ({len(meetings)}):" if meetings else "Meetings and seminars: none linked"]
    for e in meetings:
        lines.append(f"  {key(e.engagement_uuid)}{e.occurred_on.isoformat()} {e.kind}: {e.summary}")
    return lines
