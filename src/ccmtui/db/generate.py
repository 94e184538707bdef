"""A large, realistic database for the speed work and the TUI: `ccm sample build --large N PATH`.

Everything in it is invented (every engagement and reply is marked illustrative) but shaped
like a coordinator's decade of work: N engagements from 2015 to 2025 over every kind, area
and channel, with one to three states each (démarches to many at once), acting parties,
notes of a few sentences, action points, follow-ups, campaigns with a reply per target, and
Category I/II/III assessments of states not yet party. The same seed gives the same file.

Rows go in with the standard library's `executemany` and the INSERT statements compiled
from the models (`ccmtui.db.compiled.TABLES`); the schema comes from `Database.ensure`.
Two processes share the work: one invents the rows, the other writes them. Engagements
arrive in date order, so their date indexes grow at the end; the full-text index is fed
a chunk at a time instead of by its per-row triggers; and the rows linking engagements to
states and actors are written last, sorted by engagement, so their indexes grow at the end
too. Their own ids are drawn at random and handed out in that order: nothing looks those
rows up by their ids in bulk, so this changes no query's work.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import sqlite3
import traceback
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from ccmtui.db.compiled import TABLES
from ccmtui.domain import treaty
from ccmtui.domain.areas import AREAS
from ccmtui.domain.engagements import KINDS

FIRST_DAY = date(2015, 1, 1)
LAST_DAY = date(2025, 12, 31)
DEFAULT_ENGAGEMENTS = 1_000_000
DEFAULT_SEED = 2008  # the year the Convention was adopted
CHUNK = 10_000
TABLES_FILLED = ("engagements", "engagement_states", "engagement_actors", "campaigns", "replies", "classifications")

KIND_WEIGHTS = {
    "demarche": 12,
    "meeting": 18,
    "letter": 8,
    "note-verbale": 8,
    "call": 13,
    "email": 22,
    "workshop": 6,
    "statement": 8,
    "other": 5,
}
AREA_WEIGHTS = {
    "universalization": 30,
    "stockpile-destruction": 8,
    "clearance": 14,
    "victim-assistance": 12,
    "cooperation": 12,
    "transparency": 10,
    "national-implementation": 6,
    "compliance": 3,
    "implementation-support": 5,
}
CHANNEL_WEIGHTS = {"capital": 30, "geneva": 42, "new-york": 18, "other": 10}
ORGANISATIONS = ("ICRC", "CMC", "ISU", "UNDP", "UNMAS", "UNODA", "GICHD")

TOPICS = {
    "universalization": (
        "accession to the Convention",
        "progress towards ratification",
        "the vote on the UN General Assembly resolution",
        "the inter-ministerial review of the Convention",
        "joining before the next Meeting of States Parties",
        "concerns over interoperability (Article 21)",
    ),
    "stockpile-destruction": (
        "the stockpile destruction plan",
        "cluster munitions retained for training",
        "the Article 3 destruction deadline",
        "technical support for destruction",
    ),
    "clearance": (
        "survey of contaminated areas",
        "the Article 4 extension request",
        "risk reduction education in affected communities",
        "land release figures",
    ),
    "victim-assistance": (
        "the national victim assistance plan",
        "survivors' access to health and social services",
        "casualty data collection",
        "inclusion of survivors in disability policy",
    ),
    "cooperation": (
        "funding for clearance",
        "an individualised approach to assistance",
        "a request for technical assistance",
        "donor coordination",
    ),
    "transparency": (
        "the overdue Article 7 report",
        "the initial transparency report",
        "the annual reporting deadline of 30 April",
        "using the simplified reporting form",
    ),
    "national-implementation": (
        "Article 9 implementing legislation",
        "penal sanctions for prohibited activities",
        "the model legislation for small states",
    ),
    "compliance": (
        "allegations of cluster munition use",
        "a request for clarification under Article 8",
        "the condemnation of any use",
    ),
    "implementation-support": (
        "the ISU budget and contributions",
        "the sponsorship programme",
        "preparations for the intersessional meetings",
    ),
}
SUMMARY_FORMS = {
    "demarche": "Démarche to {states} on {topic}",
    "meeting": "Bilateral meeting with {states} on {topic}",
    "letter": "Letter to {states} on {topic}",
    "note-verbale": "Note verbale to {states} on {topic}",
    "call": "Call with {states} on {topic}",
    "email": "Email exchange with {states} on {topic}",
    "workshop": "Workshop with {states} on {topic}",
    "statement": "Statement by {states} on {topic}",
    "other": "Contact with {states} on {topic}",
}
SENTENCES = (
    "The counterpart confirmed that {topic} is with the foreign ministry's legal department.",
    "{state} said the matter is before the inter-ministerial committee and hopes for a decision by {month}.",
    "We left the ISU's accession kit and the model instrument of accession with the mission.",
    "The deputy permanent representative will report to capital and asked for the legal analysis we offered.",
    "The defence ministry remains reluctant; the foreign ministry is supportive.",
    "No commitment was made, but the tone was constructive and open.",
    "{state} asked for help with {topic}; we will put them in touch with two donors.",
    "Parliament's foreign affairs committee approved the bill; a plenary vote is expected in {month}.",
    "The officer noted that {number} survivors are registered in the national database.",
    "They mentioned budget pressure and a change of minister since our last contact.",
    "Agreed to meet again in the margins of the {meeting}.",
    "They would welcome a visit by the Presidency and the coordinators.",
    "The new ambassador had not been briefed; we sent the background paper the same day.",
    "{state} voted in favour of the resolution last year and intends to do so again.",
    "The question of stockpiles held by the armed forces came up; no figures were given.",
    "Our embassy in capital will follow up with the director of multilateral affairs.",
    "A regional workshop in {month} could help; the CMC offered to co-organise it.",
    "They referred to {number} hectares still suspected of contamination.",
    "The mission asked for the list of states that joined since the {meeting}.",
    "We stressed that joining does not affect existing defence cooperation (Article 21).",
    "The counterpart was new in post and asked for a short written summary.",
    "No reply yet to our letter of {month}; a reminder was sent.",
    "They plan to submit the report before the {meeting}.",
    "Draft legislation is with the attorney general's office for review.",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
REPLY_SUMMARIES = {
    "positive": (
        "Thanked the coordinators; accession is being prepared.",
        "Confirmed the instrument is with the head of state for signature.",
        "Welcomed the démarche and will attend the next meeting as an observer.",
    ),
    "neutral": (
        "Acknowledged receipt; the matter is under review.",
        "Will consult the ministries concerned and revert.",
        "Took note; no position yet.",
    ),
    "negative": (
        "Not in a position to join at this time, citing security concerns.",
        "Joining is not on the government's agenda.",
        "Declined, pointing to obligations under other agreements.",
    ),
}
CATEGORIES = ("I", "II", "III")
STANCE_CATEGORY = {"positive": "I", "neutral": "II", "negative": "III"}
CATEGORY_RATIONALE = {
    "I": "Has said it is willing to join; the instrument is being prepared.",
    "II": "Interested, but held back by inter-ministerial obstacles and competing priorities.",
    "III": "Unlikely to join soon; security concerns and no engagement at capital.",
}
COORDINATOR_NAMES = (
    "Ana Silva",
    "Kwame Mensah",
    "Ingrid Solberg",
    "Luis Ortega",
    "Mariam Diallo",
    "Tomás Novak",
    "Aiko Tanaka",
    "Fatima Zahra",
    "Peter Keller",
    "Nomvula Dlamini",
    "Sofia Marin",
    "Jonas Berg",
    "Rosa Jiménez",
    "Samuel Okafor",
    "Claire Dubois",
    "Mateus Costa",
)


@dataclass
class Built:
    """What the generator wrote: row counts per table."""

    path: Path
    counts: dict[str, int] = field(default_factory=dict)


class GenerationError(RuntimeError):
    """The process inventing the rows failed; the message carries its traceback."""


@dataclass(frozen=True, slots=True)
class _State:
    iso3: str
    name: str
    region: str
    signed: date | None
    deposited: date | None
    withdrawal_notified: date | None

    def status_on(self, day: date) -> treaty.Status:
        return treaty.status_on(
            day, signed=self.signed, deposited=self.deposited, withdrawal_notified=self.withdrawal_notified
        )

    def joined_by(self, day: date) -> bool:
        return self.status_on(day) in treaty.STATES_PARTIES_INCLUDING_PENDING


# Version 4, RFC 4122 variant: the version nibble and the two variant bits are fixed.
_UUID_MASK = 0xFFFFFFFFFFFF0FFF3FFFFFFFFFFFFFFF
_UUID_FIXED = 0x00000000000040008000000000000000


def _uuid_text(value: int) -> str:
    h = "%032x" % ((value & _UUID_MASK) | _UUID_FIXED)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _spread(value: int) -> int:
    """122 random bits laid around the fixed ones, keeping their order."""
    return ((value >> 74) << 80) | (((value >> 62) & 0xFFF) << 64) | (value & ((1 << 62) - 1))


def _weighted(rng: random.Random, weights: dict[str, int]) -> Callable[[], str]:
    """A picker over the keys of `weights`, cheap enough to call millions of times."""
    keys, cumulative, total = list(weights), [], 0
    for value in weights.values():
        total += value
        cumulative.append(total)
    uniform = rng.random

    def pick() -> str:
        return keys[bisect_right(cumulative, uniform() * total)]

    return pick


def _stamp(day: str, random: Callable[[], float]) -> str:
    """A time on a working day, as the models store datetimes."""
    seconds = 7 * 3600 + int(random() * 12 * 3600)
    return f"{day} {seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}.000000"


def _working_days() -> list[date]:
    days, day = [], FIRST_DAY
    while day <= LAST_DAY:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def _action_plan(day: date) -> str:
    """The action plan in force on a day: Dubrovnik from the 1RC, Lausanne from the 2RC."""
    if day < date(2015, 9, 11):
        return "VAP"
    if day < date(2021, 9, 21):
        return "DAP"
    return "LAP"


def _meeting_name(day: date) -> str:
    year = day.year if day.month < 9 else day.year + 1
    return {2015: "First Review Conference", 2021: "Second Review Conference"}.get(
        year, f"{year} Meeting of States Parties"
    )


class _Generator:
    """Invents the rows in date order and hands them, a chunk at a time, to `send(table, rows)`.

    `milestone("engagements")` is called once every engagement has been sent.
    """

    def __init__(
        self,
        states: list[tuple],
        engagements: int,
        seed: int,
        send: Callable[[str, list], None],
        milestone: Callable[[str], None] = lambda name: None,
    ):
        self.total = engagements
        self.send = send
        self.milestone = milestone
        self.rng = random.Random(seed)
        self.states = [
            _State(iso3, name, region, _day(signed), _day(deposited), _day(withdrawal))
            for iso3, name, region, signed, deposited, withdrawal in states
        ]
        self.by_iso3 = {state.iso3: state for state in self.states}
        self.counts = dict.fromkeys(TABLES_FILLED, 0)
        self.pending: dict[str, list[dict]] = {table: [] for table in TABLES_FILLED}
        # Per engagement: (uuid, stamp, states, actors), written last in uuid order.
        self.links: list[tuple[str, str, tuple[str, ...], tuple[str, ...]]] = []
        self.last_with: dict[str, tuple[str, date]] = {}
        self.categories: dict[str, list[tuple[date, str]]] = {}

    def uuid(self) -> str:
        return _uuid_text(self.rng.getrandbits(128))

    # -- output
    def add(self, table: str, row: dict) -> None:
        rows = self.pending[table]
        rows.append(row)
        if len(rows) >= CHUNK:
            self.flush(table)

    def flush(self, table: str | None = None) -> None:
        for name in (table,) if table else TABLES_FILLED:
            rows = self.pending[name]
            if rows:
                self.send(name, rows)
                self.counts[name] += len(rows)
                self.pending[name] = []

    # -- the plan
    def run(self) -> dict[str, int]:
        rng = self.rng
        days = _working_days()
        campaigns = self._plan_campaigns(days)
        regular = self.total - len(campaigns)
        # Busier years later in the decade, and a peak in the weeks before each September meeting.
        weights = [1.0 + (d.year - 2015) * 0.06 + (0.5 if d.month in (7, 8) else 0.0) for d in days]
        chosen = sorted(rng.choices(range(len(days)), weights=weights, k=regular))
        assessments = self._plan_assessments()
        pools = self._pools()
        coordinators = self._coordinators()
        pick_kind = _weighted(rng, KIND_WEIGHTS)
        pick_area = _weighted(rng, AREA_WEIGHTS)
        pick_channel = _weighted(rng, CHANNEL_WEIGHTS)
        c_index = a_index = 0
        text = _Text(rng)
        for position in chosen:
            day = days[position]
            while a_index < len(assessments) and assessments[a_index][0] < day:
                self._assessment(*assessments[a_index])
                a_index += 1
            while c_index < len(campaigns) and campaigns[c_index] <= day:
                self._campaign(campaigns[c_index], coordinators, text)
                c_index += 1
            self._engagement(day, pick_kind(), pick_area(), pick_channel(), pools, coordinators, text)
        for planned in campaigns[c_index:]:
            self._campaign(planned, coordinators, text)
        for planned in assessments[a_index:]:
            self._assessment(*planned)
        self.flush()
        self.milestone("engagements")
        self._links()
        return self.counts

    def _pools(self) -> dict[int, tuple[list[str], list[str]]]:
        """Per year: the states that had joined by mid-year, and those that had not."""
        pools = {}
        for year in range(FIRST_DAY.year, LAST_DAY.year + 1):
            middle = date(year, 7, 1)
            joined = [s.iso3 for s in self.states if s.joined_by(middle)]
            outside = [s.iso3 for s in self.states if not s.joined_by(middle)]
            pools[year] = (joined, outside)
        return pools

    def _coordinators(self) -> dict[tuple[str, int], list[tuple[str, str]]]:
        """Per area and two-year term: two coordinating States Parties, each with a named coordinator."""
        rng = self.rng
        joined = [s.iso3 for s in self.states if s.joined_by(FIRST_DAY)]
        roster = {}
        for area in AREAS:
            for term in range(FIRST_DAY.year, LAST_DAY.year + 1, 2):
                chosen = rng.sample(joined, 2)
                roster[(area, term)] = [(iso3, f"{rng.choice(COORDINATOR_NAMES)} ({iso3})") for iso3 in chosen]
        return roster

    def _plan_assessments(self) -> list[tuple[date, str, str]]:
        """Category reviews of each state not yet party: a first one in 2015, then every one to three years."""
        rng = self.rng
        planned = []
        for state in self.states:
            if state.joined_by(FIRST_DAY):
                continue
            category = rng.choice(("I", "II", "II", "III")) if state.signed else rng.choice(("II", "III", "III"))
            day = FIRST_DAY + timedelta(days=rng.randrange(30, 300))
            while day <= LAST_DAY:
                if state.deposited and state.deposited - day < timedelta(days=700):
                    category = "I"  # joining within two years: willing
                if state.joined_by(day):
                    break
                planned.append((day, state.iso3, category))
                self.categories.setdefault(state.iso3, []).append((day, category))
                # Assessments move slowly: most reviews confirm the category, some move it one step.
                level = CATEGORIES.index(category) + rng.choice((-1, 0, 0, 0, 1))
                category = CATEGORIES[min(2, max(0, level))]
                day += timedelta(days=rng.randrange(330, 1100))
        planned.sort()
        return planned

    def _category_on(self, iso3: str, day: date) -> str | None:
        found = None
        for assessed, category in self.categories.get(iso3, ()):
            if assessed > day:
                break
            found = category
        return found

    def _plan_campaigns(self, days: list[date]) -> list[date]:
        """About one campaign per 5,000 engagements, at least four (fewer only in a tiny database)."""
        count = min(max(4, self.total // 5000), self.total // 10)
        return [days[p] for p in sorted(self.rng.sample(range(len(days)), count))]

    # -- records
    def _engagement(self, day, kind, area, channel, pools, coordinators, text) -> None:
        random = self.rng.random
        joined, outside = pools[day.year]
        # Universalization is work with states outside; the other areas are work with States Parties.
        pool = outside if area == "universalization" else joined
        if random() < 0.15:
            pool = joined if pool is outside else outside
        roll = random()
        if kind == "demarche" and roll < 0.08:
            count = 4 + int(random() * 9)
        else:
            count = 1 if roll < 0.7 else 2 if roll < 0.9 else 3
        states = self.rng.sample(pool, min(count, len(pool)))
        term = coordinators[(area, day.year - (day.year - FIRST_DAY.year) % 2)]
        lead, recorded_by = term[0] if random() < 0.6 else term[1]
        actors = [lead]
        if random() < 0.3:
            actors.append(term[1][0] if lead == term[0][0] else term[0][0])
        if random() < 0.15:
            actors.append(ORGANISATIONS[int(random() * len(ORGANISATIONS))])
        points = ""
        if random() < 0.4:
            plan = _action_plan(day)
            first = f"{plan}-{1 + int(random() * 50)}"
            second = f"{plan}-{1 + int(random() * 50)}" if random() < 0.3 else first
            points = first if second == first else f"{first} {second}"
        follow_up = None
        if random() < (0.3 if LAST_DAY - day < timedelta(days=120) else 0.03):
            follow_up = (day + timedelta(days=7 + int(random() * 84))).isoformat()
        names = [self.by_iso3[i].name for i in states]
        self._write_engagement(
            day,
            kind,
            area,
            channel,
            text.summary(kind, area, names),
            text.notes(area, names, day),
            points,
            follow_up,
            recorded_by,
            states,
            actors,
        )

    def _write_engagement(
        self, day, kind, area, channel, summary, notes, points, follow_up, recorded_by, states, actors
    ) -> str:
        uuid = self.uuid()
        iso_day = day.isoformat()
        stamp = _stamp(iso_day, self.rng.random)
        self.add(
            "engagements",
            {
                "occurred_on": iso_day,
                "kind": kind,
                "area": area,
                "channel": channel,
                "summary": summary,
                "notes": notes,
                "action_points": points,
                "follow_up_on": follow_up,
                "recorded_by": recorded_by,
                "illustrative": 1,
                "uuid": uuid,
                "created_at": stamp,
                "updated_at": stamp,
            },
        )
        self.links.append((uuid, stamp, tuple(states), tuple(actors)))
        last_with = self.last_with
        for iso3 in states:
            last_with[iso3] = (uuid, day)
        return uuid

    def _links(self) -> None:
        """The engagements' states and acting parties, in engagement order, with ids drawn in that order."""
        links = self.links
        links.sort()
        bits = self.rng.getrandbits
        for table, position, key in (("engagement_states", 2, "iso3"), ("engagement_actors", 3, "actor")):
            total = sum(len(link[position]) for link in links)
            width = (1 << 122) // max(total, 1)
            spare = width.bit_length() - 1
            number = 0
            for link in links:
                uuid, stamp = link[0], link[1]
                for value in sorted(link[position]):
                    self.add(
                        table,
                        {
                            "engagement_uuid": uuid,
                            key: value,
                            "uuid": _uuid_text(_spread(number * width + bits(spare))),
                            "created_at": stamp,
                            "updated_at": stamp,
                        },
                    )
                    number += 1
            self.flush(table)

    def _assessment(self, day: date, iso3: str, category: str) -> None:
        recent = self.last_with.get(iso3)
        source = recent[0] if recent and day - recent[1] < timedelta(days=365) else None
        self._classification(iso3, category, day, CATEGORY_RATIONALE[category], source, "Universalization review")

    def _classification(self, iso3, category, day, rationale, source, recorded_by) -> str | None:
        from ccmtui.actions.journal import check_classifiable
        from ccmtui.domain.errors import InputError

        try:
            check_classifiable(self.by_iso3[iso3], day)
        except InputError:
            return None
        uuid = self.uuid()
        stamp = _stamp(day.isoformat(), self.rng.random)
        self.add(
            "classifications",
            {
                "iso3": iso3,
                "category": category,
                "assessed_on": day.isoformat(),
                "rationale": rationale,
                "source_engagement": source,
                "recorded_by": recorded_by,
                "uuid": uuid,
                "created_at": stamp,
                "updated_at": stamp,
            },
        )
        return uuid

    def _campaign(self, day: date, coordinators, text) -> None:
        rng = self.rng
        outside = [s for s in self.states if not s.joined_by(day)]
        choice = rng.random()
        area = "universalization"
        if choice < 0.35:
            selection = "status:non-signatory"
            targets = [s for s in outside if s.status_on(day) is treaty.Status.NON_SIGNATORY]
        elif choice < 0.5:
            selection = "status:signatory"
            targets = [s for s in outside if s.status_on(day) is treaty.Status.SIGNATORY]
        elif choice < 0.7:
            category = rng.choice(("I", "II"))
            selection = f"category:{category}"
            targets = [s for s in outside if self._category_on(s.iso3, day) == category]
        elif choice < 0.85:
            region = rng.choice(("Africa", "Asia", "Americas"))
            selection = f"region:{region} status:non-party"
            targets = [s for s in outside if s.region == region]
        else:
            area = "transparency"
            parties = [s for s in self.states if s.status_on(day) is treaty.Status.PARTY]
            targets = sorted(rng.sample(parties, min(len(parties), rng.randint(20, 60))), key=lambda s: s.iso3)
            selection = "reports overdue"
        if not targets:
            selection, targets = "status:non-party", outside
        kind = rng.choice(("demarche", "letter", "note-verbale")) if area == "universalization" else "letter"
        term = coordinators[(area, day.year - (day.year - FIRST_DAY.year) % 2)]
        coordinator = term[0][1]
        title = f"{day.year} {KINDS[kind].lower()} on {AREAS[area].lower()} ({selection})"
        summary = f"Joint {KINDS[kind].lower()} to {len(targets)} states on " + (
            "joining the Convention" if area == "universalization" else "overdue transparency reports"
        )
        uuid = self._write_engagement(
            day,
            kind,
            area,
            "capital" if kind == "demarche" else "geneva",
            summary,
            text.notes(area, [targets[0].name], day),
            f"{_action_plan(day)}-{rng.randint(1, 10)}",
            None,
            coordinator,
            [s.iso3 for s in targets],
            [iso3 for iso3, _ in term],
        )
        stamp = _stamp(day.isoformat(), rng.random)
        self.add(
            "campaigns",
            {
                "title": title,
                "engagement_uuid": uuid,
                "selection": selection,
                "recorded_by": coordinator,
                "uuid": self.uuid(),
                "created_at": stamp,
                "updated_at": stamp,
            },
        )
        old = LAST_DAY - day > timedelta(days=365)
        for state in targets:
            self._reply(uuid, state, day, old, coordinator)

    def _reply(self, engagement: str, state: _State, sent: date, old: bool, recorded_by: str) -> None:
        rng = self.rng
        roll = rng.random()
        status, received, stance, summary, supports, classification = "pending", None, None, "", None, None
        stamp = _stamp(sent.isoformat(), rng.random)
        if roll < 0.45:
            status = "replied"
            received = sent + timedelta(days=rng.randint(5, 150))
            stance = rng.choice(("positive", "neutral", "neutral", "negative"))
            summary = rng.choice(REPLY_SUMMARIES[stance])
            stamp = _stamp(received.isoformat(), rng.random)
            if rng.random() < 0.3:
                supports = STANCE_CATEGORY[stance]
                classification = self._classification(
                    state.iso3, supports, received, f"Reply: {summary}", engagement, recorded_by
                )
        elif old and roll < 0.85:
            status = "no-reply"
        self.add(
            "replies",
            {
                "engagement_uuid": engagement,
                "iso3": state.iso3,
                "status": status,
                "received_on": received.isoformat() if received else None,
                "stance": stance,
                "summary": summary,
                "supports_category": supports,
                "classification_uuid": classification,
                "recorded_by": recorded_by,
                "illustrative": 1,
                "uuid": self.uuid(),
                "created_at": stamp,
                "updated_at": stamp,
            },
        )


