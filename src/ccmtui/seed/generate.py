"""A large, realistic database for the speed work and the TUI: `ccm sample build --large N PATH`.

Everything in it is invented (every engagement and reply is marked illustrative) but shaped
like a coordinator's decade of work: N engagements from 2015 to 2025 over every kind, area
and channel, with one to three states each (démarches to many at once), acting parties,
notes of a few sentences, action points, follow-ups, campaigns with a reply per target, and
Category I/II/III assessments of states not yet party. The same seed gives the same file.

Rows go in with the standard library's `executemany` and the INSERT statements compiled
from the models (`ccmtui.db.compiled.TABLES`); the schema comes from `Database.ensure`.
Two processes share the work: one invents the rows, the other writes them. Engagements
arrive in date order, so their date indexes grow at the end; the full-text index is fed
a chunk at a time instead of by its per-row triggers; and the rows linking engagements to
states and actors are written last, sorted by engagement, so their indexes grow at the end
too. Their own ids are drawn at random and handed out in that order: nothing looks those
rows up by their ids in bulk, so this changes no query's work.

The rows are invented by `invent.py` from the words of `vocabulary.py`.
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ccmtui.db.compiled import TABLES
from ccmtui.seed.invent import Generator

DEFAULT_ENGAGEMENTS = 1_000_000
DEFAULT_SEED = 2008  # the year the Convention was adopted


@dataclass
class Built:
    """What the generator wrote: row counts per table."""

    path: Path
    counts: dict[str, int] = field(default_factory=dict)


class GenerationError(RuntimeError):
    """The process inventing the rows failed; the message carries its traceback."""


def _produce(sending, states: list[tuple], engagements: int, seed: int) -> None:
    """The inventing process: every chunk down the pipe, then the counts (or the failure)."""
    try:
        counts = Generator(
            states,
            engagements,
            seed,
            send=lambda table, rows: sending.send(("rows", table, rows)),
            milestone=lambda name: sending.send(("milestone", name, None)),
        ).run()
        sending.send(("done", counts, None))
    except BaseException:
        sending.send(("failed", traceback.format_exc(), None))
    finally:
        sending.close()


class _Loader:
    """The writing side: executemany per chunk, and the search index fed as engagements arrive."""

    def __init__(self, connection: sqlite3.Connection):
        self.connection = connection
        self.indexed = 0
        # One big merge at the end instead of many small ones during the load (restored in finish).
        connection.execute("INSERT INTO engagement_search(engagement_search, rank) VALUES ('automerge', 0)")

    def write(self, table: str, rows: list[dict]) -> None:
        self.connection.executemany(TABLES[table]["insert"], rows)
        if table == "engagements":
            (last,) = self.connection.execute("SELECT max(rowid) FROM engagements").fetchone()
            self.connection.execute(
                "INSERT INTO engagement_search(rowid, summary, notes) "
                "SELECT rowid, summary, notes FROM engagements WHERE rowid > ? AND rowid <= ?",
                (self.indexed, last),
            )
            self.indexed = last

    def engagements_written(self) -> None:
        """Merge the search index into one segment, while the other side sorts the links."""
        self.connection.execute("INSERT INTO engagement_search(engagement_search) VALUES ('optimize')")

    def finish(self) -> None:
        self.connection.execute("INSERT INTO engagement_search(engagement_search, rank) VALUES ('automerge', 4)")


def _search_triggers(connection: sqlite3.Connection) -> list[str]:
    """Drop the triggers that keep the search index, the copies of the engagements' values
    (db/rollups.py) and the per-day counts in step with engagements (the rows written here carry the
    first two already; the counts are made once at the end); return their SQL."""
    from ccmtui.db.rollups import LINKS

    tables = ", ".join(f"'{table}'" for table in ("engagements", *LINKS))
    found = connection.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({tables}) ORDER BY name"
    ).fetchall()
    for name, _ in found:
        connection.execute(f'DROP TRIGGER "{name}"')
    return [sql for _, sql in found]


def generate(
    path: str | Path,
    engagements: int = DEFAULT_ENGAGEMENTS,
    seed: int = DEFAULT_SEED,
    on_progress: Callable[[int], None] | None = None,
) -> Built:
    """Write a large database at `path` (replacing any file there) with `engagements` engagements.

    `on_progress(n)` is called as each chunk of `n` engagements is written.
    """
    from ccmtui.db import rollups
    from ccmtui.db.rebuild import replace_target
    from ccmtui.db.session import Database

    if engagements < 1:
        raise ValueError("the number of engagements must be at least 1")
    path = Path(path)
    building = path.with_name(f".{path.name}.{os.getpid()}.large")
    leftovers = [Path(f"{building}{suffix}") for suffix in ("", "-wal", "-shm", "-journal")]
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)
    worker = None
    try:
        Database(building).ensure().dispose()
        connection = sqlite3.connect(building, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode = OFF")  # a half-built file is thrown away, never used
            connection.execute("PRAGMA synchronous = OFF")
            connection.execute("PRAGMA cache_size = -262144")
            # The rows come from the models' own vocabularies; checking each CHECK's IN list per row
            # would double the load time. The tests run PRAGMA integrity_check, which checks them all.
            connection.execute("PRAGMA ignore_check_constraints = ON")
            states = connection.execute(
                "SELECT iso3, name, region, signed, deposited, withdrawal_notified FROM states ORDER BY iso3"
            ).fetchall()
            connection.execute("BEGIN")
            triggers = _search_triggers(connection)
            loader = _Loader(connection)
            context = multiprocessing.get_context("spawn")
            receiving, sending = context.Pipe(duplex=False)
            worker = context.Process(target=_produce, args=(sending, states, engagements, seed), daemon=True)
            worker.start()
            sending.close()
            while True:
                try:
                    message = receiving.recv()
                except EOFError:
                    raise GenerationError("the process inventing the rows stopped without a word") from None
                kind, value, rows = message
                if kind == "rows":
                    loader.write(value, rows)
                    if value == "engagements" and on_progress is not None:
                        on_progress(len(rows))
                elif kind == "milestone":
                    loader.engagements_written()
                elif kind == "failed":
                    raise GenerationError(value)
                else:
                    counts = value
                    break
            receiving.close()
            loader.finish()
            # The per-day counts the dropped triggers would have kept, in one GROUP BY each.
            for statement in rollups.rebuild("sqlite"):
                connection.execute(statement)
            for statement in triggers:
                connection.execute(statement)
            connection.execute("COMMIT")
            connection.execute("PRAGMA journal_mode = WAL")
        finally:
            connection.close()
        replace_target(building, path)
    finally:
        if worker is not None:
            worker.join(timeout=5)
            if worker.is_alive():
                worker.kill()
                worker.join()
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
    return Built(path, counts)
