"""The benchmark itself keeps working: `python bench/run.py --quick` on a small database."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ..conftest import ROOT

# Whole processes and a benchmark round: .ci/run runs them with `pytest -m slow`.
pytestmark = pytest.mark.slow


@pytest.mark.sqlite_only
def test_the_quick_benchmark_runs_and_reports_every_row(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "run.py"),
            "--quick",
            "--data",
            str(tmp_path / "data"),
            "--results",
            str(tmp_path / "results"),
        ],
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


FAKE_APP = r"""
import os, sys, termios, time, tty
tty.setraw(0)
time.sleep(0.3)
os.write(1, b"dashboard ready")
while True:
    key = os.read(0, 16)
    if key == b"\x11":  # ctrl+q, the app's quit key
        break
    time.sleep(0.02)
    os.write(1, b"cursor moved")
"""


def test_the_terminal_app_harness_times_ready_and_a_key_press(tmp_path):
    """The app's rows: run in a pseudo-terminal, ready once its screen settles, a key, then quit."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import run
    finally:
        sys.path.remove(str(ROOT / "bench"))
    launcher = run.Launcher(dict(__import__("os").environ), tmp_path)
    try:
        result = launcher.run([sys.executable, "-c", FAKE_APP], terminal=True, key=run.TUI_KEY, quit=run.TUI_QUIT)
    finally:
        launcher.close()
    assert result.code == 0, result
    assert 0.3 <= result.seconds < 5
    assert result.repaint is not None and 0.02 <= result.repaint < 1
    assert result.peak_bytes > 1024 * 1024


FAKE_SCREENS = r"""
import os, sys, time, tty
tty.setraw(0)
os.write(1, b"dashboard ready")
seen = b""
while True:
    key = os.read(0, 16)
    if key == b"\x11":  # ctrl+q, the app's quit key
        break
    if key == b"\x1b[F":
        # The measured key must come after every setup key, each in its turn.
        time.sleep(0.03)
        os.write(1, b"the oldest row" if seen == b"e/x" else b"too early")
        continue
    seen += key
    if key != b"/":  # a text field: its cursor would blink, the screen never settles
        time.sleep(0.2)
        os.write(1, b"screen " + key)
sys.exit(0 if seen == b"e/x" else 3)
"""


def test_setup_keys_reach_a_screen_before_the_measured_key(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import run
    finally:
        sys.path.remove(str(ROOT / "bench"))
    row = run.Row(
        "fake",
        "≤ 100 ms",
        lambda i: [sys.executable, "-c", FAKE_SCREENS],
        terminal=True,
        setup=("e", ("/", 0.3), "x"),
        key=run.TUI_END,
    )
    launcher = run.Launcher(dict(__import__("os").environ), tmp_path)
    try:
        result = row.start(launcher, 0)
    finally:
        launcher.close()
    assert result.code == 0, result
    assert result.repaint is not None and 0.03 <= result.repaint < 1
    row.runs.append(result)
    summary = run.summarise_key(row)
    assert summary["status"] == "measured" and summary["met"] in (True, False) and summary["peak_mib"] > 1


def test_a_command_that_hangs_is_killed_at_the_limit_and_its_row_fails(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import run
    finally:
        sys.path.remove(str(ROOT / "bench"))
    launcher = run.Launcher(dict(__import__("os").environ), tmp_path)
    try:
        hung = launcher.run(
            [sys.executable, "-c", "import time; print('first'); time.sleep(60)"], first_line=True, limit=1
        )
        quick = launcher.run([sys.executable, "-c", "print('done')"], first_line=True)
    finally:
        launcher.close()
    assert hung.code == 124 and "killed after 1 s" in hung.error
    assert 1 <= hung.seconds < 10
    assert quick.code == 0 and quick.first is not None


def _run_module():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import run
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return run


@pytest.mark.parametrize(("shell_s", "judged"), [(0.016, False), (0.600, True)])
def test_a_comparison_with_the_sqlite3_shell_is_judged_only_when_the_shell_does_real_work(shell_s, judged):
    """At 100,000 engagements the shell's export takes less than two Python starts: a ratio to it
    measures start-up, so it is shown but not counted against the target."""
    run = _run_module()
    baseline = run.Row("python -c pass", argv=lambda i: [], runs=[run.Run(0.012, 1, 0, cpu=0.011)] * 3)
    shell = run.Row("sqlite3 -csv", argv=lambda i: [], runs=[run.Run(shell_s, 1, 0, cpu=shell_s)] * 3)
    export = run.Row(
        "ccm export",
        argv=lambda i: [],
        compare_sqlite="sqlite3 -csv",
        limit_sqlite=3,
        runs=[run.Run(shell_s * 4, 20 * 2**20, 0, cpu=shell_s * 4)] * 3,
    )
    result = run.summarise(export, baseline, {"sqlite3 -csv": shell})
    assert result["ratio_sqlite"] == 4.0
    assert result.get("sqlite_judged", True) is judged
    assert ("met" in result) is judged and result.get("met") in (False, None)
