"""The lean start (no Typer) prints what Typer's command prints, and leaves to Typer what it does not read."""

from __future__ import annotations

import pytest

from ccmtui.cli import lean


def test_the_declarations_read_are_the_commands_own():
    # lean_spec.py is written from the Typer commands (`python -m ccmtui.cli.lean`): it must be current.
    from ccmtui.cli.lean_spec import ROOT, SPEC

    assert lean.declared() == (ROOT, SPEC)


@pytest.mark.parametrize(
    "argv",
    [
        ["status", "-h"],
        ["status", "--help"],
        ["status", "--nope"],
        ["status", "-c"],  # a value missing
        ["status", "-cII"],
        ["status", "--json=yes"],
        ["status", "--", "KEN"],
        ["status", "--as-of", "-1"],
        ["--quiet", "status"],
        ["--version", "status"],
        ["status", "-o", "-", "--format", "csv"],  # a path: Typer converts it
        ["--db"],
        ["status", "--db"],
        ["engagements", "-n", "5"],  # a number: Typer checks its range
        ["due", "--days", "30"],
        ["engagements", "KEN"],  # no argument: Typer says so
        ["history"],  # its one word missing
        ["history", "MNE", "KEN"],
    ],
)
def test_what_it_does_not_read_goes_to_typer(argv):
    assert lean.parse(argv[1] if argv[0].startswith("-") and len(argv) > 1 else argv[0], argv) is None


def test_options_are_read_as_typer_reads_them():
    first, values = lean.parse(
        "status", ["status", "KEN", "--db", "x.db", "-c", "II", "--category=III", "--as-of", "1MSP", "MNE", "--json"]
    )
    assert first == {"db": "x.db"}
    assert values == {"states": ["KEN", "MNE"], "category": ["II", "III"], "as_of": "1MSP", "as_json": True}
    assert lean.parse("status", ["--db=x.db", "--create", "status"]) == ({"db": "x.db", "create": True}, {})
    assert lean.parse("history", ["history", "--all", "MNE"]) == ({}, {"state": "MNE", "all_": True})


def _ran(capsys, start) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stopped:
        start()
    out, err = capsys.readouterr()
    return stopped.value.code or 0, out, err


@pytest.mark.sqlite_only
def test_the_lean_start_answers_as_typer_does(sample_db, capsys):
    from ccmtui.cli import only

    cases = [
        ["status"],
        ["status", "-c", "II"],
        ["status", "KEN", "mne", "--region", "Europe"],
        ["status", "-s", "party", "--count"],
        ["status", "--category=II", "--json", "--redact"],
        ["status", "-c", "I", "--plain"],
        ["status", "--stale", "-g", "ASEAN"],
        ["status", "--reason", "cost", "--as-of", "2020-01-01"],
        ["status", "-c", "II", "--stale", "--as-of", "2009-01-01"],  # nothing: the message says why
        ["status", "Kenyaa"],  # an unknown state: the closest suggested, exit 1
        ["status", "--as-of", "someday"],
        ["status", "--reason", "nosuchreason"],
        ["engagements"],
        ["engagements", "--state", "KEN", "-a", "universalization", "--since", "2020-01-01"],
        ["engagements", "--kind=meeting", "--until", "1MSP"],
        ["engagements", "--by", "ICBL", "--json"],
        ["engagements", "--state", "ATLANTIS"],
        ["engagements", "--since", "2024-01-01", "--until", "2023-01-01"],
        ["engagements", "--state", "KEN", "--all"],
        ["engagements", "--state", "KEN", "--jsonl"],
        ["engagements", "--campaign", "nosuchid"],
        ["history", "MNE"],
        ["history", "montenegro", "--json"],
        ["history", "KEN", "--all"],
        ["history", "KEN", "--jsonl", "--redact"],
        ["history", "Kenyaa"],
        ["due"],
        ["due", "--as-of", "2024-06-01"],
        ["due", "--json"],
        ["due", "--plain", "--as-of", "2023-01-01"],
        ["due", "--as-of", "June"],
    ]
    for argv in cases:
        full = ["--db", str(sample_db), *argv]
        assert lean.parse(argv[0], full) is not None, argv
        leaned = _ran(capsys, lambda full=full, name=argv[0]: lean.run(name, full))
        typed = _ran(capsys, lambda full=full, name=argv[0]: only(name)(full, prog_name="ccm"))
        assert leaned == typed, argv
        assert leaned[1] or leaned[2], argv
