"""`ccm` in a shell and in scripts: usage errors in one line, --db where a user writes it, one meaning per flag."""

from __future__ import annotations

import re
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
        (["log"], r"Error: ccm log: missing argument '\S+' \(see `ccm log -h`\)"),
        (
            ["campaign", "lst"],
            "Error: ccm campaign: unknown command 'lst'; did you mean 'list'? (see `ccm campaign -h`)",
        ),
    ],
)
def test_a_usage_error_is_one_line_naming_the_command_and_the_help(sample_db, args, expected):
    result = ccm("--db", str(sample_db), *args)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line == expected or re.fullmatch(expected, line)
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


def test_a_closed_pipe_ends_quietly_with_exit_0(sample_db):
    for args in (["status", "--json"], ["status"], ["history", "KEN"], ["status", "--plain"]):
        pipeline = subprocess.run(
            ["bash", "-c", f'"{sys.executable}" -m ccmtui --db "{sample_db}" {" ".join(args)} | head -1; '
             'echo "${PIPESTATUS[0]}" >&2'],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert pipeline.stderr == "0\n", (args, pipeline.stderr)
        assert len(pipeline.stdout.splitlines()) == 1


def test_plain_prints_tab_separated_lines_with_a_header(reading):
    import json

    lines = reading("status", "-c", "II", "--plain").stdout.splitlines()
    rows = json.loads(reading("status", "-c", "II", "--json").stdout)
    assert lines[0].split("\t")[:3] == ["iso3", "name", "region"]
    assert len(lines) == len(rows) + 1
    assert all(line.count("\t") == lines[0].count("\t") for line in lines)
    assert lines[1].split("\t")[:2] == [rows[0]["iso3"], rows[0]["name"]]


def test_output_to_a_pipe_keeps_every_column(sample_db):
    import os

    environment = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    result = ccm("--db", str(sample_db), "status", "-c", "II", env=environment)
    header = next(line for line in result.stdout.splitlines() if "ISO3" in line)
    assert header.split() == [
        "State",
        "ISO3",
        "Region",
        "Status",
        "Signed",
        "Deposited",
        "In",
        "force",
        "Cat.",
        "Since",
        "Reasons",
    ]


@pytest.mark.parametrize("columns", ["40", "60"])
def test_a_narrow_terminal_keeps_the_code_the_category_and_its_date(sample_db, columns):
    import os

    result = ccm("--db", str(sample_db), "status", "-c", "II", env={**os.environ, "COLUMNS": columns, "TERM": "dumb"})
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= int(columns)
    assert any(line.split()[:1] == ["DZA"] or "DZA" in line.split() for line in lines)
    assert any("2013-09-09" in line and " II " in line for line in lines)


def test_a_latin_1_terminal_gets_readable_text_not_a_traceback(sample_db):
    import os

    environment = {**os.environ, "PYTHONIOENCODING": "latin-1", "LC_ALL": "C"}
    result = ccm("--db", str(sample_db), "history", "KEN", env=environment, encoding="latin-1")
    assert result.returncode == 0, result.stderr
    assert "Kenya (KEN)" in result.stdout and "Traceback" not in result.stderr
    assert ccm("--db", str(sample_db), "status", "CIV", env=environment, encoding="latin-1").stdout.count("Côte") == 1


def test_db_status_and_config_show_print_json(sample_db):
    import json

    status = json.loads(ccm("--db", str(sample_db), "db", "status", "--json").stdout)
    assert status["exists"] and status["state"] == "current" and status["revision"] == status["ccm_revision"]
    shown = json.loads(ccm("--db", str(sample_db), "config", "show", "--json").stdout)
    assert shown["database"] == str(sample_db) and set(shown["values"]) >= {"name", "state", "db"}


def test_timestamps_in_json_carry_their_offset(ccm):
    import json
    import re

    assert ccm("log", "call", "KEN", "-m", "Called", "-a", "univ").exit_code == 0
    [change] = json.loads(ccm("changes", "--json", "-n", "1").stdout)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00", change["made_at"])


def test_quiet_prints_nothing_on_success_and_the_error_on_failure(ccm):
    done = ccm("log", "call", "KEN", "-m", "Called", "-a", "univ", "--quiet")
    assert done.exit_code == 0 and done.stdout == ""
    failed = ccm("--quiet", "log", "call", "XXX", "-m", "Called", "-a", "univ")
    assert failed.exit_code == 1 and failed.stderr.startswith("Error: unknown state 'XXX'")


def test_dash_reads_stdin_and_dash_o_writes_stdout(ccm, tmp_path):
    csv = "date,kind,states,area,summary\n2024-01-10,meeting,KEN;UGA,universalization,Met both\n"
    imported = ccm("import", "engagements", "-", input=csv)
    assert imported.exit_code == 0, imported.output
    assert ccm("engagements", "--state", "UGA", "--json").stdout.count("Met both") == 1
    plan = ccm("workplan", "export", "stockpile", "-o", "-").stdout
    assert plan.startswith("id = ") and not (tmp_path / "-").exists()
    assert ccm("workplan", "import", "-", input=plan).stdout.endswith("nothing changed.\n")
    calendar = ccm("export", "ics", "-o", "-")
    assert calendar.stdout.startswith("BEGIN:VCALENDAR") and "wrote" not in calendar.stdout


def test_the_app_is_not_opened_on_a_db_file_that_is_not_there(tmp_path):
    missing = tmp_path / "sampel.db"
    result = ccm("--db", str(missing), "tui")
    assert result.returncode == 3
    assert (
        result.stderr == f"Error: {missing}: no such database; create it with `ccm init {missing}`, or check the path\n"
    )
    assert not missing.exists()
