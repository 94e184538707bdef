"""`ccm measures`: Art. 9 national implementation measures."""

from __future__ import annotations

from typing import Annotated

import typer

from ccmtui.cli._common import Plain, app_context, print_json
from ccmtui.cli._records import Json, Source, States, record_form, record_table, recorded_rows

app = typer.Typer(help="Art. 9 national implementation measures.", no_args_is_help=True)


@app.command("add")
def measures_add(
    ctx: typer.Context,
    state: Annotated[str, typer.Argument(help="ISO3 code or name.")],
    status: Annotated[
        str, typer.Option("--status", "-s", metavar="STATUS", help="adopted, existing-law, in-progress or none.")
    ],
    dated: Annotated[
        str,
        typer.Option("--date", "-d", metavar="YYYY[-MM[-DD]]", help="Adoption date, or when the state reported it."),
    ],
    source: Source = None,
    measure: Annotated[str, typer.Option("--measure", help="The law or measure, e.g. 'Law No. 29 of 2012'.")] = "",
) -> None:
    """Record an Art. 9 national implementation measure (or that a state reported none)."""
    from ccmtui.actions.treaty_records import record_measure

    record_form(
        ctx,
        record_measure,
        {"dated": "--date"},
        state=state,
        status=status,
        dated=dated,
        measure=measure,
        source=source,
    )


@app.command("list")
def measures_list(ctx: typer.Context, states: States = None, as_json: Json = False, plain: Plain = False) -> None:
    """List recorded national implementation measures, oldest first for each state."""
    from ccmtui.domain.obligations import MEASURE_STATUSES

    rows = recorded_rows(app_context(ctx), "national_measures", states)
    if as_json or plain:
        print_json(
            [
                {
                    "iso3": r.iso3,
                    "name": r.name,
                    "status": r.status,
                    "date": r.dated,
                    "measure": r.measure,
                    "source": r.source,
                }
                for r in rows
            ]
        )
        return
    record_table(
        f"National implementation measures (Art. 9) — {len(rows)} recorded",
        ("State", "Date", "Status", "Measure", "Source"),
        [(r.name, r.dated, MEASURE_STATUSES[r.status], r.measure, r.source) for r in rows],
    )
