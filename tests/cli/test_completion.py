"""Shell completion: through bash's own completion function, and at no cost to ordinary commands."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent


def _environment(**extra: str) -> dict[str, str]:
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", **extra}


def _script(shell: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "ccmtui"],
        env=_environment(_CCM_COMPLETE=f"source_{shell}"),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def bash_complete(line: str, tmp_path: Path) -> list[str]:
    """What bash offers for `line` (ending where the cursor is), through the script `ccm` installs."""
    script = tmp_path / "ccm-completion.bash"
    script.write_text(_script("bash"), encoding="utf-8")
    words = line.split(" ")
    program = f"""
source {script}
complete -p ccm >/dev/null || exit 9
COMP_WORDS=({" ".join(f"'{w}'" for w in words)})
COMP_CWORD={len(words) - 1}
COMP_LINE='{line}'
COMP_POINT=${{#COMP_LINE}}
_ccm_completion ccm
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
    result = subprocess.run(["bash", "--norc", "-c", program], env=_environment(), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return [line for line in result.stdout.splitlines() if line]


needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")


@needs_bash
def test_bash_completes_commands_and_options(tmp_path):
    assert sorted(bash_complete("ccm stat", tmp_path)) == ["states", "status"]
    assert "--category" in bash_complete("ccm status --c", tmp_path)


@needs_bash
def test_bash_completes_states_by_code_and_by_name(tmp_path, sample_db):
    assert bash_complete("ccm status KE", tmp_path) == ["KEN"]
    assert bash_complete(f"ccm --db {sample_db} history Keny", tmp_path) == ["Kenya"]
    assert bash_complete("ccm status côte", tmp_path) == ["Côte d'Ivoire"]


@needs_bash
def test_bash_completes_meetings_areas_kinds_and_categories(tmp_path):
    assert bash_complete("ccm status --as-of 4M", tmp_path) == ["4MSP"]
    assert bash_complete("ccm log c", tmp_path) == ["call"]
    assert bash_complete("ccm log call KEN -a univ", tmp_path) == ["universalization"]
    assert bash_complete("ccm status -c I", tmp_path) == ["I", "II", "III"]
    assert bash_complete("ccm export quarter 2025Q1 -f d", tmp_path) == ["docx"]
    assert bash_complete("ccm status --status non", tmp_path) == ["non-signatory"]


@needs_bash
def test_bash_completes_record_ids_the_most_recent_first(tmp_path, sample_db):
    offered = bash_complete(f"ccm --db {sample_db} show ", tmp_path)
    from datetime import date

    from ccmtui.db.queries import Q
    from ccmtui.db.read import open_reader

    reader = open_reader(sample_db)
    try:
        latest = reader.rows(Q.engagements_recent, since=date.min, until=date.max, area=None, kind=None, limit=30)
    finally:
        reader.close()
    assert offered == [row.uuid[:8] for row in latest] and offered
    assert bash_complete(f"ccm --db {sample_db} show {offered[-1][:5]}", tmp_path) == [offered[-1]]


def test_completion_never_creates_a_database(tmp_path):
    missing = tmp_path / "none.db"
    result = subprocess.run(
        [sys.executable, "-m", "ccmtui"],
        env=_environment(_CCM_COMPLETE="complete_bash", COMP_WORDS=f"ccm --db {missing} show ", COMP_CWORD="4"),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and result.stdout.strip() == ""
    assert not missing.exists()


def test_zsh_and_fish_get_the_same_values():
    for shell, variables in (
        ("zsh", {"_TYPER_COMPLETE_ARGS": "ccm status KE"}),
        ("fish", {"_TYPER_COMPLETE_ARGS": "ccm status KE", "_TYPER_COMPLETE_FISH_ACTION": "get-args"}),
    ):
        assert "#compdef ccm" in _script("zsh") if shell == "zsh" else "complete" in _script("fish")
        result = subprocess.run(
            [sys.executable, "-m", "ccmtui"],
            env=_environment(_CCM_COMPLETE=f"complete_{shell}", **variables),
            capture_output=True,
            text=True,
        )
        assert "KEN" in result.stdout, (shell, result.stdout, result.stderr)


PROBE = """
import sys
sys.argv = ["ccm", "--db", sys.argv[1], "status", "--category", "II", "--count"]
try:
    from ccmtui.cli import main
    main()
except SystemExit:
    pass
import json
print(json.dumps(sorted(sys.modules)))
"""


@pytest.mark.sqlite_only
def test_an_ordinary_command_loads_nothing_of_completion(sample_db):
    result = subprocess.run([sys.executable, "-c", PROBE, str(sample_db)], capture_output=True, text=True, check=True)
    modules = set(json.loads(result.stdout.splitlines()[-1]))
    assert "ccmtui.cli._complete" not in modules
