"""`ccm coalition`: country coalitions around an affected state (Art. 6), and their board."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ccmtui.cli._common import Plain, app_context, print_json, say
from ccmtui.cli._tables import TableFormat, TableOutput, emit, wanted

app = typer.Typer(
    help="Country coalitions: an affected state, its lead donors and partners, needs and activities (Art. 6).",
    no_args_is_help=True,
)

Coalition = Annotated[str, typer.Argument(metavar="COALITION", help="The affected state (or the coalition's id).")]
Amount = Annotated[str | None, typer.Option("--amount", help="How much, in whole units: 250000, 1.5m, 800k.")]
Currency = Annotated[str | None, typer.Option("--currency", help="ISO 4217 code of the amount: USD, EUR, CHF…")]
Source = Annotated[str | None, typer.Option("--source", help="Where it comes from: document, page, date.")]
Illustrative = Annotated[
    bool, typer.Option("--illustrative", help="Mark it illustrative: the public record is silent on it.")
]


@app.command("new")
def new(
    ctx: typer.Context,
    state: Annotated[str | None, typer.Argument(metavar="STATE", help="The affected state: ISO3 code or name.")] = None,
    lead: Annotated[list[str] | None, typer.Option("--lead", help="A lead donor state (repeatable).")] = None,
    partner: Annotated[list[str] | None, typer.Option("--partner", help="A partner state (repeatable).")] = None,
    organisation: Annotated[
        list[str] | None, typer.Option("--organisation", help="A partner organisation: ICRC, GICHD… (repeatable).")
    ] = None,
    name: Annotated[str | None, typer.Option("--name", help="Its name (default: Country coalition for STATE).")] = None,
    strategy: Annotated[str, typer.Option("--strategy", help="The national strategy's title.")] = "",
    strategy_date: Annotated[
        str | None,
        typer.Option("--strategy-date", metavar="DATE", help="The strategy's date: YYYY, YYYY-MM or YYYY-MM-DD."),
    ] = None,
    notes: Annotated[str, typer.Option("--notes", help="Free notes.")] = "",
    source: Source = None,
) -> None:
    """Start a coalition around an affected state, with its lead donor(s) and partners."""
    from ccmtui.actions.coalitions import new_coalition

    context = app_context(ctx)
    written = new_coalition(
        context.register(),
        context.writing,
        state=state,
        lead_donors=lead or [],
        partners=partner or [],
        organisations=organisation or [],
        name=name,
        strategy=strategy,
        strategy_dated=strategy_date,
        notes=notes,
        source=source,
    )
    say(written.message)


@app.command("add-partner")
def add_partner(
    ctx: typer.Context,
    coalition: Coalition,
    state: Annotated[str | None, typer.Argument(metavar="[STATE]", help="A partner state: ISO3 code or name.")] = None,
    organisation: Annotated[
        str | None, typer.Option("--organisation", help="A partner organisation instead: ICRC, GICHD, an operator…")
    ] = None,
    lead: Annotated[bool, typer.Option("--lead", help="A lead donor rather than a partner.")] = False,
    source: Source = None,
) -> None:
    """Add a partner state or organisation (or, with --lead, a lead donor) to a coalition."""
    from ccmtui.actions.coalitions import add_partner as add

    context = app_context(ctx)
    say(add(context.register(), context.writing, coalition=coalition, state=state, organisation=organisation,
            lead=lead, source=source).message)  # fmt: skip


@app.command("add-need")
def add_need(
    ctx: typer.Context,
    coalition: Coalition,
    area: Annotated[
        str,
        typer.Argument(metavar="AREA", help="clearance, stockpile-destruction, victim-assistance or risk-education."),
    ],
    description: Annotated[str, typer.Argument(metavar="WHAT", help="What is needed.")],
    amount: Amount = None,
    currency: Currency = None,
    status: Annotated[str | None, typer.Option("--status", "-s", help="open (default) or met.")] = None,
    source: Source = None,
    illustrative: Illustrative = False,
) -> None:
    """Record a need of the affected state in one thematic area, with its amount where known."""
    from ccmtui.actions.coalitions import add_need as add

    context = app_context(ctx)
    say(add(context.register(), context.writing, coalition=coalition, area=area, description=description,
            amount=amount, currency=currency, status=status, source=source, illustrative=illustrative).message)  # fmt: skip


@app.command("add-activity")
def add_activity(
    ctx: typer.Context,
    coalition: Coalition,
    title: Annotated[str, typer.Argument(metavar="TITLE", help="The activity or programme.")],
    funded_by: Annotated[str, typer.Option("--funded-by", help="Who funds it.")] = "",
    implemented_by: Annotated[str, typer.Option("--implemented-by", help="Who implements it.")] = "",
    amount: Amount = None,
    currency: Currency = None,
    status: Annotated[
        str | None, typer.Option("--status", "-s", help="planned (default), ongoing, completed or cancelled.")
    ] = None,
    need: Annotated[str | None, typer.Option("--need", metavar="ID", help="The need it answers.")] = None,
    source: Source = None,
    illustrative: Illustrative = False,
) -> None:
    """Record an activity or programme: who funds it, who implements it, how much, its status."""
    from ccmtui.actions.coalitions import add_activity as add

    context = app_context(ctx)
    say(add(context.register(), context.writing, coalition=coalition, title=title, funded_by=funded_by,
            implemented_by=implemented_by, amount=amount, currency=currency, status=status, need=need,
            source=source, illustrative=illustrative).message)  # fmt: skip


@app.command("add-meeting")
def add_meeting(
    ctx: typer.Context,
    coalition: Coalition,
    engagement: Annotated[str, typer.Argument(metavar="ENGAGEMENT", help="The logged meeting or seminar's id.")],
) -> None:
    """Link a meeting or seminar (an engagement already logged) to a coalition."""
    from ccmtui.actions.coalitions import link_engagement

    context = app_context(ctx)
    say(link_engagement(context.register(), context.writing, coalition=coalition, engagement=engagement).message)


@app.command("strategy")
def strategy(
    ctx: typer.Context,
    coalition: Coalition,
    title: Annotated[str, typer.Argument(metavar="TITLE", help="The national strategy's title.")],
    date_: Annotated[str, typer.Option("--date", "-d", metavar="DATE", help="Its date: YYYY, YYYY-MM or YYYY-MM-DD.")],
    file: Annotated[
        Path | None, typer.Option("--file", metavar="PATH", help="Attach the document (kept with its receipt).")
    ] = None,
    received: Annotated[
        str | None, typer.Option("--received", metavar="DATE", help="When the document was received (default: today).")
    ] = None,
) -> None:
    """Record the coalition's national strategy: its title, date and document."""
    from ccmtui.actions.coalitions import set_strategy

    context = app_context(ctx)
    say(set_strategy(context.register(), context.writing, coalition=coalition, title=title, dated=date_, file=file,
                     received=received).message)  # fmt: skip


