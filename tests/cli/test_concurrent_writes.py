"""Two coordinators' processes logging into one file at the same moment both land."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

SCRIPT = """
import sys
from ccmtui.cli import app
for i in range(int(sys.argv[3])):
    try:
        app(["--db", sys.argv[1], "log", "call", "KEN", "-m", f"{sys.argv[2]} call {i}", "-a", "univ",
             "--date", "2024-01-01"], prog_name="ccm")
    except SystemExit as exit:
        if exit.code:
            raise
"""


@pytest.mark.sqlite_only
def test_two_processes_logging_at_once_both_land(sample_db):
    count = 25
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", SCRIPT, str(sample_db), name, str(count)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("first", "second")
    ]
    outputs = [p.communicate(timeout=120) for p in processes]
    for process, (_out, err) in zip(processes, outputs):
        assert process.returncode == 0, err
        assert "locked" not in err
    connection = sqlite3.connect(sample_db)
    summaries = {s for (s,) in connection.execute("SELECT summary FROM engagements WHERE kind = 'call'")}
    assert summaries == {f"{name} call {i}" for name in ("first", "second") for i in range(count)}
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
