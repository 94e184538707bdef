"""Edits against deletions in a sync: whether a record deleted on one side comes back (docs/team.md)."""

from __future__ import annotations

from ccmtui.db.sync_report import Conflict, SyncReport
from ccmtui.db.sync_tables import FOREIGN_KEYS, RECORD_TABLES, SYNCED_TABLES
from ccmtui.db.write import plain


def decide_revivals(here, there, gone, since, report, *, push: bool):
    """Edits against deletions: for each record deleted on one side and still on the other, whether it comes back."""
    snapshot = {}
    for table, (gone_here, gone_there) in gone.items():
        uuids = sorted(gone_here.keys() | gone_there.keys())
        mine = here.stamps_of(table, uuids) if uuids else {}
        theirs = there.stamps_of(table, uuids) if uuids else {}
        snapshot[table] = (mine, theirs, gone_here, gone_there)
    revive_here = _revivals(there, snapshot, "here", since, report)
    revive_there = _revivals(here, snapshot, "there", since, report) if push else {}
    return revive_here, revive_there


def _revivals(source, snapshot, into: str, since: str | None, report: SyncReport) -> dict[tuple[str, str], bool]:
    """For each record deleted on the side `into` but still on `source`: whether it comes back.

    A deletion wins over the edits made before it and loses to an edit made after it. The
    decision is taken for a record and its children together (an engagement with its states,
    acting parties, replies, attachments, campaign): an edit after the deletion to any one of
    them brings the whole family back; otherwise the whole family goes. Each such meeting of an
    edit and a deletion since the last sync is reported as a conflict.
    """
    order = {name: i for i, name in enumerate(SYNCED_TABLES)}
    found: dict[tuple[str, str], bool] = {}
    when: dict[tuple[str, str], tuple[str, str]] = {}
    for table in RECORD_TABLES:
        mine, theirs, gone_here, gone_there = snapshot[table]
        present, absent, gone = (theirs, mine, gone_here) if into == "here" else (mine, theirs, gone_there)
        for uuid, stamp in present.items():
            if uuid not in absent and uuid in gone:
                found[(table, uuid)] = plain(stamp) > gone[uuid]
                when[(table, uuid)] = (plain(stamp), gone[uuid])
    if not found:
        return found
    parent: dict[tuple[str, str], tuple[str, str]] = {}
    by_table: dict[str, list[str]] = {}
    for table, uuid in found:
        by_table.setdefault(table, []).append(uuid)
    for table, uuids in by_table.items():
        links = [
            (column, target)
            for column, target, target_column in FOREIGN_KEYS.get(table, ())
            if target_column == "uuid" and target != table
        ]
        if not links:
            continue
        for row in source.get_many(table, uuids):
            for column, target in links:
                if (target, row.get(column)) in found:
                    parent[(table, row["uuid"])] = (target, row[column])
    # Up: an edit after the deletion to a child brings its parent back; then down: the family follows its parent.
    for key in sorted(found, key=lambda k: -order[k[0]]):
        if found[key] and key in parent:
            found[parent[key]] = True
    for key in sorted(found, key=lambda k: order[k[0]]):
        if key in parent:
            found[key] = found[parent[key]]
    # A family's latest edit: its own or any of its children's.
    root_of = {}
    for key in found:
        root = key
        while root in parent:
            root = parent[root]
        root_of[key] = root
    latest = {}
    for key, root in root_of.items():
        latest[root] = max(latest.get(root, ""), when[key][0])
    for key, revived in found.items():
        if key in parent:
            continue
        edited, deleted = latest[key], when[key][1]
        if since is None or edited <= since or deleted <= since:
            continue
        table, uuid = key
        kept = ("there" if revived else "here") if into == "here" else ("here" if revived else "there")
        here_side, there_side = (f"deleted {deleted}", edited) if into == "here" else (edited, f"deleted {deleted}")
        report.conflicts.append(Conflict(table, uuid, kept, here_side, there_side, deleted=into))
    return found
