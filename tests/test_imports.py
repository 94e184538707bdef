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
