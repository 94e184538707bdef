"""`ccm log`, `ccm classify`, `ccm undo`, `ccm changes`: writing the daily log."""

from __future__ import annotations

from typing import Annotated

import typer

from ccmtui.cli._common import Plain, app_context, print_json, say
from ccmtui.db.queries import Q

Date = Annotated[str | None, typer.Option("--date", "-d", metavar="DATE", help="YYYY-MM-DD (default: today).")]
Reason = Annotated[
    list[str] | None,
    typer.Option(
        "--reason",
        metavar="REASON",
        help="What holds the state back (repeatable): cost, regional-reciprocity, security, prefers-ccw… "
        "(`ccm reasons` lists them).",
    ),
]


def log(
    ctx: typer.Context,
    kind: Annotated[
        str, typer.Argument(help="demarche, meeting, letter, note-verbale, call, email, workshop, statement, other.")
    ],
    states: Annotated[list[str], typer.Argument(metavar="STATE...", help="The states the engagement was with.")],
    summary: Annotated[str, typer.Option("--summary", "-m", help="One line: what happened.")] = "",
    date_: Date = None,
    area: Annotated[
        str | None, typer.Option("--area", "-a", help="Thematic area (default: yours, from config).")
    ] = None,
    channel: Annotated[str, typer.Option("--channel", help="capital, geneva, new-york or other.")] = "geneva",
    by: Annotated[
        list[str] | None, typer.Option("--by", help="Who acted: states or organisations (default: your state).")
    ] = None,
    with_: Annotated[
        list[str] | None,
        typer.Option("--with", help="A person or an organisation met besides the states (repeatable): --with ICRC."),
    ] = None,
    notes: Annotated[str, typer.Option("--notes", help="Free notes.")] = "",
    action_point: Annotated[
        list[str] | None, typer.Option("--ap", help="Action-plan points: VAP-3, DAP-4.1, LAP-17 (repeatable).")
    ] = None,
    follow_up: Annotated[str | None, typer.Option("--follow-up", metavar="DATE", help="When to follow up.")] = None,
) -> None:
    """Log an engagement: a démarche, meeting, letter, note verbale, call… with one or more states."""
    from ccmtui.actions.journal import log_engagement

    context = app_context(ctx)
    written = log_engagement(
        context.register(),
        context.writing,
        kind=kind,
        states=states,
        summary=summary,
        date=date_,
        area=area,
        channel=channel,
        by=by or [],
        with_=with_ or [],
        notes=notes,
        action_points=action_point or [],
        follow_up=follow_up,
        config=context.config,
    )
    say(written.message)


def classify(
    ctx: typer.Context,
    state: Annotated[str, typer.Argument(help="ISO3 code or name.")],
    category: Annotated[str, typer.Argument(metavar="I|II|III", help="The state's category: I, II or III.")],
    rationale: Annotated[str, typer.Option("--rationale", "-r", help="Why: what the state said or did.")] = "",
    date_: Date = None,
    source: Annotated[
        str | None, typer.Option("--source", metavar="ENGAGEMENT", help="The engagement it rests on (id).")
    ] = None,
    reason: Reason = None,
) -> None:
    """Record a Category I / II / III assessment of a state not yet party."""
    from ccmtui.actions.journal import classify_state

    context = app_context(ctx)
    written = classify_state(
        context.register(),
        context.writing,
        state=state,
        category=category,
        rationale=rationale,
        date=date_,
        source=source,
        reasons=reason or (),
        extra_reasons=context.config.get("reasons"),
    )
    say(written.message)


def undo(
    ctx: typer.Context,
    change: Annotated[
        str | None, typer.Option("--change", metavar="ID", help="Revert this change set (see `ccm changes`), anyone's.")
    ] = None,
) -> None:
    """Revert your own latest change set (a whole campaign included) and say whose and what it was."""
    from ccmtui.actions.undo import undo as undo_last
    from ccmtui.actions.undo import undo_change

    context = app_context(ctx)
    if change:
        say(undo_change(context.reader(), context.writing, change).message)
        return
    say(undo_last(context.writing).message)


def changes(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many to show.")] = 20,
    values: Annotated[bool, typer.Option("--values", help="Also each field's value before and after.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    plain: Plain = False,
) -> None:
    """List recent changes: who, when, what, and whether they were undone."""
    from ccmtui.cli.records import changeset_values, print_values
    from ccmtui.db.ids import short

    reader = app_context(ctx).reader()
    rows = reader.rows(Q.recent_changesets, limit=limit)
    if as_json or plain:
        print_json(
            [
                {
                    "id": r.uuid,
                    "made_at": r.made_at.isoformat(sep=" ", timespec="seconds"),
                    "made_by": r.made_by,
                    "login": r.made_as,
                    "command": r.command,
                    "changes": r.changes,
                    "undone": r.reverted_by is not None,
                    "reverts": r.reverts,
                    **({"values": changeset_values(reader, r.uuid)} if values else {}),
                }
                for r in rows
            ]
        )
        return
    if values:
        for r in rows:
            undone = " (undone)" if r.reverted_by else ""
            typer.echo(
                f"{short(r.uuid)} {r.made_at.isoformat(sep=' ', timespec='seconds')} {r.made_by or ''}: {r.command}{undone}"
            )
            print_values(changeset_values(reader, r.uuid))
        return
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from ccmtui.cli._common import console
    from ccmtui.textsafe import literal

    table = Table(title="Recent changes", header_style="bold", box=box.SIMPLE_HEAD)
    for heading in ("Id", "When (UTC)", "Who", "What", "Records"):
        table.add_column(heading)
    for r in rows:
        what = Text.assemble(literal(r.command), (" (undone)", "dim") if r.reverted_by else "")
        who = Text.assemble(literal(r.made_by or ""), (f" as {r.made_as}", "dim") if r.made_as else "")
        table.add_row(short(r.uuid), r.made_at.isoformat(sep=" ", timespec="seconds"), who, what, str(r.changes))
    console().print(table)


def reply(
    ctx: typer.Context,
    target: Annotated[str, typer.Argument(metavar="CAMPAIGN|ENGAGEMENT", help="The id (or its first characters).")],
    state: Annotated[str, typer.Argument(help="The state that replied.")],
    stance: Annotated[str, typer.Option("--stance", help="positive, neutral or negative.")],
    summary: Annotated[str, typer.Option("--summary", "-m", help="What the reply says.")] = "",
    date_: Date = None,
    category: Annotated[
        str | None, typer.Option("--category", "-c", metavar="I|II|III", help="The category the reply supports.")
    ] = None,
    classify_: Annotated[
        bool, typer.Option("--classify", help="Also record that category for the state, dated the reply.")
    ] = False,
    reason: Reason = None,
) -> None:
    """Record a state's reply to a campaign or an engagement (optionally classifying it)."""
    from ccmtui.actions.campaigns import record_state_reply

    context = app_context(ctx)
    written = record_state_reply(
        context.register(),
        context.writing,
        to=target,
        state=state,
        stance=stance,
        summary=summary,
        date=date_,
        category=category,
        classify=classify_,
        reasons=reason or (),
        extra_reasons=context.config.get("reasons"),
    )
    say(written.message)


def done(
    ctx: typer.Context,
    engagement: Annotated[str, typer.Argument(metavar="ENGAGEMENT", help="The id (or its first characters).")],
) -> None:
    """Mark an engagement's follow-up as done (clears its follow-up date)."""
    from ccmtui.actions.journal import mark_follow_up_done

    context = app_context(ctx)
    say(mark_follow_up_done(context.reader(), context.writing, engagement=engagement).message)
