"""The tables a sync carries, in the order it carries them (parents before children), and their links."""

from __future__ import annotations

from ccmtui.db.models import LOCAL_TABLES, Base

# Parents before children; LOCAL_TABLES never travel.
SYNCED_TABLES = tuple(t.name for t in Base.metadata.sorted_tables if t.name not in LOCAL_TABLES)
# The change log travels as a log (in order, with its change sets); the records as records.
LOG_TABLES = ("changesets", "changes")
RECORD_TABLES = tuple(name for name in SYNCED_TABLES if name not in LOG_TABLES)
# Unlogged records (a file's bytes): always compared whole; there are few, and they never change.
COMPARED_WHOLE = frozenset({"blobs"})
# Columns other records point at: a refused record's values there make its children refused too.
REFERENCED = frozenset(
    (fk.column.table.name, fk.column.name) for t in Base.metadata.sorted_tables for fk in t.foreign_keys
)
FOREIGN_KEYS = {
    t.name: tuple((fk.parent.name, fk.column.table.name, fk.column.name) for fk in t.foreign_keys)
    for t in Base.metadata.sorted_tables
}
# Tables whose records may point at another of the same table: copied in the order read (parents first).
SELF_REFERENCING = frozenset(
    name for name, keys in FOREIGN_KEYS.items() if any(target == name for _, target, _ in keys)
)
