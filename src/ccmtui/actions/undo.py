"""Undo: revert the last command's whole change set, itself recorded as a change set."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ccmtui.db.write import load_row
from ccmtui.domain.errors import InputError


@dataclass
class Undone:
    command: str
    made_at: datetime
    made_by: str | None
    changes: int


def next_undoable(reader):
    """The change set `undo_last` would revert now (to show before asking), or None."""
    found = reader.rows("database_info")
    if not found:
        return None
    rows = reader.rows("last_undoable", database=found[0].uuid)
    return rows[0] if rows else None


def undo_last(writer) -> Undone:
    """Revert the latest change set not yet undone, newest change first."""
    found = writer.rows("last_undoable", database=writer.database_id())
    if not found:
        raise InputError("nothing to undo")
    target = found[0]
    changes = writer.rows("changes_of", changeset=target.uuid)
    for change in reversed(changes):
        before = load_row(change.table_name, change.before)
        if change.action == "insert":
            writer.delete(change.table_name, change.record_uuid)
        elif change.action == "update":
            writer.update(change.table_name, change.record_uuid, before, touch=False)
        elif change.action == "delete":
            writer.restore(change.table_name, before)
    if writer.changeset is None:
        raise InputError("nothing to undo")
    # An undone attachment takes its bytes with it, unless another attachment uses them.
    writer.drop_unused_blobs()
    # Touched, so that a sync carries the mark to the other databases.
    writer.update("changesets", target.uuid, {"reverted_by": writer.changeset})
    writer.update("changesets", writer.changeset, {"reverts": target.uuid})
    return Undone(command=target.command, made_at=target.made_at, made_by=target.made_by, changes=len(changes))
