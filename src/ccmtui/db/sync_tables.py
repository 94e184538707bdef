"""The tables a sync carries, in the order it carries them (parents before children), and their links.

Known from the tables as compiled ahead (`ccmtui.db.compiled.TABLES`): a sync loads neither
SQLAlchemy nor the models.
"""

from __future__ import annotations

from ccmtui.db.compiled import TABLES

# Tables that never travel; kept equal to ccmtui.db.models.LOCAL_TABLES (a test checks).
LOCAL_TABLES = frozenset({"database_info", "sync_peers"})
# Parents before children.
SYNCED_TABLES = tuple(name for name in TABLES if name not in LOCAL_TABLES)
# The change log travels as a log (in order, with its change sets); the records as records.
LOG_TABLES = ("changesets", "changes")
RECORD_TABLES = tuple(name for name in SYNCED_TABLES if name not in LOG_TABLES)
# Unlogged records (a file's bytes): always compared whole; there are few, and they never change.
COMPARED_WHOLE = frozenset({"blobs"})
# (column, table, column) for each reference of a table's records to another record.
FOREIGN_KEYS: dict[str, tuple[tuple[str, str, str], ...]] = {name: spec["references"] for name, spec in TABLES.items()}
# Columns other records point at: a refused record's values there make its children refused too.
REFERENCED = frozenset((target, column) for keys in FOREIGN_KEYS.values() for _, target, column in keys)
# Tables whose records may point at another of the same table: copied in the order read (parents first).
SELF_REFERENCING = frozenset(
    name for name, keys in FOREIGN_KEYS.items() if any(target == name for _, target, _ in keys)
)
