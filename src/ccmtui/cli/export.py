"""`ccm export`: the quarterly work-plan summary and the calendar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ccmtui.cli._common import app_context, deliver

if TYPE_CHECKING:
    from ccmtui.cli._common import AppContext
    from ccmtui.reports.quarter import QuarterSummary

app = typer.Typer(
    help="Export the quarterly work-plan summary (md, toml, json, csv, docx) or a calendar (ics).", no_args_is_help=True
)

FORMATS = ("md", "toml", "json", "csv", "docx")
_SUFFIXES = {".md": "md", ".markdown": "md", ".toml": "toml", ".json": "json", ".csv": "csv", ".docx": "docx"}


def _format(chosen: str | None, output: Path | None) -> str:
    from ccmtui.domain.errors import one_of

    if chosen is None:
        return _SUFFIXES.get(output.suffix.lower(), "md") if output else "md"
    value = chosen.strip().lower().lstrip(".")
    value = {"markdown": "md", "word": "docx"}.get(value, value)
    if value not in FORMATS:
        raise one_of("format", chosen, FORMATS)
    return value


@app.command("quarter")
def quarter(
    ctx: typer.Context,
    quarter_: Annotated[str, typer.Argument(metavar="QUARTER", help="2025Q1, 2025-Q1 or Q1 2025.")],
    area: Annotated[str | None, typer.Option("--area", "-a", help="One thematic area (default: all).")] = None,
    format_: Annotated[
        str | None,
        typer.Option("--format", "-f", metavar="md|toml|json|csv|docx", help="Default: from -o's suffix, else md."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write here (default: the terminal).")
    ] = None,
    redact: Annotated[
        bool, typer.Option("--redact", help="Leave out free-text notes and names of individuals.")
    ] = False,
    aggregate_only: Annotated[
        bool, typer.Option("--aggregate-only", help="Name no individual state: counts only (md and docx).")
    ] = False,
    freeze: Annotated[
        str | None,
        typer.Option("--freeze", metavar="NAME", help="Keep the summary's figures under NAME (ccm report show NAME)."),
    ] = None,
    dated: Annotated[
        str | None,
        typer.Option(
            "--dated",
            metavar="DATE",
            help="The date the summary bears (default: today); open milestones due before it are overdue.",
        ),
    ] = None,
) -> None:
    """The quarterly work-plan summary for the Coordination Committee: milestones, engagements,
    campaigns, category changes, treaty events and next quarter's milestones."""
    from ccmtui.domain.areas import parse_area
    from ccmtui.domain.errors import InputError
    from ccmtui.domain.workplan import Quarter
    from ccmtui.reports.documents import quarter_summary, render_quarter

    context = app_context(ctx)
    chosen = Quarter.parse(quarter_)
    kind = _format(format_, output)
    if kind == "docx" and output is None:
        raise InputError("a .docx needs a file: add -o FILE.docx")
    if kind == "docx":
        from ccmtui.files import require_word

        require_word()  # before a summary is frozen
    if aggregate_only and kind not in ("md", "docx"):
        raise InputError(f"--aggregate-only is for the md and docx summaries; the {kind} data lists the states")
    if freeze is not None:
        from ccmtui.actions.frozen_reports import check_new_name

        check_new_name(context.reader(), freeze)  # before anything is written
    register = context.register()
    day = register.resolve_day(dated, "--dated")
    summary = quarter_summary(
        context.reader(),
        chosen,
        area=parse_area(area) if area else None,
        dated=day,
        redact=redact,
        prepared_by=context.config.get("name"),
    )
    if freeze is not None:
        _freeze_quarter(context, freeze, summary)
    if kind == "md" and output is None:
        from rich.markdown import Markdown

        from ccmtui.cli._common import console

        # On the terminal, the register's short names; in a file to circulate, the UN formal ones.
        console().print(Markdown(render_quarter(summary, "md", formal_names=False, aggregate_only=aggregate_only)))
        return
    if kind == "docx":
        from ccmtui.cli._progress import progress
        from ccmtui.reports.docx_layout import parse_paper

        with progress("Writing the Word document"):
            paper = parse_paper(context.config.get("paper"))
            content = render_quarter(summary, kind, paper=paper, aggregate_only=aggregate_only)
    else:
        content = render_quarter(summary, kind, aggregate_only=aggregate_only)
    if output is None:
        typer.echo(content, nl=False)
        return
    deliver(output, content)


