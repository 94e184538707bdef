"""Undo: revert the last command's whole change set, itself recorded as a change set."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from ccmtui.actions.fields import Written
from ccmtui.db.queries import Q
from ccmtui.db.write import load_row
from ccmtui.domain.errors import InputError

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.db.write import Writer


@dataclass
class Undone:
    command: str
    made_at: datetime
    made_by: str | None
    changes: int


def next_undoable(reader: Reader):
    """The change set `undo_last` would revert now (to show before asking), or None."""
    found = reader.rows(Q.database_info)
    if not found:
        return None
    rows = reader.rows(Q.last_undoable, database=found[0].uuid)
    return rows[0] if rows else None


def undo_last(writer: Writer) -> Undone:
    """Revert the latest change set not yet undone, newest change first."""
    found = writer.rows(Q.last_undoable, database=writer.database_id())
    if not found:
        raise InputError("nothing to undo")
    target = found[0]
    changes = writer.rows(Q.changes_of, changeset=target.uuid)
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


def undo(writing) -> Written:
    """`ccm undo` and the app's Changes screen: revert the last change and say what was reverted."""
    with writing("undo") as writer:
        undone = undo_last(writer)
    by = f" by {undone.made_by}" if undone.made_by else ""
    return Written(
        undone,
        f"Undid: {undone.command} ({undone.changes} change{'s' * (undone.changes != 1)}{by}, "
        f"{undone.made_at.isoformat(sep=' ', timespec='seconds')} UTC).",
    )
