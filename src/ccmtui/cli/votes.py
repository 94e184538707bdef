"""`ccm votes`: the UN General Assembly's yearly resolution on the Convention, and how each state voted."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ccmtui.cli._common import Plain, app_context, say
from ccmtui.cli._progress import progress
from ccmtui.cli._tables import TableFormat, TableOutput, TableRedact, emit, wanted

app = typer.Typer(
    help="The General Assembly's yearly resolution on the Convention's implementation, and each state's vote.",
    no_args_is_help=True,
)


@app.command("import")
def votes_import(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE.csv",
            help="The UN Digital Library's voting-data export (.csv or .xlsx; - reads stdin).",
        ),
    ],
    source: Annotated[
        str | None,
        typer.Option("--source", help="Where the file comes from, for rows without an undl_link (default: the file)."),
    ] = None,
) -> None:
    """Record each state's vote from the UN Digital Library's export: ms_code (or ms_name), ms_vote, date, resolution, title…"""
    from datetime import date

    from ccmtui.actions.votes import import_votes
    from ccmtui.cli._common import input_file
    from ccmtui.cli.imports import _rows, _twice

    context = app_context(ctx)
    register = context.register()
    suffix = Path(str(file)).suffix.lower() if str(file) != "-" else ".csv"
    with input_file(file, suffix) as path, context.writing(f"votes import {Path(str(file)).name}") as writer:
        with progress("Importing votes", _twice(_rows(path))) as advance:
            result = import_votes(
                writer,
                path,
                register,
                today=date.today(),
                source=source or f"UN Digital Library voting data ({Path(str(file)).name})",
                label="stdin" if str(file) == "-" else str(file),
                on_progress=advance,
            )
    from ccmtui.domain.words import plural

    years = ", ".join(str(y) for y in result.years)
    parts = [f"Recorded {plural(result.written + result.replaced, 'vote')} on the Convention's resolution ({years})"]
    if result.replaced:
        parts.append(f"{result.replaced} replacing a vote already recorded")
    if result.passed_over:
        parts.append(f"{plural(result.passed_over, 'row')} on other resolutions passed over")
    say("; ".join(parts) + ". ccm undo takes them back.")


@app.command("list")
def votes_list(
    ctx: typer.Context,
    state: Annotated[
        list[str] | None, typer.Option("--state", help="Only this state, by ISO3 code or name (repeatable).")
    ] = None,
    year: Annotated[int | None, typer.Option("--year", help="Only this year's resolution.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
    plain: Plain = False,
    format_: TableFormat = None,
    output: TableOutput = None,
    redact: TableRedact = False,
) -> None:
    """Each state's recorded vote on the resolution, by year: yes, no, abstain, absent or non-member."""
    from ccmtui.cli._records import chosen_states
    from ccmtui.db.queries import Q
    from ccmtui.reports.votes import NOT_SHIPPED, resolutions

    context = app_context(ctx)
    chosen = chosen_states(context.register(), state)
    known = resolutions()
    rows = [
        {
            "iso3": r.iso3,
            "name": r.name,
            "year": r.year,
            "date": r.voted_on.isoformat(),
            "resolution": r.resolution or (known[r.year].symbol if r.year in known else None),
            "vote": r.vote,
            "source": r.source,
        }
        for r in context.reader().rows(Q.unga_votes)
        if (chosen is None or r.iso3 in chosen) and (year is None or r.year == year)
    ]
    if wanted(as_json or plain, format_, output):
        emit(rows, as_json or plain, format_, output, "votes", redact=redact)
        return
    if not rows:
        say(f"No vote recorded{' for these states' if chosen else ''}{f' in {year}' if year else ''}: {NOT_SHIPPED}.")
        say("The resolutions and their totals: ccm votes resolutions.")
        return
    from ccmtui.cli._records import record_table

    record_table(
        f"UN General Assembly votes on the Convention's implementation — {len(rows)} recorded",
        ("State", "Year", "Date", "Resolution", "Vote", "Source"),
        [(r["name"], r["year"], r["date"], r["resolution"] or "—", r["vote"], r["source"]) for r in rows],
    )


@app.command("resolutions")
def votes_resolutions(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
    plain: Plain = False,
) -> None:
    """The resolution of each year since 2015: symbol, date and totals, with sources (shipped with ccm)."""
    from ccmtui.cli._common import print_json
    from ccmtui.reports.votes import NOT_SHIPPED, resolutions

    app_context(ctx)
    shipped = list(resolutions().values())
    if as_json or plain:
        print_json([r.as_json() for r in shipped])
        return
    from ccmtui.cli._records import record_table

    record_table(
        "“Implementation of the Convention on Cluster Munitions”: the General Assembly's resolutions",
        ("Year", "Resolution", "Adopted", "Yes", "No", "Abstain", "Source"),
        [
            (
                r.year,
                r.symbol or "not in the record",
                r.adopted.isoformat() if r.adopted else "—",
                "—" if r.yes is None else r.yes,
                "—" if r.no is None else r.no,
                "—" if r.abstain is None else r.abstain,
                r.source or "the public record is silent",
            )
            for r in shipped
        ],
        caption=f"— : the public record is silent. Notes: --json. Votes of each state: {NOT_SHIPPED}.",
    )
