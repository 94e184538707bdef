"""Files coordinators bring and take away: read as UTF-8 text (bad rows reported), exports written owner-only."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ccmtui.domain.errors import InputError

SPREADSHEET_HINT = "save the spreadsheet as CSV UTF-8"
MAX_TEXT_BYTES = 64 * 1024 * 1024  # a year of records as a spreadsheet is a few MiB


def read_text(path: Path, hint: str = SPREADSHEET_HINT) -> str:
    """A UTF-8 text file (a spreadsheet's byte-order mark ignored); a one-line error otherwise.

    Read with a size limit, so a device or a pipe without end (/dev/zero) is an error, not memory without bound.
    """
    try:
        if Path(path).is_dir():
            raise InputError(f"{path} is a folder, not a file")
        with open(path, "rb") as handle:
            data = handle.read(MAX_TEXT_BYTES + 1)
        if len(data) > MAX_TEXT_BYTES:
            raise InputError(f"{path} is larger than {MAX_TEXT_BYTES // 1024 // 1024} MiB; split it")
        return data.decode("utf-8-sig")
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text ({hint})") from None


@dataclass
class RowProblems:
    """Bad rows of a file, each with its line number and reason."""

    source: str
    problems: list[tuple[int, str]] = field(default_factory=list)

    def add(self, line: int, reason: str) -> None:
        self.problems.append((line, reason))

    def raise_if_any(self) -> None:
        if not self.problems:
            return
        shown = "; ".join(f"line {line}: {reason}" for line, reason in self.problems[:10])
        more = f" (and {len(self.problems) - 10} more)" if len(self.problems) > 10 else ""
        count = len(self.problems)
        raise InputError(f"{self.source}: {count} bad row{'s' * (count != 1)}, nothing written: {shown}{more}")


def write_private(path: Path, content: str | bytes) -> Path:
    """Write `content` to `path` whole or not at all, through a temporary file, mode 0600 (exports may hold notes)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    path = Path(path).expanduser()
    if path.is_dir():
        raise InputError(f"cannot write {path}: it is a directory")
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise InputError(f"cannot write {path}: {error.strerror or error}") from None
    return path


DELIMITERS = ",;\t"


def read_table(path: Path, hint: str = SPREADSHEET_HINT) -> str:
    """A spreadsheet as comma-separated text, one line per row as in the file (so errors keep their
    line numbers): a CSV file whose delimiter (`,` `;` or tab: what Excel writes under a French or
    Portuguese setting) is found from its header line, or the one sheet of an .xlsx workbook."""
    import csv
    import io

    if Path(path).suffix.lower() == ".xlsx":
        return _xlsx_as_csv(Path(path))
    text = read_text(path, hint)
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in DELIMITERS}
    delimiter = max(counts, key=lambda d: counts[d])
    if counts[delimiter] == 0 or delimiter == ",":
        return text
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as error:
        raise InputError(f"{path}: not valid CSV ({error})") from None
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _xlsx_as_csv(path: Path) -> str:
    """The workbook's one sheet as CSV text: values as shown, dates as ISO 8601; a formula, a merged
    cell or a second sheet is an error (what a formula or a merge means is not the file's to say)."""
    import csv
    import io
    import zipfile
    from datetime import date, datetime, time

    try:
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=False, data_only=False)
    except FileNotFoundError:
        raise InputError(f"cannot read {path}: no such file") from None
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(f"{path}: not an .xlsx workbook ({error})") from None
    if len(book.worksheets) > 1:
        names = ", ".join(sheet.title for sheet in book.worksheets)
        raise InputError(
            f"{path}: {len(book.worksheets)} sheets ({names}); keep the one to import and delete the others"
        )
    sheet = book.worksheets[0]
    if sheet.merged_cells.ranges:
        first = sorted(str(r) for r in sheet.merged_cells.ranges)[0]
        raise InputError(f"{path}: merged cells ({first}); unmerge them so each value has its own cell")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in sheet.iter_rows():
        cells = []
        for cell in row:
            value = cell.value
            if cell.data_type == "f":
                raise InputError(
                    f"{path}, line {cell.row}: cell {cell.coordinate} holds a formula; paste its value instead"
                )
            if isinstance(value, datetime):
                value = value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
            elif isinstance(value, date):
                value = value.isoformat()
            elif isinstance(value, float) and value.is_integer():
                value = int(value)
            cells.append("" if value is None else str(value).replace("\r\n", " ").replace("\n", " "))
        writer.writerow(cells)
    return out.getvalue()


def require_extra(module: str, package: str, extra: str, what: str) -> None:
    """An optional part of ccm (`pip install 'ccmtui[EXTRA]'`): without it, a one-line error naming the install command.

    Checked before anything is written, so a command stopped here leaves no file and no record behind.
    """
    from importlib.util import find_spec

    if find_spec(module) is None:
        raise InputError(f"{what} need {package}, an optional part of ccm: pip install 'ccmtui[{extra}]'")


def require_word() -> None:
    require_extra("docx", "python-docx", "word", "Word files (.docx)")


def require_calendar() -> None:
    require_extra("icalendar", "icalendar", "calendar", "Calendar files (.ics)")
