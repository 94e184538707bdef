"""The handover dossier as a ccm file: the full record of one thematic area, for a successor to merge.

The file is a ccm database holding only the area's records, copied as they are (same ids, same
stamps) with every record they point at, and no change log: `ccm merge dossier.ccm` then adds them
to the successor's database (or brings a copy it holds up to date) and deletes nothing there.

What belongs to an area:
- the records filed under it (a column `area`: engagements, work plans);
- the treaty records its article governs (`AREA_RECORDS`), and for universalization every state's
  category (Article 21 is the universalization article; categories are that work's record);
- their children (a record pointing at one of them: a reply, a campaign, an attachment, a
  milestone, its slips…), except through a state: a state is a parent, never an owner;
- the records these point at (the states concerned, with their aliases, a file's bytes, the
  category a reply supports), so that the file stands on its own.
`redact` blanks notes, rationales, replies' own words and who recorded what (`REDACTED_COLUMNS`), and
leaves individuals out: no person, and no record of having met one (`INDIVIDUALS`).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ccmtui.db.models import LOCAL_TABLES, UNLOGGED_TABLES, Base

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

# The treaty records each area's article governs, with the rows that are the area's (None: all).
# Article 3: stockpile destruction (its Article 3.6 retention); Article 4: clearance; Article 5:
# victim assistance; Article 6: cooperation; Article 7: transparency; Article 9: national measures.
AREA_RECORDS: dict[str, dict[str, tuple[str, object] | None]] = {
    "universalization": {"classifications": None},
    "stockpile-destruction": {
        "obligations": ("article", 3),
        "obligation_extensions": ("article", 3),
        "retention": None,
    },
    "clearance": {"obligations": ("article", 4), "obligation_extensions": ("article", 4)},
    "victim-assistance": {"obligations": ("article", 5)},
    "cooperation": {"cooperation_reports": None},
    "transparency": {"transparency_reports": None, "transparency_forms": None},
    "national-implementation": {"national_measures": None},
}
# Redacted, these columns are blanked: free-text notes, rationales, a reply's own words, individuals' names.
REDACTED_COLUMNS: dict[str, frozenset[str]] = {
    "*": frozenset({"notes", "rationale", "recorded_by"}),
    "replies": frozenset({"summary"}),
    "milestone_slips": frozenset({"reason"}),
}
# Redacted, individuals are left out whole: the people, and each link naming one as met.
INDIVIDUALS: dict[str, str | None] = {"people": None, "engagement_counterparts": "person_uuid"}
# Tables never copied: the change log (the records travel without it) and what is this file's own.
SKIPPED = frozenset({"changesets", "changes", "conflicts", "frozen_reports"}) | LOCAL_TABLES
# A state (or a category) is pointed at by many records and owns none of them.
OWNERS_NOT = frozenset({"states", "classifications"})
BATCH = 500


def steps() -> int:
    """How many steps `write_dossier` reports to `on_progress`: each table chosen, then each copied."""
    return 2 * sum(1 for t in Base.metadata.sorted_tables if t.name not in SKIPPED)


class _Chosen:
    """The records a dossier holds, by their keys only: for each table, the values of the columns that
    others point at (its uuids among them), and the values its records point at elsewhere. A large
    area's records are read again, a batch at a time, to be written."""

    def __init__(self, tables):
        self.tables = {t.name: t for t in tables}
        pointed_at = {(fk.column.table.name, fk.column.name) for t in tables for fk in t.foreign_keys}
        self.have: dict[str, dict[str, set]] = {
            t.name: {"uuid": set()} | {col: set() for (name, col) in pointed_at if name == t.name} for t in tables
        }
        self.needed: dict[tuple[str, str], set] = {key: set() for key in pointed_at if key[0] in self.tables}

    def columns(self, table) -> list:
        names = list(self.have[table.name]) + [fk.parent.name for fk in table.foreign_keys]
        return [table.c[name] for name in dict.fromkeys(names)]

    def uuids(self, table: str) -> set[str]:
        return self.have[table]["uuid"]

    def take(self, table, rows) -> int:
        """Adds the rows (their key columns); returns how many were new."""
        have = self.have[table.name]
        links = [
            (fk.parent.name, (fk.column.table.name, fk.column.name))
            for fk in table.foreign_keys
            if fk.column.table.name in self.tables
        ]
        new = 0
        for row in rows:
            if row["uuid"] in have["uuid"]:
                continue
            new += 1
            for column, values in have.items():
                values.add(row[column])
            for column, target in links:
                if row[column] is not None:
                    self.needed[target].add(row[column])
        return new


