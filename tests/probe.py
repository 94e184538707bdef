"""Run one `ccm` command in a fresh interpreter and see which libraries it loaded: the read paths
must stay light (no SQLAlchemy, no Textual) however the command ends."""

from __future__ import annotations

import json
import subprocess
import sys

MODULES_PROBE = """
import sys
sys.argv = ["ccm", *sys.argv[1:]]
try:
    from ccmtui.cli import main
    main()
except SystemExit:
    pass
import json
print(json.dumps(sorted(m.split(".")[0] for m in sys.modules)))
"""


def ccm_modules(*args: str) -> tuple[subprocess.CompletedProcess, list[str], set[str]]:
    """The run, the lines the command printed, and the top-level modules loaded by the end."""
    result = subprocess.run([sys.executable, "-c", MODULES_PROBE, *args], capture_output=True, text=True)
    *printed, loaded = result.stdout.splitlines() or ["[]"]
    return result, printed, set(json.loads(loaded))
