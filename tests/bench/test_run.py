"""The benchmark itself keeps working: `python bench/run.py --quick` on a small database."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ..conftest import ROOT


@pytest.mark.sqlite_only
def test_the_quick_benchmark_runs_and_reports_every_row(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--data", str(tmp_path / "data"),
         "--results", str(tmp_path / "results")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads((tmp_path / "results" / "latest.json").read_text(encoding="utf-8"))
    assert report["quick"] and report["rounds"] == 3
    assert report["baseline"]["median_ms"] > 0
    rows = {row["name"]: row for row in report["rows"]}
    status = rows["ccm status --category II"]
    assert status["status"] == "measured" and status["runs"] == 3
    assert status["ratio_python"] > 1 and "ratio_sqlite" in status and status["peak_mib"] > 5
    for name, row in rows.items():
        assert row["status"] == "measured" or "not available" in row["status"], (name, row["status"])
    assert any(r["name"].startswith("sqlite3") and r["status"] == "measured" for r in report["comparisons"])
    markdown = (tmp_path / "results" / "latest.md").read_text(encoding="utf-8")
    assert "| ccm status --category II |" in markdown and "× python -c pass" in markdown
    assert "python" in report["machine"] and "sqlalchemy" in report["versions"]