def _freeze_quarter(context: AppContext, name: str, summary: QuarterSummary) -> None:
    """The quarter's figures (as of its last day, counted from its first) kept under `name`."""
    from datetime import timedelta

    from ccmtui.actions.frozen_reports import freeze_report
    from ccmtui.cli._common import say
    from ccmtui.reports.export_markdown import render_markdown
    from ccmtui.reports.frozen import figures_json, register_figures

    q = summary.quarter
    since, label = q.start - timedelta(days=1), f"the start of {q.label}"
    written = freeze_report(
        context.reader(),
        context.writing,
        name=name,
        kind="quarter",
        as_of=q.end,
        since=since,
        parameters={
            "title": f"Quarterly work-plan summary: {q.long_label}",
            "quarter": q.code,
            "area": summary.area,
            "since_label": label,
        },
        figures=figures_json(register_figures(context.register(), q.end, since, label)),
        content=render_markdown(summary),
        by=context.identity(),
    )
    say(written.message)


@app.command("ics")
def ics(
    ctx: typer.Context,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE.ics", help="Write here (default: print).")
    ] = None,
    state: Annotated[
        list[str] | None,
        typer.Option("--state", help="Deadlines of these states (default: your state and those your work plans name)."),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", metavar="DATE", help="Deadlines and follow-ups from (default: a year ago).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", metavar="DATE", help="… until (default: two years ahead).")
    ] = None,
    redact: Annotated[bool, typer.Option("--redact", help="Leave out free-text notes (a calendar to share).")] = False,
) -> None:
    """A calendar (.ics): treaty deadlines (Art. 3, 4, 7), meetings, milestones and follow-ups.

    Every event keeps its UID from one export to the next, so importing a newer file updates
    the events in your calendar program instead of adding copies."""
    from datetime import date, timedelta

    from ccmtui.domain.errors import InputError

    context = app_context(ctx)
    reader = context.reader()
    register = context.register()
    today = date.today()
    start = register.resolve_day(since, "--since") if since else today - timedelta(days=365)
    end = register.resolve_day(until, "--until", end=True) if until else today + timedelta(days=730)
    if end < start:
        raise InputError(f"--until ({end}) is before --since ({start})")
    from ccmtui.reports.documents import calendar_document, calendar_states

    if state:
        chosen = {register.index.resolve(s) for s in state}
    else:
        chosen = calendar_states(reader, context.config.get("state"))
    content, count = calendar_document(reader, register, chosen, start, end, today, redact=redact)
    if output is None:
        typer.echo(content.decode("utf-8"), nl=False)
        return
    deliver(output, content, f" ({count} events)")


def handover(
    ctx: typer.Context,
    area: Annotated[str, typer.Option("--area", "-a", help="The thematic area handed over.")],
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", metavar="FILE", help="dossier.md or dossier.docx to read; dossier.ccm to merge."
        ),
    ],
    redact: Annotated[
        bool, typer.Option("--redact", help="Leave out notes, rationales and the names of individuals.")
    ] = False,
    dated: Annotated[
        str | None, typer.Option("--dated", metavar="DATE", help="The day the dossier is as of (default: today).")
    ] = None,
) -> None:
    """The handover dossier for a successor: the area's open follow-ups, pending replies, categories,
    live campaigns, work plan, counterparts, documents and the last year's timeline per state; as a
    .ccm file, the area's full record for the successor to merge (ccm merge dossier.ccm)."""
    from ccmtui.domain.areas import parse_area
    from ccmtui.domain.errors import one_of
    from ccmtui.reports.handover import handover_blocks

    kind = {".md": "md", ".markdown": "md", ".docx": "docx", ".ccm": "ccm"}.get(output.suffix.lower())
    if kind is None:
        raise one_of("dossier format", output.suffix or str(output), ["md", "docx", "ccm"])
    if kind == "ccm":  # the full record, to merge (ccm merge dossier.ccm)
        from ccmtui.actions.handover import hand_over
        from ccmtui.cli._common import say
        from ccmtui.domain.errors import InputError

        if dated is not None:
            raise InputError("--dated is for the .md and .docx dossiers; a .ccm file holds the whole record")
        from ccmtui.cli._progress import progress
        from ccmtui.db.dossier import steps

        with progress("Writing the dossier", steps()) as advance:
            written = hand_over(app_context(ctx).workspace, area, output, redact=redact, on_progress=advance)
        say(written.message)
        return
    folder = output.expanduser().parent
    if not folder.is_dir():
        from ccmtui.domain.errors import InputError

        raise InputError(f"cannot write {output}: no folder {folder}")
    context = app_context(ctx)
    register = context.register()
    day = register.resolve_day(dated, "--dated")
    chosen = parse_area(area)
    blocks = handover_blocks(
        context.reader(), register, chosen, day, redact=redact, by=None if redact else context.config.get("name")
    )
    if kind == "md":
        from ccmtui.reports.blocks import to_markdown

        content: str | bytes = to_markdown(blocks)
    else:
        from ccmtui.reports.blocks import to_docx
        from ccmtui.reports.docx_layout import parse_paper

        content = to_docx(blocks, parse_paper(context.config.get("paper")), title=f"Handover dossier: {chosen}")
    deliver(output, content)