class _Text:
    """Summaries and notes: a few sentences of varying length, naming the states concerned.

    Sentences are filled in ahead, per area and year, leaving only the state's name to place:
    a million notes then cost a few picks and one join each.
    """

    VARIANTS = 6

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.random = rng.random
        self._sentences: dict[tuple[str, int], list[str]] = {}
        self._topics = {area: list(topics) for area, topics in TOPICS.items()}

    def _pool(self, area: str, year: int) -> list[str]:
        key = (area, year)
        pool = self._sentences.get(key)
        if pool is None:
            rng = self.rng
            meeting = _meeting_name(date(year, 6, 1))
            pool = [
                sentence.format(
                    state="\x00",
                    topic=rng.choice(TOPICS[area]),
                    month=MONTHS[rng.randrange(12)],
                    meeting=meeting,
                    number=rng.randint(12, 4800),
                )
                for sentence in SENTENCES
                for _ in range(self.VARIANTS)
            ]
            self._sentences[key] = pool
        return pool

    def summary(self, kind: str, area: str, names: list[str]) -> str:
        topics = self._topics[area]
        topic = topics[int(self.random() * len(topics))]
        if len(names) > 3:
            states = f"{len(names)} states"
        else:
            states = " and ".join(names) if len(names) < 3 else f"{names[0]}, {names[1]} and {names[2]}"
        return SUMMARY_FORMS[kind].format(states=states, topic=topic)[:300]

    def notes(self, area: str, names: list[str], day: date) -> str:
        random = self.random
        roll = random()
        if roll < 0.08:
            return ""
        count = 1 if roll < 0.25 else 2 if roll < 0.45 else 3 if roll < 0.65 else 4 if roll < 0.8 else 5 + int(random() * 5)
        pool = self._pool(area, day.year)
        size = len(pool)
        text = " ".join([pool[int(random() * size)] for _ in range(count)])
        return text.replace("\x00", names[int(random() * len(names))])


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _produce(sending, states: list[tuple], engagements: int, seed: int) -> None:
    """The inventing process: every chunk down the pipe, then the counts (or the failure)."""
    try:
        counts = _Generator(
            states,
            engagements,
            seed,
            send=lambda table, rows: sending.send(("rows", table, rows)),
            milestone=lambda name: sending.send(("milestone", name, None)),
        ).run()
        sending.send(("done", counts, None))
    except BaseException:
        sending.send(("failed", traceback.format_exc(), None))
    finally:
        sending.close()


