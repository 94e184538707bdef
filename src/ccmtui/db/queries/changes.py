"""Read queries on the change log."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import BigInteger, DateTime, Integer, Select, String, bindparam, func, select

from ccmtui.db.models import Change, ChangeSet, Conflict, DatabaseInfo, FrozenReport, SyncPeer
from ccmtui.db.queries import Q


def recent_changesets() -> Select:
    count = select(func.count(Change.uuid)).where(Change.changeset_uuid == ChangeSet.uuid).scalar_subquery()
    return (
        select(
            ChangeSet.uuid,
            ChangeSet.made_at,
            ChangeSet.made_by,
            ChangeSet.made_as,
            ChangeSet.command,
            ChangeSet.reverts,
            ChangeSet.reverted_by,
            count.label("changes"),
        )
        .order_by(ChangeSet.made_at.desc(), ChangeSet.uuid.desc())
        .limit(bindparam("limit", type_=Integer))
    )


def last_undoable() -> Select:
    """The latest change set made here under one identity (`by`; on a server also the login `role`)
    that is neither undone nor itself an undo."""
    return (
        select(ChangeSet.uuid, ChangeSet.made_at, ChangeSet.made_by, ChangeSet.made_as, ChangeSet.command)
        .where(
            ChangeSet.made_in == bindparam("database"),
            func.coalesce(ChangeSet.made_by, "") == func.coalesce(bindparam("by", type_=String), ""),
            func.coalesce(ChangeSet.made_as, "") == func.coalesce(bindparam("role", type_=String), ""),
            ChangeSet.reverts.is_(None),
            ChangeSet.reverted_by.is_(None),
        )
        .order_by(ChangeSet.made_at.desc(), ChangeSet.uuid.desc())
        .limit(1)
    )


def changes_of() -> Select:
    return (
        select(
            Change.uuid, Change.seq, Change.table_name, Change.record_uuid, Change.action, Change.before, Change.after
        )
        .where(Change.changeset_uuid == bindparam("changeset"))
        .order_by(Change.seq)
    )


def _changes_since(*columns) -> Select:
    """Each change after a moment (`after`), with its change set (not undone), oldest first."""
    return (
        select(
            ChangeSet.uuid,
            ChangeSet.made_at,
            ChangeSet.made_by,
            ChangeSet.command,
            Change.table_name,
            Change.record_uuid,
            Change.action,
            *columns,
        )
        .join(Change, Change.changeset_uuid == ChangeSet.uuid)
        .where(ChangeSet.made_at > bindparam("after", type_=DateTime), ChangeSet.reverted_by.is_(None))
        .order_by(ChangeSet.made_at, ChangeSet.uuid, Change.seq)
    )


def changes_touching_since() -> Select:
    """Each change to any of the records after a moment, with its change set (not undone), oldest first:
    what a frozen report's diff names as the reason a figure changed."""
    return _changes_since().where(Change.record_uuid.in_(bindparam("records", expanding=True)))


def changes_to_tables_since() -> Select:
    """Each change to a record of the tables after a moment, with its change set (not undone) and the
    record's values before and after, oldest first: the diff of a frozen report finds in them the
    records of the states a figure gained or lost (a category, an obligation, a reply)."""
    return _changes_since(Change.before, Change.after).where(Change.table_name.in_(bindparam("tables", expanding=True)))


def frozen_reports() -> Select:
    """Every frozen report, newest first."""
    return select(
        FrozenReport.uuid,
        FrozenReport.name,
        FrozenReport.kind,
        FrozenReport.as_of,
        FrozenReport.since,
        FrozenReport.parameters,
        FrozenReport.figures,
        FrozenReport.content,
        FrozenReport.recorded_by,
        FrozenReport.created_at,
    ).order_by(FrozenReport.created_at.desc(), FrozenReport.name)


QUERIES: dict[str, Callable[[], Select]] = {
    Q.changes_touching_since: changes_touching_since,
    Q.changes_to_tables_since: changes_to_tables_since,
    Q.frozen_reports: frozen_reports,
    Q.recent_changesets: recent_changesets,
    Q.last_undoable: last_undoable,
    Q.changes_of: changes_of,
}


def deletions() -> Select:
    """Records of a table whose latest logged change deleted them, with when (for sync)."""
    return (
        select(Change.record_uuid, Change.action, ChangeSet.made_at)
        .join(ChangeSet, ChangeSet.uuid == Change.changeset_uuid)
        .where(
            Change.table_name == bindparam("table"),
            Change.record_uuid.in_(
                select(Change.record_uuid).where(Change.table_name == bindparam("table"), Change.action == "delete")
            ),
            Change.action.in_(("insert", "delete")),
        )
        .order_by(ChangeSet.made_at, Change.seq)
    )


