"""Build the demonstration database, sample.db, from the reference data and the real 2013 record.

The build is deterministic: record ids are UUIDv5 of their content and
timestamps come from the records' own dates, so a rebuild gives the same
logical content (compare with `logical_dump`).
"""

from __future__ import annotations

import os
import sqlite3
import tomllib
from datetime import datetime, time
from importlib import resources
from pathlib import Path

from ccmtui.db.models import Classification
from ccmtui.db.reference import stable_uuid
from ccmtui.db.session import Database
from ccmtui.db.target import Target
from ccmtui.domain import treaty
from ccmtui.domain.categories import parse_category
from ccmtui.domain.reasons import parse_reasons
from ccmtui.domain.states import StateIndex
from ccmtui.seed.coalitions import add_coalitions


def _data(name: str) -> dict:
    return tomllib.loads(resources.files("ccmtui.seed.sample_data").joinpath(name).read_text(encoding="utf-8"))


def _index(session) -> StateIndex:
    from sqlalchemy import select

    from ccmtui.db.models import State, StateAlias

    aliases: dict[str, list[str]] = {}
    for iso3, alias in session.execute(select(StateAlias.iso3, StateAlias.alias)):
        aliases.setdefault(iso3, []).append(alias)
    return StateIndex(
        (iso3, name, aliases.get(iso3, ())) for iso3, name in session.execute(select(State.iso3, State.name))
    )


def _stamped(day) -> dict:
    stamp = datetime.combine(day, time())
    return {"created_at": stamp, "updated_at": stamp}


def add_outreach_2011_2013(session, register_rows: dict) -> dict[str, str]:
    """The 2011-2012 joint démarche, the 2013 letter and the regional conferences; their uuids by key."""
    from ccmtui.db.models import Campaign, Engagement, EngagementActor, EngagementState, Reply

    data = _data("universalisation-2011-2013.toml")
    categories = _data("categories-2013.toml")
    index = _index(session)
    category_of = {
        index.resolve(name): parse_category(label).value
        for label, group in categories["categories"].items()
        for name in group["states"]
    }
    stance_of = {"I": "positive", "II": "neutral", "III": "negative"}
    uuids: dict[str, str] = {}

    def engagement(key, day, kind, channel, area, summary, notes, states, by, points, illustrative):
        uuid = stable_uuid("engagement", key)
        session.add(
            Engagement(
                uuid=uuid,
                occurred_on=day,
                kind=kind,
                channel=channel,
                area=area,
                summary=summary,
                notes=notes,
                action_points=" ".join(points),
                illustrative=illustrative,
                recorded_by=data_by,
                **_stamped(day),
            )
        )
        session.flush()  # the ORM orders inserts by relationship, and these tables declare none
        for iso3 in states:
            session.add(
                EngagementState(
                    uuid=stable_uuid("engagement-state", key, iso3), engagement_uuid=uuid, iso3=iso3, **_stamped(day)
                )
            )
        for actor in by:
            session.add(
                EngagementActor(
                    uuid=stable_uuid("engagement-actor", key, actor), engagement_uuid=uuid, actor=actor, **_stamped(day)
                )
            )
        return uuid

    data_by = "Portugal and Ghana (universalisation co-coordinators)"
    for campaign in data["campaigns"]:
        day = campaign["occurred_on"]
        not_party = sorted(
            (
                iso3
                for iso3, row in register_rows.items()
                if treaty.status_on(day, signed=row.signed, deposited=row.deposited)
                not in treaty.STATES_PARTIES_INCLUDING_PENDING
            ),
            key=lambda iso3: register_rows[iso3].name,
        )
        wanted = ("I",) if campaign["kind"] == "letter" else ("I", "II", "III")
        first = [i for i in not_party if category_of.get(i) in wanted]
        if campaign["kind"] == "letter":
            first += [i for i in not_party if category_of.get(i) == "II"]
        targets = (first + [i for i in not_party if i not in first])[: campaign["targets"]]
        key = campaign["key"]
        uuid = engagement(
            key,
            day,
            campaign["kind"],
            campaign["channel"],
            campaign["area"],
            campaign["title"],
            campaign["notes"],
            sorted(targets),
            campaign["by"],
            campaign["action_points"],
            campaign["illustrative"],
        )
        uuids[key] = uuid
        session.add(
            Campaign(
                uuid=stable_uuid("campaign", key),
                title=campaign["title"],
                engagement_uuid=uuid,
                selection=f"{campaign['targets']} states not yet party",
                recorded_by=data_by,
                **_stamped(day),
            )
        )
        session.flush()
        replying = set(targets[: campaign["replied"]])
        received = add_months_days(day)
        for iso3 in targets:
            values = {"status": "no-reply"}
            if iso3 in replying:
                category = category_of.get(iso3)
                values = {
                    "status": "replied",
                    "received_on": received,
                    "stance": stance_of[category] if category and campaign["kind"] != "letter" else "neutral",
                    "summary": "Illustrative reply."
                    if campaign["kind"] != "letter"
                    else "Illustrative reply: inconclusive.",
                    "supports_category": category if campaign["kind"] != "letter" else None,
                }
            session.add(
                Reply(
                    uuid=stable_uuid("reply", key, iso3),
                    engagement_uuid=uuid,
                    iso3=iso3,
                    recorded_by=data_by,
                    illustrative=True,
                    **values,
                    **_stamped(day),
                )
            )
    for event in data["events"]:
        uuids[event["key"]] = engagement(
            event["key"],
            event["occurred_on"],
            event["kind"],
            event["channel"],
            event["area"],
            event["summary"],
            event["notes"],
            event["states"],
            event["by"],
            event.get("action_points", []),
            False,
        )
    return uuids


