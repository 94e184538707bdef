"""`ccm log`, `ccm classify`, `ccm undo`, `ccm changes`: writing the daily log."""

from __future__ import annotations

from typing import Annotated

import typer

from ccmtui.cli._common import app_context, print_json
from ccmtui.textsafe import visible

Date = Annotated[str | None, typer.Option("--date", "-d", metavar="DATE", help="YYYY-MM-DD (default: today).")]


def engagement_basics(context, date_, area, kind, channel, action_point, follow_up) -> dict:
    """The fields `ccm log` and `ccm campaign new` parse alike."""
    from ccmtui.domain.areas import chosen_area
    from ccmtui.domain.dates import parse_date
    from ccmtui.domain.engagements import parse_action_points, parse_channel, parse_kind

    register = context.register()
    the_area = chosen_area(area, context.config.get("area"))
    return {
        "occurred_on": register.resolve_day(date_, "--date"),
        "kind": parse_kind(kind),
        "area": the_area,
        "channel": parse_channel(channel),
        "action_points": parse_action_points(action_point or []),
        "follow_up_on": parse_date(follow_up, "--follow-up") if follow_up else None,
    }


def log(
    ctx: typer.Context,
    kind: Annotated[str, typer.Argument(help="demarche, meeting, letter, note-verbale, call, email, workshop, statement, other.")],
    states: Annotated[list[str], typer.Argument(metavar="STATE...", help="The states the engagement was with.")],
    summary: Annotated[str, typer.Option("--summary", "-m", help="One line: what happened.")] = "",
    date_: Date = None,
    area: Annotated[str | None, typer.Option("--area", "-a", help="Thematic area (default: yours, from config).")] = None,
    channel: Annotated[str, typer.Option("--channel", help="capital, geneva, new-york or other.")] = "geneva",
    by: Annotated[
        list[str] | None, typer.Option("--by", help="Who acted: states or organisations (default: your state).")
    ] = None,
    notes: Annotated[str, typer.Option("--notes", "-n", help="Free notes.")] = "",
    action_point: Annotated[
        list[str] | None, typer.Option("--ap", help="Action-plan points: VAP-3, DAP-12, LAP-17 (repeatable).")
    ] = None,
    follow_up: Annotated[str | None, typer.Option("--follow-up", metavar="DATE", help="When to follow up.")] = None,
) -> None:
    """Log an engagement: a démarche, meeting, letter, note verbale, call… with one or more states."""
    from ccmtui.actions.ids import short
    from ccmtui.actions.journal import NewEngagement, add_engagement, parse_actors
    from ccmtui.domain.engagements import KINDS

    context = app_context(ctx)
    register = context.register()
    engagement = NewEngagement(
        summary=summary,
        states=[register.index.resolve(s) for s in states],
        actors=parse_actors(register.index, by or ([context.config["state"]] if context.config.get("state") else [])),
        notes=notes,
        **engagement_basics(context, date_, area, kind, channel, action_point, follow_up),
    )
    engagement.check()
    day = engagement.occurred_on
    names = ", ".join(register.index.name(i) for i in engagement.states)
    with context.writing(f"log {engagement.kind} with {names}: {engagement.summary}") as writer:
        row = add_engagement(writer, engagement)
    typer.echo(f"Logged {KINDS[engagement.kind].lower()} {short(row['uuid'])} with {names} on {day.isoformat()}.")


def classify(
    ctx: typer.Context,
    state: Annotated[str, typer.Argument(help="ISO3 code or name.")],
    category: Annotated[str, typer.Argument(metavar="I|II|III")],
    rationale: Annotated[str, typer.Option("--rationale", "-r", help="Why: what the state said or did.")] = "",
    date_: Date = None,
    source: Annotated[
        str | None, typer.Option("--source", metavar="ENGAGEMENT", help="The engagement it rests on (id).")
    ] = None,
) -> None:
    """Record a Category I / II / III assessment of a state not yet party."""
    from ccmtui.actions.ids import resolve_id
    from ccmtui.actions.journal import classify as record_classification
    from ccmtui.domain.categories import parse_category

    context = app_context(ctx)
    register = context.register()
    record = register.resolve(state)
    chosen = parse_category(category)
    day = register.resolve_day(date_, "--date")
    reader = context.reader()
    source_uuid = resolve_id(reader, "engagement_ids", source, "engagement") if source else None
    with context.writing(f"classify {record.name} as Category {chosen.value}") as writer:
        record_classification(writer, record, chosen.value, day, rationale, source_uuid)
    typer.echo(f"{record.name}: Category {chosen.value} ({chosen.meaning}) as of {day.isoformat()}.")


