"""`ccm status`: the register of states, filtered, as a table, JSON or a count."""

from __future__ import annotations

from typing import Annotated

import typer

from ccmtui.cli._common import app_context, print_json


def status(
    ctx: typer.Context,
    states: Annotated[list[str] | None, typer.Argument(metavar="[STATE]...", help="ISO3 codes or names.")] = None,
    category: Annotated[
        list[str] | None, typer.Option("--category", "-c", metavar="I|II|III", help="Current category (repeatable).")
    ] = None,
    region: Annotated[
        list[str] | None, typer.Option("--region", "-r", help="UN region or sub-region (repeatable).")
    ] = None,
    status_: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            "-s",
            metavar="STATUS",
            help="party, pending, signatory, non-signatory, withdrawn, or states-parties (party + pending).",
        ),
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", metavar="DATE|MEETING", help="The register as it stood that day.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
    count: Annotated[bool, typer.Option("--count", help="Print the number of states alone.")] = False,
) -> None:
    """List states with their status under the Convention, treaty dates and category."""
    from ccmtui.reports.register import build_filter

    register = app_context(ctx).register()
    day = register.resolve_day(as_of, "--as-of")
    chosen = build_filter(
        register, states=states or (), statuses=status_ or (), categories=category or (), regions=region or ()
    )
    rows = [state for state in register.on(day) if chosen.keeps(state)]
    if count:
        typer.echo(len(rows))
    elif as_json:
        print_json([state.as_json() for state in rows])
    else:
        from ccmtui.cli._common import console
        from ccmtui.reports.render import register_table

        out = console()
        out.print(register_table(rows, day, out.width))
