"""The read path stays light: `ccm status` loads neither Textual nor SQLAlchemy."""

from __future__ import annotations

import pytest

import json
import subprocess
import sys

PROBE = """
import sys, runpy
sys.argv = ["ccm", "--db", sys.argv[1], "status", "--category", "II", "--count"]
try:
    from ccmtui.cli import main
    main()
except SystemExit:
    pass
import json
print(json.dumps(sorted(m.split(".")[0] for m in sys.modules)))
"""


@pytest.mark.sqlite_only
def test_status_imports_neither_textual_nor_sqlalchemy(sample_db):
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(sample_db)], capture_output=True, text=True, check=True
    )
    first, modules = result.stdout.splitlines()[0], set(json.loads(result.stdout.splitlines()[-1]))
    assert first.strip().isdigit()
    assert "textual" not in modules
    assert "sqlalchemy" not in modules
    assert "pydantic" not in modules


def test_python_m_ccmtui_runs():
    result = subprocess.run([sys.executable, "-m", "ccmtui", "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.startswith("ccm ")


LIGHT_PROBE = """
import sys
sys.argv = ["ccm", "--db", sys.argv[1], *sys.argv[2:]]
try:
    from ccmtui.cli import main
    main()
except SystemExit:
    pass
import json
print(json.dumps(sorted(m.split(".")[0] for m in sys.modules)))
"""


def test_workplan_reads_and_the_quarterly_summary_load_neither_textual_nor_sqlalchemy(sample_db, tmp_path):
    for args in (
        ["milestone", "list", "--quarter", "2025Q1"],
        ["export", "quarter", "2025Q1", "-f", "csv", "-o", str(tmp_path / "q.csv")],
        ["workplan", "export", "-o", str(tmp_path / "plan.toml")],
        ["export", "ics", "-o", str(tmp_path / "calendar.ics")],
    ):
        result = subprocess.run(
            [sys.executable, "-c", LIGHT_PROBE, str(sample_db), *args], capture_output=True, text=True, check=True
        )
        modules = set(json.loads(result.stdout.splitlines()[-1]))
        assert "sqlalchemy" not in modules, args
        assert "textual" not in modules, args
