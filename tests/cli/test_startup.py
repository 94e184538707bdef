"""`ccm` builds only the command it runs, and still knows every command when asked."""

from __future__ import annotations

import subprocess
import sys

from ccmtui.cli import app, invoked, only


def test_the_command_is_found_after_the_global_options():
    assert invoked(["--db", "sample.db", "status", "-c", "II"]) == "status"
    assert invoked(["--db=sample.db", "log", "call", "KEN"]) == "log"
    assert invoked(["--version"]) is None
    assert invoked(["--", "history", "KEN"]) == "history"


def test_only_the_command_named_is_built():
    lean = only("log")
    assert [c.name for c in lean.registered_commands] == ["log"] and not lean.registered_groups
    assert [g.name for g in only("campaign").registered_groups] == ["campaign"]
    assert only("lgo") is app and only(None) is app
    assert len(app.registered_commands) > 10  # the app itself keeps every command


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ccmtui", *args], capture_output=True, text=True, timeout=60)


def test_a_mistyped_command_still_gets_the_closest_suggested():
    result = run("--db", "sample.db", "lgo")
    assert result.returncode == 2
    assert result.stderr == "Error: ccm: unknown command 'lgo'; did you mean 'log'? (see `ccm -h`)\n"


def test_a_sub_command_runs_alone(sample_db):
    result = run("--db", str(sample_db), "campaign", "list", "--json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.lstrip().startswith("[")


def test_a_command_loads_only_its_own_module(sample_db, tmp_path):
    import subprocess
    import sys

    script = (
        "import sys; from ccmtui.cli import main\n"
        f"sys.argv = ['ccm', '--db', {str(sample_db)!r}, 'status', '--category', 'II']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('LOADED', sorted(m for m in sys.modules if m.startswith('ccmtui.cli.')), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    import ast

    loaded = ast.literal_eval(done.stderr.split("LOADED", 1)[1].strip())
    assert "ccmtui.cli.status_run" in loaded
    assert not {"ccmtui.cli.journal", "ccmtui.cli.export", "ccmtui.cli.team", "ccmtui.cli.workplan"} & set(loaded)
    # The lean start: neither Typer's command nor the helpers that need Typer.
    assert not {"ccmtui.cli._app", "ccmtui.cli._common", "ccmtui.cli.status"} & set(loaded)
    assert done.returncode == 0 and "States Parties" in done.stdout
