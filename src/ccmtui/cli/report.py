"""`ccm report`: documents for a meeting, built from the data."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from ccmtui.cli._common import app_context

app = typer.Typer(help="Documents for a meeting: the progress report.", no_args_is_help=True)

FORMATS = ("md", "docx")


def _write_atomically(path: Path, write) -> None:
    """Write beside the target and move into place: a failed write leaves nothing behind."""
    from ccmtui.domain.errors import InputError

    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"cannot write {path}: no folder {folder}")
    if path.is_dir():
        raise InputError(f"cannot write {path}: it is a folder")
    partial = folder / f".{path.name}.{os.getpid()}.partial"
    try:
        # Owner-only from the start, like every other file ccm writes (a report may name states).
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        write(partial)
        os.chmod(partial, 0o600)
        os.replace(partial, path)
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror or error}") from None
    finally:
        partial.unlink(missing_ok=True)


@app.command("progress")
def progress(
    ctx: typer.Context,
    since: Annotated[
        str | None,
        typer.Option(
            "--since", metavar="MEETING|DATE", help="The meeting progress is counted from (default: the last)."
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="DATE|MEETING", help="The day the report is finalised (default: today)."),
    ] = None,
    format_: Annotated[
        str | None,
        typer.Option("--format", "-f", metavar="md|docx", help="Markdown or Word (default: from -o, else md)."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write to FILE (default: print Markdown).")
    ] = None,
    aggregate_only: Annotated[
        bool, typer.Option("--aggregate-only", help="Name no individual state: counts only, no footnotes.")
    ] = False,
) -> None:
    """The progress report for a Meeting of States Parties, every figure filled from the data."""
    from ccmtui.domain.errors import InputError, one_of
    from ccmtui.reports.formal import formal_names
    from ccmtui.reports.progress import build_progress_report, to_markdown

    chosen = (format_ or (output.suffix.lstrip(".").lower() if output and output.suffix else "md")).lower()
    if chosen == "markdown":
        chosen = "md"
    if chosen not in FORMATS:
        raise one_of("format", format_ or chosen, FORMATS)
    if chosen == "docx" and output is None:
        raise InputError("a .docx report needs a file: add -o FILE.docx")
    context = app_context(ctx)
    report = build_progress_report(
        context.reader(), as_of, since, aggregate_only=aggregate_only, register=context.register()
    )
    if chosen == "md" and output is None:  # on the terminal, the register's short names
        typer.echo(to_markdown(report), nl=False)
        return
    from ccmtui.reports.progress import with_formal_names

    index = context.register().index
    report = with_formal_names(report, {iso3: index.name(iso3) for iso3 in formal_names()})
    if chosen == "md":
        text = to_markdown(report)
        _write_atomically(output, lambda path: path.write_text(text, encoding="utf-8"))
    else:
        from ccmtui.reports.docx_layout import parse_paper
        from ccmtui.reports.export_progress_docx import build_docx

        document = build_docx(report, parse_paper(context.config.get("paper")))
        _write_atomically(output, lambda path: document.save(str(path)))
    typer.echo(f"wrote {output} ({report.title}, as of {report.period.as_of.isoformat()})")
