"""`ccm report retention`: the working document on cluster munitions retained under Art. 3(6), with
planned and actual use (Art. 3(8)) recorded by `ccm retention add`, every figure with its source."""

from __future__ import annotations

import csv
import json
import re

from tests.conftest import REFERENCE


def _section(text: str, number: int) -> str:
    start = text.index(f"## {number}\\.")
    end = text.find("\n## ", start + 1)
    return text[start:end]


def _reference_latest() -> dict[str, dict]:
    """Each state's latest row of the shipped retention figures, computed here from the CSV."""
    latest: dict[str, dict] = {}
    with (REFERENCE / "retention.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["iso3"] not in latest or int(row["year"]) > int(latest[row["iso3"]]["year"]):
                latest[row["iso3"]] = row
    return latest


def test_who_retains_and_who_has_not_reported_use_from_the_shipped_figures(reading):
    result = reading("report", "retention", "--as-of", "2025-06-30")
    assert result.exit_code == 0, result.output
    text = result.stdout
    retaining = {
        iso3: row
        for iso3, row in _reference_latest().items()
        if int(row["munitions_retained"] or 0) + int(row["submunitions_retained"] or 0) > 0
    }
    names = {"BGR": "Bulgaria", "NLD": "Netherlands", "ESP": "Spain"}
    assert set(retaining) == set(names)
    first = _section(text, 1)
    for iso3, row in retaining.items():
        figures = f"| {names[iso3]} | {row['year']} | {int(row['munitions_retained']):,} | "
        assert figures + f"{int(row['submunitions_retained']):,} |" in first
    assert "Colombia: none retained in 2016" in first
    unreported = _section(text, 5)
    assert all(name in unreported for name in names.values())  # none of them has reported use
    # Every bracketed reference is a listed source, and every figure's source is there.
    sources = text[text.index("## Sources") :]
    cited = set(re.findall(r"\\\[(\d+)\\\]", text[: text.index("## Sources")]))
    listed = set(re.findall(r"^- \\\[(\d+)\\\]", sources, re.MULTILINE))
    assert cited == listed
    with (REFERENCE / "retention.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            assert row["source"].split(" (")[0] in sources


def test_planned_and_actual_use_recorded_then_reported(ccm):
    result = ccm(
        "retention", "add", "ESP", "--year", "2019", "--munitions", "5", "--submunitions", "500",
        "--used-submunitions", "78", "--planned-submunitions", "100", "--planned-use", "EOD training courses",
        "--actual-use", "two EOD courses", "--purpose", "training", "--source", "Art. 7 report 2020, Form C",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    [row] = [r for r in json.loads(ccm("retention", "list", "ESP", "--json").stdout) if r["year"] == 2019]
    assert (row["submunitions_planned"], row["planned_use"], row["actual_use"]) == (
        100,
        "EOD training courses",
        "two EOD courses",
    )
    text = ccm("report", "retention", "--since", "2018-01-01", "--as-of", "2026-06-30").stdout
    use = _section(text, 3)
    assert "| Spain | 2019 | not reported / 100 | not reported / 78 | EOD training courses | two EOD courses |" in use
    unreported = _section(text, 5)
    assert "Spain" not in unreported and "Netherlands" in unreported and "Bulgaria" in unreported
    quantities = _section(text, 2)
    assert "| Spain | 2019 | 5 | 0 | 500 | \\-78 |" in quantities  # the change from 2018's 578
    assert "Art. 7 report 2020, Form C" in text
    trend = _section(text, 4)
    assert "Spain, 2018–2019: cluster munitions 5 → 5 (0); submunitions 578 → 500 (-78)." in trend


def test_negative_planned_use_is_refused(ccm):
    before = ccm.dump()
    result = ccm("retention", "add", "ESP", "--year", "2019", "--munitions", "5", "--planned-munitions", "-1",
                 "--source", "x")  # fmt: skip
    assert result.exit_code == 1 and "cannot be negative" in result.stderr
    assert ccm.dump() == before


def test_since_after_as_of_is_one_line_and_writes_no_file(reading, tmp_path):
    target = tmp_path / "wd.docx"
    result = reading("report", "retention", "--since", "2026-01-01", "--as-of", "2025-01-01", "-o", str(target))
    assert result.exit_code == 1
    assert result.stderr == "Error: --since 2026-01-01 is after --as-of 2025-01-01\n"
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_word_on_a4_and_markdown_files(reading, tmp_path):
    from docx import Document

    target = tmp_path / "wd.docx"
    result = reading("report", "retention", "--since", "4MSP", "-o", str(target))
    assert result.exit_code == 0, result.output
    document = Document(str(target))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[1:] == [
        "1. States Parties retaining cluster munitions (Article 3(6))",
        "2. Quantities retained by year",
        "3. Planned and actual use (Article 3(8))",
        "4. Trend",
        "5. States Parties that have not reported use",
        "Sources",
    ]
    assert document.tables and document.tables[0].rows[0].cells[0].text == "State Party"
    markdown = tmp_path / "wd.md"
    assert reading("report", "retention", "-o", str(markdown)).exit_code == 0
    assert markdown.read_text(encoding="utf-8").startswith("# Working document: cluster munitions retained")
    assert reading("report", "retention", "-f", "docx").exit_code == 1  # a Word file needs -o


def test_the_stockpile_summary_counts_the_same_states_retaining_as_the_document(reading):
    retaining = {
        iso3
        for iso3, row in _reference_latest().items()
        if int(row["munitions_retained"] or 0) + int(row["submunitions_retained"] or 0) > 0
    }
    ended = set(_reference_latest()) - retaining
    assert ended, "the shipped figures include a state whose latest figures are none retained"
    result = reading("summary", "stockpile", "--json")
    assert result.exit_code == 0, result.output
    figures = {f["label"]: f["value"] for f in json.loads(result.stdout)["figures"]}
    assert figures["States Parties retaining cluster munitions"] == len(retaining)
    assert figures["Latest figures: none retained"] == len(ended)
    shown = reading("summary", "stockpile").stdout
    assert f"{len(retaining)} States Parties retaining, {len(ended)} with latest figures of none" in shown
