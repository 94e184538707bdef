"""`ccm practice`: how States Parties destroyed their stockpiles (Art. 3(2)), to compare and share."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ccmtui.cli._common import Plain, app_context, deliver, say, to_stdout
from ccmtui.cli._records import Json, Source
from ccmtui.cli._tables import TableRedact, emit, wanted

if TYPE_CHECKING:
    from ccmtui.db.read import Reader

app = typer.Typer(
    help="Stockpile destruction practices: method, cost, safety, environmental impact, efficiency.",
    no_args_is_help=True,
)

Id = Annotated[str, typer.Argument(metavar="ID", help="The practice's id (or its first characters).")]
Method = Annotated[
    str | None,
    typer.Option("--method", metavar="METHOD", help="open-burning-detonation, incineration, disassembly-recycling, "
                 "cryofracture, contained-detonation, industrial-demilitarisation, transfer-for-destruction or other."),
]  # fmt: skip
Cost = Annotated[str | None, typer.Option("--cost", metavar="AMOUNT", help="Cost per unit destroyed, e.g. 12.50.")]
Currency = Annotated[str | None, typer.Option("--currency", metavar="CODE", help="The cost's ISO 4217 currency.")]
Safety = Annotated[str | None, typer.Option("--safety", help="Safety measures taken.")]
Environment = Annotated[
    str | None, typer.Option("--environment", help="Environmental impact, and how it was kept down.")
]
Efficiency = Annotated[str | None, typer.Option("--efficiency", help="Efficiency: rate, duration, what was recovered.")]
Notes = Annotated[str | None, typer.Option("--notes", help="Free notes (left out of redacted exports).")]
Engagement = Annotated[
    str | None, typer.Option("--engagement", metavar="ID", help="The engagement where the practice was shared.")
]
FORMATS = ("csv", "xlsx", "md", "docx")


@app.command("add")
def practice_add(
    ctx: typer.Context,
    state: Annotated[str, typer.Argument(help="ISO3 code or name.")],
    method: Method = None,
    year: Annotated[str | None, typer.Option("--year", help="The year the stockpile was destroyed.")] = None,
    cost: Cost = None,
    currency: Currency = None,
    safety: Safety = None,
    environment: Environment = None,
    efficiency: Efficiency = None,
    notes: Notes = None,
    source: Source = None,
    engagement: Engagement = None,
    document: Annotated[
        Path | None, typer.Option("--document", metavar="FILE", help="The source document, stored with the practice.")
    ] = None,
) -> None:
    """Record how a state destroyed cluster munitions (one change set, undoable)."""
    from ccmtui.actions.practices import PracticeInput, add_practice

    context = app_context(ctx)
    given = PracticeInput(
        state, method or "", year, cost, currency, safety or "", environment or "", efficiency or "", notes or "",
        source, engagement, str(document) if document else None,
    )  # fmt: skip
    say(add_practice(context.register(), context.writing, given).message)


@app.command("list")
def practice_list(
    ctx: typer.Context,
    method: Method = None,
    state: Annotated[str | None, typer.Option("--state", help="One state's practices (ISO3 code or name).")] = None,
    as_json: Json = False,
    plain: Plain = False,
    format_: Annotated[
        str | None,
        typer.Option("--format", metavar="csv|xlsx|md|docx", help="Write the practices as a file (default: from -o)."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE (.csv, .xlsx, .md or .docx; - for stdout)."),
    ] = None,
    redact: TableRedact = False,
) -> None:
    """The practices by method, year and state; to a spreadsheet, Markdown or Word file with -o."""
    from ccmtui.domain.errors import InputError, one_of
    from ccmtui.domain.practices import METHODS, parse_method
    from ccmtui.reports.practices import cost, practices, practices_document, record

    context = app_context(ctx)
    chosen = parse_method(method) if method else None
    iso3 = context.register().index.resolve(state) if state else None
    rows = practices(context.reader(), chosen, iso3)
    kind = (format_ or (output.suffix.lstrip(".") if output and output.suffix else "")).lower()
    if kind and kind not in FORMATS:
        raise one_of("format", format_ or kind, FORMATS)
    if kind in ("md", "docx"):
        from ccmtui.reports.blocks import to_docx, to_markdown

        if as_json:
            raise InputError("--json prints JSON; --format and -o write a file: give one or the other")
        if kind == "docx" and output is None:
            raise InputError("a .docx file needs a name: add -o FILE.docx (or -o - for stdout)")
        blocks = practices_document(rows, redact)
        content = to_markdown(blocks) if kind == "md" else to_docx(blocks, title="Stockpile destruction practices")
        deliver(output or "-", content, f" ({len(rows)} practice{'s' * (len(rows) != 1)})")
        return
    if wanted(as_json, format_, output):
        emit([record(r) for r in rows], as_json, format_, output, "practices", redact=redact)
        return
    from ccmtui.cli._records import record_table
    from ccmtui.db.ids import short

    record_table(
        f"Stockpile destruction practices — {len(rows)} recorded",
        ("Id", "State", "Method", "Year", "Cost per unit", "Source"),
        [(short(r.uuid), r.name, METHODS[r.method], r.year or "", cost(r), r.source or r.document) for r in rows],
    )


def _practice(reader: Reader, text: str) -> dict:
    from ccmtui.actions.records import find_record, load
    from ccmtui.domain.errors import NotFoundError

    table, uuid = find_record(reader, text)
    if table != "practices":
        raise NotFoundError(f"no practice with id {text!r}")
    return load(reader, table, uuid)


@app.command("show")
def practice_show(
    ctx: typer.Context,
    practice: Id,
    as_json: Json = False,
    plain: Plain = False,
    save_document: Annotated[
        Path | None,
        typer.Option("--save-document", metavar="FILE", help="Save the source document to FILE (- stdout)."),
    ] = None,
) -> None:
    """A practice in full, and its source document saved with --save-document."""
    from ccmtui.cli._common import print_json
    from ccmtui.domain.practices import METHODS
    from ccmtui.reports.practices import SILENT, cost, practices, record

    reader = app_context(ctx).reader()
    row = _practice(reader, practice)
    found = next(r for r in practices(reader, iso3=row["iso3"]) if r.uuid == row["uuid"])
    if save_document is not None:
        from ccmtui.db.queries import Q
        from ccmtui.domain.errors import InputError

        if not found.document_sha256:
            raise InputError(f"practice {found.uuid[:8]} has no document stored; its source: {found.source}")
        content = reader.rows(Q.blob, sha256=found.document_sha256)[0].content
        if to_stdout(save_document):
            deliver(save_document, content)
            return
        from ccmtui.cli.report import _write_atomically

        _write_atomically(save_document, lambda path: path.write_bytes(content))
        say(f"Saved {save_document} ({len(content):,} bytes).")
        return
    if as_json or plain:
        print_json(record(found))
        return
    say(f"Practice {found.uuid}" + (" (illustrative)" if found.illustrative else ""))
    for label, value in (
        ("State", f"{found.name} ({found.iso3})"),
        ("Method", METHODS[found.method]),
        ("Year", found.year or SILENT),
        ("Cost per unit", cost(found) or SILENT),
        ("Safety", found.safety or SILENT),
        ("Environment", found.environment or SILENT),
        ("Efficiency", found.efficiency or SILENT),
        ("Source", found.source or SILENT),
        ("Document", found.document or "none stored"),
        ("Engagement", (found.engagement_uuid or "")[:8] or "none"),
        ("Notes", found.notes or ""),
    ):
        say(f"  {label + ':':<15}{value}")


@app.command("edit")
def practice_edit(
    ctx: typer.Context,
    practice: Id,
    state: Annotated[str | None, typer.Option("--state", help="A new state (ISO3 code or name).")] = None,
    method: Method = None,
    year: Annotated[str | None, typer.Option("--year", help="A new year ('' clears it).")] = None,
    cost: Cost = None,
    currency: Currency = None,
    safety: Safety = None,
    environment: Environment = None,
    efficiency: Efficiency = None,
    notes: Notes = None,
    source: Annotated[str | None, typer.Option("--source", help="Where it comes from.")] = None,
    engagement: Engagement = None,
) -> None:
    """Correct a practice, every field checked as when it was added (one change set, undoable)."""
    from ccmtui.actions.edit import edit_record
    from ccmtui.domain.errors import InputError

    context = app_context(ctx)
    uuid = _practice(context.reader(), practice)["uuid"]
    given = {
        "state": state, "method": method, "year": year, "cost": cost, "currency": currency, "safety": safety,
        "environment": environment, "efficiency": efficiency, "notes": notes, "source": source,
        "engagement": engagement,
    }  # fmt: skip
    changes = {name: value for name, value in given.items() if value is not None}
    if not changes:
        raise InputError("say what to change, e.g. --cost 12.50 --currency EUR (see `ccm practice edit --help`)")
    say(edit_record(context.register(), context.writing, uuid, changes).message)


@app.command("delete")
def practice_delete(
    ctx: typer.Context,
    practice: Id,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Delete without asking.")] = False,
) -> None:
    """Delete a practice (one change set, undoable with `ccm undo`)."""
    from ccmtui.actions.delete import delete_record

    context = app_context(ctx)
    reader = context.reader()
    row = _practice(reader, practice)
    if not yes:
        typer.echo(f"Delete practice {row['uuid'][:8]} ({row['iso3']}, {row['method']})?")
        if not typer.confirm("Delete", default=False):
            typer.echo("Nothing deleted.")
            raise typer.Exit(1)
    say(delete_record(reader, context.writing, row["uuid"]).message)
