"""The change logs in a sync: positions, what each side lacks, the records it touched, deletions.

See ccmtui.db.sync: each side remembers, per peer, how far into the peer's log it has read, and
checks by the log's chain of hashes that the peer's log is still the one it read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import zip_longest
from typing import TYPE_CHECKING

from ccmtui.db.queries import Q
from ccmtui.db.write import plain

if TYPE_CHECKING:
    from ccmtui.db.read import Reader
    from ccmtui.db.write import Writer

BATCH = 5_000


def _deletions(rows) -> dict[str, str]:
    """uuid -> when, for records whose latest logged change is a deletion.

    When is the first deletion since the record was last inserted: a deletion passed on by a sync
    is logged again, later, and must not count as a deletion made then.
    """
    latest: dict[str, tuple[str, str]] = {}
    for row in rows:
        if row.action not in ("insert", "delete"):
            continue
        previous = latest.get(row.record_uuid)
        if row.action == "delete" and previous is not None and previous[0] == "delete":
            continue
        latest[row.record_uuid] = (row.action, plain(row.made_at))
    return {uuid: when for uuid, (action, when) in latest.items() if action == "delete"}


def deleted_records(writer: Writer, table: str, among: set[str] | None = None) -> dict[str, str]:
    """The records of a table deleted here (see `_deletions`): all of them, or those `among` some uuids."""
    if among is None:
        return _deletions(writer.rows(Q.deletions, table=table))
    found: dict[str, str] = {}
    uuids = sorted(among)
    for start in range(0, len(uuids), BATCH):
        found.update(_deletions(writer.rows(Q.deletions_of, table=table, records=uuids[start : start + BATCH])))
    return found


@dataclass
class Peer:
    """What one side remembers of the other: when they last synced, and how far into its log it has read."""

    last_synced: str | None = None
    taken_up_to: int | None = None
    taken_chain: str | None = None


def known_peer(reader: Reader, peer: str) -> Peer:
    found = reader.rows(Q.sync_peer, peer=peer)
    if not found:
        return Peer()
    return Peer(plain(found[0].last_synced_at), found[0].taken_up_to, found[0].taken_chain)


def remember(writer: Writer, peer: str, label: str, taken: tuple[int, str] | None) -> None:
    """Store how far into the peer's log this side has read (None: nowhere, compare every record next time)."""
    position, chain = taken if taken is not None else (None, None)
    values = {"last_synced_at": writer.stamp, "peer_label": label, "taken_up_to": position, "taken_chain": chain}
    found = writer.rows(Q.sync_peer, peer=peer)
    if found:
        writer.update("sync_peers", found[0].uuid, values)
    else:
        writer.insert("sync_peers", {"peer_uuid": peer, **values})


def still_valid(peer: Peer, source: Reader, source_end: int) -> bool:
    """Whether the log remembered in `source` up to a position is still its log up to there.

    The chain of hashes at that position says so. It is not when the source is another database
    under the same id (another copy of a file, a server restored from a backup, which gives the
    positions after its backup to other change sets): then every record is compared.
    """
    position = peer.taken_up_to
    if position is None or peer.taken_chain is None or position > source_end:
        return False
    if position == 0:
        return peer.taken_chain == ""
    found = source.rows(Q.changeset_at, position=position)
    return bool(found) and found[0].chain == peer.taken_chain


def peer_ids(here_id: str, there_id: str, here_label: str, there_label: str) -> tuple[str, str]:
    """How two databases know each other: by id; copies of one file share an id, then by id and location."""
    if here_id == there_id:
        return f"{here_id[:24]}:{here_label}"[:36], f"{there_id[:24]}:{there_label}"[:36]
    return here_id, there_id


def in_step(here: Reader, there: Reader, *, here_label: str, there_label: str) -> bool:
    """Whether a sync between two databases would find nothing to do, known from their logs alone.

    So it is when each side remembers a position in the other's log that the other's chain still
    confirms, and holds every change set the other logged after it (those a sync brought over
    itself): then no record needs comparing. Only reads (nothing is locked or written), so that a
    sync with nothing to do costs a few small queries. More than a page of change sets to look at,
    or any doubt, and the sync itself decides (and moves the positions on).
    """
    found = [side.rows(Q.database_info) for side in (here, there)]
    if not (found[0] and found[1]):
        return False
    here_id, there_id = peer_ids(found[0][0].uuid, found[1][0].uuid, here_label, there_label)
    return _caught_up(here, there, there_id) and _caught_up(there, here, here_id)


