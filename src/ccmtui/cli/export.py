"""`ccm export`: the quarterly work-plan summary and the calendar."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ccmtui.cli._common import app_context

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
    content = render_quarter(summary, kind)
    if kind == "md" and output is None:
        from rich.markdown import Markdown

        from ccmtui.cli._common import console

        console().print(Markdown(content))
        return
    if output is None:
        typer.echo(content, nl=False)
        return
    from ccmtui.files import write_private

    typer.echo(f"wrote {write_private(output, content)}")


@app.command("ics")
def ics(
    ctx: typer.Context,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE.ics", help="Write here (default: print).")
    ] = None,
    state: Annotated[
        list[str] | None,
        typer.Option(
            "--state", "-s", help="Deadlines of these states (default: your state and those your work plans name)."
        ),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", metavar="DATE", help="Deadlines and follow-ups from (default: a year ago).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", metavar="DATE", help="… until (default: two years ahead).")
    ] = None,
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
    end = register.resolve_day(until, "--until") if until else today + timedelta(days=730)
    if end < start:
        raise InputError(f"--until ({end}) is before --since ({start})")
    from ccmtui.reports.documents import calendar_document, calendar_states

    if state:
        chosen = {register.index.resolve(s) for s in state}
    else:
        chosen = calendar_states(reader, context.config.get("state"))
    content, count = calendar_document(reader, register, chosen, start, end, today)
    if output is None:
        typer.echo(content.decode("utf-8"), nl=False)
        return
    from ccmtui.files import write_private

    typer.echo(f"wrote {write_private(output, content)} ({count} events)")