def database_info() -> Select:
    return select(DatabaseInfo.uuid, DatabaseInfo.label)


def sync_peer() -> Select:
    return select(
        SyncPeer.uuid, SyncPeer.peer_uuid, SyncPeer.last_synced_at, SyncPeer.taken_up_to, SyncPeer.taken_chain
    ).where(SyncPeer.peer_uuid == bindparam("peer"))


def last_change_of() -> Select:
    """Who last changed a record, and when (from the change log)."""
    return (
        select(ChangeSet.made_by, ChangeSet.made_as, ChangeSet.made_at)
        .join(Change, Change.changeset_uuid == ChangeSet.uuid)
        .where(Change.table_name == bindparam("table"), Change.record_uuid == bindparam("record"))
        .order_by(ChangeSet.made_at.desc(), Change.seq.desc())
        .limit(1)
    )


def last_position() -> Select:
    """The position of the latest change set in this database's log, and its chain (none: an empty log)."""
    return (
        select(ChangeSet.position, ChangeSet.chain)
        .where(ChangeSet.position.is_not(None))
        .order_by(ChangeSet.position.desc())
        .limit(1)
    )


def changeset_at() -> Select:
    """The change set at one position of this database's log (a peer checks it took that one in)."""
    return select(ChangeSet.uuid, ChangeSet.chain).where(ChangeSet.position == bindparam("position", type_=BigInteger))


def changesets_after() -> Select:
    """The next change sets of this database's log after a position, up to another, in log order (for sync)."""
    return (
        select(ChangeSet.uuid, ChangeSet.position)
        .where(
            ChangeSet.position > bindparam("after", type_=BigInteger),
            ChangeSet.position <= bindparam("upto", type_=BigInteger),
        )
        .order_by(ChangeSet.position)
        .limit(bindparam("limit", type_=Integer))
    )


def changesets_present() -> Select:
    """Which of some change sets this database's log holds (a sync checks it lacks none of a peer's)."""
    return select(ChangeSet.uuid).where(ChangeSet.uuid.in_(bindparam("changesets", expanding=True)))


def changes_in() -> Select:
    """The changes of some change sets: which record each touched (for sync)."""
    return (
        select(Change.uuid, Change.changeset_uuid, Change.table_name, Change.record_uuid)
        .where(Change.changeset_uuid.in_(bindparam("changesets", expanding=True)))
        .order_by(Change.changeset_uuid, Change.seq)
    )


def deletions_of() -> Select:
    """The changes logged for some records of a table, oldest first (for sync: their insertions and deletions).

    Every action, filtered by the caller: a condition on the action would lead SQLite to read
    every insertion into the table (by the action's index) instead of looking the records up.
    """
    return (
        select(Change.record_uuid, Change.action, ChangeSet.made_at)
        .join(ChangeSet, ChangeSet.uuid == Change.changeset_uuid)
        .where(Change.table_name == bindparam("table"), Change.record_uuid.in_(bindparam("records", expanding=True)))
        .order_by(ChangeSet.made_at, Change.seq)
    )


def conflicts() -> Select:
    """Every conflict a sync recorded, the latest first."""
    return select(*(column for column in Conflict.__table__.columns)).order_by(Conflict.found_at.desc(), Conflict.uuid)


def conflict_ids() -> Select:
    return (
        select(Conflict.uuid)
        .where(Conflict.uuid >= bindparam("low"), Conflict.uuid < bindparam("high"))
        .order_by(Conflict.uuid)
        .limit(2)
    )


def open_conflicts_count() -> Select:
    return select(func.count(Conflict.uuid).label("count")).where(Conflict.settled_by.is_(None))


QUERIES.update(
    {
        Q.deletions: deletions,
        Q.database_info: database_info,
        Q.sync_peer: sync_peer,
        Q.last_change_of: last_change_of,
        Q.last_position: last_position,
        Q.changeset_at: changeset_at,
        Q.changesets_after: changesets_after,
        Q.changesets_present: changesets_present,
        Q.changes_in: changes_in,
        Q.deletions_of: deletions_of,
        Q.conflicts: conflicts,
        Q.conflict_ids: conflict_ids,
        Q.open_conflicts_count: open_conflicts_count,
    }
)
