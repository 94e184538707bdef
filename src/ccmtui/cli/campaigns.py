"""`ccm campaign`: one démarche or letter to many states, and its replies."""

from __future__ import annotations

from typing import Annotated

import typer

from ccmtui.cli._common import app_context, print_json
from ccmtui.db.queries import Q
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ccmtui.cli._common import AppContext

app = typer.Typer(help="Campaigns: one démarche or letter sent to many states at once.", no_args_is_help=True)


@app.command("new")
def new(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(help="e.g. 'Joint démarche on universalization 2026'.")],
    to: Annotated[
        list[str],
        typer.Option(
            "--to",
            help="Targets: category:II, region:Asia, status:non-signatory, or a state (repeatable). "
            "Same kind: either; different kinds: both; named states are added.",
        ),
    ],
    except_: Annotated[list[str] | None, typer.Option("--except", help="Leave these states out (repeatable).")] = None,
    kind: Annotated[str, typer.Option("--kind", "-k", help="demarche, letter, note-verbale, email…")] = "demarche",
    date_: Annotated[str | None, typer.Option("--date", "-d", metavar="DATE", help="YYYY-MM-DD (default: today).")] = None,
    area: Annotated[str | None, typer.Option("--area", "-a", help="Thematic area (default: yours).")] = None,
    channel: Annotated[str, typer.Option("--channel", help="capital, geneva, new-york or other.")] = "capital",
    by: Annotated[list[str] | None, typer.Option("--by", help="Who sends it (default: your state).")] = None,
    notes: Annotated[str, typer.Option("--notes", "-n", help="Free notes.")] = "",
    action_point: Annotated[list[str] | None, typer.Option("--ap", help="VAP-3, DAP-12, LAP-17…")] = None,
    follow_up: Annotated[str | None, typer.Option("--follow-up", metavar="DATE", help="When to follow up.")] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Create without asking after the preview.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the targets and write nothing.")] = False,
) -> None:
    """Create a campaign: preview the targets, then write the campaign and a pending reply for each."""
    from ccmtui.actions.campaigns import create_campaign, plan_campaign

    context = app_context(ctx)
    plan = plan_campaign(
        context.register(), title=title, to=to, except_=except_ or [], kind=kind, date=date_, area=area, channel=channel,
        by=by or [], notes=notes, action_points=action_point or [], follow_up=follow_up, config=context.config,
    )
    typer.echo(f"{plan.heading}:", err=True)
    typer.echo("  " + ", ".join(f"{s.name} ({s.iso3})" for s in plan.targets), err=True)
    if dry_run:
        return
    if not yes and not typer.confirm(f"Create the campaign to {len(plan.targets)} states?", err=True):
        raise typer.Exit(1)
    typer.echo(create_campaign(context.writing, plan).message)


def _campaign(context: AppContext, text: str):
    """A campaign by its id or by the id of the engagement that carries it."""
    from ccmtui.db.ids import resolve_id
    from ccmtui.domain.errors import NotFoundError

    reader = context.reader()
    try:
        uuid = resolve_id(reader, Q.campaign_ids, text, "campaign")
    except NotFoundError:
        engagement = resolve_id(reader, Q.engagement_ids, text, "campaign")
        carried = reader.rows(Q.campaign_of_engagement, engagement=engagement)
        if not carried:
            raise NotFoundError(f"engagement {text} carries no campaign") from None
        uuid = carried[0].uuid
    (row,) = reader.rows(Q.campaign_summary, campaign=uuid)
    return row


def _board(context: AppContext, area: str | None = None):

    return context.reader().rows(Q.campaigns_all, area=area)


def _rate(row) -> str:
    return f"{100 * row.replied / row.targets:.0f}%" if row.targets else "–"


@app.command("list")
def list_(
    ctx: typer.Context,
    area: Annotated[str | None, typer.Option("--area", "-a", help="One thematic area (default: all).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Every campaign with replied / pending / no reply and its reply rate."""
    from ccmtui.db.ids import short
    from ccmtui.domain.areas import parse_area

    rows = _board(app_context(ctx), parse_area(area) if area else None)
    if as_json:
        print_json([_board_json(r) for r in rows])
        return
    from rich.table import Table

    from ccmtui.cli._common import console

    from rich import box

    table = Table(title="Campaigns", header_style="bold", box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True,
                  caption="Sent: targets · Repl.: replied · Pend.: pending · None: no reply")
    for heading, justify in (("Id", "left"), ("Date", "left"), ("Title", "left"), ("Sent", "right"),
                             ("Repl.", "right"), ("Pend.", "right"), ("None", "right"), ("Rate", "right")):
        if heading == "Title":
            table.add_column(heading, min_width=24, ratio=1)
        else:
            table.add_column(heading, justify=justify, no_wrap=True)
    for r in rows:
        table.add_row(short(r.uuid), r.occurred_on.isoformat(), r.title, str(r.targets), str(r.replied),
                      str(r.pending), str(r.no_reply), _rate(r))
    console().print(table)


def _board_json(r) -> dict:
    return {
        "id": r.uuid,
        "title": r.title,
        "date": r.occurred_on.isoformat(),
        "kind": r.kind,
        "area": r.area,
        "selection": r.selection,
        "engagement": r.engagement_uuid,
        "targets": r.targets,
        "replied": r.replied,
        "pending": r.pending,
        "no_reply": r.no_reply,
        "reply_rate": round(r.replied / r.targets, 4) if r.targets else None,
    }


@app.command("show")
def show(
    ctx: typer.Context,
    campaign: Annotated[str, typer.Argument(metavar="ID", help="The campaign's id (or its first characters).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """One campaign: its figures and every target's reply."""
    context = app_context(ctx)
    row = _campaign(context, campaign)
    replies = context.reader().rows(Q.replies_of_engagement, engagement=row.engagement_uuid)
    if as_json:
        print_json({**_board_json(row), "replies": [_reply_json(r) for r in replies]})
        return
    from rich.table import Table

    from ccmtui.cli._common import console

    out = console()
    out.print(f"[bold]{row.title}[/] — {row.kind}, {row.occurred_on.isoformat()} ({row.area})")
    out.print(f"{row.targets} targets · {row.replied} replied · {row.pending} pending · {row.no_reply} no reply · reply rate {_rate(row)}")
    from rich import box

    table = Table(header_style="bold", box=box.SIMPLE_HEAD)
    for heading in ("State", "ISO3", "Status", "Received", "Stance", "Supports", "Summary"):
        table.add_column(heading)
    for r in replies:
        table.add_row(r.name, r.iso3, r.status, r.received_on.isoformat() if r.received_on else "", r.stance or "",
                      r.supports_category or "", r.summary)
    out.print(table)


def _reply_json(r) -> dict:
    return {
        "iso3": r.iso3,
        "name": r.name,
        "status": r.status,
        "received": r.received_on.isoformat() if r.received_on else None,
        "stance": r.stance,
        "supports_category": r.supports_category,
        "summary": r.summary,
    }


@app.command("close")
def close(
    ctx: typer.Context,
    campaign: Annotated[str, typer.Argument(metavar="ID", help="The campaign's id (or its first characters).")],
) -> None:
    """Mark every reply still pending as 'no reply'."""
    from ccmtui.actions.campaigns import close_campaign

    context = app_context(ctx)
    typer.echo(close_campaign(context.reader(), context.writing, campaign=campaign).message)
