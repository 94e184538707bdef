"""Listings as spreadsheets: the records a listing prints with --json, as CSV (UTF-8 with a byte-order
mark, so Excel on Windows reads accents) or as an .xlsx workbook (openpyxl, imported only for one).

A cell a spreadsheet would run as a formula is neutralised with a leading apostrophe, in both forms.
Lists become "a; b", nested records their JSON text, and missing values empty cells.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from ccmtui.reports.export_csv import neutralise

FORMATS = ("csv", "xlsx")
SUFFIXES = {".csv": "csv", ".xlsx": "xlsx"}


def cell(value) -> str | int | float:
    """A JSON value as one spreadsheet cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return value
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "; ".join(str(cell(v)) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return neutralise(value)


def table(records: Iterable[dict]) -> tuple[list[str], list[list]]:
    """Headings (every key, in the order first met) and one row per record."""
    records = list(records)
    headings: dict[str, None] = {}
    for record in records:
        headings.update(dict.fromkeys(record))
    names = list(headings)
    return names, [[cell(record.get(name)) for name in names] for record in records]


def to_csv(headings: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headings)
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(headings: Sequence[str], rows: Iterable[Sequence], sheet: str = "ccm") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    page = book.create_sheet(sheet[:31])
    page.freeze_panes = "A2"
    from openpyxl.cell import WriteOnlyCell

    bold = []
    for heading in headings:
        header = WriteOnlyCell(page, value=heading)
        header.font = Font(bold=True)
        bold.append(header)
    page.append(bold)
    for row in rows:
        page.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def render(records: Iterable[dict], kind: str, sheet: str = "ccm") -> bytes:
    headings, rows = table(records)
    return to_xlsx(headings, rows, sheet) if kind == "xlsx" else to_csv(headings, rows)
