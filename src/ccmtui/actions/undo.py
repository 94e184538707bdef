"""Undo: revert a command's whole change set, itself recorded as a change set.

`ccm undo` reverts the latest change set of the one undoing (the configured name and state, and on a
database server the login role); `ccm undo --change ID` a chosen one. Either refuses, naming it, when
a later change set (anyone's) changed the same records: that one must be undone first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from ccmtui.actions.fields import Written
from ccmtui.db.ids import short
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
    uuid: str = ""


def next_undoable(reader: Reader, by: str | None = None):
    """The change set `undo_last` would revert now for this identity (to show before asking), or None."""
    found = reader.rows(Q.database_info)
    if not found:
        return None
    role = reader.role() if hasattr(reader, "role") else None
    rows = reader.rows(Q.last_undoable, database=found[0].uuid, by=by, role=role)
    return rows[0] if rows else None


def _describe(row) -> str:
    by = f" by {row.made_by}" if row.made_by else ""
    return f"{short(row.uuid)} ({row.command}{by}, {row.made_at.isoformat(sep=' ', timespec='seconds')} UTC)"


def revert(writer: Writer, target) -> Undone:
    """Revert one change set, newest change first, unless a later change set touched its records."""
    if target.reverted_by:
        raise InputError(f"change set {short(target.uuid)} is already undone")
    if target.reverts:
        raise InputError(f"change set {short(target.uuid)} is itself an undo; it cannot be undone")
    changes = writer.rows(Q.changes_of, changeset=target.uuid)
    records = sorted({change.record_uuid for change in changes})
    later = writer.rows(
        Q.changesets_touching,
        records=records,
        after=target.made_at,
        changeset=target.uuid,
        database=writer.database_id(),
    )
    if later:
        raise InputError(
            f"cannot undo {_describe(target)}: the later change set {_describe(later[0])} changed the same records; "
            f"undo that one first (ccm undo --change {short(later[0].uuid)})"
        )
    for change in reversed(changes):
        before = load_row(change.table_name, change.before)
        # What was put back is stamped with the undo's time: it is the latest edit of the record,
        # so a sync carries it over the version it replaces (and over a deletion it takes back).
        if change.action == "insert":
            writer.delete(change.table_name, change.record_uuid)
        elif change.action == "update":
            writer.update(change.table_name, change.record_uuid, {**before, "updated_at": writer.stamp}, touch=False)
        elif change.action == "delete":
            writer.restore(change.table_name, {**before, "updated_at": writer.stamp})
    if writer.changeset is None:
        raise InputError("nothing to undo")
    # An undone attachment takes its bytes with it, unless another attachment uses them.
    writer.drop_unused_blobs()
    # Touched, so that a sync carries the mark to the other databases.
    writer.update("changesets", target.uuid, {"reverted_by": writer.changeset})
    writer.update("changesets", writer.changeset, {"reverts": target.uuid})
    return Undone(
        command=target.command, made_at=target.made_at, made_by=target.made_by, changes=len(changes), uuid=target.uuid
    )


def undo_last(writer: Writer) -> Undone:
    """Revert the latest change set made here under the writer's identity, not yet undone."""
    found = writer.rows(Q.last_undoable, database=writer.database_id(), by=writer.by, role=writer.role())
    if not found:
        who = f" by {writer.by}" if writer.by else ""
        raise InputError(f"nothing to undo: no change{who} here that is not undone")
    return revert(writer, _changeset(writer, found[0].uuid))


def _changeset(reader: Reader, uuid: str):
    from types import SimpleNamespace

    row = reader.get("changesets", uuid)
    if row is None:
        raise InputError(f"no change set {short(uuid)}")
    return SimpleNamespace(**row)


def undo_change(reader: Reader, writing, change: str) -> Written:
    """`ccm undo --change ID`: revert a chosen change set (anyone's), if nothing later depends on it."""
    from ccmtui.actions.records import find_record

    table, uuid = find_record(reader, change)
    if table != "changesets":
        raise InputError(f"{change} is not a change set (it is a record); see `ccm changes` for change sets")
    with writing(f"undo {short(uuid)}") as writer:
        undone = revert(writer, _changeset(writer, uuid))
    return Written(undone, _said(undone))


def _said(undone: Undone) -> str:
    by = f" by {undone.made_by}" if undone.made_by else ""
    return (
        f"Undid: {undone.command} ({undone.changes} change{'s' * (undone.changes != 1)}{by}, "
        f"{undone.made_at.isoformat(sep=' ', timespec='seconds')} UTC, change set {short(undone.uuid)})."
    )


def undo(writing) -> Written:
    """`ccm undo` and the app's undo: revert your own latest change set and say whose and what it was."""
    with writing("undo") as writer:
        undone = undo_last(writer)
    return Written(undone, _said(undone))
