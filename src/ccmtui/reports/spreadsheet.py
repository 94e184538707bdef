"""Listings as spreadsheets: the records a listing prints with --json, as CSV (UTF-8 with a byte-order
mark, so Excel on Windows reads accents) or as an .xlsx workbook (openpyxl, imported only for one).

A cell a spreadsheet would run as a formula is neutralised with a leading apostrophe, in both forms.
Lists become "a; b", nested records their JSON text, and missing values empty cells.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from itertools import chain

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


def table(records: Iterable[dict]) -> tuple[list[str], Iterator[list]]:
    """Headings and the rows, one per record, made as they are written. A list's headings are every
    key in the order first met; an iterator's (a long listing, streamed) are its first record's."""
    if isinstance(records, list):
        headings: dict[str, None] = {}
        for record in records:
            headings.update(dict.fromkeys(record))
        names, every = list(headings), iter(records)
    else:
        every = iter(records)
        first = next(every, None)
        if first is None:
            return [], iter(())
        names, every = list(first), chain([first], every)
    return names, ([cell(record.get(name)) for name in names] for record in every)


def to_csv(headings: Sequence[str], rows: Iterable[Sequence], out=None) -> bytes | None:
    """CSV with a byte-order mark; written to `out` (a text file) as the rows come, or returned."""
    target = out or io.StringIO()
    target.write("\ufeff")
    writer = csv.writer(target, lineterminator="\r\n")
    writer.writerow(headings)
    writer.writerows(rows)
    return None if out else target.getvalue().encode("utf-8")


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


def write(records: Iterable[dict], kind: str, path, sheet: str = "ccm") -> int:
    """Write the spreadsheet to `path` (owner-only, whole or not at all), the rows streamed; their number."""
    import os
    from pathlib import Path

    from ccmtui.domain.errors import InputError

    counted = [0]

    def counting(rows):
        for row in rows:
            counted[0] += 1
            yield row

    headings, rows = table(records)
    path = Path(path).expanduser()
    if path.is_dir():
        raise InputError(f"cannot write {path}: it is a directory")
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        if kind == "xlsx":
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(to_xlsx(headings, counting(rows), sheet))
        else:
            with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
                to_csv(headings, counting(rows), handle)
        os.replace(temporary, path)
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror or error}") from None
    finally:
        temporary.unlink(missing_ok=True)
    return counted[0]
