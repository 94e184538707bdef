"""The read path stays light: `ccm status` loads neither Textual nor SQLAlchemy."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.probe import ccm_modules


@pytest.mark.sqlite_only
def test_status_imports_neither_textual_nor_sqlalchemy(sample_db):
    _, printed, modules = ccm_modules("--db", str(sample_db), "status", "--category", "II", "--count")
    first = printed[0]
    assert first.strip().isdigit()
    assert "textual" not in modules
    assert "sqlalchemy" not in modules
    assert "pydantic" not in modules


@pytest.mark.sqlite_only
def test_the_frequent_reads_start_without_the_command_line_parser(sample_db):
    # The lean start: no Typer, no Click, no completion machinery (subprocess) for the table or the count.
    for args in (
        ["status", "--category", "II"],
        ["status", "-c", "II", "--count"],
        ["status", "KEN"],
        ["due"],
        ["engagements", "--state", "KEN"],
        ["engagements", "--jsonl"],
        ["history", "MNE"],
        ["history", "MNE", "--all"],
    ):
        result, printed, modules = ccm_modules("--db", str(sample_db), *args)
        assert result.returncode == 0 and printed, result.stderr
        assert not {"typer", "click", "subprocess", "shellingham", "platformdirs"} & modules, args
    # Help still comes from Typer, as before.
    result, printed, modules = ccm_modules("--db", str(sample_db), "status", "-h")
    assert "typer" in modules and any("--category" in line for line in printed)


def test_python_m_ccmtui_runs():
    result = subprocess.run([sys.executable, "-m", "ccmtui", "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.startswith("ccm ")


def test_workplan_reads_and_the_quarterly_summary_load_neither_textual_nor_sqlalchemy(sample_db, tmp_path):
    for args in (
        ["milestone", "list", "--quarter", "2025Q1"],
        ["export", "quarter", "2025Q1", "-f", "csv", "-o", str(tmp_path / "q.csv")],
        ["workplan", "export", "-o", str(tmp_path / "plan.toml")],
        ["export", "ics", "-o", str(tmp_path / "calendar.ics")],
    ):
        _, _, modules = ccm_modules("--db", str(sample_db), *args)
        assert "sqlalchemy" not in modules, args
        assert "textual" not in modules, args


APP_PROBE = """
import sys
from ccmtui import launch
from ccmtui.tui.dashboard_data import EarlyDashboard
from ccmtui.tui.source import Source

early = EarlyDashboard(Source(sys.argv[1], {}))
import ccmtui.tui.app  # what `ccm tui` loads before running the app
data = early.wait()
assert data.register["total"] == 197, data.register
import json
print(json.dumps(sorted(m.split(".")[0] for m in sys.modules)))
"""


@pytest.mark.sqlite_only
def test_opening_the_app_loads_neither_the_command_parser_nor_sqlalchemy(sample_db):
    result = subprocess.run(
        [sys.executable, "-c", APP_PROBE, str(sample_db)], capture_output=True, text=True, check=True
    )
    modules = set(json.loads(result.stdout.splitlines()[-1]))
    assert "textual" in modules
    assert "typer" not in modules and "click" not in modules
    assert "sqlalchemy" not in modules


@pytest.mark.parametrize(
    ("argv", "interactive", "expected"),
    [
        ([], True, (True, None)),
        ([], False, (False, None)),  # a pipe or a script gets the help
        (["tui"], False, (True, None)),
        (["--db", "x.db", "tui"], False, (True, "x.db")),
        (["--db=x.db"], True, (True, "x.db")),
        (["--db", "x.db"], False, (False, None)),
        (["tui", "--help"], True, (False, None)),
        (["status"], True, (False, None)),
        (["--db"], True, (False, None)),
        (["--version"], True, (False, None)),
    ],
)
def test_only_the_app_skips_the_command_parser(argv, interactive, expected):
    from ccmtui.launch import app_request

    assert app_request(argv, interactive) == expected


def test_a_bad_config_stops_the_app_with_one_line(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("name = \n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "ccmtui", "tui"],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "CCM_CONFIG": str(config)},
    )
    assert result.returncode == 1
    assert result.stderr.startswith(f"Error: {config}: not valid TOML") and len(result.stderr.splitlines()) == 1


FORKED_PROBE = """
import sys
from ccmtui.tui.dashboard_data import EarlyDashboard
from ccmtui.tui.source import Source

early = EarlyDashboard(Source(sys.argv[1], {"area": "universalization"}))
try:
    data = early.wait()
except Exception as error:
    print("error:", error)
    raise SystemExit(0)
read_here = "sqlite3" in sys.modules  # the figures came from the child: this process opened nothing
from ccmtui.tui.dashboard_data import load_dashboard

direct = load_dashboard(Source(sys.argv[1], {"area": "universalization"}))
same = (data.register, data.due, data.recent, data.campaigns, data.milestones) == (
    direct.register, direct.due, direct.recent, direct.campaigns, direct.milestones
)
print(read_here, same, data.index.name("KEN"))
"""


@pytest.mark.sqlite_only
def test_the_apps_figures_are_read_by_a_child_process_beside_textuals_import(sample_db, tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    found = subprocess.run(
        [sys.executable, "-c", FORKED_PROBE, str(sample_db)], capture_output=True, text=True, check=True, env=env
    )
    assert found.stdout.split() == ["False", "True", "Kenya"], found.stdout + found.stderr
    # A file the child cannot read: the app's process reads it itself and says why, in one line.
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"not a database at all" * 100)
    found = subprocess.run(
        [sys.executable, "-c", FORKED_PROBE, str(damaged)], capture_output=True, text=True, check=True, env=env
    )
    assert found.stdout.startswith("error:") and "database" in found.stdout, found.stdout + found.stderr
    assert damaged.read_bytes() == b"not a database at all" * 100
