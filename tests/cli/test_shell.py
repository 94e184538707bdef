"""`ccm` in a shell and in scripts: usage errors in one line, --db where a user writes it, one meaning per flag."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ccmtui.cli.reference import short_options


def ccm(*args: str, **options) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ccmtui", *args], capture_output=True, text=True, timeout=60, **options
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["whatsit"], "Error: ccm: unknown command 'whatsit'; did you mean 'whatif'? (see `ccm -h`)"),
        (["status", "--bogus"], "Error: ccm status: no such option: --bogus (see `ccm status -h`)"),
        (["log"], "Error: ccm log: missing argument 'kind' (see `ccm log -h`)"),
        (
            ["campaign", "lst"],
            "Error: ccm campaign: unknown command 'lst'; did you mean 'list'? (see `ccm campaign -h`)",
        ),
    ],
)
def test_a_usage_error_is_one_line_naming_the_command_and_the_help(sample_db, args, expected):
    result = ccm("--db", str(sample_db), *args)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [expected]
    assert result.stdout == ""


def test_db_is_accepted_after_the_command(sample_db):
    after = ccm("status", "--category", "II", "--count", "--db", str(sample_db))
    before = ccm("--db", str(sample_db), "status", "--category", "II", "--count")
    assert after.returncode == 0, after.stderr
    assert after.stdout == before.stdout and int(after.stdout) > 0
    assert (
        ccm("status", f"--db={sample_db}", "--count").stdout == ccm("--db", str(sample_db), "status", "--count").stdout
    )


def test_a_db_file_that_is_not_there_is_refused_and_nothing_is_created(tmp_path):
    missing = tmp_path / "typo" / "sampel.db"
    result = ccm("--db", str(missing), "status")
    assert result.returncode == 3
    assert result.stderr.splitlines() == [
        f"Error: {missing}: no such database; create it with `ccm init {missing}` (or add --create), "
        "or check the path (`ccm config show` shows the database in use)"
    ]
    assert not missing.parent.exists()


def test_init_and_create_make_a_database_on_purpose(tmp_path):
    made = tmp_path / "new" / "team.db"
    assert ccm("init", str(made)).stdout == f"{made}: created\n"
    assert ccm("--db", str(made), "status", "--count").stdout == "197\n"
    assert ccm("init", str(made)).stdout == f"{made}: already a database; nothing changed\n"
    other = tmp_path / "other.db"
    assert ccm("--db", str(other), "--create", "status", "--count").stdout == "197\n"


def test_the_default_database_is_still_created_on_first_use(tmp_path):
    import os

    environment = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "CCM_CONFIG": str(tmp_path / "c.toml")}
    environment.pop("CCM_DB", None)
    result = ccm("status", "--count", env=environment)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "197\n"


def test_each_short_option_means_one_thing_in_every_command():
    options = short_options()
    assert {short: list(meanings) for short, meanings in options.items() if len(meanings) > 1} == {}
    assert list(options["-y"]) == ["--yes"] and list(options["-n"]) == ["--limit"]


def test_typed_dates_are_stored_and_shown_as_iso_8601(ccm):
    from datetime import date, timedelta

    logged = ccm("log", "call", "KEN", "-m", "Called", "-a", "univ", "--date", "yesterday")
    assert logged.exit_code == 0, logged.output
    assert f"on {(date.today() - timedelta(days=1)).isoformat()}" in logged.stdout
    future = ccm("classify", "KEN", "II", "-r", "Why", "--date", "tomorrow")
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    assert future.exit_code == 1 and future.stderr == f"Error: {tomorrow} is in the future\n"


def test_a_quarter_is_a_range_for_since_and_until(ccm):
    import json

    rows = json.loads(ccm("engagements", "--since", "2013Q2", "--until", "2013Q2", "--all", "--json").stdout)
    assert rows and [row["date"] for row in rows] == ["2013-05-22", "2013-05-14"]