@app.command("status")
def status(
    ctx: typer.Context,
    record: Annotated[str, typer.Argument(metavar="ID", help="A need's or an activity's id (ccm coalition show).")],
    value: Annotated[
        str,
        typer.Argument(
            metavar="STATUS", help="A need: open or met; an activity: planned, ongoing, completed, cancelled."
        ),
    ],
) -> None:
    """Mark a need met (or open again), or set an activity's status."""
    from ccmtui.actions.coalitions import set_status

    context = app_context(ctx)
    say(set_status(context.reader(), context.writing, record=record, status=value).message)


@app.command("edit")
def edit(
    ctx: typer.Context,
    record: Annotated[str, typer.Argument(metavar="ID", help="A coalition's, need's or activity's id.")],
    name: Annotated[str | None, typer.Option("--name", help="A coalition's name.")] = None,
    notes: Annotated[str | None, typer.Option("--notes", help="A coalition's notes.")] = None,
    description: Annotated[str | None, typer.Option("--description", help="What a need is.")] = None,
    title: Annotated[str | None, typer.Option("--title", help="An activity's title.")] = None,
    funded_by: Annotated[str | None, typer.Option("--funded-by", help="Who funds an activity.")] = None,
    implemented_by: Annotated[str | None, typer.Option("--implemented-by", help="Who implements it.")] = None,
    amount: Annotated[
        str | None, typer.Option("--amount", help="A need's or activity's amount; blank clears it and its currency.")
    ] = None,
    currency: Currency = None,
    source: Source = None,
) -> None:
    """Correct a coalition's name or notes, or a need's or activity's text, amount or source."""
    from ccmtui.actions.coalitions import edit_part

    context = app_context(ctx)
    say(edit_part(context.reader(), context.writing, record=record, name=name, notes=notes, description=description,
                  title=title, funded_by=funded_by, implemented_by=implemented_by, amount=amount, currency=currency,
                  source=source).message)  # fmt: skip


@app.command("delete")
def delete(
    ctx: typer.Context,
    record: Annotated[str, typer.Argument(metavar="ID", help="A coalition's, member's, need's or activity's id.")],
) -> None:
    """Delete a member, need or activity, or a coalition with all of its records (ccm undo restores)."""
    from ccmtui.actions.coalitions import delete_part

    context = app_context(ctx)
    say(delete_part(context.reader(), context.writing, record=record).message)