def _caught_up(destination: Reader, source: Reader, source_id: str) -> bool:
    """Whether `destination` holds every change set of `source`'s log (see `in_step`)."""
    peer = known_peer(destination, source_id)
    last = source.rows(Q.last_position)
    end = last[0].position if last else 0
    if not still_valid(peer, source, end):
        return False
    page = source.rows(Q.changesets_after, after=peer.taken_up_to, upto=end, limit=BATCH)
    if len(page) == BATCH:
        return False
    if not page:
        return True
    present = {row.uuid for row in destination.rows(Q.changesets_present, changesets=[row.uuid for row in page])}
    return all(row.uuid in present for row in page)


def _missing(source: Writer, destination: Writer, after: int, upto: int) -> Iterator[list[str]]:
    """The change sets of `source`'s log after position `after` (up to `upto`) that `destination`
    lacks, a page at a time, in log order."""
    while True:
        page = source.rows(Q.changesets_after, after=after, upto=upto, limit=BATCH)
        if not page:
            return
        after = page[-1].position
        present = destination.stamps_of("changesets", [row.uuid for row in page])
        missing = [row.uuid for row in page if row.uuid not in present]
        if missing:
            yield missing


def touched_records(source: Writer, destination: Writer, after: int, upto: int, touched: dict[str, set[str]]) -> None:
    """Add to `touched` (table -> uuids) the records changed by the change sets `destination` lacks."""
    for missing in _missing(source, destination, after, upto):
        for start in range(0, len(missing), 500):
            for change in source.rows(Q.changes_in, changesets=missing[start : start + 500]):
                touched.setdefault(change.table_name, set()).add(change.record_uuid)


def take_logs(
    here: Writer, there: Writer, pull: tuple[int, int], push: tuple[int, int] | None
) -> tuple[Counter, Counter]:
    """Copy the change sets each side lacks (see `_missing`), with their changes: `there`'s log from
    `pull` (after, up to) into `here`, and with `push`, `here`'s into `there`.

    They arrive in log order (a change set that reverts another comes after it). Both ways in turns,
    a batch at a time: one read from there, one sent there, then the first written here (a server
    stores what it was sent meanwhile). Returns how many change sets and changes came in and went out.
    """
    came: Counter = Counter()
    went: Counter = Counter()
    pulled = _log_batches(there, here, *pull)
    pushed = _log_batches(here, there, *push) if push is not None else iter(())
    for taken, given in zip_longest(pulled, pushed):
        if given is not None:
            there.copy_in(*given)
            went[given[0]] += len(given[1])
        if taken is not None:
            here.copy_in(*taken)
            came[taken[0]] += len(taken[1])
    return came, went


def _log_batches(source: Writer, destination: Writer, after: int, upto: int) -> Iterator[tuple[str, list[dict]]]:
    """The change sets `destination` lacks and then their changes, as (table, rows) batches in log order."""
    for missing in _missing(source, destination, after, upto):
        order = {uuid: i for i, uuid in enumerate(missing)}
        yield "changesets", sorted(source.get_many("changesets", missing), key=lambda r: order[r["uuid"]])
        for start in range(0, len(missing), 500):
            uuids = [change.uuid for change in source.rows(Q.changes_in, changesets=missing[start : start + 500])]
            for first in range(0, len(uuids), BATCH):
                changes = source.get_many("changes", uuids[first : first + BATCH])
                yield "changes", sorted(changes, key=lambda change: change["uuid"])


def hand_over_log(source, destination) -> None:
    if source.changeset is None:
        return
    destination.copy_in("changesets", [source.get("changesets", source.changeset)])
    changes = [change.uuid for change in source.rows(Q.changes_of, changeset=source.changeset)]
    destination.copy_in("changes", source.get_many("changes", changes))
