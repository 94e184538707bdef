"""Spreadsheets both ways: listings written as CSV (UTF-8 with BOM, formulas neutralised) or .xlsx,
imports read from .xlsx or a CSV with `;` or tab, the register exported for `ccm states update`,
and the bad files refused with one line, nothing written."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import pytest
from openpyxl import Workbook, load_workbook

ENGAGEMENT = ["date", "kind", "states", "area", "summary"]


def _xlsx(path, rows, *, second_sheet=False, merge=None):
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    if second_sheet:
        book.create_sheet("Notes")
    book.save(path)
    return path


@pytest.mark.parametrize("command", [["status"], ["engagements", "--all"], ["history", "LAO"], ["due"],
                                     ["campaign", "list"], ["obligation", "list"], ["milestone", "list"]])  # fmt: skip
def test_every_listing_with_json_writes_the_same_records_as_csv_and_xlsx(reading, tmp_path, command):
    import json

    printed = json.loads(reading(*command, "--json").stdout)
    records = printed if isinstance(printed, list) else None
    for suffix in ("csv", "xlsx"):
        out = tmp_path / f"listing.{suffix}"
        result = reading(*command, "-o", out)
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith(f"wrote {out}")
        if suffix == "csv":
            data = out.read_bytes()
            assert data.startswith(b"\xef\xbb\xbf")  # Excel on Windows reads UTF-8 by its BOM
            rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        else:
            rows = [list(r) for r in load_workbook(out).active.iter_rows(values_only=True)]
        if records is not None:
            assert len(rows) == len(records) + 1
            if records:
                assert rows[0] == list(records[0])


def test_a_formula_typed_in_a_note_is_neutralised_in_both_forms(ccm, tmp_path):
    logged = ccm("log", "meeting", "KEN", "-m", '=HYPERLINK("http://x","click")', "--area", "universalization")
    assert logged.exit_code == 0, logged.output
    ccm("engagements", "-o", tmp_path / "e.csv")
    ccm("engagements", "-o", tmp_path / "e.xlsx")
    assert "'=HYPERLINK" in (tmp_path / "e.csv").read_text(encoding="utf-8-sig")
    cells = [c for row in load_workbook(tmp_path / "e.xlsx").active.iter_rows() for c in row]
    assert not [c for c in cells if c.data_type == "f"]
    assert any(str(c.value).startswith("'=HYPERLINK") for c in cells)


def test_states_export_is_what_states_update_reads(ccm, tmp_path):
    for suffix in ("csv", "xlsx"):
        out = tmp_path / f"states.{suffix}"
        assert ccm("states", "export", "-o", out).exit_code == 0
        result = ccm("states", "update", out)
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("0 added, 0 changed, 197 unchanged")


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_a_semicolon_or_tab_separated_file_is_read(ccm, tmp_path, delimiter):
    path = tmp_path / "e.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerows(
            [ENGAGEMENT, ["2025-02-03", "meeting", "Kenya; Ghana", "universalization", "Talks, in Geneva"]]
        )
    result = ccm("import", "engagements", path)
    assert result.exit_code == 0, result.output
    assert "Talks, in Geneva" in ccm("engagements", "--state", "GHA").stdout


def test_an_xlsx_is_imported_with_its_dates(ccm, tmp_path):
    path = _xlsx(
        tmp_path / "e.xlsx", [ENGAGEMENT, [datetime(2025, 2, 3), "meeting", "Kenya", "universalization", "From Excel"]]
    )
    result = ccm("import", "engagements", path)
    assert result.exit_code == 0, result.output
    assert "2025-02-03" in ccm("engagements", "--state", "KEN").stdout


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda p: _xlsx(p, [ENGAGEMENT, ["2025-02-03", "meeting", "Kenya", "universalization", "=A1"]]),
         "line 2: cell E2 holds a formula; paste its value instead"),
        (lambda p: _xlsx(p, [ENGAGEMENT, ["2025-02-03", "meeting", "Kenya", "universalization", "x"]], second_sheet=True),
         "2 sheets (Sheet, Notes); keep the one to import"),
        (lambda p: _xlsx(p, [ENGAGEMENT, ["2025-02-03", "meeting", "Kenya", "universalization", "x"]], merge="D2:E2"),
         "merged cells (D2:E2)"),
        (lambda p: _xlsx(p, [ENGAGEMENT, [45691, "meeting", "Kenya", "universalization", "x"]]), "line 2"),
        (lambda p: p.write_bytes("date,kind,states,area,summary\n2025-02-03,meeting,Kenya,universalization,Café\n".encode("latin-1")),
         "not UTF-8 text"),
        (lambda p: p.write_bytes(b"not a zip"), "not an .xlsx workbook"),
    ],
)  # fmt: skip
def test_bad_spreadsheets_are_refused_with_one_line_and_nothing_written(ccm, tmp_path, build, message):
    suffix = ".csv" if "UTF-8" in message else ".xlsx"
    path = tmp_path / f"bad{suffix}"
    build(path)
    before = ccm.dump()
    result = ccm("import", "engagements", path)
    assert result.exit_code == 1, result.output
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert ccm.dump() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["status", "--format", "pdf", "-o", "x.pdf"], "unknown format 'pdf'; valid: csv, xlsx"),
        (["status", "--format", "xlsx"], "an .xlsx listing needs a file: add -o FILE.xlsx"),
        (["status", "--json", "-o", "x.csv"], "give one or the other"),
        (["status", "-o", "/no/such/folder/x.csv"], "no folder /no/such/folder"),
    ],
)
def test_bad_listing_exports(reading, args, message):
    result = reading(*args)
    assert result.exit_code == 1 and message in result.stderr
