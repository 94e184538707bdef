"""Tables the database derives from the records and keeps current itself (db/rollups.py): counts,
not records. They have no id, are never synced, never logged, never exported; a fresh GROUP BY
over the records gives them back, and `rollups.rebuild` does exactly that.

They live in a metadata of their own, beside `Base`'s: whatever walks the records (sync, dossiers,
dumps) never meets them.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, Integer, MetaData, String, Table

DERIVED = MetaData()
# On SQLite both are kept in key order (WITHOUT ROWID): a range of days is one read of the table.

# Engagements per day, per kind and area; '' in kind or area stands for every one. Each engagement
# counts in four rows (its kind and area, its kind, its area, every engagement), so that each of the
# list's filters reads its own rows, one per day, in key order.
EngagementsPerDay = Table(
    "engagements_per_day",
    DERIVED,
    Column("kind", String(20), primary_key=True),
    Column("area", String(30), primary_key=True),
    Column("occurred_on", Date, primary_key=True),
    Column("engagements", Integer, nullable=False),
    sqlite_with_rowid=False,
)

# A state's engagements per day: the links (engagement_states) with a date, counted.
StateEngagementsPerDay = Table(
    "state_engagements_per_day",
    DERIVED,
    Column("iso3", String(3), primary_key=True),
    Column("occurred_on", Date, primary_key=True),
    Column("engagements", Integer, nullable=False),
    sqlite_with_rowid=False,
)

ANY = ""  # the kind or area of the rows counting every kind or every area
