"""The Word files as another program lays them out: the sample's quarterly summary and progress report
converted to PDF by LibreOffice, every page A4 and no word of a table cell broken over two lines.

Needs LibreOffice (`soffice`; .ci/run installs libreoffice-writer-nogui) and pypdf; skipped without them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter

import pytest

from ccmtui.reports.docx_layout import column_widths, parse_paper, text_width_pt

A4_POINTS = (595, 842)
# A word: a date as one, otherwise letters and digits (a line may break after a hyphen or a dash).
WORD = re.compile(r"\d{4}-\d{2}-\d{2}|\w+")


def _pdf(docx_path, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(docx_path)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    return tmp_path / (docx_path.stem + ".pdf")


def _check_layout(docx_path, tmp_path) -> None:
    pypdf = pytest.importorskip("pypdf")
    from docx import Document

    reader = pypdf.PdfReader(str(_pdf(docx_path, tmp_path)))
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages}
    assert sizes == {A4_POINTS}, sizes
    printed = Counter(WORD.findall("\n".join(page.extract_text() for page in reader.pages)))
    document = Document(str(docx_path))
    in_cells = Counter(
        word
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for word in WORD.findall(cell.text)
    )
    broken = {word: n for word, n in in_cells.items() if printed[word] < n}
    assert not broken, f"words broken inside table cells: {sorted(broken)[:20]}"
    assert document.tables


@pytest.mark.slow
def test_the_quarterly_summary_docx_is_a4_and_breaks_no_word(ccm, tmp_path):
    out = tmp_path / "quarter.docx"
    assert ccm("export", "quarter", "2013Q1", "--dated", "2013-04-01", "-o", out).exit_code == 0
    _check_layout(out, tmp_path)


@pytest.mark.slow
def test_the_progress_report_docx_is_a4_and_breaks_no_word(ccm, tmp_path):
    out = tmp_path / "sjpr.docx"
    assert ccm("report", "progress", "--since", "4MSP", "--as-of", "2014-06-30", "-o", out).exit_code == 0
    _check_layout(out, tmp_path)


def test_columns_are_at_least_as_wide_as_their_longest_word():
    rows = [["Afghanistan", "Campaign on universalization", "2025-03-20"], ["Completed", "x", "2024-01-01"]]
    widths = column_widths(["State", "Campaign", "Date"], rows, 450, 9)
    assert widths is not None and abs(sum(widths) - 450) < 0.01
    assert widths[0] > text_width_pt("Afghanistan", 9) and widths[2] > text_width_pt("2025-03-20", 9)
    assert column_widths(["A"], [["a" * 200]], 100, 9) is None  # a word wider than the page


def test_paper_is_a4_unless_letter_is_asked_for():
    assert parse_paper(None) == "a4" and parse_paper("Letter") == "letter" and parse_paper("US letter") == "letter"
    with pytest.raises(Exception, match="paper"):
        parse_paper("A5")
