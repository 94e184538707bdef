"""`ccm extension` (Art. 3(3)-(5), 4(5)-(8) requests and decisions) and `ccm meeting` (the meetings
that consider them)."""

from __future__ import annotations

from typing import Annotated

import typer

from ccmtui.cli._common import Plain, app_context, print_json, say
from ccmtui.cli._records import record_form
from ccmtui.db.queries import Q

extension_app = typer.Typer(
    help="Extension requests under Art. 3(3) and 4(5) and the decisions on them (Art. 3(5), 4(8)).",
    no_args_is_help=True,
)
meeting_app = typer.Typer(
    help="Meetings of States Parties (Art. 11) and Review Conferences (Art. 12).", no_args_is_help=True
)

Source = Annotated[str | None, typer.Option("--source", help="Where it comes from: document, page, date (required).")]


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


@extension_app.command("add")
def extension_add(
    ctx: typer.Context,
    state: Annotated[str, typer.Argument(help="ISO3 code or name.")],
    article: Annotated[str, typer.Option("--article", metavar="3|4", help="3 stockpiles, 4 clearance.")],
    source: Source = None,
    requested: Annotated[
        str | None, typer.Option("--requested", metavar="DATE", help="Submitted on: YYYY, YYYY-MM or YYYY-MM-DD.")
    ] = None,
    requested_to: Annotated[
        str | None, typer.Option("--requested-to", metavar="DATE", help="The new deadline asked for.")
    ] = None,
    meeting: Annotated[
        str | None, typer.Option("--meeting", metavar="CODE", help="The meeting that considers it, e.g. 13MSP.")
    ] = None,
    decision: Annotated[
        str | None,
        typer.Option(
            "--decision", help="granted, refused, pending or 'not recorded' (default from the other options)."
        ),
    ] = None,
    granted: Annotated[str | None, typer.Option("--granted", metavar="DATE", help="The day it was granted.")] = None,
    extended_to: Annotated[
        str | None, typer.Option("--extended-to", metavar="DATE", help="The new deadline granted.")
    ] = None,
    notes: Annotated[str | None, typer.Option("--notes", help="Free notes on the request or decision.")] = None,
) -> None:
    """Record an extension request and, once known, the decision on it."""
    from ccmtui.actions.treaty_records import record_extension

    record_form(
        ctx,
        record_extension,
        state=state,
        article=article,
        source=source,
        requested=requested,
        requested_to=requested_to,
        meeting=meeting,
        decision=decision,
        granted=granted,
        extended_to=extended_to,
        notes=notes,
    )


@extension_app.command("list")
def extension_list(
    ctx: typer.Context,
    states: Annotated[
        list[str] | None, typer.Argument(metavar="[STATE]...", help="ISO3 codes or names (default: all).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
    plain: Plain = False,
) -> None:
    """List extension requests and decisions, with their sources."""
    context = app_context(ctx)
    register = context.register()
    chosen = {register.index.resolve(s) for s in states} if states else None
    rows = [r for r in context.reader().rows(Q.obligation_extensions) if chosen is None or r.iso3 in chosen]
    if as_json or plain:
        print_json(
            [
                {
                    "iso3": r.iso3,
                    "article": r.article,
                    "number": r.number,
                    "requested": r.requested,
                    "requested_to": _iso(r.requested_to),
                    "meeting": r.meeting,
                    "decision": r.decision,
                    "granted": r.granted,
                    "extended_to": _iso(r.extended_to),
                    "source": r.source,
                    "notes": r.notes,
                }
                for r in rows
            ]
        )
        return
    from rich import box
    from rich.table import Table

    from ccmtui.cli._common import console

    table = Table(title=f"Extension requests — {len(rows)} recorded", box=box.SIMPLE_HEAD, header_style="bold")
    for heading in ("State", "Art.", "#", "Requested", "Asked to", "Meeting", "Decision", "Granted", "Extended to"):
        table.add_column(heading, no_wrap=heading != "Decision", min_width=12 if heading == "Decision" else None)
    for r in rows:
        table.add_row(
            r.iso3,
            str(r.article),
            str(r.number),
            r.requested or "",
            _iso(r.requested_to) or "",
            r.meeting or "",
            r.decision,
            r.granted or "",
            _iso(r.extended_to) or "",
        )
    console().print(table)
    console().print(
        "Sources in --json. 'not recorded': the request is known, the decision is not in the sources.", style="dim"
    )


@meeting_app.command("add")
def meeting_add(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="Short code, e.g. 3RC, 14MSP or LOME26.")],
    start: Annotated[str, typer.Option("--start", metavar="DATE", help="First day, YYYY-MM-DD.")],
    end: Annotated[
        str | None, typer.Option("--end", metavar="DATE", help="Last day, YYYY-MM-DD (default: the first).")
    ] = None,
    name: Annotated[str, typer.Option("--name", help="e.g. Fourteenth Meeting of States Parties.")] = "",
    city: Annotated[str, typer.Option("--city", help="Where it meets, e.g. Geneva.")] = "",
    country: Annotated[str, typer.Option("--country", help="The host country.")] = "",
    kind: Annotated[
        str, typer.Option("--kind", "-k", help="msp, rc, intersessional, first-committee, regional or other.")
    ] = "msp",
    source: Annotated[
        str | None, typer.Option("--source", help="Where the dates come from (required for msp and rc).")
    ] = None,
) -> None:
    """Record a meeting once its dates are known; its code then stands for its opening day (--as-of 14MSP)."""
    from ccmtui.actions.meetings import add_meeting

    context = app_context(ctx)
    written = add_meeting(
        context.reader(),
        context.writing,
        code=code,
        start=start,
        end=end,
        name=name,
        city=city,
        country=country,
        kind=kind,
        source=source,
    )
    say(written.message)


@meeting_app.command("list")
def meeting_list(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    plain: Plain = False,
) -> None:
    """List the meetings recorded, with their kind, dates and place."""
    from ccmtui.db.ids import short

    rows = app_context(ctx).reader().rows(Q.meetings)
    if as_json or plain:
        print_json(
            [
                {
                    "id": m.uuid,
                    "code": m.code,
                    "kind": m.kind,
                    "name": m.name,
                    "start": _iso(m.start),
                    "end": _iso(m.end),
                    "city": m.city,
                    "country": m.country,
                }
                for m in rows
            ]
        )
        return
    if not rows:
        typer.echo("No meetings recorded yet. Add one with `ccm meeting add 14MSP --start YYYY-MM-DD --source …`.")
        return
    for m in rows:
        place = ", ".join(p for p in (m.city, m.country) if p)
        span = m.start.isoformat() if m.start == m.end else f"{m.start.isoformat()} to {m.end.isoformat()}"
        typer.echo(f"{short(m.uuid)}  {m.code:8} {m.kind:15} {span:24}  {m.name}{', ' + place if place else ''}")
