"""`ccm report progress`: the San José template filled from the data, as Markdown and as Word."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests import reference_facts as facts

AS_OF = date(2014, 6, 30)
SINCE = facts.meeting_day("4MSP")

# The San José Progress Report template's sections and annexes, in its order.
TEMPLATE_HEADINGS = [
    "The Convention on Cluster Munitions",
    "San José Progress Report",
    "1. General trends",
    "Universalization",
    "Stockpile destruction and retention",
    "Clearance and risk reduction",
    "Victim assistance",
    "International cooperation and assistance",
    "Transparency",
    "National Implementation Measures",
    "2. Partnerships",
    "3. Universalization",
    "4. Stockpile Destruction",
    "5. Clearance",
    "6. Victim Assistance",
    "7. International cooperation and assistance",
    "8. Implementation Support",
    "9. Transparency",
    "10. National Implementation Measures",
    "11. Compliance",
    "Annex 1: Tables outlining progress updates in the various thematic areas",
    "Annex 2: Graphs outlining progress updates in the various thematic areas",
]


@pytest.fixture(scope="module")
def report(reading) -> str:
    result = reading("report", "progress", "--since", "4MSP", "--as-of", "2014-06-30")
    assert result.exit_code == 0, result.output
    return result.stdout


def _headings(markdown: str) -> list[str]:
    return [line.lstrip("#").strip() for line in markdown.splitlines() if line.startswith("#")]


def _footnotes(markdown: str) -> dict[int, set[str]]:
    notes = {}
    for number, names in re.findall(r"^\[\^(\d+)\]: (.*)\.$", markdown, re.M):
        notes[int(number)] = set(names.split(", "))
    return notes


def _names(iso3s) -> set[str]:
    return {facts.STATES[iso3]["name"] for iso3 in iso3s}


def _note_after(markdown: str, text: str, within: str | None = None) -> set[str]:
    """The states of the footnote placed right after `text` (in `within`, a section, if given)."""
    match = re.search(re.escape(text) + r"\[\^(\d+)\]", within or markdown)
    assert match, text
    return _footnotes(markdown)[int(match.group(1))]


def test_the_5msp_report_is_the_template_filled_in(report):
    assert "XX" not in report and "xx" not in report.replace("xxx", "") and "//" not in report
    headings = _headings(report)
    positions = [headings.index(h) for h in TEMPLATE_HEADINGS]
    assert positions == sorted(positions), "sections out of the template's order"
    assert (
        "*Monitoring progress in implementing the Vientiane Action Plan up until the Fifth Meeting of States Parties*"
        in report
    )
    assert "*Submitted by the President of the Fourth Meeting of States Parties*" in report
    assert "up to the Fifth Meeting of States Parties (5MSP) in San José, Costa Rica, in September 2014" in report
    assert "since the Fourth Meeting of States Parties (4MSP) held in Lusaka, Zambia, in September 2013" in report
    assert "This report was finalised on 30 June 2014." in report
    assert report.count("Challenges and questions for discussion at the 5MSP") == 10


def test_universalization_figures_come_from_the_register(report):
    parties = facts.states_parties(AS_OF)
    signatories = facts.with_status(AS_OF, "signatory")
    joined = facts.joined_between(SINCE, AS_OF)
    assert (
        f"By 30 June 2014, there are {len(parties)} States Parties and {len(signatories)} signatories to the CCM."
        in report
    )
    un_members = {i for i in parties | signatories if i not in ("VAT", "PSE", "COK", "NIU")}
    assert f"({len(un_members)} of 193)" in report and "more than half" in report
    assert f"{len(facts.states_parties(SINCE))} States were Parties to the CCM at the time of the 4MSP." in report
    assert f"{len(parties)} States are Parties to the CCM as of 30 June 2014." in report
    assert len(joined["ratified"]) == 0 and "Since then no signatories have ratified" in report
    assert _note_after(report, f"and {len(joined['acceded'])}") == _names(joined["acceded"])
    assert _note_after(report, f"{len(signatories)} signatories") == _names(signatories)
    assert "Three years after entry into force" in report


@pytest.mark.parametrize(("article", "section"), [("3", "4. Stockpile Destruction"), ("4", "5. Clearance")])
def test_obligation_figures_and_footnotes_come_from_the_obligations_file(report, article, section):
    expected = facts.obligations(article, SINCE, AS_OF)
    text = report.split(f"## {section}")[1].split("\n## ")[0]
    total = len(expected.with_obligations)
    assert f"A total of {total}[^" in text
    notes = report  # footnotes are listed once, after the body
    assert _note_after(notes, f"A total of {total}", text) == _names(expected.with_obligations)
    assert f"There are thus {len(expected.current)} States Parties[^" in text
    assert _note_after(notes, f"There are thus {len(expected.current)} States Parties", text) == _names(
        expected.current
    )
    if expected.undetermined:
        assert _note_after(notes, f"For {len(expected.undetermined)} more", text) == _names(expected.undetermined)
    if expected.completed:
        count = len(expected.completed)
        phrase = f"{count} State Party" if count == 1 else f"{count} States Parties"
        [completed_note] = re.findall(rf"\. {phrase}\[\^(\d+)\] ha(?:s|ve) declared completion", text)
        assert _footnotes(report)[int(completed_note)] == _names(expected.completed)
        [since_note] = re.findall(rf", {len(expected.completed_since)}\[\^(\d+)\] of them since the 4MSP", text)
        assert _footnotes(report)[int(since_note)] == _names(expected.completed_since)
    else:
        assert "No States Parties have declared completion" in text


def test_general_trends_for_stockpiles_and_transparency(report):
    stockpiles = facts.obligations("3", SINCE, AS_OF)
    assert (
        f"{len(stockpiles.completed)} States Parties have completed their stockpile destruction obligations, "
        f"{len(stockpiles.completed_since)} since the 4MSP" in report
    )
    parties = facts.states_parties(AS_OF)
    due = sum(1 for iso3 in parties if facts.initial_report_due(iso3) <= AS_OF)
    assert f"initial transparency reports had fallen due for {due} States Parties" in report
    owed = facts.annual_reports_owed(2013, AS_OF)
    assert f"{len(owed)} States Parties owed their annual transparency report for 2014 (covering 2013" in report
    # What is not recorded is said to be so, never counted as zero.
    assert "Victim assistance obligations (Article 5) are not recorded for this report." in report


def test_annexes_hold_a_table_and_a_chart_per_area(report):
    annex1 = report.split("## Annex 1")[1].split("## Annex 2")[0]
    annex2 = report.split("## Annex 2")[1]
    assert annex1.count("**") // 2 == 7
    assert annex2.count("```") // 2 == 7
    assert "| Saint Kitts and Nevis | Americas | accession | 2013-09-13 | 2014-03-01 |" in annex1
    assert "█" in annex2


def test_aggregate_only_names_no_state(reading):
    result = reading("report", "progress", "--since", "4MSP", "--as-of", "2014-06-30", "--aggregate-only")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "[^" not in text
    named = [
        row["name"] for row in facts.STATES.values() if re.search(rf"(?<![\w-]){re.escape(row['name'])}(?![\w-])", text)
    ]
    assert named == []
    assert "in San José, in September 2014" in text
    assert "By 30 June 2014, there are" in text


def test_markdown_to_a_file_is_what_is_printed_with_formal_names(ccm, report, tmp_path):
    from ccmtui.reports.formal import formal_replacer

    target = tmp_path / "sjpr.md"
    result = ccm("report", "progress", "--since", "4MSP", "--as-of", "2014-06-30", "-o", target)
    assert result.exit_code == 0, result.output
    short_names = {iso3: row["name"] for iso3, row in facts.STATES.items()}
    assert target.read_text(encoding="utf-8") == formal_replacer(short_names)(report)
    assert "Laos" in report and "Laos" not in target.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_docx_has_the_sections_tables_and_bar_charts(ccm, tmp_path):
    docx = pytest.importorskip("docx")
    target = tmp_path / "sjpr.docx"
    result = ccm("report", "progress", "--since", "4MSP", "--as-of", "2014-06-30", "-o", target)
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stdout
    document = docx.Document(str(target))
    paragraphs = [p.text for p in document.paragraphs]
    positions = [paragraphs.index(h) for h in TEMPLATE_HEADINGS]
    assert positions == sorted(positions)
    body = "\n".join(paragraphs)
    assert "XX" not in body
    parties = facts.states_parties(AS_OF)
    assert f"By 30 June 2014, there are {len(parties)} States Parties" in body
    # The charts are Word tables (label, value, bar) whose longest bar is the largest value's.
    assert len(document.inline_shapes) == 0
    charts = [t for t in document.tables if len(t.columns) == 3 and set(t.rows[0].cells[2].text) <= {"█", "\u00a0"}]
    assert len(charts) == 7
    for chart in charts:
        values = [int(row.cells[1].text.replace(",", "")) for row in chart.rows]
        bars = [row.cells[2].text.count("█") for row in chart.rows]
        assert bars.index(max(bars)) == values.index(max(values))
        assert all(bar == 0 for bar, value in zip(bars, values) if value == 0)
    assert len(document.tables) >= 3  # the areas without records say so instead of an empty table


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "5MSP", "--as-of", "2014-06-30"], "--since 2014-09-02 is after --as-of 2014-06-30"),
        (["--since", "40MSP"], "4MSP"),
        (["--format", "pdf"], "unknown format 'pdf'; valid: md, docx"),
        (["--format", "docx"], "a .docx report needs a file: add -o FILE.docx"),
        (["-o", "missing-folder/report.md"], "no folder"),
    ],
)
def test_bad_input_writes_nothing(ccm, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    before = ccm.dump()
    result = ccm("report", "progress", *args)
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert ccm.dump() == before
    assert [p for p in tmp_path.iterdir() if p.name != "sample.db"] == []


@pytest.mark.parametrize(
    ("name", "extra"),
    [("san-jose-progress-report.md", []), ("san-jose-progress-report-aggregate.md", ["--aggregate-only"])],
)
def test_the_documented_example_is_current(reading, name, extra, tmp_path):
    shown = (facts.ROOT / "docs" / "examples" / name).read_text(encoding="utf-8")
    written = tmp_path / name
    reading("report", "progress", "--since", "4MSP", "--as-of", "2014-06-30", *extra, "-o", written)
    assert written.read_text(encoding="utf-8") == shown, (
        f"docs/examples/{name} is stale: run ccm --db sample.db report progress --since 4MSP --as-of 2014-06-30 "
        f"{' '.join(extra)} -o docs/examples/{name}"
    )
