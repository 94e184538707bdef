"""The handover dossier: an area's open work for a successor, as Markdown or Word, and its bad inputs."""

from __future__ import annotations

from ..reports.test_quarter import _progress

SECTIONS = [
    "Open follow-ups",
    "Replies pending",
    "Live campaigns",
    "Work plan",
    "Counterparts in the last year",
    "Documents attached",
    "The last year, state by state",
]


def test_the_dossier_has_every_section_with_the_areas_work(ccm, tmp_path):
    _progress(ccm)  # a letter to three states on stockpiles, milestones done and slipped, in 2025Q1
    out = tmp_path / "dossier.md"
    result = ccm("handover", "--area", "stockpile", "--dated", "2025-04-01", "-o", out)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Handover dossier: Stockpile destruction and retention")
    assert [line[3:] for line in text.splitlines() if line.startswith("## ")] == SECTIONS
    assert "### Netherlands" in text and "2025-02-10, letter: Letters on \\*retention\\* reporting" in text
    assert "Slipped from Q1 2025 to Q2 2025" in text  # the work plan's milestones with their status
    assert "Outside the area" not in text  # another area's engagement


def test_the_universalization_dossier_lists_categories_with_age_and_rationale(ccm, tmp_path):
    from docx import Document

    out = tmp_path / "dossier.docx"
    assert ccm("handover", "--area", "universalization", "--dated", "2014-06-30", "-o", out).exit_code == 0
    document = Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Categories" in headings
    [categories] = [t for t in document.tables if t.rows[0].cells[0].text == "State" and len(t.columns) == 5]
    angola = next(row for row in categories.rows if row.cells[0].text == "Angola")
    assert [c.text for c in angola.cells][:4] == ["Angola", "I (willing to join)", "2013-09-09", "9 months"]
    assert "Source: Universalisation report by Portugal and Ghana" in angola.cells[4].text
    section = document.sections[0]
    assert round(section.page_width.mm) == 210


def test_bad_dossier_requests_are_refused_with_one_line(ccm, tmp_path):
    for args, message in [
        (["--area", "universalization", "-o", tmp_path / "d.pdf"], "unknown dossier format '.pdf'; valid: md, docx"),
        (["--area", "nowhere", "-o", tmp_path / "d.md"], "nowhere"),
        (["--area", "universalization", "-o", tmp_path / "no" / "d.md"], "no folder"),
    ]:
        result = ccm("handover", *args)
        assert result.exit_code in (1, 2), result.output
        assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["sample.db"]
