"""kill -9 at random moments: the file stays sound and each command is fully there or fully absent.

Each command is run once undisturbed, to time it (and, for the import, to see when its journal
starts to fill); then, many times, it is started and killed at a random moment, and the database
is checked. Both journal modes are covered: the sample's rollback journal, and WAL as ccm creates.
"""

from __future__ import annotations

import csv
import random
import shutil
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from .conftest import ccm_process, integrity, run_ccm

pytestmark = [pytest.mark.sqlite_only, pytest.mark.slow]

# Africa (54), Asia (48) and Oceania (16), and two named states: 120 targets.
CAMPAIGN_TARGETS = (
    "--to",
    "region:Africa",
    "--to",
    "region:Asia",
    "--to",
    "region:Oceania",
    "--to",
    "BRA",
    "--to",
    "USA",
)
IMPORT_ROWS = 10_000


def timed(*args) -> float:
    started = time.perf_counter()
    result = run_ccm(*args)
    assert result.returncode == 0, result.stderr
    return time.perf_counter() - started


def journal_written(db) -> bool:
    return any(
        Path(f"{db}{suffix}").exists() and Path(f"{db}{suffix}").stat().st_size > 0 for suffix in ("-wal", "-journal")
    )


def write_window(db, *args) -> tuple[float, float]:
    """An undisturbed run: (when its journal first holds data, when it ends), in seconds from the start."""
    started = time.perf_counter()
    process = ccm_process(*args)
    first = None
    while process.poll() is None:
        if first is None and journal_written(db):
            first = time.perf_counter() - started
        time.sleep(0.005)
    process.communicate()
    assert process.returncode == 0
    end = time.perf_counter() - started
    return (first if first is not None else end / 2), end


def kill_after(delay: float, *args) -> bool:
    """Start ccm, kill -9 it after `delay` seconds; whether it was still running then."""
    process = ccm_process(*args)
    try:
        process.wait(timeout=delay)
        finished = True
    except Exception:
        finished = False
        process.send_signal(signal.SIGKILL)
    process.communicate()
    return not finished


def campaign_state(db, title: str) -> str:
    """'absent', 'whole', or a description of what is half there."""
    connection = sqlite3.connect(db)
    try:
        campaigns = connection.execute("SELECT engagement_uuid FROM campaigns WHERE title = ?", (title,)).fetchall()
        engagements = connection.execute("SELECT uuid FROM engagements WHERE summary = ?", (title,)).fetchall()
        changesets = connection.execute(
            "SELECT uuid FROM changesets WHERE command LIKE ?", (f"campaign new '{title}'%",)
        ).fetchall()
        if not campaigns and not engagements and not changesets:
            return "absent"
        if len(campaigns) != 1 or engagements != [(campaigns[0][0],)] or len(changesets) != 1:
            return f"half: {len(campaigns)} campaigns, {len(engagements)} engagements, {len(changesets)} changesets"
        engagement = campaigns[0][0]
        count = lambda sql: connection.execute(sql, (engagement,)).fetchone()[0]  # noqa: E731
        states = count("SELECT count(*) FROM engagement_states WHERE engagement_uuid = ?")
        replies = count("SELECT count(*) FROM replies WHERE engagement_uuid = ? AND status = 'pending'")
        (changes,) = connection.execute(
            "SELECT count(*) FROM changes WHERE changeset_uuid = ?", (changesets[0][0],)
        ).fetchone()
        actors = count("SELECT count(*) FROM engagement_actors WHERE engagement_uuid = ?")
        if states == replies == 120 and changes == 1 + 120 + actors + 1 + 120:
            return "whole"
        return f"half: {states} targets, {replies} replies, {changes} changes"
    finally:
        connection.close()


@pytest.fixture(params=["rollback journal", "WAL"])
def journaled(request, sample_db):
    """The sample keeps a rollback journal; a database ccm creates uses WAL: both must survive a kill."""
    if request.param == "WAL":
        connection = sqlite3.connect(sample_db)
        assert connection.execute("PRAGMA journal_mode = WAL").fetchone() == ("wal",)
        connection.close()
    return sample_db


def test_killing_campaign_new_leaves_it_whole_or_absent(journaled, identity):
    sample_db = journaled
    base = ("--db", sample_db, "campaign", "new")
    options = (*CAMPAIGN_TARGETS, "--yes", "--date", "2025-05-05", "--area", "universalization")
    duration = min(timed(*base, "Calibration campaign", *options) for _ in range(2))
    rng = random.Random(120)
    outcomes = {"absent": 0, "whole": 0}
    for attempt in range(30):
        title = f"Crash campaign {attempt}"
        kill_after(duration * rng.uniform(0.3, 1.1), *base, title, *options)
        assert integrity(sample_db) == "ok"
        state = campaign_state(sample_db, title)
        assert state in outcomes, f"{title}: {state}"
        outcomes[state] += 1
    assert outcomes["absent"] > 0  # some kills did land before the commit
    assert run_ccm(*base, "After the crashes", *options).returncode == 0
    assert campaign_state(sample_db, "After the crashes") == "whole"


