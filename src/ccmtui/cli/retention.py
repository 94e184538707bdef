"""`ccm retention`: cluster munitions retained under Art. 3(6)-(8), per state and year."""

from __future__ import annotations

from typing import Annotated

import typer

from ccmtui.cli._common import Plain, app_context, print_json
from ccmtui.cli._records import Json, Source, States, Year, record_form, record_table, recorded_rows

app = typer.Typer(help="Cluster munitions retained under Art. 3(6)-(8), per state and year.", no_args_is_help=True)


def _count(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


@app.command("add")
def retention_add(
    ctx: typer.Context,
    state: Annotated[str, typer.Argument(help="ISO3 code or name.")],
    year: Annotated[int, typer.Option("--year", help="The calendar year the figures are for.")],
    source: Source = None,
    munitions: Annotated[int | None, typer.Option("--munitions", help="Cluster munitions retained.")] = None,
    submunitions: Annotated[int | None, typer.Option("--submunitions", help="Explosive submunitions retained.")] = None,
    used_munitions: Annotated[
        int | None, typer.Option("--used-munitions", help="Cluster munitions used that year.")
    ] = None,
    used_submunitions: Annotated[
        int | None, typer.Option("--used-submunitions", help="Explosive submunitions used that year.")
    ] = None,
    purpose: Annotated[str, typer.Option("--purpose", help="What they are kept or used for (Art. 3(6)).")] = "",
    planned_munitions: Annotated[
        int | None, typer.Option("--planned-munitions", help="Cluster munitions planned for use that year (Art. 3(8)).")
    ] = None,
    planned_submunitions: Annotated[
        int | None,
        typer.Option("--planned-submunitions", help="Explosive submunitions planned for use that year (Art. 3(8))."),
    ] = None,
    planned_use: Annotated[
        str, typer.Option("--planned-use", help="The use planned, in words, e.g. 'EOD training courses'.")
    ] = "",
    actual_use: Annotated[
        str, typer.Option("--actual-use", help="The use made, in words, as the state reported it.")
    ] = "",
) -> None:
    """Record what a State Party retained in a year for permitted purposes, and what it used."""
    from ccmtui.actions.treaty_records import record_retention

    def text(value: int | None) -> str | None:
        return None if value is None else str(value)

    record_form(
        ctx,
        record_retention,
        state=state,
        year=str(year),
        source=source,
        munitions=text(munitions),
        submunitions=text(submunitions),
        used_munitions=text(used_munitions),
        used_submunitions=text(used_submunitions),
        purpose=purpose,
        planned_munitions=text(planned_munitions),
        planned_submunitions=text(planned_submunitions),
        planned_use=planned_use,
        actual_use=actual_use,
    )


@app.command("list")
def retention_list(
    ctx: typer.Context,
    states: States = None,
    year: Year = None,
    as_json: Json = False,
    plain: Plain = False,
) -> None:
    """List retention figures per state and year; an empty 'used' cell means use not reported."""
    rows = recorded_rows(app_context(ctx), "retention", states, year)
    if as_json or plain:
        print_json(
            [
                {
                    "iso3": r.iso3,
                    "name": r.name,
                    "year": r.year,
                    "munitions_retained": r.munitions_retained,
                    "submunitions_retained": r.submunitions_retained,
                    "munitions_used": r.munitions_used,
                    "submunitions_used": r.submunitions_used,
                    "munitions_planned": r.munitions_planned,
                    "submunitions_planned": r.submunitions_planned,
                    "planned_use": r.planned_use,
                    "actual_use": r.actual_use,
                    "purpose": r.purpose,
                    "source": r.source,
                }
                for r in rows
            ]
        )
        return
    record_table(
        f"Retention under Art. 3(6) — {len(rows)} recorded",
        ("State", "Year", "Munitions", "Used", "Submunitions", "Used", "Purpose", "Source"),
        [
            (
                r.name,
                r.year,
                _count(r.munitions_retained),
                _count(r.munitions_used),
                _count(r.submunitions_retained),
                _count(r.submunitions_used),
                r.purpose,
                r.source,
            )
            for r in rows
        ],
    )
