"""`ccm campaign`: one démarche or letter to many states, and its replies."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ccmtui.cli._common import Plain, app_context, print_json, say
from ccmtui.cli._tables import TableFormat, TableOutput, TableRedact, emit, wanted
from ccmtui.db.queries import Q
from ccmtui.textsafe import visible

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
            help="Targets: category:II, region:Asia, grouping:ASEAN, status:non-signatory, campaign:ID:unanswered "
            "(or :replied, :stance:negative), or a state (repeatable). "
            "Same kind: either; different kinds: both; named states are added.",
        ),
    ],
    except_: Annotated[list[str] | None, typer.Option("--except", help="Leave these states out (repeatable).")] = None,
    kind: Annotated[str, typer.Option("--kind", "-k", help="demarche, letter, note-verbale, email…")] = "demarche",
    date_: Annotated[
        str | None, typer.Option("--date", "-d", metavar="DATE", help="YYYY-MM-DD (default: today).")
    ] = None,
    area: Annotated[str | None, typer.Option("--area", "-a", help="Thematic area (default: yours).")] = None,
    channel: Annotated[str, typer.Option("--channel", help="capital, geneva, new-york or other.")] = "capital",
    by: Annotated[list[str] | None, typer.Option("--by", help="Who sends it (default: your state).")] = None,
    notes: Annotated[str, typer.Option("--notes", help="Free notes.")] = "",
    action_point: Annotated[list[str] | None, typer.Option("--ap", help="VAP-3, DAP-4.1, LAP-17…")] = None,
    follow_up: Annotated[str | None, typer.Option("--follow-up", metavar="DATE", help="When to follow up.")] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Create without asking after the preview.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the targets and write nothing.")] = False,
) -> None:
    """Create a campaign: preview the targets, then write the campaign and a pending reply for each."""
    from ccmtui.actions.campaigns import create_campaign, plan_campaign

    context = app_context(ctx)
    plan = plan_campaign(
        context.register(),
        title=title,
        to=to,
        except_=except_ or [],
        kind=kind,
        date=date_,
        area=area,
        channel=channel,
        by=by or [],
        notes=notes,
        action_points=action_point or [],
        follow_up=follow_up,
        config=context.config,
    )
    typer.echo(visible(f"{plan.heading}:", lines=False), err=True)
    typer.echo("  " + ", ".join(f"{visible(s.name, lines=False)} ({s.iso3})" for s in plan.targets), err=True)
    if dry_run:
        return
    if not yes and not typer.confirm(f"Create the campaign to {len(plan.targets)} states?", err=True):
        raise typer.Exit(1)
    say(create_campaign(context.writing, plan).message)


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
    plain: Plain = False,
    format_: TableFormat = None,
    output: TableOutput = None,
    redact: TableRedact = False,
) -> None:
    """Every campaign with delivered / replied / pending / no reply and its reply rate."""
    from ccmtui.db.ids import short
    from ccmtui.domain.areas import parse_area

    rows = _board(app_context(ctx), parse_area(area) if area else None)
    if wanted(as_json, format_, output):
        emit([_board_json(r) for r in rows], as_json, format_, output, "campaigns", redact=redact)
        return
    if not rows:
        typer.echo(
            "No campaigns yet. Start one with `ccm campaign new TITLE --to category:II` "
            "(a letter to every Category II state)."
        )
        return
    from rich import box
    from rich.table import Table

    from ccmtui.cli._common import console

    table = Table(
        title="Campaigns",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
        caption="Sent: targets · Dlv.: delivered · Repl.: replied · Pend.: pending · None: no reply",
    )
    for heading, justify in (
        ("Id", "left"),
        ("Date", "left"),
        ("Title", "left"),
        ("Sent", "right"),
        ("Dlv.", "right"),
        ("Repl.", "right"),
        ("Pend.", "right"),
        ("None", "right"),
        ("Rate", "right"),
    ):
        if heading == "Title":
            table.add_column(heading, min_width=16, ratio=1)
        else:
            table.add_column(heading, justify=justify, no_wrap=True)
    for r in rows:
        table.add_row(
            short(r.uuid),
            r.occurred_on.isoformat(),
            r.title,
            str(r.targets),
            str(r.delivered),
            str(r.replied),
            str(r.pending),
            str(r.no_reply),
            _rate(r),
        )
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
        "delivered": r.delivered,
        "follows": r.follows_uuid,
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
    plain: Plain = False,
    format_: TableFormat = None,
    output: TableOutput = None,
    redact: TableRedact = False,
) -> None:
    """One campaign: its figures and every target's reply."""
    context = app_context(ctx)
    row = _campaign(context, campaign)
    replies = context.reader().rows(Q.replies_of_engagement, engagement=row.engagement_uuid)
    every = _board(context)
    follows = next((c for c in every if c.uuid == row.follows_uuid), None)
    chasers = [c for c in every if c.follows_uuid == row.uuid]
    if format_ or output:  # the replies, one row per target
        emit([_reply_json(r) for r in replies], as_json, format_, output, "replies", redact=redact)
        return
    if as_json or plain:
        print_json(
            {**_board_json(row), "chasers": [c.uuid for c in chasers], "replies": [_reply_json(r) for r in replies]}
        )
        return
    from rich.table import Table
    from rich.text import Text

    from ccmtui.cli._common import console
    from ccmtui.textsafe import literal

    out = console()
    out.print(Text.assemble(literal(row.title, "bold"), f" — {row.kind}, {row.occurred_on.isoformat()} ({row.area})"))
    out.print(
        f"{row.targets} targets · {row.delivered} delivered · {row.replied} replied · {row.pending} pending · "
        f"{row.no_reply} no reply · reply rate {_rate(row)}"
    )
    from ccmtui.db.ids import short

    if follows is not None:
        out.print(f"Follows {short(follows.uuid)} '{follows.title}' ({follows.occurred_on.isoformat()})", markup=False)
    for chaser in chasers:
        out.print(f"Chased by {short(chaser.uuid)} '{chaser.title}' ({chaser.occurred_on.isoformat()})", markup=False)
    from rich import box

    table = Table(header_style="bold", box=box.SIMPLE_HEAD)
    for heading in ("State", "ISO3", "Delivered", "Status", "Received", "Stance", "Supports", "Summary"):
        table.add_column(heading)
    for r in replies:
        table.add_row(
            r.name,
            r.iso3,
            r.delivered_on.isoformat() if r.delivered_on else "",
            r.status,
            r.received_on.isoformat() if r.received_on else "",
            r.stance or "",
            r.supports_category or "",
            r.summary,
        )
    out.print(table)


