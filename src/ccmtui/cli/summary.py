"""`ccm summary`: a thematic area's figures as of a day, with what changed since a meeting."""

from __future__ import annotations

from typing import Annotated

import typer

from ccmtui.cli._common import Plain, app_context, print_json


def summary(
    ctx: typer.Context,
    area: Annotated[
        str | None,
        typer.Argument(
            metavar="[AREA]",
            help="universalization, stockpile-destruction, clearance, victim-assistance, cooperation, transparency, "
            "national-implementation (default: your area from config, else all).",
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="DATE|MEETING", help="The figures as they stood that day (default: today)."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", metavar="MEETING|DATE", help="Count changes after this (default: the last meeting)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    plain: Plain = False,
    overview: Annotated[bool, typer.Option("--all", help="All areas, even when your config names one.")] = False,
    redact: Annotated[
        bool, typer.Option("--redact", help="Leave out the rationales of category changes (no notes or names shown).")
    ] = False,
) -> None:
    """Summarise a thematic area: the figures a progress report needs, with charts."""
    from ccmtui.reports.summary import SUMMARY_AREAS, build_summary, summary_json

    context = app_context(ctx)
    chosen = area
    if chosen is None and not overview:
        configured = context.config.get("area")
        chosen = configured if configured in SUMMARY_AREAS else None
    from ccmtui.config import category_max_age

    # A terminal shows a long period's latest campaigns: only theirs are counted (JSON has every one).
    from ccmtui.reports.render_parts import SHOWN

    result = build_summary(
        context.reader(),
        chosen,
        as_of,
        since,
        register=context.register(),
        category_max_age=category_max_age(context.config),
        latest=None if as_json or plain else SHOWN,
    )
    if redact:
        from ccmtui.reports.summary import redacted

        result = redacted(result)
    if as_json or plain:
        print_json(summary_json(result))
        return
    from ccmtui.cli._common import console
    from ccmtui.reports.render_summary import render

    out = console()
    out.print(render(result, out.width))
