"""`ccm report`: documents for a meeting, built from the data."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from ccmtui.cli._common import app_context, deliver, to_stdout

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
    if chosen == "md":
        text = to_markdown(report)
        if output is None:
            typer.echo(text, nl=False)
            return
        if to_stdout(output):
            deliver(output, text)
            return
        _write_atomically(output, lambda path: path.write_text(text, encoding="utf-8"))
    else:
        from ccmtui.cli._progress import progress
        from ccmtui.reports.export_progress_docx import build_docx

        with progress("Writing the Word report"):
            document = build_docx(report)
        if to_stdout(output):
            import io

            buffer = io.BytesIO()
            document.save(buffer)
            deliver(output, buffer.getvalue())
            return
        _write_atomically(output, lambda path: document.save(str(path)))
    typer.echo(f"wrote {output} ({report.title}, as of {report.period.as_of.isoformat()})")
