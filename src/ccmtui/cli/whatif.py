"""`ccm whatif`: what depositing an instrument on a date would commit a state to."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ccmtui.cli._common import app_context, deliver


def whatif(
    ctx: typer.Context,
    state: Annotated[str, typer.Argument(help="ISO3 code or name of a state not party.")],
    deposit: Annotated[
        str, typer.Option("--deposit", metavar="DATE", help="The day its instrument would be deposited.")
    ],
    stocks: Annotated[bool, typer.Option("--stocks", help="It holds stockpiles (Art. 3).")] = False,
    contaminated: Annotated[bool, typer.Option("--contaminated", help="It has contaminated areas (Art. 4).")] = False,
    victims: Annotated[bool, typer.Option("--victims", help="It has cluster munition victims (Art. 5).")] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE.md|FILE.docx", help="Write the brief here.")
    ] = None,
) -> None:
    """What joining commits a state to: entry into force, reports, deadlines, meetings (a one-page brief)."""
    from ccmtui.domain.dates import parse_date
    from ccmtui.domain.errors import InputError
    from ccmtui.reports.whatif import render_docx, render_markdown, what_if

    context = app_context(ctx)
    register = context.register()
    record = register.resolve(state)
    if output is not None and str(output) != "-" and output.suffix.lower() not in (".md", ".docx"):
        raise InputError(f"{output.name}: the brief is written as .md or .docx")
    brief = what_if(
        record,
        parse_date(deposit, "--deposit"),
        register.meetings,
        stocks=stocks,
        contaminated=contaminated,
        victims=victims,
    )
    if output is None:
        typer.echo(render_markdown(brief), nl=False)
        return
    if output.suffix.lower() == ".docx":
        from ccmtui.reports.docx_layout import parse_paper

        content: str | bytes = render_docx(brief, parse_paper(context.config.get("paper")))
    else:
        content = render_markdown(brief)
    deliver(output, content, f" ({record.name}, deposit {brief.deposit.isoformat()})")