def area_keys(connection: Connection, area: str, on_progress: Callable[[int], None] | None = None) -> _Chosen:
    """Which records the dossier of `area` holds (see the module's docstring)."""
    from sqlalchemy import select

    advance = on_progress or (lambda _n: None)
    tables = [t for t in Base.metadata.sorted_tables if t.name not in SKIPPED]
    chosen = _Chosen(tables)
    rule = AREA_RECORDS.get(area, {})
    for table in tables:
        query = None
        if "area" in table.c:
            query = select(*chosen.columns(table)).where(table.c.area == area)
        elif table.name in rule:
            query = select(*chosen.columns(table))
            if rule[table.name] is not None:
                column, value = rule[table.name]
                query = query.where(table.c[column] == value)
        if query is not None:
            chosen.take(table, connection.execute(query).mappings())
        # Children of records already chosen (parents come first in sorted_tables).
        for fk in table.foreign_keys:
            parent = fk.column.table.name
            if parent in OWNERS_NOT or parent == table.name or parent not in chosen.tables:
                continue
            values = sorted(chosen.have[parent][fk.column.name] - {None})
            for start in range(0, len(values), BATCH):
                query = select(*chosen.columns(table)).where(fk.parent.in_(values[start : start + BATCH]))
                chosen.take(table, connection.execute(query).mappings())
        advance(1)
    _with_parents(connection, chosen)
    # A state's other names travel with it.
    if chosen.uuids("states") and "state_aliases" in chosen.tables:
        aliases = chosen.tables["state_aliases"]
        codes = sorted(chosen.have["states"]["iso3"])
        for start in range(0, len(codes), BATCH):
            query = select(*chosen.columns(aliases)).where(aliases.c.iso3.in_(codes[start : start + BATCH]))
            chosen.take(aliases, connection.execute(query).mappings())
    return chosen


def _with_parents(connection: Connection, chosen: _Chosen) -> None:
    """Adds every record a chosen record points at, and theirs in turn, until none is missing."""
    from sqlalchemy import select

    missing = True
    while missing:
        missing = False
        for (name, column), values in list(chosen.needed.items()):
            wanted = sorted(values - chosen.have[name][column])
            parent = chosen.tables[name]
            for start in range(0, len(wanted), BATCH):
                query = select(*chosen.columns(parent)).where(parent.c[column].in_(wanted[start : start + BATCH]))
                missing = chosen.take(parent, connection.execute(query).mappings()) > 0 or missing


def _records(connection: Connection, table, uuids: list[str], redact: bool):
    """The whole records, a batch at a time, redacted if asked."""
    from sqlalchemy import select

    blanked = [c for c in table.c if c.name in REDACTED_COLUMNS["*"] | REDACTED_COLUMNS.get(table.name, set())]
    for start in range(0, len(uuids), BATCH):
        rows = [
            dict(row)
            for row in connection.execute(
                select(table).where(table.c.uuid.in_(uuids[start : start + BATCH]))
            ).mappings()
        ]
        if redact:
            if table.name in INDIVIDUALS:
                column = INDIVIDUALS[table.name]
                rows = [] if column is None else [row for row in rows if row[column] is None]
            for row in rows:
                for column in blanked:
                    row[column.name] = None if column.nullable else ""
        if rows:
            yield rows


def write_dossier(source: Connection, output: Path, area: str, *, redact: bool = False, on_progress=None) -> Counter:
    """Writes the area's records into a new ccm file at `output` (built beside it, then moved into place).

    Returns how many records of each table it holds.
    """
    from sqlalchemy import delete, insert

    from ccmtui.db.session import Database

    advance = on_progress or (lambda _n: None)
    chosen = area_keys(source, area, on_progress=advance)
    building = output.with_name(f".{output.name}.{os.getpid()}.building")
    building.unlink(missing_ok=True)
    database = Database(building, label=str(output))
    try:
        database.ensure()
        tables = [t for t in Base.metadata.sorted_tables if t.name not in SKIPPED]
        with database.engine.begin() as connection:
            # The new file's reference data goes: the dossier holds the area's records and nothing else.
            for table in reversed(Base.metadata.sorted_tables):
                if table.name not in LOCAL_TABLES:
                    connection.execute(delete(table))
            for table in tables:
                for rows in _records(source, table, sorted(chosen.uuids(table.name)), redact):
                    connection.execute(insert(table), rows)
                advance(1)
        database.dispose()
        database.sqlite_pragma("journal_mode = DELETE")  # one self-contained file
        try:
            os.link(building, output)  # never over a file that appeared meanwhile
        except FileExistsError:
            from ccmtui.domain.errors import InputError

            raise InputError(f"{output} exists: give a new file name (a dossier never replaces a file)") from None
    finally:
        database.dispose()
        for leftover in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
            leftover.unlink(missing_ok=True)
    counts = {name: len(chosen.uuids(name)) for name in chosen.tables if name not in UNLOGGED_TABLES}
    return Counter({name: n for name, n in counts.items() if n})


def dossier_from(target, output: Path, area: str, *, redact: bool = False, on_progress=None) -> Counter:
    """`write_dossier` reading the database at `target` (a file or a server) in one read transaction."""
    from ccmtui.db.session import Database, translate_errors

    database = Database(target)
    try:
        with translate_errors(database.display), database.engine.connect() as connection, connection.begin():
            return write_dossier(connection, output, area, redact=redact, on_progress=on_progress)
    finally:
        database.dispose()