def _reply_json(r) -> dict:
    return {
        "iso3": r.iso3,
        "name": r.name,
        "status": r.status,
        "delivered": r.delivered_on.isoformat() if r.delivered_on else None,
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
    say(close_campaign(context.reader(), context.writing, campaign=campaign).message)


Campaign = Annotated[str, typer.Argument(metavar="CAMPAIGN", help="The campaign's id (or its first characters).")]
States = Annotated[list[str], typer.Argument(metavar="STATE...", help="ISO3 codes or names.")]


@app.command("add-target")
def add_target(ctx: typer.Context, campaign: Campaign, states: States) -> None:
    """Add states to a campaign after its launch; each gets a pending reply."""
    from ccmtui.actions.campaign_targets import add_targets

    context = app_context(ctx)
    say(add_targets(context.register(), context.writing, campaign=campaign, states=states).message)


@app.command("remove-target")
def remove_target(
    ctx: typer.Context,
    campaign: Campaign,
    states: States,
    force: Annotated[bool, typer.Option("--force", help="Remove a target that replied, and its reply.")] = False,
) -> None:
    """Take states off a campaign (one that replied only with --force)."""
    from ccmtui.actions.campaign_targets import remove_targets

    context = app_context(ctx)
    say(remove_targets(context.register(), context.writing, campaign=campaign, states=states, force=force).message)


@app.command("delivered")
def delivered(
    ctx: typer.Context,
    campaign: Campaign,
    states: States,
    date_: Annotated[
        str | None, typer.Option("--date", "-d", metavar="DATE", help="YYYY-MM-DD (default: today).")
    ] = None,
) -> None:
    """Record the day the letter reached these targets (embassies deliver over weeks)."""
    from ccmtui.actions.campaign_targets import record_delivery

    context = app_context(ctx)
    say(record_delivery(context.register(), context.writing, campaign=campaign, states=states, date=date_).message)


@app.command("chase")
def chase(
    ctx: typer.Context,
    campaign: Annotated[str, typer.Argument(metavar="CAMPAIGN", help="The campaign to chase (id).")],
    out: Annotated[str, typer.Option("--output", "-o", metavar="FOLDER", help="Where the letters go.")],
    after: Annotated[
        int, typer.Option("--after", metavar="DAYS", help="Only targets still silent this many days after the letter.")
    ] = 60,
    template: Annotated[
        str | None,
        typer.Option(
            "--template",
            metavar="LETTER.docx",
            help="A Word template with {{state}}, {{mission}}, {{counterpart}}, {{demarche_date}}, "
            "{{demarche_title}}, {{today}} (default: the shipped letter).",
        ),
    ] = None,
    merge: Annotated[bool, typer.Option("--merge", help="One document with every letter, a page each.")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Write without asking after the preview.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show who would be chased and write nothing.")] = False,
) -> None:
    """Write a Word letter to each target that has not answered, and record the chaser campaign that follows it."""
    from pathlib import Path

    from ccmtui.actions.chase import chase as write_chase
    from ccmtui.actions.chase import plan_chase

    context = app_context(ctx)
    plan = plan_chase(
        context.register(),
        campaign=campaign,
        after=after,
        template=Path(template) if template else None,
        out=Path(out),
        merge=merge,
        config=context.config,
    )
    typer.echo(visible(f"{len(plan.letters)} letters ({plan.campaign.title}):", lines=False), err=True)
    typer.echo("  " + ", ".join(f"{visible(s.name, lines=False)} ({s.iso3})" for s in plan.campaign.targets), err=True)
    if dry_run:
        return
    if not yes and not typer.confirm(f"Write {len(plan.letters)} letters and record the chaser?", err=True):
        raise typer.Exit(1)
    say(write_chase(context.writing, plan).message)
