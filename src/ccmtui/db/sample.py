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
from ccmtui.domain import treaty
from ccmtui.domain.categories import parse_category
from ccmtui.domain.states import StateIndex


def _data(name: str) -> dict:
    return tomllib.loads(resources.files("ccmtui.db.sample_data").joinpath(name).read_text(encoding="utf-8"))


def _index(session) -> StateIndex:
    from sqlalchemy import select

    from ccmtui.db.models import State, StateAlias

    aliases: dict[str, list[str]] = {}
    for iso3, alias in session.execute(select(StateAlias.iso3, StateAlias.alias)):
        aliases.setdefault(iso3, []).append(alias)
    return StateIndex((iso3, name, aliases.get(iso3, ())) for iso3, name in session.execute(select(State.iso3, State.name)))


def add_categories_2013(session) -> int:
    """The Category I/II/III lists of the 2013 universalisation report, dated at the 4MSP."""
    from ccmtui.db.models import State
    from sqlalchemy import select

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
                    recorded_by=data["recorded_by"],
                    created_at=stamp,
                    updated_at=stamp,
                )
            )
            added += 1
    return added


# The 2024-2025 work plans follow the 12MSP (Geneva, 10-13 September 2024); their records bear its last day.
WORK_PLAN_STAMP = datetime(2024, 9, 13)
WORK_PLAN_FILES = ("workplan-2024-2025-stockpile-destruction.toml",)


def add_work_plans(session, database: Database) -> int:
    """The thematic work plans, loaded by the same code as `ccm workplan import`."""
    from ccmtui.actions.workplan import import_work_plan, read_work_plan
    from ccmtui.db.read import AlchemyReader
    from ccmtui.db.write import AlchemyBackend, Writer

    index = _index(session)
    backend = AlchemyBackend(session.connection(), AlchemyReader(database))
    writer = Writer(backend, by=None, command="sample build", stamp=WORK_PLAN_STAMP, logged=False)
    for name in WORK_PLAN_FILES:
        text = resources.files("ccmtui.db.sample_data").joinpath(name).read_text(encoding="utf-8")
        import_work_plan(writer, read_work_plan(text, name, index))
    return len(WORK_PLAN_FILES)


def build(path: Path) -> Path:
    """Write a fresh sample database at `path`, replacing any file there."""
    path = Path(path)
    building = path.with_name(f".{path.name}.{os.getpid()}.sample")
    for leftover in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
        leftover.unlink(missing_ok=True)
    database = Database(building).ensure()
    try:
        with database.transaction() as session:
            add_categories_2013(session)
            add_work_plans(session, database)
        database.dispose()
        # A committed file must stand alone: fold the WAL back and keep it compact.
        database.sqlite_pragma("wal_checkpoint(TRUNCATE)", "journal_mode = DELETE", "VACUUM")
        os.replace(building, path)
    finally:
        database.dispose()
        building.unlink(missing_ok=True)
    return path


def logical_dump(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows in primary-key order: what a rebuild must reproduce."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {table: connection.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall() for table in tables}
    finally:
        connection.close()