def undo(ctx: typer.Context) -> None:
    """Revert the last change (a whole campaign included) and say what was reverted."""
    from ccmtui.actions.undo import undo_last

    context = app_context(ctx)
    with context.writing("undo") as writer:
        undone = undo_last(writer)
    by = f" by {visible(undone.made_by, lines=False)}" if undone.made_by else ""
    typer.echo(
        f"Undid: {visible(undone.command, lines=False)} ({undone.changes} change{'s' * (undone.changes != 1)}{by}, "
        f"{undone.made_at.isoformat(sep=' ', timespec='seconds')} UTC)."
    )


def changes(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many to show.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List recent changes: who, when, what, and whether they were undone."""
    from ccmtui.actions.ids import short

    rows = app_context(ctx).reader().rows("recent_changesets", limit=limit)
    if as_json:
        print_json(
            [
                {
                    "id": r.uuid,
                    "made_at": r.made_at.isoformat(sep=" ", timespec="seconds"),
                    "made_by": r.made_by,
                    "command": r.command,
                    "changes": r.changes,
                    "undone": r.reverted_by is not None,
                    "reverts": r.reverts,
                }
                for r in rows
            ]
        )
        return
    from rich.table import Table

    from ccmtui.cli._common import console

    from rich import box

    from rich.text import Text

    from ccmtui.textsafe import literal

    table = Table(title="Recent changes", header_style="bold", box=box.SIMPLE_HEAD)
    for heading in ("Id", "When (UTC)", "Who", "What", "Records"):
        table.add_column(heading)
    for r in rows:
        what = Text.assemble(literal(r.command), (" (undone)", "dim") if r.reverted_by else "")
        table.add_row(short(r.uuid), r.made_at.isoformat(sep=" ", timespec="seconds"), r.made_by or "", what, str(r.changes))
    console().print(table)


def reply(
    ctx: typer.Context,
    target: Annotated[str, typer.Argument(metavar="CAMPAIGN|ENGAGEMENT", help="The id (or its first characters).")],
    state: Annotated[str, typer.Argument(help="The state that replied.")],
    stance: Annotated[str, typer.Option("--stance", "-s", help="positive, neutral or negative.")],
    summary: Annotated[str, typer.Option("--summary", "-m", help="What the reply says.")] = "",
    date_: Date = None,
    category: Annotated[
        str | None, typer.Option("--category", "-c", metavar="I|II|III", help="The category the reply supports.")
    ] = None,
    classify_: Annotated[
        bool, typer.Option("--classify", help="Also record that category for the state, dated the reply.")
    ] = False,
) -> None:
    """Record a state's reply to a campaign or an engagement (optionally classifying it)."""
    from ccmtui.actions.campaigns import NewReply, record_reply

    context = app_context(ctx)
    register = context.register()
    engagement_uuid, label = resolve_reply_target(context.reader(), target)
    iso3 = register.index.resolve(state)
    day = register.resolve_day(date_, "--date")
    new = NewReply(iso3=iso3, received_on=day, stance=stance, summary=summary, supports_category=category, classify=classify_)
    name = register.index.name(iso3)
    with context.writing(f"reply from {name} to {label}") as writer:
        record_reply(writer, engagement_uuid, new, register)
    extra = f"; Category {new.supports_category} recorded" if classify_ else ""
    typer.echo(f"Reply from {name} ({new.stance}) to {visible(label, lines=False)} recorded{extra}.")


def resolve_reply_target(reader, text: str) -> tuple[str, str]:
    """(engagement uuid, label) for a campaign id or an engagement id."""
    from ccmtui.actions.ids import resolve_id
    from ccmtui.domain.errors import NotFoundError

    try:
        campaign = resolve_id(reader, "campaign_ids", text, "campaign")
    except NotFoundError:
        engagement = resolve_id(reader, "engagement_ids", text, "campaign or engagement")
        return engagement, f"engagement {engagement[:8]}"
    (row,) = reader.rows("campaign_summary", campaign=campaign)
    return row.engagement_uuid, f"'{row.title}'"


def done(
    ctx: typer.Context,
    engagement: Annotated[str, typer.Argument(metavar="ENGAGEMENT", help="The id (or its first characters).")],
) -> None:
    """Mark an engagement's follow-up as done (clears its follow-up date)."""
    from ccmtui.actions.ids import resolve_id
    from ccmtui.actions.journal import follow_up_done

    context = app_context(ctx)
    uuid = resolve_id(context.reader(), "engagement_ids", engagement, "engagement")
    with context.writing(f"follow-up done for engagement {uuid[:8]}") as writer:
        follow_up_done(writer, uuid)
    typer.echo(f"Follow-up of {uuid[:8]} done.")
