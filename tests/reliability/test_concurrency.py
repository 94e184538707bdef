"""Several coordinators' processes logging into one SQLite file at once: every row lands.

CI runs 4 processes × 100 `ccm log`; `CCM_STRESS_LOGS=2500` gives the benchmark's 4 × 2,500.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time

import pytest

from .conftest import integrity, run_ccm

# Four processes at once for several seconds: .ci/run runs them with `pytest -m slow`.
pytestmark = pytest.mark.slow

PROCESSES = 4
LOGS = int(os.environ.get("CCM_STRESS_LOGS", "100"))

# One process: wait for the common start, then log one engagement after another, each a whole
# `ccm log` (its own open, transaction and close), reporting any failure on stderr.
WRITER = """
import sys, time
from ccmtui.cli import app
db, name, count, start = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
time.sleep(max(0.0, start - time.time()))
failures = 0
for i in range(count):
    try:
        app(["--db", db, "log", "call", "KEN", "UGA", "-m", f"{name} call {i}", "--date", "2025-03-03",
             "--notes", f"{name} note {i}"], prog_name="ccm")
    except SystemExit as stop:
        if stop.code:
            failures += 1
sys.exit(1 if failures else 0)
"""


@pytest.mark.sqlite_only
def test_four_processes_logging_at_once_lose_nothing(fresh_db, identity):
    assert run_ccm("--db", fresh_db, "status", "--count").returncode == 0
    start = time.time() + 2.0
    names = [f"writer{n}" for n in range(PROCESSES)]
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(fresh_db), name, str(LOGS), str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in names
    ]
    results = [p.communicate(timeout=60 + LOGS) for p in processes]
    for process, (out, err) in zip(processes, results):
        assert "locked" not in (out + err).lower()
        assert "Traceback" not in err
        assert process.returncode == 0, err[-2000:]
    connection = sqlite3.connect(fresh_db)
    try:
        summaries = [s for (s,) in connection.execute("SELECT summary FROM engagements")]
        assert sorted(summaries) == sorted(f"{name} call {i}" for name in names for i in range(LOGS))
        (links,) = connection.execute("SELECT count(*) FROM engagement_states").fetchone()
        assert links == 2 * PROCESSES * LOGS
        (changesets,) = connection.execute("SELECT count(*) FROM changesets").fetchone()
        assert changesets == PROCESSES * LOGS
        (found,) = connection.execute(
            "SELECT count(*) FROM engagement_search WHERE engagement_search MATCH 'note'"
        ).fetchone()
        assert found == PROCESSES * LOGS
    finally:
        connection.close()
    assert integrity(fresh_db) == "ok"
