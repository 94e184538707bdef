"""`ccm cooperation`: Art. 6 cooperation and assistance, who reported needing or providing it."""

from __future__ import annotations

from typing import Annotated

import typer

from ccmtui.cli._common import Plain, app_context, print_json
from ccmtui.cli._records import Json, Source, States, Year, record_form, record_table, recorded_rows
from ccmtui.cli._tables import TableFormat, TableOutput, emit, wanted

app = typer.Typer(help="Art. 6 cooperation and assistance: who reported needing or providing it.", no_args_is_help=True)


@app.command("add")
def cooperation_add(
    ctx: typer.Context,
    state: Annotated[str, typer.Argument(help="ISO3 code or name.")],
    role: Annotated[str, typer.Argument(metavar="needs|provides", help="Reported needing, or providing, assistance.")],
    year: Annotated[int, typer.Option("--year", help="The year reported on.")],
    source: Source = None,
    details: Annotated[str, typer.Option("--details", help="What for, how much, to whom.")] = "",
) -> None:
    """Record that a state reported needing or providing cooperation and assistance (Art. 6) in a year."""
    from ccmtui.actions.treaty_records import record_cooperation

    record_form(
        ctx,
        record_cooperation,
        {"role": ""},
        state=state,
        role=role,
        year=str(year),
        details=details,
        source=source,
    )


@app.command("list")
def cooperation_list(
    ctx: typer.Context,
    states: States = None,
    year: Year = None,
    as_json: Json = False,
    plain: Plain = False,
) -> None:
    """List recorded reports of needing or providing cooperation and assistance."""
    rows = recorded_rows(app_context(ctx), "cooperation_reports", states, year)
    if as_json or plain:
        print_json(
            [
                {
                    "iso3": r.iso3,
                    "name": r.name,
                    "year": r.year,
                    "role": r.role,
                    "details": r.details,
                    "source": r.source,
                }
                for r in rows
            ]
        )
        return
    record_table(
        f"Cooperation and assistance (Art. 6) — {len(rows)} recorded",
        ("State", "Year", "Role", "Details", "Source"),
        [(r.name, r.year, r.role, r.details, r.source) for r in rows],
    )


@app.command("match")
def cooperation_match(
    ctx: typer.Context,
    as_json: Json = False,
    plain: Plain = False,
    format_: TableFormat = None,
    output: TableOutput = None,
) -> None:
    """Needs without an offer and offers without a taker, across coalitions and the states' own reports."""
    from ccmtui.domain.coalitions import money
    from ccmtui.reports.coalitions import area_label, match

    context = app_context(ctx)
    found = match(context.reader(), context.register())
    if wanted(as_json, format_, output):
        emit([line.as_json() for line in found], as_json, format_, output, "match")
        return
    needs = [line for line in found if line.kind == "need"]
    offers = [line for line in found if line.kind == "offer"]
    for heading, lines in (("Needs without an offer", needs), ("Offers without a taker", offers)):
        rows = [
            (
                line.state,
                line.where,
                area_label(line.area),
                line.details,
                money({line.currency: line.amount}) if line.amount is not None else "",
                line.id[:8],
            )
            for line in lines
        ]
        if rows:
            record_table(f"{heading} — {len(rows)}", ("State", "Where", "Area", "Details", "Amount", "Id"), rows)
        else:
            typer.echo(f"{heading}: none.")
