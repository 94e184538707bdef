"""Invents a coordinator's decade of records in date order, a chunk of rows at a time (see `generate.py`)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from ccmtui.domain import treaty
from ccmtui.domain.areas import AREAS
from ccmtui.domain.engagements import KINDS
from ccmtui.seed.invent_values import (
    FIRST_DAY,
    LAST_DAY,
    action_plan,
    invented_reasons,
    optional_day,
    spread,
    stamp_on,
    uuid_text,
    weighted,
    working_days,
)
from ccmtui.seed.vocabulary import (
    AREA_WEIGHTS,
    CATEGORIES,
    CATEGORY_RATIONALE,
    CHANNEL_WEIGHTS,
    COORDINATOR_NAMES,
    KIND_WEIGHTS,
    ORGANISATIONS,
    REPLY_SUMMARIES,
    STANCE_CATEGORY,
    Text,
)

CHUNK = 10_000
TABLES_FILLED = ("engagements", "engagement_states", "engagement_actors", "campaigns", "replies", "classifications")


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


class Generator:
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
            _State(iso3, name, region, optional_day(signed), optional_day(deposited), optional_day(withdrawal))
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
        return uuid_text(self.rng.getrandbits(128))

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
        days = working_days()
        campaigns = self._plan_campaigns(days)
        regular = self.total - len(campaigns)
        # Busier years later in the decade, and a peak in the weeks before each September meeting.
        weights = [1.0 + (d.year - 2015) * 0.06 + (0.5 if d.month in (7, 8) else 0.0) for d in days]
        chosen = sorted(rng.choices(range(len(days)), weights=weights, k=regular))
        assessments = self._plan_assessments()
        pools = self._pools()
        coordinators = self._coordinators()
        pick_kind = weighted(rng, KIND_WEIGHTS)
        pick_area = weighted(rng, AREA_WEIGHTS)
        pick_channel = weighted(rng, CHANNEL_WEIGHTS)
        c_index = a_index = 0
        text = Text(rng)
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
            plan = action_plan(day)
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
        stamp = stamp_on(iso_day, self.rng.random)
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
        self.links.append((uuid, stamp, tuple(states), tuple(actors), kind, area))
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
                # A state's link carries its engagement's kind and area as well (db/rollups.py).
                carried = {"kind": link[4], "area": link[5]} if table == "engagement_states" else {}
                for value in sorted(link[position]):
                    self.add(
                        table,
                        {
                            "engagement_uuid": uuid,
                            key: value,
                            "uuid": uuid_text(spread(number * width + bits(spare))),
                            "occurred_on": stamp[:10],  # the stamp is taken on the engagement's day
                            **carried,
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
        from ccmtui.domain.categories import check_classifiable
        from ccmtui.domain.errors import InputError

        try:
            check_classifiable(self.by_iso3[iso3], day)
        except InputError:
            return None
        uuid = self.uuid()
        stamp = stamp_on(day.isoformat(), self.rng.random)
        self.add(
            "classifications",
            {
                "iso3": iso3,
                "category": category,
                "assessed_on": day.isoformat(),
                "rationale": rationale,
                "source_engagement": source,
                "recorded_by": recorded_by,
                "reasons": invented_reasons(category, uuid),
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
            f"{action_plan(day)}-{rng.randint(1, 10)}",
            None,
            coordinator,
            [s.iso3 for s in targets],
            [iso3 for iso3, _ in term],
        )
        stamp = stamp_on(day.isoformat(), rng.random)
        self.add(
            "campaigns",
            {
                "title": title,
                "engagement_uuid": uuid,
                "selection": selection,
                "recorded_by": coordinator,
                "follows_uuid": None,
                "occurred_on": day.isoformat(),  # its engagement's, as the database keeps it (db/rollups.py)
                "area": area,
                "uuid": self.uuid(),
                "created_at": stamp,
                "updated_at": stamp,
            },
        )
        old = LAST_DAY - day > timedelta(days=365)
        for state in targets:
            self._reply(uuid, state, day, old, coordinator, kind, area)

    def _reply(
        self, engagement: str, state: _State, sent: date, old: bool, recorded_by: str, kind: str, area: str
    ) -> None:
        rng = self.rng
        roll = rng.random()
        status, received, stance, summary, supports, classification = "pending", None, None, "", None, None
        stamp = stamp_on(sent.isoformat(), rng.random)
        if roll < 0.45:
            status = "replied"
            received = sent + timedelta(days=rng.randint(5, 150))
            stance = rng.choice(("positive", "neutral", "neutral", "negative"))
            summary = rng.choice(REPLY_SUMMARIES[stance])
            stamp = stamp_on(received.isoformat(), rng.random)
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
                "delivered_on": None,
                "reasons": "",
                "occurred_on": sent.isoformat(),  # its engagement's values, as on campaigns
                "kind": kind,
                "area": area,
                "uuid": self.uuid(),
                "created_at": stamp,
                "updated_at": stamp,
            },
        )