@app.command("list")
def list_(ctx: typer.Context, as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
          plain: Plain = False) -> None:  # fmt: skip
    """Every coalition: its id, affected state, name and strategy."""
    from ccmtui.db.ids import short
    from ccmtui.db.queries import Q

    rows = app_context(ctx).reader().rows(Q.coalitions, coalition=None)
    if as_json or plain:
        print_json([_coalition_json(r) for r in rows])
        return
    if not rows:
        typer.echo("No coalitions yet. Start one with `ccm coalition new STATE --lead DONOR`.")
        return
    for r in rows:
        dated = f" ({r.strategy_dated})" if r.strategy_dated else ""
        strategy_ = f" — strategy: {r.strategy}{dated}" if r.strategy else " — no strategy recorded"
        say(f"{short(r.uuid)}  {r.state}: {r.name}{strategy_}{' [illustrative]' if r.illustrative else ''}")


def _coalition_json(r) -> dict:
    return {
        "id": r.uuid,
        "iso3": r.iso3,
        "state": r.state,
        "name": r.name,
        "strategy": r.strategy,
        "strategy_dated": r.strategy_dated,
        "strategy_attachment": r.strategy_attachment_uuid,
        "notes": r.notes,
        "source": r.source,
        "illustrative": bool(r.illustrative),
    }


@app.command("board")
def board(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    plain: Plain = False,
    format_: TableFormat = None,
    output: TableOutput = None,
) -> None:
    """The coalitions' board: affected state × lead donor × partners × open needs × funding."""
    from ccmtui.reports.coalitions import board as lines_of

    lines = lines_of(app_context(ctx).reader())
    if wanted(as_json, format_, output):
        records = [line.as_json() for line in lines] if (as_json or not (format_ or output)) else None
        emit(records or [line.as_row() for line in lines], as_json, format_, output, "coalitions")
        return
    if not lines:
        typer.echo("No coalitions yet. Start one with `ccm coalition new STATE --lead DONOR`.")
        return
    from rich import box
    from rich.table import Table

    from ccmtui.cli._common import console
    from ccmtui.db.ids import short
    from ccmtui.domain.coalitions import money

    table = Table(
        title="Country coalitions",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        caption="Open needs: count and known amounts · Funding: activities not cancelled",
    )
    for heading in ("Id", "Affected state", "Lead donor", "Partners", "Open needs", "Needed", "Funding"):
        table.add_column(heading, justify="right" if heading == "Open needs" else "left")
    for line in lines:
        needed = money(line.needed) or ("not known" if line.needs_unpriced else "–")
        if line.needs_unpriced and line.needed:
            needed += f" (+{line.needs_unpriced} not known)"
        table.add_row(
            short(line.uuid),
            line.state + (" *" if line.illustrative else ""),
            ", ".join(line.lead_donors) or "–",
            ", ".join(line.partners) or "–",
            str(line.open_needs),
            needed,
            money(line.funded) or "–",
        )
    console().print(table)
    if any(line.illustrative for line in lines):
        typer.echo("* illustrative: the public record is silent on some of its records (ccm coalition show).")


@app.command("show")
def show(
    ctx: typer.Context,
    coalition: Coalition,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    plain: Plain = False,
) -> None:
    """One coalition: its strategy, members, needs, activities and meetings."""
    from ccmtui.actions.coalitions import find_coalition
    from ccmtui.db.queries import Q

    context = app_context(ctx)
    found = find_coalition(context.register(), coalition)
    reader = context.reader()
    if as_json or plain:
        members = reader.rows(Q.coalition_members, coalition=found.uuid)
        needs = reader.rows(Q.coalition_needs, coalition=found.uuid)
        activities = reader.rows(Q.coalition_activities, coalition=found.uuid)
        meetings = reader.rows(Q.coalition_engagements, coalition=found.uuid)
        print_json(
            {
                **_coalition_json(found),
                "members": [
                    {"id": m.uuid, "role": m.role, "iso3": m.iso3, "name": m.state or m.organisation,
                     "source": m.source, "illustrative": bool(m.illustrative)}
                    for m in members
                ],
                "needs": [
                    {"id": n.uuid, "area": n.area, "description": n.description, "amount": n.amount,
                     "currency": n.currency, "status": n.status, "source": n.source,
                     "illustrative": bool(n.illustrative)}
                    for n in needs
                ],
                "activities": [
                    {"id": a.uuid, "title": a.title, "funded_by": a.funded_by, "implemented_by": a.implemented_by,
                     "amount": a.amount, "currency": a.currency, "status": a.status, "need": a.need_uuid,
                     "source": a.source, "illustrative": bool(a.illustrative)}
                    for a in activities
                ],
                "engagements": [
                    {"id": e.engagement_uuid, "date": e.occurred_on.isoformat(), "kind": e.kind, "summary": e.summary}
                    for e in meetings
                ],
            }
        )  # fmt: skip
        return

    from ccmtui.reports.coalitions import detail_lines

    for line in detail_lines(reader, found):
        if line:
            say(line)
        else:
            typer.echo()