class _Loader:
    """The writing side: executemany per chunk, and the search index fed as engagements arrive."""

    def __init__(self, connection: sqlite3.Connection):
        self.connection = connection
        self.indexed = 0
        # One big merge at the end instead of many small ones during the load (restored in finish).
        connection.execute("INSERT INTO engagement_search(engagement_search, rank) VALUES ('automerge', 0)")

    def write(self, table: str, rows: list[dict]) -> None:
        self.connection.executemany(TABLES[table]["insert"], rows)
        if table == "engagements":
            (last,) = self.connection.execute("SELECT max(rowid) FROM engagements").fetchone()
            self.connection.execute(
                "INSERT INTO engagement_search(rowid, summary, notes) "
                "SELECT rowid, summary, notes FROM engagements WHERE rowid > ? AND rowid <= ?",
                (self.indexed, last),
            )
            self.indexed = last

    def engagements_written(self) -> None:
        """Merge the search index into one segment, while the other side sorts the links."""
        self.connection.execute("INSERT INTO engagement_search(engagement_search) VALUES ('optimize')")

    def finish(self) -> None:
        self.connection.execute("INSERT INTO engagement_search(engagement_search, rank) VALUES ('automerge', 4)")


def _search_triggers(connection: sqlite3.Connection) -> list[str]:
    """Drop the triggers that keep the search index in step with engagements; return their SQL."""
    found = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'engagements' ORDER BY name"
    ).fetchall()
    for name, _ in found:
        connection.execute(f'DROP TRIGGER "{name}"')
    return [sql for _, sql in found]


