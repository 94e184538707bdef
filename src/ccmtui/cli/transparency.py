"""`ccm transparency`: Art. 7 transparency reports, initial and annual, due and submitted."""

from __future__ import annotations

from typing import Annotated

import typer

from ccmtui.cli._common import Plain, app_context, print_json
from ccmtui.cli._records import Json, Source, States, Year, record_form, record_table, recorded_rows
from ccmtui.domain.dates import iso

app = typer.Typer(help="Art. 7 transparency reports: initial and annual, due and submitted.", no_args_is_help=True)


@app.command("add")
def transparency_add(
    ctx: typer.Context,
    state: Annotated[str, typer.Argument(help="ISO3 code or name.")],
    source: Source = None,
    year: Annotated[int | None, typer.Option("--year", help="Annual report: the calendar year it covers.")] = None,
    initial: Annotated[bool, typer.Option("--initial", help="The initial report (Art. 7(1)).")] = False,
    submitted: Annotated[str | None, typer.Option("--submitted", metavar="DATE", help="When it was submitted.")] = None,
    due: Annotated[
        str | None, typer.Option("--due", metavar="DATE", help="Default: 180 days after entry into force, or 30 April.")
    ] = None,
) -> None:
    """Record an Art. 7 report: the initial one (--initial) or the annual update covering --year."""
    from ccmtui.actions.treaty_records import record_transparency

    record_form(
        ctx,
        record_transparency,
        {"kind": "--initial"},
        state=state,
        kind="initial" if initial else "annual",
        year=None if year is None else str(year),
        submitted=submitted,
        due=due,
        source=source,
    )


@app.command("list")
def transparency_list(
    ctx: typer.Context,
    states: States = None,
    year: Year = None,
    as_json: Json = False,
    plain: Plain = False,
) -> None:
    """List recorded Art. 7 reports with their due and submission dates."""
    rows = recorded_rows(app_context(ctx), "transparency_reports", states, year)
    if as_json or plain:
        print_json(
            [
                {
                    "iso3": r.iso3,
                    "name": r.name,
                    "kind": r.kind,
                    "year": r.year,
                    "due": iso(r.due),
                    "submitted": iso(r.submitted),
                    "late": bool(r.submitted and r.submitted > r.due),
                    "source": r.source,
                }
                for r in rows
            ]
        )
        return
    record_table(
        f"Art. 7 reports — {len(rows)} recorded",
        ("State", "Report", "Due", "Submitted", "Source"),
        [
            (
                r.name,
                "initial" if r.kind == "initial" else f"annual {r.year}",
                iso(r.due),
                (iso(r.submitted) or "—") + (" (late)" if r.submitted and r.submitted > r.due else ""),
                r.source,
            )
            for r in rows
        ],
    )
