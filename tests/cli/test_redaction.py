"""Redaction: every redacted output of the sample is searched for every note, rationale and person's
name in its database, and none is found."""

from __future__ import annotations

import sqlite3
import zipfile

import pytest

from .. import backends
from ..reports.test_quarter import _progress

SECRET_SQL = (
    "SELECT notes FROM engagements",
    "SELECT notes FROM milestones",
    "SELECT rationale FROM classifications",
    "SELECT recorded_by FROM engagements",
    "SELECT recorded_by FROM milestones",
    "SELECT recorded_by FROM classifications",
    "SELECT name FROM people",
    "SELECT email FROM people",
)


def _secrets(db) -> set[str]:
    found: set[str] = set()
    with sqlite3.connect(db) as connection:
        for sql in SECRET_SQL:
            for (text,) in connection.execute(sql):
                for line in (text or "").splitlines():
                    # Each line of a note (a cell shows them joined); very short ones are ordinary words.
                    names = sql.startswith("SELECT recorded_by") or "FROM people" in sql
                    if len(line.strip()) >= 12 or (names and line.strip()):
                        found.add(line.strip())
    return found


def _text(path) -> str:
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            return archive.read("word/document.xml").decode("utf-8")
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        return "\n".join(str(c) for row in load_workbook(path).active.iter_rows(values_only=True) for c in row)
    if path.suffix == ".ccm":  # a ccm file: its text is stored as UTF-8 among the database's pages
        return path.read_bytes().decode("utf-8", errors="replace")
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".ics":  # long lines folded, commas, semicolons and line breaks escaped
        text = text.replace("\r\n ", "").replace("\n ", "")
        text = text.replace("\\,", ",").replace("\\;", ";").replace("\\n", "\n")
    return text


@pytest.mark.slow  # writes every export of the sample in every format
@pytest.mark.skipif(backends.on_postgresql(), reason="reads the sample's SQLite file for what must not show")
def test_no_redacted_output_carries_a_note_a_rationale_or_a_name(ccm, tmp_path):
    assert ccm("config", "set", "name", "Ana Silva").exit_code == 0  # would be the byline without --redact
    _progress(ccm)  # an engagement and milestones with notes, in 2025Q1
    # People met in engagements of both areas the handovers cover (the sample's people are illustrative).
    for area in ("universalization", "stockpile"):
        met = ccm("log", "meeting", "KEN", "-m", "Met", "-a", area, "--date", "2025-03-01", "--with", "Kwame Mensah",
                  "--with", "Ana Costa")  # fmt: skip
        assert met.exit_code == 0, met.output
    secrets = _secrets(ccm.db) | {"Ana Silva"}
    assert len(secrets) > 5
    outputs = []
    for quarter in ("2013Q1", "2013Q3", "2025Q1"):
        for kind in ("md", "json", "csv", "toml", "docx"):
            out = tmp_path / f"{quarter}.{kind}"
            result = ccm("export", "quarter", quarter, "--redact", "--dated", "2025-04-01", "-o", out)
            assert result.exit_code == 0, result.output
            outputs.append(out)
    ics = tmp_path / "all.ics"
    assert ccm("export", "ics", "--redact", "--since", "2010-01-01", "--until", "2030-12-31", "-o", ics).exit_code == 0
    outputs.append(ics)
    listings = [["status"], ["engagements", "--all"], ["history", "KEN"], ["history", "NLD"], ["due"],
                ["campaign", "list"], ["obligation", "list"], ["milestone", "list"], ["person", "list"],
                ["org", "list"]]  # fmt: skip
    for number, listing in enumerate(listings):
        for suffix in ("csv", "xlsx"):
            out = tmp_path / f"listing-{number}.{suffix}"
            result = ccm(*listing, "--redact", "-o", out)
            assert result.exit_code == 0, result.output
            outputs.append(out)
    for area in ("universalization", "stockpile"):
        for suffix in ("md", "docx", "ccm"):
            out = tmp_path / f"handover-{area}.{suffix}"
            dated = ("--dated", "2025-04-01") if suffix != "ccm" else ()
            result = ccm("handover", "--area", area, "--redact", *dated, "-o", out)
            assert result.exit_code == 0, result.output
            outputs.append(out)
    for area in ("universalization", "stockpile-destruction", "cooperation", "--all"):
        for shape in ((), ("--json",)):
            out = tmp_path / f"summary-{area.strip('-')}{'-json' if shape else ''}.txt"
            result = ccm("summary", area, "--since", "2010-01-01", "--as-of", "2025-04-01", "--redact", *shape)
            assert result.exit_code == 0, result.output
            out.write_text(result.output, encoding="utf-8")
            outputs.append(out)
    for suffix in ("md", "docx"):
        out = tmp_path / f"sjpr-aggregate.{suffix}"
        args = ("report", "progress", "--since", "4MSP", "--as-of", "2014-06-30", "--aggregate-only", "-o", out)
        assert ccm(*args).exit_code == 0
        outputs.append(out)
    found = {(path.name, secret) for path in outputs for secret in secrets if secret in _text(path)}
    assert not found, sorted(found)[:10]


def test_without_redaction_the_notes_are_there(ccm, tmp_path):
    _progress(ccm)
    ics = tmp_path / "all.ics"
    assert ccm("export", "ics", "--since", "2010-01-01", "--until", "2030-12-31", "-o", ics).exit_code == 0
    redacted = tmp_path / "redacted.ics"
    assert (
        ccm("export", "ics", "--redact", "--since", "2010-01-01", "--until", "2030-12-31", "-o", redacted).exit_code
        == 0
    )
    assert "replies due" in _text(ics) and "replies due" not in _text(redacted)  # a milestone's note