def add_months_days(day):
    """Replies to the sample's campaigns are dated six weeks after the campaign (illustrative)."""
    from datetime import timedelta

    return day + timedelta(days=42)


def add_categories_2013(session, source_engagement: str | None = None) -> int:
    """The Category I/II/III lists of the 2013 universalisation report, dated at the 4MSP."""
    from sqlalchemy import select

    from ccmtui.db.models import State

    data = _data("categories-2013.toml")
    day = data["assessed_on"]
    stamp = datetime.combine(day, time())
    index = _index(session)
    states = {s.iso3: s for s in session.scalars(select(State))}
    added = 0
    for label, group in data["categories"].items():
        category = parse_category(label).value
        for name in group["states"]:
            iso3 = index.resolve(name)
            state = states[iso3]
            status = treaty.status_on(day, signed=state.signed, deposited=state.deposited)
            if status in treaty.STATES_PARTIES_INCLUDING_PENDING:
                raise ValueError(f"{name} was already a State Party on {day}")
            session.add(
                Classification(
                    uuid=stable_uuid("classification", iso3, day, category),
                    iso3=iso3,
                    category=category,
                    assessed_on=day,
                    rationale=f"{group['rationale']} Source: {data['source']}.",
                    reasons=" ".join(parse_reasons(group.get("reasons", []))),
                    recorded_by=data["recorded_by"],
                    source_engagement=source_engagement,
                    created_at=stamp,
                    updated_at=stamp,
                )
            )
            added += 1
    return added


# People are invented: the sample names no real individual. Each says so in its notes.
SAMPLE_PEOPLE = (
    ("Ana Costa", "Legal adviser, Advisory Service on IHL", None, "ICRC", "", "ana.costa@example.org"),
    ("Kwame Mensah", "Counsellor, disarmament", "KEN", None, "geneva", "k.mensah@example.org"),
    ("Lan Nguyen", "Deputy Director, legal affairs", "VNM", None, "capital", ""),
    ("Sam Okello", "Implementation support officer", None, "ISU", "", "s.okello@example.org"),
)
ILLUSTRATIVE_PERSON = "Illustrative: an invented person, not from the public record."


def add_people(session) -> int:
    """A few illustrative people, at states and organisations, so that the counterparts show."""
    from ccmtui.db.models import Person

    for name, role, iso3, organisation, location, email in SAMPLE_PEOPLE:
        session.add(
            Person(
                uuid=stable_uuid("person", name),
                name=name,
                role=role,
                iso3=iso3,
                organisation=organisation,
                location=location,
                email=email,
                phone="",
                notes=ILLUSTRATIVE_PERSON,
                illustrative=True,
                created_at=WORK_PLAN_STAMP,
                updated_at=WORK_PLAN_STAMP,
            )
        )
    return len(SAMPLE_PEOPLE)


def add_practices(session) -> int:
    """Stockpile destruction practices the public record gives (Art. 3(2)), each with its source."""
    from ccmtui.db.models import Practice
    from ccmtui.domain.practices import parse_method

    data = _data("practices-public-record.toml")
    index = _index(session)
    for item in data["practice"]:
        iso3 = index.resolve(item["state"])
        session.add(
            Practice(
                uuid=stable_uuid("practice", item["key"]),
                iso3=iso3,
                method=parse_method(item["method"]),
                year=item.get("year"),
                cost_per_unit=item.get("cost_per_unit"),
                currency=item.get("currency", ""),
                safety=item["safety"],
                environment=item["environment"],
                efficiency=item["efficiency"],
                notes=item["notes"],
                source=item["source"],
                illustrative=item.get("illustrative", False),
                recorded_by=data["recorded_by"],
                **_stamped(item["day"]),
            )
        )
    return len(data["practice"])


# The 2024-2025 work plans follow the 12MSP (Geneva, 10-13 September 2024); their records bear its last day.
WORK_PLAN_STAMP = datetime(2024, 9, 13)
WORK_PLAN_FILES = ("workplan-2024-2025-stockpile-destruction.toml",)


