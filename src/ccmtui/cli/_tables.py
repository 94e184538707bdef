"""`--format csv|xlsx -o FILE` for every listing that has --json: the same records, as a spreadsheet.

A listing adds the two options (`TableFormat`, `TableOutput`) and hands its JSON records to
`emit(records, as_json, format_, output)`, which prints JSON, writes the spreadsheet, or returns
False when neither was asked for (the listing then prints its table).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from ccmtui.cli._context import wanted

__all__ = ["wanted"]  # beside emit, for the listings

TableFormat = Annotated[
    str | None,
    typer.Option("--format", metavar="csv|xlsx", help="Write the listing as a spreadsheet (default: from -o)."),
]
TableOutput = Annotated[
    Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write the listing to FILE (.csv or .xlsx).")
]


TableRedact = Annotated[
    bool, typer.Option("--redact", help="Leave out notes, rationales and who recorded what (for a file to share).")
]
# The fields of a listing's records that hold free text or an individual's name.
REDACTED_KEYS = frozenset({"notes", "rationale", "recorded_by", "made_by", "prepared_by"})


def _without(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in REDACTED_KEYS}


def redacted(records: list[dict]) -> list[dict]:
    """The records without the fields that may carry notes, rationales or names of individuals."""
    return [_without(record) for record in records]


def emit(
    records: list[dict] | Iterator[dict],
    as_json: bool,
    format_: str | None,
    output: Path | None,
    sheet: str = "ccm",
    redact: bool = False,
) -> None:
    from ccmtui.domain.errors import InputError, one_of
    from ccmtui.domain.words import plural
    from ccmtui.reports.spreadsheet import FORMATS, SUFFIXES, render

    if redact:
        records = redacted(records) if isinstance(records, list) else (_without(r) for r in records)

    if not (format_ or output):
        from ccmtui.cli._common import print_json

        print_json(list(records))
        return
    if as_json:
        raise InputError("--json prints JSON; --format and -o write a spreadsheet: give one or the other")
    kind = (format_ or "").strip().lower().lstrip(".") or SUFFIXES.get(output.suffix.lower() if output else "", "")
    if kind not in FORMATS:
        raise one_of("format", format_ or (output.suffix if output and output.suffix else str(output)), FORMATS)
    from ccmtui.cli._common import deliver, to_stdout

    if output is None or to_stdout(output):
        if kind == "xlsx" and output is None:
            raise InputError("an .xlsx listing needs a file: add -o FILE.xlsx (or -o - for stdout)")
        content = render(records, kind, sheet)
        deliver("-", content.decode("utf-8-sig") if kind == "csv" else content)
        return
    folder = output.expanduser().parent
    if not folder.is_dir():
        raise InputError(f"cannot write {output}: no folder {folder}")
    from ccmtui.cli._common import say
    from ccmtui.reports.spreadsheet import write

    rows = write(records, kind, output, sheet)
    say(f"wrote {output} ({plural(rows, 'row')})")
