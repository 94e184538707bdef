"""Conflicts a sync recorded: both versions field by field, and settling one as a change set of its own."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ccmtui.actions.fields import Written
from ccmtui.db.ids import resolve_id, short
from ccmtui.db.queries import Q
from ccmtui.db.write import load_row
from ccmtui.domain.errors import InputError, NotFoundError

if TYPE_CHECKING:
    from ccmtui.db.read import Reader

# Columns every record has: not what a coordinator edits.
BOOKKEEPING = frozenset({"uuid", "created_at", "updated_at"})
CHOICES = ("mine", "theirs", "a", "b")


@dataclass
class Side:
    database: str | None
    label: str
    by: str | None
    login: str | None
    at: datetime | None
    values: dict[str, Any] | None

    def as_json(self) -> dict:
        return {
            "database": self.label,
            "by": self.by,
            "login": self.login,
            "at": self.at.isoformat(sep=" ", timespec="seconds") if self.at else None,
        }


@dataclass
class ConflictView:
    id: str
    table: str
    record: str
    found_at: datetime
    kept: str  # "a" or "b"
    settled_by: str | None
    a: Side
    b: Side
    mine: str | None  # which side is this database's ("a", "b"), None when neither
    fields: list[tuple[str, Any, Any]] = field(default_factory=list)  # (field, a, b) where they differ

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "table": self.table,
            "record": self.record,
            "found_at": self.found_at.isoformat(sep=" ", timespec="seconds"),
            "kept": self.kept,
            "mine": self.mine,
            "settled": self.settled_by is not None,
            "settled_by": self.settled_by,
            "a": self.a.as_json(),
            "b": self.b.as_json(),
            "fields": [{"field": name, "a": _plain(a), "b": _plain(b)} for name, a, b in self.fields],
        }


def _plain(value):
    from ccmtui.db.write import plain

    return plain(value)


def _side(row, prefix: str, table: str) -> Side:
    def get(name):
        return getattr(row, f"{prefix}_{name}")

    return Side(get("in"), get("label"), get("by"), get("login"), get("at"), load_row(table, get("version")))


def _database_id(reader: Reader) -> str | None:
    found = reader.rows(Q.database_info)
    return found[0].uuid if found else None


def view(row, here: str | None) -> ConflictView:
    a, b = _side(row, "a", row.table_name), _side(row, "b", row.table_name)
    mine = "a" if a.database == here else "b" if b.database == here else None
    names = sorted((set(a.values or {}) | set(b.values or {})) - BOOKKEEPING)
    differing = [
        (name, (a.values or {}).get(name), (b.values or {}).get(name))
        for name in names
        if (a.values or {}).get(name) != (b.values or {}).get(name)
    ]
    return ConflictView(
        row.uuid, row.table_name, row.record_uuid, row.found_at, row.kept, row.settled_by, a, b, mine, differing
    )


def list_conflicts(reader: Reader, *, open_only: bool = False) -> list[ConflictView]:
    here = _database_id(reader)
    found = [view(row, here) for row in reader.rows(Q.conflicts)]
    return [c for c in found if c.settled_by is None] if open_only else found


def open_count(reader: Reader) -> int:
    return reader.rows(Q.open_conflicts_count)[0].count


def keep(writing, reader: Reader, conflict_id: str, which: str) -> Written:
    """Put back the chosen version of a conflicting record (mine, theirs, or side a or b), as one change set."""
    which = which.strip().lower()
    if which not in CHOICES:
        raise InputError(f"keep which version? {which!r}; valid: {', '.join(CHOICES)}")
    uuid = resolve_id(reader, Q.conflict_ids, conflict_id, "conflict")
    with writing(f"conflicts keep {short(uuid)} {which}") as writer:
        here = writer.database_id()
        [row] = [r for r in writer.rows(Q.conflicts) if r.uuid == uuid]
        conflict = view(row, here)
        if conflict.settled_by is not None:
            raise InputError(
                f"conflict {short(uuid)} is already settled (ccm undo reverts the settling, if it was yours)"
            )
        if which in ("a", "b"):
            side = which
        elif conflict.mine is None:
            raise InputError(
                f"conflict {short(uuid)} is between {conflict.a.label} (a) and {conflict.b.label} (b), neither of "
                "them this database: say a or b"
            )
        else:
            side = conflict.mine if which == "mine" else ("b" if conflict.mine == "a" else "a")
        chosen = conflict.a if side == "a" else conflict.b
        if chosen.values is None:
            raise InputError(f"conflict {short(uuid)}: that version was a deletion; nothing to put back")
        if writer.get(conflict.table, conflict.record) is None:
            raise NotFoundError(f"{conflict.table} {short(conflict.record)} no longer exists; nothing to settle")
        values = {k: v for k, v in chosen.values.items() if k not in BOOKKEEPING}
        writer.update(conflict.table, conflict.record, values)
        writer.update("conflicts", uuid, {"settled_by": writer.changeset})
    return Written(
        conflict,
        f"Kept the version of {chosen.label} for {conflict.table} {short(conflict.record)}; `ccm undo` reverts it.",
    )


def dumps(conflicts: list[ConflictView]) -> str:
    return json.dumps([c.as_json() for c in conflicts], ensure_ascii=False, indent=2)
