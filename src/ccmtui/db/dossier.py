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
`redact` blanks notes, rationales, replies' own words and who recorded what (`REDACTED_COLUMNS`).
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
# Tables never copied: the change log (the records travel without it) and what is this file's own.
SKIPPED = frozenset({"changesets", "changes", "conflicts", "frozen_reports"}) | LOCAL_TABLES
# A state (or a category) is pointed at by many records and owns none of them.
OWNERS_NOT = frozenset({"states", "classifications"})
BATCH = 500


def area_records(
    connection: Connection, area: str, *, redact: bool = False, on_progress: Callable[[int], None] | None = None
) -> dict[str, dict[str, dict]]:
    """table -> uuid -> record: the area's records and those they point at, read from `connection`."""
    from sqlalchemy import select

    advance = on_progress or (lambda _n: None)
    tables = [t for t in Base.metadata.sorted_tables if t.name not in SKIPPED]
    chosen: dict[str, dict[str, dict]] = {t.name: {} for t in tables}
    # Values of chosen records that children point at: (table, column) -> values.
    for table in tables:
        query = None
        rule = AREA_RECORDS.get(area, {})
        if "area" in table.c:
            query = select(table).where(table.c.area == area)
        elif table.name in rule:
            query = select(table)
            if rule[table.name] is not None:
                column, value = rule[table.name]
                query = query.where(table.c[column] == value)
        if query is not None:
            _take(chosen[table.name], connection.execute(query).mappings())
        # Children of records already chosen (parents come first in sorted_tables).
        for fk in table.foreign_keys:
            parent = fk.column.table.name
            if parent in OWNERS_NOT or parent == table.name or not chosen.get(parent):
                continue
            values = sorted({row[fk.column.name] for row in chosen[parent].values()} - {None})
            for start in range(0, len(values), BATCH):
                batch = values[start : start + BATCH]
                _take(chosen[table.name], connection.execute(select(table).where(fk.parent.in_(batch))).mappings())
        advance(1)
    _with_parents(connection, tables, chosen)
    # A state's other names travel with it.
    if chosen.get("states") and "state_aliases" in chosen:
        aliases = Base.metadata.tables["state_aliases"]
        codes = sorted(row["iso3"] for row in chosen["states"].values())
        for start in range(0, len(codes), BATCH):
            found = connection.execute(select(aliases).where(aliases.c.iso3.in_(codes[start : start + BATCH])))
            _take(chosen["state_aliases"], found.mappings())
    if redact:
        for table in tables:
            blanked = [c for c in table.c if c.name in REDACTED_COLUMNS["*"] | REDACTED_COLUMNS.get(table.name, set())]
            for row in chosen[table.name].values():
                for column in blanked:
                    row[column.name] = None if column.nullable else ""
    return chosen


def _take(into: dict[str, dict], rows) -> None:
    for row in rows:
        into.setdefault(row["uuid"], dict(row))


def _with_parents(connection: Connection, tables, chosen: dict[str, dict[str, dict]]) -> None:
    """Adds every record a chosen record points at, and theirs in turn, until none is missing."""
    from sqlalchemy import select

    by_name = {t.name: t for t in tables}
    missing = True
    while missing:
        missing = False
        for table in reversed(tables):  # children first: a parent found may have parents of its own
            for fk in table.foreign_keys:
                parent = by_name.get(fk.column.table.name)
                if parent is None:
                    continue
                key = fk.column.name
                have = {row[key] for row in chosen[parent.name].values()}
                wanted = sorted({row[fk.parent.name] for row in chosen[table.name].values()} - {None} - have)
                for start in range(0, len(wanted), BATCH):
                    batch = wanted[start : start + BATCH]
                    rows = connection.execute(select(parent).where(parent.c[key].in_(batch))).mappings()
                    before = len(chosen[parent.name])
                    _take(chosen[parent.name], rows)
                    missing = missing or len(chosen[parent.name]) > before


def write_dossier(source: Connection, output: Path, area: str, *, redact: bool = False, on_progress=None) -> Counter:
    """Writes the area's records into a new ccm file at `output` (built beside it, then moved into place).

    Returns how many records of each table it holds.
    """
    from sqlalchemy import delete, insert

    from ccmtui.db.session import Database

    chosen = area_records(source, area, redact=redact, on_progress=on_progress)
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
                rows = list(chosen[table.name].values())
                for start in range(0, len(rows), BATCH):
                    connection.execute(insert(table), rows[start : start + BATCH])
        database.dispose()
        database.sqlite_pragma("journal_mode = DELETE", "VACUUM")  # one self-contained file, small
        os.replace(building, output)
    finally:
        database.dispose()
        for leftover in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
            leftover.unlink(missing_ok=True)
    return Counter({name: len(rows) for name, rows in chosen.items() if rows and name not in UNLOGGED_TABLES})


def dossier_from(target, output: Path, area: str, *, redact: bool = False, on_progress=None) -> Counter:
    """`write_dossier` reading the database at `target` (a file or a server) in one read transaction."""
    from ccmtui.db.session import Database, translate_errors

    database = Database(target)
    try:
        with translate_errors(database.display), database.engine.connect() as connection, connection.begin():
            return write_dossier(connection, output, area, redact=redact, on_progress=on_progress)
    finally:
        database.dispose()
