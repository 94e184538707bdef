"""`ccm whatif`: the dates joining sets running, computed here again from the articles."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest

LOG_TABLES = ("changesets", "changes", "database_info", "sync_peers")


def _long(day: date) -> str:
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def _in_force(deposit: date) -> date:
    # Art. 17(2): the first day of the sixth month after the month of deposit.
    month = deposit.month + 6
    return date(deposit.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def test_thailand_depositing_on_15_january_2027_with_stocks(reading):
    deposit = date(2027, 1, 15)
    in_force = _in_force(deposit)
    assert in_force == date(2027, 7, 1)
    initial = in_force + timedelta(days=180)  # Art. 7(1)
    destroy = in_force.replace(year=in_force.year + 8)  # Art. 3(2)
    first_annual = date(initial.year + 1, 4, 30)  # Art. 7(2): covering the year the initial report fell due
    result = reading("whatif", "THA", "--deposit", "2027-01-15", "--stocks")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "instrument of accession" in text  # Thailand has not signed: Art. 16(2)
    for day, article in (
        (in_force, "Art. 17(2)"),
        (initial, "Art. 7(1)"),
        (first_annual, "Art. 7(2)"),
        (destroy, "Art. 3(2)"),
    ):
        [row] = [line for line in text.splitlines() if line.startswith(f"| {_long(day)} |")]
        assert row.endswith(f"| {article} |"), row
    assert "Art. 4(1)" not in text and "| Art. 9 |" in text


def test_clearance_and_victims_when_given(reading):
    text = reading("whatif", "FIN", "--deposit", "2026-12-31", "--contaminated", "--victims").stdout
    in_force = _in_force(date(2026, 12, 31))
    assert in_force == date(2027, 6, 1)
    assert f"| {_long(in_force.replace(year=in_force.year + 10))} | Clear and destroy" in text
    assert "| Art. 5 |" in text and "Art. 3(2)" not in text


def test_a_signatory_ratifies(reading):
    assert "instrument of ratification" in reading("whatif", "KEN", "--deposit", "2027-03-01").stdout


@pytest.mark.parametrize(
    ("args", "rule"),
    [
        (["THA", "--deposit", "2008-12-02"], "Art. 15"),
        (["FRA", "--deposit", "2027-01-15"], "already a State Party"),
    ],
)
def test_bad_whatif_is_refused_in_one_line(ccm, tmp_path, args, rule):
    before = ccm.dump(without=LOG_TABLES)
    out = tmp_path / "brief.md"
    result = ccm("whatif", *args, "-o", str(out))
    assert result.exit_code != 0 and rule in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not out.exists() and ccm.dump(without=LOG_TABLES) == before


def test_the_brief_is_written_as_markdown_or_word(ccm, tmp_path):
    for name in ("brief.md", "brief.docx"):
        result = ccm("whatif", "THA", "--deposit", "2027-01-15", "--stocks", "-o", str(tmp_path / name))
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).stat().st_size > 0
    from docx import Document

    document = Document(str(tmp_path / "brief.docx"))
    cells = [c.text for row in document.tables[0].rows for c in row.cells]
    assert "1 July 2035" in cells and "Art. 3(2)" in cells
