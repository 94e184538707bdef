"""`ccm status`: its options (what it does: `ccmtui.cli.status_run`, which the lean start runs too)."""

from __future__ import annotations

from typing import Annotated

import typer

from ccmtui.cli._common import Plain, app_context
from ccmtui.cli._tables import TableFormat, TableOutput, TableRedact


def status(
    ctx: typer.Context,
    states: Annotated[list[str] | None, typer.Argument(metavar="[STATE]...", help="ISO3 codes or names.")] = None,
    category: Annotated[
        list[str] | None, typer.Option("--category", "-c", metavar="I|II|III", help="Current category (repeatable).")
    ] = None,
    region: Annotated[list[str] | None, typer.Option("--region", help="UN region or sub-region (repeatable).")] = None,
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
    plain: Plain = False,
    format_: TableFormat = None,
    output: TableOutput = None,
    redact: TableRedact = False,
    count: Annotated[bool, typer.Option("--count", help="Print the number of states alone.")] = False,
    stale: Annotated[
        bool,
        typer.Option("--stale", help="Only states whose category is older than category_max_age months (default 24)."),
    ] = False,
    grouping: Annotated[
        list[str] | None,
        typer.Option("--grouping", "-g", help="Members of a political grouping or UN group: ASEAN, AU… (repeatable)."),
    ] = None,
    reason: Annotated[
        list[str] | None,
        typer.Option("--reason", metavar="REASON", help="States held back by this reason (repeatable; `ccm reasons`)."),
    ] = None,
) -> None:
    """List states with their status under the Convention, treaty dates and category (since when)."""
    options = {name: value for name, value in locals().items() if name != "ctx"}
    from ccmtui.cli.status_run import status as run

    run(app_context(ctx), **options)