def generate(path: str | Path, engagements: int = DEFAULT_ENGAGEMENTS, seed: int = DEFAULT_SEED) -> Built:
    """Write a large database at `path` (replacing any file there) with `engagements` engagements."""
    from ccmtui.db.session import Database
    from ccmtui.db.targets import replace_target

    if engagements < 1:
        raise ValueError("the number of engagements must be at least 1")
    path = Path(path)
    building = path.with_name(f".{path.name}.{os.getpid()}.large")
    leftovers = [Path(f"{building}{suffix}") for suffix in ("", "-wal", "-shm", "-journal")]
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)
    worker = None
    try:
        Database(building).ensure().dispose()
        connection = sqlite3.connect(building, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode = OFF")  # a half-built file is thrown away, never used
            connection.execute("PRAGMA synchronous = OFF")
            connection.execute("PRAGMA cache_size = -262144")
            # The rows come from the models' own vocabularies; checking each CHECK's IN list per row
            # would double the load time. The tests run PRAGMA integrity_check, which checks them all.
            connection.execute("PRAGMA ignore_check_constraints = ON")
            states = connection.execute(
                "SELECT iso3, name, region, signed, deposited, withdrawal_notified FROM states ORDER BY iso3"
            ).fetchall()
            connection.execute("BEGIN")
            triggers = _search_triggers(connection)
            loader = _Loader(connection)
            context = multiprocessing.get_context("spawn")
            receiving, sending = context.Pipe(duplex=False)
            worker = context.Process(target=_produce, args=(sending, states, engagements, seed), daemon=True)
            worker.start()
            sending.close()
            while True:
                try:
                    message = receiving.recv()
                except EOFError:
                    raise GenerationError("the process inventing the rows stopped without a word") from None
                kind, value, rows = message
                if kind == "rows":
                    loader.write(value, rows)
                elif kind == "milestone":
                    loader.engagements_written()
                elif kind == "failed":
                    raise GenerationError(value)
                else:
                    counts = value
                    break
            receiving.close()
            loader.finish()
            for statement in triggers:
                connection.execute(statement)
            connection.execute("COMMIT")
            connection.execute("PRAGMA journal_mode = WAL")
        finally:
            connection.close()
        replace_target(building, path)
    finally:
        if worker is not None:
            worker.join(timeout=5)
            if worker.is_alive():
                worker.kill()
                worker.join()
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
    return Built(path, counts)
