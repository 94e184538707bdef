"""`ccm report`: documents for a meeting, built from the data."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ccmtui.cli._common import app_context, deliver, to_stdout

if TYPE_CHECKING:
    from ccmtui.cli._common import AppContext
    from ccmtui.reports.progress import ProgressReport

app = typer.Typer(
    help="Documents for a meeting: the progress report, and reports frozen as circulated.", no_args_is_help=True
)

FORMATS = ("md", "docx")
Format = Annotated[
    str | None,
    typer.Option("--format", "-f", metavar="md|docx", help="Markdown or Word (default: from -o, else md)."),
]
Output = Annotated[
    Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write to FILE (default: print Markdown).")
]


def _chosen_format(format_: str | None, output: Path | None) -> str:
    """md or docx: as asked, else from the file's suffix, else Markdown; a Word file needs -o."""
    from ccmtui.domain.errors import InputError, one_of

    chosen = (format_ or (output.suffix.lstrip(".").lower() if output and output.suffix else "md")).lower()
    chosen = "md" if chosen == "markdown" else chosen
    if chosen not in FORMATS:
        raise one_of("format", format_ or chosen, FORMATS)
    if chosen == "docx" and output is None:
        raise InputError("a .docx report needs a file: add -o FILE.docx (or -o - for stdout)")
    if chosen == "docx":
        from ccmtui.files import require_word

        require_word()  # before anything is written or frozen
    return chosen


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
    format_: Format = None,
    output: Output = None,
    aggregate_only: Annotated[
        bool, typer.Option("--aggregate-only", help="Name no individual state: counts only, no footnotes.")
    ] = False,
    freeze: Annotated[
        str | None,
        typer.Option(
            "--freeze",
            metavar="NAME",
            help="Keep the report under NAME: its figures with their rules and states, to explain and diff later.",
        ),
    ] = None,
) -> None:
    """The progress report for a Meeting of States Parties, every figure filled from the data."""
    from ccmtui.reports.formal import formal_names
    from ccmtui.reports.progress import build_progress_report, to_markdown

    chosen = _chosen_format(format_, output)
    context = app_context(ctx)
    if freeze is not None:
        from ccmtui.actions.frozen_reports import check_new_name

        check_new_name(context.reader(), freeze)  # before anything is written
    report = build_progress_report(
        context.reader(), as_of, since, aggregate_only=aggregate_only, register=context.register()
    )
    if chosen == "md" and output is None:  # on the terminal, the register's short names
        typer.echo(to_markdown(report), nl=False)
        if freeze is not None:
            _freeze(context, freeze, report, aggregate_only)
        return
    from ccmtui.reports.progress import with_formal_names

    index = context.register().index
    report = with_formal_names(report, {iso3: index.name(iso3) for iso3 in formal_names()})
    if freeze is not None:
        _freeze(context, freeze, report, aggregate_only)
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
        from ccmtui.reports.docx_layout import parse_paper
        from ccmtui.reports.export_progress_docx import build_docx

        with progress("Writing the Word report"):
            document = build_docx(report, parse_paper(context.config.get("paper")))
        if to_stdout(output):
            import io

            buffer = io.BytesIO()
            document.save(buffer)
            deliver(output, buffer.getvalue())
            return
        _write_atomically(output, lambda path: document.save(str(path)))
    typer.echo(f"wrote {output} ({report.title}, as of {report.period.as_of.isoformat()})")


def _freeze(context: AppContext, name: str, report: ProgressReport, aggregate_only: bool) -> None:
    from ccmtui.actions.frozen_reports import freeze_report
    from ccmtui.cli._common import say
    from ccmtui.reports.frozen import figures_json
    from ccmtui.reports.frozen_figures import progress_report_figures
    from ccmtui.reports.progress import to_markdown

    period = report.period
    figures = progress_report_figures(
        context.reader(), context.register(), period.as_of, period.since, period.since_label
    )
    written = freeze_report(
        context.reader(),
        context.writing,
        name=name,
        kind="progress",
        as_of=period.as_of,
        since=period.since,
        parameters={
            "title": report.title,
            "since": period.since.isoformat(),
            "as_of": period.as_of.isoformat(),
            "since_label": period.since_label,
            "aggregate_only": aggregate_only,
        },
        figures=figures_json(figures),
        content=to_markdown(report),
        by=context.identity(),
    )
    say(written.message)


