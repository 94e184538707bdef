"""The SQLite DDL the models produce: `python -m ccmtui.db.schema > schema.sql`."""

from __future__ import annotations

import sys

from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex, CreateTable

from ccmtui.db.models import Base


def schema_sql() -> str:
    dialect = sqlite.dialect()
    parts = ["-- Generated from src/ccmtui/db/models.py by `python -m ccmtui.db.schema`; do not edit.\n"]
    for table in Base.metadata.sorted_tables:
        parts.append(str(CreateTable(table).compile(dialect=dialect)).strip() + ";\n")
        for index in sorted(table.indexes, key=lambda i: i.name or ""):
            parts.append(str(CreateIndex(index).compile(dialect=dialect)).strip() + ";\n")
    from ccmtui.db import rollups, sqlite_extras
    from ccmtui.db.models.derived import DERIVED

    parts.append("-- Counts derived from the records, kept by the database (db/rollups.py).\n")
    for table in DERIVED.sorted_tables:
        parts.append(str(CreateTable(table).compile(dialect=dialect)).strip() + ";\n")
    parts.append(
        "-- Each engagement's values on the rows pointing at it and the per-day counts, kept by the database "
        "(db/rollups.py).\n"
    )
    parts.extend(statement + ";\n" for statement in rollups.SQLITE_DDL)

    parts.append("-- SQLite only: full-text search over engagements.\n")
    parts.extend(statement + ";\n" for statement in sqlite_extras.DDL)
    return "\n".join(parts)


if __name__ == "__main__":
    sys.stdout.write(schema_sql())