def test_killing_a_10000_row_import_leaves_all_rows_or_none(journaled, identity, tmp_path):
    sample_db = journaled
    rng = random.Random(10_000)
    names = ["KEN", "UGA", "Lao PDR", "Ivory Coast", "BRA", "IND", "CHN", "USA", "Viet Nam"]

    def write_file(batch: int):
        path = tmp_path / f"batch{batch}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            out = csv.writer(handle)
            out.writerow(["date", "kind", "states", "area", "summary", "notes"])
            for i in range(IMPORT_ROWS):
                out.writerow(
                    [
                        f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                        rng.choice(["call", "meeting", "letter", "demarche"]),
                        ";".join(rng.sample(names, 2)),
                        "universalization",
                        f"Batch {batch} row {i}",
                        "Met the desk officer; the bill is with parliament. " * rng.randint(0, 3),
                    ]
                )
        return path

    def batch_rows(batch: int) -> int:
        connection = sqlite3.connect(sample_db)
        try:
            return connection.execute(
                "SELECT count(*) FROM engagements WHERE summary LIKE ?", (f"Batch {batch} row %",)
            ).fetchone()[0]
        finally:
            connection.close()

    writing, duration = write_window(sample_db, "--db", sample_db, "import", "engagements", write_file(999))
    killed_before_commit = mid_write = 0
    for batch in range(8):
        path = write_file(batch)
        # Every other kill falls while the import writes; the others anywhere in its run.
        delay = rng.uniform(writing, duration) if batch % 2 == 0 else duration * rng.uniform(0.2, 1.05)
        kill_after(delay, "--db", sample_db, "import", "engagements", path)
        written_but_not_committed = journal_written(sample_db)
        assert integrity(sample_db) == "ok"
        found = batch_rows(batch)
        assert found in (0, IMPORT_ROWS), f"batch {batch}: {found} of {IMPORT_ROWS} rows"
        killed_before_commit += found == 0
        # Data in a journal, and none of the rows: the kill came while the import was writing.
        mid_write += written_but_not_committed and found == 0
    assert killed_before_commit > 0
    assert mid_write > 0
    assert run_ccm("--db", sample_db, "import", "engagements", write_file(1000)).returncode == 0
    assert batch_rows(1000) == IMPORT_ROWS
    assert integrity(sample_db) == "ok"


def test_killing_ccm_log_and_states_update_leaves_nothing_half_written(sample_db, identity, tmp_path):
    from ..conftest import REFERENCE

    duration = timed("--db", sample_db, "log", "call", "KEN", "-m", "calibration")
    rng = random.Random(3)
    for attempt in range(15):
        kill_after(
            duration * rng.uniform(0.3, 1.1),
            "--db",
            sample_db,
            "log",
            "meeting",
            "KEN",
            "UGA",
            "-m",
            f"Crash log {attempt}",
            "--by",
            "ICRC",
        )
        assert integrity(sample_db) == "ok"
        connection = sqlite3.connect(sample_db)
        rows = connection.execute(
            "SELECT uuid FROM engagements WHERE summary = ?", (f"Crash log {attempt}",)
        ).fetchall()
        if rows:
            (links,) = connection.execute(
                "SELECT count(*) FROM engagement_states WHERE engagement_uuid = ?", rows[0]
            ).fetchone()
            (actors,) = connection.execute(
                "SELECT count(*) FROM engagement_actors WHERE engagement_uuid = ?", rows[0]
            ).fetchone()
            assert (len(rows), links, actors) == (1, 2, 1)
        connection.close()
    # A register update touching every state: all of them, or none.
    text = (REFERENCE / "states.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    header, body = lines[0], lines[1:]
    annotated = tmp_path / "annotated.csv"
    with annotated.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        reader = csv.DictReader([header, *body])
        out.writerow(reader.fieldnames)
        for row in reader:
            row["source"] = (row["source"] or "") + " (checked)"
            out.writerow([row[c] for c in reader.fieldnames])
    probe = tmp_path / "probe.db"
    shutil.copy(sample_db, probe)
    duration = timed("--db", probe, "states", "update", annotated)
    for _ in range(6):
        kill_after(duration * rng.uniform(0.3, 1.1), "--db", sample_db, "states", "update", annotated)
        assert integrity(sample_db) == "ok"
        connection = sqlite3.connect(sample_db)
        (checked,) = connection.execute("SELECT count(*) FROM states WHERE source LIKE '% (checked)'").fetchone()
        connection.close()
        assert checked in (0, 197)
