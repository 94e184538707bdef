"""`ccm conflicts`: records a sync found edited on both sides, both versions, and settling them."""

from __future__ import annotations

from typing import Annotated

import typer

from ccmtui.cli._common import app_context, say

app = typer.Typer(
    help="Records edited on both sides of a sync: both versions, and which to keep.", invoke_without_command=True
)


@app.callback()
def conflicts(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    open_only: Annotated[bool, typer.Option("--open", help="Only those not settled yet.")] = False,
) -> None:
    """List every conflict a sync recorded: both versions field by field, who made each and when."""
    if ctx.invoked_subcommand is not None:
        return
    from ccmtui.actions.conflicts import dumps, list_conflicts
    from ccmtui.db.ids import short

    found = list_conflicts(app_context(ctx).reader(), open_only=open_only)
    if as_json:
        typer.echo(dumps(found))
        return
    if not found:
        typer.echo("No conflicts: no sync found a record edited on both sides.")
        return
    for c in found:
        state = "settled" if c.settled_by else "open"
        typer.echo(f"Conflict {short(c.id)} ({state}): {c.table} {short(c.record)}, found {c.found_at:%Y-%m-%d %H:%M}")
        for name, side in (("a", c.a), ("b", c.b)):
            mark = " (this database)" if c.mine == name else ""
            kept = ", kept" if c.kept == name else ""
            who = (side.by or "unknown") + (f" as {side.login}" if side.login else "")
            when = f"{side.at:%Y-%m-%d %H:%M}" if side.at else "?"
            typer.echo(f"  {name}: {side.label}{mark}: by {who}, {when}{kept}")
        for field_name, a, b in c.fields:
            typer.echo(f"    {field_name}: a = {a!r}")
            typer.echo(f"    {' ' * len(field_name)}  b = {b!r}")
        if not c.settled_by:
            typer.echo(f"  keep one: ccm conflicts keep {short(c.id)} mine|theirs")


@app.command("keep")
def keep(
    ctx: typer.Context,
    conflict: Annotated[str, typer.Argument(metavar="ID", help="The conflict's id (or its first characters).")],
    which: Annotated[
        str, typer.Argument(metavar="mine|theirs", help="This database's version or the other's (or a, b).")
    ],
) -> None:
    """Settle a conflict: put back one version of the record, as a change set `ccm undo` reverts."""
    from ccmtui.actions.conflicts import keep as keep_version

    context = app_context(ctx)
    say(keep_version(context.writing, context.reader(), conflict, which).message)
