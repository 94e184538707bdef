"""Build a large database for timing: the reference data plus generated engagements.

    python bench/large_db.py bench/data/large.db [--engagements 1000000] [--campaigns 500]

Engagements are spread over 2010-2025 across every kind, area and channel, each with one to
three states; démarches get a reply per state, and campaigns target 50-120 states each. The
rows are random but seeded, so two builds are the same. Writes go straight through sqlite3
in large batches; the schema, indexes and triggers are the ones ccm creates.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

from ccmtui.db.session import Database
from ccmtui.domain.areas import AREAS
from ccmtui.domain.engagements import CHANNELS, KINDS

FIRST, LAST = date(2010, 1, 1), date(2025, 12, 31)
KIND_WEIGHTS = {"demarche": 15, "meeting": 25, "letter": 10, "note-verbale": 10, "call": 10, "email": 15,
                "workshop": 5, "statement": 5, "other": 5}  # fmt: skip
AREA_WEIGHTS = {"universalization": 30, "stockpile-destruction": 10, "clearance": 15, "victim-assistance": 10,
                "cooperation": 10, "transparency": 10, "national-implementation": 5, "compliance": 5,
                "implementation-support": 5}  # fmt: skip
BATCH = 20_000


def _ids(rng: random.Random):
    while True:
        yield str(uuid.UUID(int=rng.getrandbits(128), version=4))


def build(path: Path, engagements: int, campaigns: int, seed: int = 2014) -> None:
    path.unlink(missing_ok=True)
    Database(path).ensure().dispose()
    rng = random.Random(seed)
    ids = _ids(rng)
    connection = sqlite3.connect(path, isolation_level=None)
    # A throwaway build: no journal while filling, WAL (as ccm uses) once done.
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA cache_size = -400000")
    states = [row[0] for row in connection.execute("SELECT iso3 FROM states ORDER BY iso3")]
    kinds, kind_weights = zip(*KIND_WEIGHTS.items())
    areas, area_weights = zip(*AREA_WEIGHTS.items())
    assert set(kinds) == set(KINDS) and set(areas) == set(AREAS)
    channels = list(CHANNELS)
    span = (LAST - FIRST).days
    stamp = datetime(2025, 9, 8).isoformat(sep=" ")
    started = time.perf_counter()
    connection.execute("BEGIN")
    made = 0
    while made < engagements:
        count = min(BATCH, engagements - made)
        rows, targets, replies = [], [], []
        for kind, area in zip(rng.choices(kinds, kind_weights, k=count), rng.choices(areas, area_weights, k=count)):
            engagement = next(ids)
            day = FIRST + timedelta(days=rng.randrange(span + 1))
            rows.append(
                (engagement, day.isoformat(), kind, area, rng.choice(channels), f"{KINDS[kind]} on {AREAS[area].lower()}",
                 "", "", None, "bench", 1, stamp, stamp)
            )  # fmt: skip
            for iso3 in rng.sample(states, rng.randint(1, 3)):
                targets.append((next(ids), engagement, iso3, stamp, stamp))
                if kind == "demarche":
                    status = rng.choices(("replied", "pending", "no-reply"), (6, 2, 2))[0]
                    received = (day + timedelta(days=rng.randint(5, 90))).isoformat() if status == "replied" else None
                    replies.append((next(ids), engagement, iso3, status, received, "", 0, stamp, stamp))
        _insert(connection, rows, targets, replies)
        made += count
        print(f"\r{made:,} engagements", end="", file=sys.stderr)
    for number in range(campaigns):
        engagement = next(ids)
        day = FIRST + timedelta(days=rng.randrange(span + 1))
        area = rng.choices(areas, area_weights)[0]
        chosen = rng.sample(states, rng.randint(50, 120))
        _insert(
            connection,
            [(engagement, day.isoformat(), "demarche", area, "capital", f"Campaign {number + 1}", "", "", None, "bench", 1,
              stamp, stamp)],
            [(next(ids), engagement, iso3, stamp, stamp) for iso3 in chosen],
            [(next(ids), engagement, iso3, status, (day + timedelta(days=30)).isoformat() if status == "replied" else None,
              "", 0, stamp, stamp)
             for iso3, status in zip(chosen, rng.choices(("replied", "pending", "no-reply"), k=len(chosen)))],
        )  # fmt: skip
        connection.execute(
            "INSERT INTO campaigns (uuid, title, engagement_uuid, selection, recorded_by, created_at, updated_at) "
            "VALUES (?, ?, ?, '', 'bench', ?, ?)",
            (next(ids), f"Campaign {number + 1}", engagement, stamp, stamp),
        )
    connection.execute("COMMIT")
    connection.execute("ANALYZE")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.close()
    print(f"\nbuilt {path} in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def _insert(connection, rows, targets, replies) -> None:
    connection.executemany(
        "INSERT INTO engagements (uuid, occurred_on, kind, area, channel, summary, notes, action_points, follow_up_on, "
        "recorded_by, illustrative, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    connection.executemany(
        "INSERT INTO engagement_states (uuid, engagement_uuid, iso3, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
        targets,
    )
    connection.executemany(
        "INSERT INTO replies (uuid, engagement_uuid, iso3, status, received_on, summary, illustrative, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        replies,
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--engagements", type=int, default=1_000_000)
    parser.add_argument("--campaigns", type=int, default=500)
    args = parser.parse_args(argv)
    args.path.parent.mkdir(parents=True, exist_ok=True)
    build(args.path, args.engagements, args.campaigns)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
