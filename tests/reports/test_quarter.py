"""The quarterly work-plan summary: golden Markdown, docx read back, CSV and Markdown safety, TOML = JSON."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from datetime import date
from pathlib import Path

import pytest

from ccmtui.reports.export_csv import neutralise
from ccmtui.reports.export_markdown import escape

GOLDEN = Path(__file__).parent / "golden"
TOP_LEVEL = [
    "quarter",
    "area",
    "generated",
    "milestones",
    "engagements",
    "campaigns",
    "category_changes",
    "treaty_events",
    "next_quarter",
]
REPORTING, DATABASE = "6f591ea5", "9c375ece"


def test_the_samples_2025q1_markdown_matches_the_golden_file(ccm, tmp_path):
    out = tmp_path / "q1.md"
    result = ccm("export", "quarter", "2025Q1", "--dated", "2025-04-01", "-o", out)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == (GOLDEN / "quarter-2025Q1.md").read_text(encoding="utf-8"), (
        "the 2025Q1 summary changed: if intended, regenerate tests/reports/golden/quarter-2025Q1.md "
        "with ccm --db sample.db export quarter 2025Q1 --dated 2025-04-01 -o …"
    )
    assert out.stat().st_mode & 0o777 == 0o600


def test_quarter_forms_give_the_same_summary(ccm):
    outputs = {
        ccm("export", "quarter", q, "--dated", "2025-04-01", "-f", "json").stdout
        for q in ("2025Q1", "2025-Q1", "Q1 2025")
    }
    assert len(outputs) == 1


def test_without_output_the_markdown_is_drawn_in_the_terminal(ccm):
    result = ccm("export", "quarter", "2025Q1", "--dated", "2025-04-01")
    assert result.exit_code == 0
    assert "Quarterly work-plan summary: first quarter of 2025" in result.stdout
    assert "| ---" not in result.stdout and "##" not in result.stdout  # rendered, not raw
    assert "Lithuania" in result.stdout


def _progress(ccm) -> str:
    """A quarter with work done: an engagement that delivered a milestone, a slip, a note."""
    logged = ccm(
        "log",
        "letter",
        "BIH",
        "NLD",
        "ESP",
        "-m",
        "Letters on *retention* reporting under Art. 3(8)",
        "--area",
        "stockpile",
        "--date",
        "2025-02-10",
        "--ap",
        "LAP-17",
        "--by",
        "Zambia",
        "--notes",
        "Ask for 2024 figures",
    )
    assert logged.exit_code == 0, logged.output
    ccm(
        "log",
        "meeting",
        "ESP",
        "-m",
        "Bilateral in Geneva",
        "--area",
        "stockpile",
        "--date",
        "2025-03-05",
        "--by",
        "Zambia",
    )
    ccm("log", "demarche", "KEN", "-m", "Outside the area", "--area", "universalization", "--date", "2025-03-06")
    engagement = logged.stdout.split()[2]
    done = ccm(
        "milestone",
        "done",
        REPORTING,
        "--date",
        "2025-03-20",
        "--note",
        '=HYPERLINK("http://x") replies due',
        "-e",
        engagement,
    )
    assert done.exit_code == 0, done.output
    ccm("milestone", "slip", DATABASE, "2025Q2", "--reason", "awaiting partners | ICRC", "--date", "2025-03-28")
    return engagement


def test_a_quarter_with_progress_for_one_area(ccm):
    _progress(ccm)
    result = ccm("export", "quarter", "2025Q1", "--area", "stockpile", "--dated", "2025-04-01", "-f", "json")
    data = json.loads(result.stdout)
    assert list(data) == TOP_LEVEL
    assert data["area"] == "stockpile-destruction"
    assert data["engagements"]["total"] == 2  # the universalization démarche is another area's
    assert {k["kind"]: k["count"] for k in data["engagements"]["by_kind"]} == {"letter": 1, "meeting": 1}
    assert data["engagements"]["by_state"][0] == {"iso3": "ESP", "name": "Spain", "count": 2}
    [notable] = data["engagements"]["notable"]
    assert notable["action_points"] == ["LAP-17"] and notable["states"] == ["BIH", "NLD", "ESP"]
    milestones = {m["id"][:8]: m for m in data["milestones"]}
    assert milestones[REPORTING]["status"] == "done" and milestones[REPORTING]["engagements"]
    assert milestones[DATABASE]["slips"][0]["by"] == "1 quarter"
    assert data["category_changes"] == []  # categories belong to universalization
    assert [m["id"][:8] for m in data["next_quarter"]["milestones"]] == [DATABASE, "969d758f"]


def test_markdown_escapes_what_coordinators_type(ccm, tmp_path):
    _progress(ccm)
    out = tmp_path / "q.md"
    ccm("export", "quarter", "2025Q1", "--dated", "2025-04-01", "-o", out)
    text = out.read_text(encoding="utf-8")
    assert "Letters on \\*retention\\* reporting" in text
    assert "awaiting partners \\| ICRC" in text  # a pipe would split the table cell
    assert "Slipped from Q1 2025 to Q2 2025 (1 quarter, recorded 2025-03-28)" in text
    assert "2 milestones due or done this quarter: 1 done, 1 still open" in text
    assert "- 2025-02-10, letter with Bosnia and Herzegovina, Netherlands (Kingdom of the), Spain" in text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("*bold* and _it_", "\\*bold\\* and \\_it\\_"),
        ("[link](http://evil)", "\\[link\\](http://evil)"),
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("a | b", "a \\| b"),
        ("# not a heading", "\\# not a heading"),
        ("- not a list", "\\- not a list"),
        ("1. not a list", "1\\. not a list"),
        ("`code`", "\\`code\\`"),
        ("two\nlines", "two lines"),
        ("&amp; stays text", "&amp;amp; stays text"),
        ("Côte d'Ivoire", "Côte d'Ivoire"),
    ],
)
def test_markdown_escaping(text, shown):
    assert escape(text) == shown


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=1+2", "'=1+2"),
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("plain text", "plain text"),
        ("2025-03-06", "2025-03-06"),
        (3, "3"),
        (None, ""),
    ],
)
def test_csv_cells_a_spreadsheet_would_run_are_neutralised(cell, safe):
    assert neutralise(cell) == safe


def test_csv_export_neutralises_user_text(ccm, tmp_path):
    _progress(ccm)
    ccm("milestone", "add", "=cmd|' /C calc'!A0", "--due", "2025Q2")
    out = tmp_path / "q.csv"
    assert ccm("export", "quarter", "2025Q1", "--dated", "2025-04-01", "-o", out).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    cells = [value for row in rows for value in row.values()]
    assert not [c for c in cells if c and c[0] in "=+-@\t\r"]
    assert any(c.startswith("'=cmd|") for c in cells)
    done = next(r for r in rows if r["id"].startswith(REPORTING))
    assert done["status"] == "Done 2025-03-20" and "'=HYPERLINK" not in done["detail"]  # mid-cell is harmless
    assert {r["section"] for r in rows} >= {
        "milestone",
        "engagements by kind",
        "engagements by state",
        "engagement",
        "treaty event",
    }


def test_toml_and_json_hold_one_structure(ccm):
    _progress(ccm)
    args = ("export", "quarter", "2025Q1", "--dated", "2025-04-01")
    from_json = json.loads(ccm(*args, "-f", "json").stdout)
    from_toml = tomllib.loads(ccm(*args, "-f", "toml").stdout)
    assert set(from_toml) == set(TOP_LEVEL)

    def plain(value):
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value.isoformat() if isinstance(value, date) else value

    assert plain(from_toml) == from_json


def test_redact_leaves_out_notes_and_names(ccm, isolated_environment, tmp_path):
    from ccmtui import config

    config.save({"name": "Ana Silva", "state": "ZMB"})
    _progress(ccm)
    args = ("export", "quarter", "2025Q1", "--dated", "2025-04-01")
    full = tmp_path / "full.md"
    ccm(*args, "-o", full)
    assert "Ana Silva" in full.read_text(encoding="utf-8")
    assert "replies due" in full.read_text(encoding="utf-8")
    for kind in ("md", "json", "csv", "toml"):
        out = ccm(*args, "--redact", "-f", kind).stdout
        for secret in ("Ana Silva", "replies due", "Ask for 2024 figures", "awaiting partners"):
            assert secret not in out, (kind, secret)
    assert "Letters on" in ccm(*args, "--redact", "-f", "json").stdout  # the summary line stays


def test_the_docx_opens_with_headings_and_the_milestones_table(ccm, tmp_path):
    from docx import Document

    _progress(ccm)
    out = tmp_path / "q1.docx"
    result = ccm("export", "quarter", "2025Q1", "--dated", "2025-04-01", "-o", out)
    assert result.exit_code == 0, result.output
    assert out.stat().st_mode & 0o777 == 0o600
    document = Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == "Quarterly work-plan summary: first quarter of 2025"
    assert "Milestones due and done this quarter" in headings and "Treaty events" in headings
    milestones = document.tables[0]
    assert [c.text for c in milestones.rows[0].cells] == ["Milestone", "Work plan", "Due", "Status", "Action points"]
    body = {row.cells[0].text: [c.text for c in row.cells] for row in milestones.rows[1:]}
    reporting = body[
        "Encourage annual reporting on the planned and actual uses of retained cluster munitions and explosive submunitions."
    ]
    assert reporting[2:] == ["Q1 2025", "Done 2025-03-20", "LAP-17"]
    slipped = body[
        "Develop a database on good practice and cost-effective stockpile destruction practices among relevant states."
    ]
    assert slipped[3].startswith("Slipped from Q1 2025 to Q2 2025 (1 quarter")
    assert any(t.rows[1].cells[1].text == "Lithuania" for t in document.tables if t.rows[0].cells[0].text == "Date")


def test_every_format_of_the_quarterly_is_written(ccm, tmp_path):
    # Its speed is measured by bench/run.py; here each format is written whole.
    for kind in ("md", "toml", "json", "csv", "docx"):
        target = tmp_path / f"q.{kind}"
        result = ccm("export", "quarter", "2025Q1", "--dated", "2025-04-01", "-o", target)
        assert result.exit_code == 0, result.output
        assert target.stat().st_size > 500, kind


# -- the calendar


def _events(text: bytes) -> dict[str, object]:
    from icalendar import Calendar

    return {str(e["UID"]): e for e in Calendar.from_ical(text).walk("VEVENT")}


def test_ics_has_deadlines_meetings_milestones_and_follow_ups_with_stable_uids(ccm, tmp_path):
    ccm(
        "log",
        "letter",
        "ESP",
        "-m",
        "Retention figures",
        "--area",
        "stockpile",
        "--date",
        "2025-02-10",
        "--follow-up",
        "2025-04-15",
    )
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    window = ("--since", "2025-01-01", "--until", "2025-12-31")
    assert ccm("export", "ics", "-o", first, *window).exit_code == 0
    assert first.stat().st_mode & 0o777 == 0o600
    a = _events(first.read_bytes())
    summaries = {str(e["SUMMARY"]) for e in a.values()}
    assert "13MSP: Thirteenth Meeting of States Parties" in summaries
    assert "Spain: annual transparency report for 2024 due (Art. 7(2))" in summaries  # a focus state of the plan
    assert "Zambia: annual transparency report for 2024 due (Art. 7(2))" in summaries  # its coordinator
    assert any(s.startswith("Milestone: Encourage annual reporting") for s in summaries)
    assert "Follow up: Retention figures (ESP)" in summaries
    meeting = next(e for e in a.values() if str(e["SUMMARY"]).startswith("13MSP"))
    assert meeting.decoded("DTSTART") == date(2025, 9, 16) and meeting.decoded("DTEND") == date(2025, 9, 20)
    # A milestone moved: same UID, new date; nothing added or lost.
    ccm("milestone", "slip", REPORTING, "2025Q3")
    ccm("export", "ics", "-o", second, *window)
    b = _events(second.read_bytes())
    assert set(a) == set(b)
    uid = next(u for u, e in a.items() if str(e["SUMMARY"]).startswith("Milestone: Encourage"))
    assert b[uid].decoded("DTSTART") == date(2025, 9, 30)


def test_ics_deadlines_of_chosen_states_include_open_obligations(ccm):
    text = ccm("export", "ics", "--state", "Lao PDR", "--since", "2025-01-01", "--until", "2025-12-31").stdout
    summaries = {str(e["SUMMARY"]) for e in _events(text.encode()).values()}
    # Lao PDR's Article 4 deadline, extended to 1 August 2025 (shipped obligations data).
    assert "Laos: clearance of contaminated areas deadline (as extended) (Art. 4(1))" in summaries


def test_the_docs_show_the_golden_summary():
    docs = (Path(__file__).parents[2] / "docs" / "workplans.md").read_text(encoding="utf-8")
    assert (GOLDEN / "quarter-2025Q1.md").read_text(encoding="utf-8") in docs


def test_the_2013_letter_campaign_and_the_4msp_categories(ccm, tmp_path):
    # The sample's record of 2013: the letter to 74 missions (Q1) and the categories dated at the 4MSP (Q3).
    data = json.loads(ccm("export", "quarter", "2013Q1", "-f", "json").stdout)
    [letter] = data["campaigns"]
    assert (letter["targets"], letter["replied"], letter["no_reply"], letter["reply_rate"]) == (74, 6, 68, 0.081)
    assert data["engagements"]["total"] == 1 and len(data["engagements"]["by_state"]) == 74
    out = tmp_path / "q3.md"
    ccm("export", "quarter", "2013Q3", "-o", out)
    text = out.read_text(encoding="utf-8")
    assert "- 75 category changes." in text
    rows = [line for line in text.splitlines() if line.startswith("| 2013-09-09 |")]
    assert [row.split(" | ")[1] for row in rows] == [
        "I (willing to join)",
        "II (interested, held back by obstacles)",
        "III (unlikely to join soon)",
    ]
    assert "Angola, Brunei Darussalam, Cambodia" in rows[0]
    assert len(json.loads(ccm("export", "quarter", "2013Q3", "-f", "json").stdout)["category_changes"]) == 75
    # Another area's summary leaves the categories out.
    assert (
        "## Category changes"
        not in ccm("export", "quarter", "2013Q3", "--area", "clearance", "-f", "md", "-o", tmp_path / "c.md").stdout
        + (tmp_path / "c.md").read_text()
    )