def add_work_plans(session, database: Database) -> int:
    """The thematic work plans, loaded by the same code as `ccm workplan import`."""
    from ccmtui.actions.workplan import import_work_plan, read_work_plan
    from ccmtui.db.read import AlchemyReader
    from ccmtui.db.write import Writer
    from ccmtui.db.write_alchemy import AlchemyBackend

    index = _index(session)
    backend = AlchemyBackend(session.connection(), AlchemyReader(database))
    writer = Writer(backend, by=None, command="sample build", stamp=WORK_PLAN_STAMP, logged=False)
    for name in WORK_PLAN_FILES:
        text = resources.files("ccmtui.seed.sample_data").joinpath(name).read_text(encoding="utf-8")
        import_work_plan(writer, read_work_plan(text, name, index))
    return len(WORK_PLAN_FILES)


# A few indicator values to show the action-plan counts: illustrative, not taken from the public record.
ILLUSTRATIVE_INDICATORS = (
    ("LAO", "VAP-21", 2013, "done"),
    ("LBN", "VAP-21", 2013, "done"),
    ("AFG", "VAP-21", 2013, "partly"),
    ("ALB", "VAP-21", 2013, "not-done"),
    ("HRV", "VAP-21", 2013, "not-applicable"),
    ("LAO", "VAP-22", 2013, "partly"),
    ("LBN", "VAP-22", 2013, "done"),
)
ILLUSTRATIVE_SOURCE = "Illustrative sample value: not from the public record"


def add_indicator_values(session) -> int:
    from datetime import date

    from ccmtui.db.models import IndicatorValue

    for iso3, action, year, value in ILLUSTRATIVE_INDICATORS:
        session.add(
            IndicatorValue(
                uuid=stable_uuid("indicator", iso3, action, 1, year),
                iso3=iso3,
                action=action,
                indicator=1,
                year=year,
                value=value,
                note="illustrative",
                source=ILLUSTRATIVE_SOURCE,
                **_stamped(date(year, 12, 31)),
            )
        )
    return len(ILLUSTRATIVE_INDICATORS)


def build(path: Path) -> Path:
    """Write a fresh sample database at `path`, replacing any file there."""
    from ccmtui.db.rebuild import replace_target

    path = Path(path)
    building = path.with_name(f".{path.name}.{os.getpid()}.sample")
    for leftover in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
        leftover.unlink(missing_ok=True)
    database = Database(building).ensure()
    try:
        with database.transaction() as session:
            from sqlalchemy import select

            from ccmtui.db.models import State

            register_rows = {s.iso3: s for s in session.scalars(select(State))}
            outreach = add_outreach_2011_2013(session, register_rows)
            session.flush()
            add_categories_2013(session, outreach["joint-demarche-2011-2012"])
            add_work_plans(session, database)
            add_people(session)
            add_coalitions(session, database)
            add_indicator_values(session)
            add_practices(session)
        database.dispose()
        # A committed file must stand alone: fold the WAL back and keep it compact.
        database.sqlite_pragma("wal_checkpoint(TRUNCATE)", "journal_mode = DELETE", "VACUUM")
        replace_target(building, path)
    finally:
        database.dispose()
        building.unlink(missing_ok=True)
    return path


def logical_dump(target: Path | str, *, portable: bool = False) -> dict[str, list[tuple]]:
    """Every table's rows in primary-key order: what a rebuild must reproduce.

    A path reads the SQLite file as it is; a server URL (or `portable`) reads the model tables
    ordered by UUID, values as JSON holds them, so that two backends compare equal.
    """
    parsed = Target.parse(target)
    if parsed.is_url or portable:
        return _server_dump(parsed.url)
    path = parsed.path
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        listed = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
        # Full-text indexes (virtual tables and their shadow tables) are derived data, not records.
        virtual = [name for name, sql in listed if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
        tables = [name for name, _ in listed if not any(name == v or name.startswith(f"{v}_") for v in virtual)]

        def order(table: str) -> str:
            # The first column, then the id: a first column shared by several rows orders them alike.
            # A table of counts (no id) by every column.
            columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
            if "uuid" not in columns:
                return ", ".join(str(n) for n in range(1, len(columns) + 1))
            return "1, uuid" if "uuid" in columns[1:] else "1"

        return {
            table: connection.execute(f'SELECT * FROM "{table}" ORDER BY {order(table)}').fetchall() for table in tables
        }
    finally:
        connection.close()


def _server_dump(url: str) -> dict[str, list[tuple]]:
    from sqlalchemy import select

    from ccmtui.db.models import Base
    from ccmtui.db.write import plain

    database = Database(url)
    try:
        with database.engine.connect() as connection:
            return {
                table.name: [
                    tuple(plain(value) for value in row)
                    for row in connection.execute(select(table).order_by(table.c.uuid))
                ]
                for table in Base.metadata.sorted_tables
            }
    finally:
        database.dispose()