@app.command("list")
def list_frozen(ctx: typer.Context) -> None:
    """The frozen reports: name, as of, when frozen and by whom."""
    from ccmtui.db.queries import Q

    rows = app_context(ctx).reader().rows(Q.frozen_reports)
    if not rows:
        typer.echo("No frozen report yet: add --freeze NAME to `ccm report progress`.")
        return
    from ccmtui.cli._common import say

    for row in rows:
        by = f" by {row.recorded_by}" if row.recorded_by else ""
        say(f"{row.name}  {row.kind}, as of {row.as_of.isoformat()}, frozen {row.created_at.date().isoformat()}{by}")


@app.command("show")
def show(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The frozen report's name.")],
    figure: Annotated[
        str | None, typer.Option("--figure", metavar="ID", help="Explain one figure, naming every state behind it.")
    ] = None,
) -> None:
    """A frozen report's figures, each with the rule that produced it and the states behind it."""
    from ccmtui.actions.frozen_reports import frozen_report
    from ccmtui.cli._common import say
    from ccmtui.domain.errors import one_of
    from ccmtui.reports.frozen import explain, figures_from_json

    row = frozen_report(app_context(ctx).reader(), name)
    figures = figures_from_json(row.figures)
    if figure is not None:
        found = next((f for f in figures if f.id == figure.strip().lower()), None)
        if found is None:
            raise one_of("figure", figure, [f.id for f in figures])
        say(explain(found, every=True))
        return
    say(f"{row.name}: {row.kind} report as of {row.as_of.isoformat()}, frozen {row.created_at.date().isoformat()}")
    for item in figures:
        say(f"  {item.id}: {explain(item)}")


@app.command("diff")
def diff(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The frozen report's name.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write the corrigendum here (Markdown).")
    ] = None,
) -> None:
    """Compare a frozen report with the data today: the corrigendum (which figures changed, and why)."""
    from ccmtui.actions.frozen_reports import frozen_report
    from ccmtui.reports.frozen_figures import compare_with_today

    context = app_context(ctx)
    reader = context.reader()
    changes, text = compare_with_today(reader, context.register(), frozen_report(reader, name))
    if output is None:
        typer.echo(text, nl=False)
        return
    _write_atomically(output, lambda path: path.write_text(text, encoding="utf-8"))
    from ccmtui.domain.words import plural

    typer.echo(f"wrote {output} ({plural(len(changes), 'figure')} changed)")


@app.command("retention")
def retention(
    ctx: typer.Context,
    since: Annotated[
        str | None,
        typer.Option(
            "--since", metavar="MEETING|DATE", help="The figures from this day's year on (default: every year)."
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="DATE|MEETING", help="The day the document is drawn up (default: today)."),
    ] = None,
    format_: Format = None,
    output: Output = None,
) -> None:
    """The working document on cluster munitions retained under Art. 3(6): who retains, quantities by year,
    planned and actual use (Art. 3(8)), the trend, and who has not reported use, each figure with its source."""
    from ccmtui.reports.blocks import to_docx, to_markdown
    from ccmtui.reports.retention_document import build_retention_document

    chosen = _chosen_format(format_, output)
    context = app_context(ctx)
    document = build_retention_document(context.register(), as_of, since)
    if chosen == "md":
        content: str | bytes = to_markdown(document.blocks)
        if output is None or to_stdout(output):
            deliver("-", content)
            return
        _write_atomically(output, lambda path: path.write_text(content, encoding="utf-8"))
    else:
        from ccmtui.reports.docx_layout import parse_paper

        content = to_docx(document.blocks, parse_paper(context.config.get("paper")), title=document.title)
        if to_stdout(output):
            deliver(output, content)
            return
        _write_atomically(output, lambda path: path.write_bytes(content))
    typer.echo(f"wrote {output} ({document.title}, as of {document.period.as_of.isoformat()})")
