"""`ccm article7`: what each Art. 7 report says, form by form (A-J of the 1MSP reporting format)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ccmtui.cli._common import Plain, app_context, input_file, print_json
from ccmtui.db.queries import Q

app = typer.Typer(
    help="Art. 7 reports form by form (A-J): record, import, list, check completeness.", no_args_is_help=True
)


@app.command("add")
def article7_add(
    ctx: typer.Context,
    state: Annotated[str, typer.Argument(help="ISO3 code or name.")],
    form: Annotated[
        list[str],
        typer.Option(
            "--form",
            metavar="LETTER=STATUS",
            help="e.g. A=changed, B=unchanged:2013, F='not applicable', C=reported (initial report).",
        ),
    ],
    source: Annotated[str | None, typer.Option("--source", help="Where it comes from (required).")] = None,
    year: Annotated[int | None, typer.Option("--year", help="The year an annual report covers.")] = None,
    initial: Annotated[bool, typer.Option("--initial", help="The initial report (Art. 7(1)).")] = False,
) -> None:
    """Record what a report says on its forms; every form checked before any is written."""
    from ccmtui.actions.transparency import FormInput, add_transparency_forms
    from ccmtui.actions.treaty_records import report_year
    from ccmtui.domain.errors import InputError

    context = app_context(ctx)
    record = context.register().resolve(state)
    kind, covering = report_year(context.reader(), record.iso3, initial, year)
    given = []
    for item in form:
        letter, _, status = item.partition("=")
        if not status:
            raise InputError(f"--form {item!r}: write LETTER=STATUS, e.g. A=changed")
        status, _, last = status.partition(":")
        given.append(
            FormInput(
                record.iso3, kind, covering, letter, status, int(last) if last.strip().isdigit() else None, source or ""
            )
        )
    with context.writing(f"article7 forms {record.name} {kind} {covering}") as writer:
        rows = add_transparency_forms(writer, given)
    typer.echo(
        f"{record.name}: {kind} report {covering}, {len(rows)} form(s) recorded: "
        + ", ".join(f"{r['form']} {r['status']}" for r in rows)
        + "."
    )


@app.command("import")
def article7_import(
    ctx: typer.Context,
    path: Annotated[
        Path,
        typer.Argument(metavar="FILE.csv", help="iso3,kind,year,form,status,last_reported,source; all rows or none."),
    ],
) -> None:
    """Import forms from a CSV (iso3,kind,year,form,status,last_reported,source): all rows or none."""
    from ccmtui.actions.transparency import add_transparency_forms, read_forms_csv
    from ccmtui.files import read_table

    context = app_context(ctx)
    register = context.register()
    with input_file(path, ".csv") as readable:
        forms = read_forms_csv(read_table(readable), register.index.resolve, str(path))
    with context.writing(f"article7 import {path.name}") as writer:
        rows = add_transparency_forms(writer, forms)
    typer.echo(f"{len(rows)} form(s) imported from {path.name}.")


@app.command("list")
def article7_list(
    ctx: typer.Context,
    year: Annotated[int | None, typer.Option("--year", help="Only reports covering this year.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    plain: Plain = False,
) -> None:
    """The forms recorded, per report."""
    rows = [r for r in app_context(ctx).reader().rows(Q.transparency_forms) if year is None or r.year == year]
    if as_json or plain:
        print_json(
            [
                {
                    "iso3": r.iso3,
                    "kind": r.kind,
                    "year": r.year,
                    "form": r.form,
                    "status": r.status,
                    "last_reported": r.last_reported,
                    "source": r.source,
                }
                for r in rows
            ]
        )
        return
    for r in rows:
        last = f" (last reporting {r.last_reported})" if r.last_reported else ""
        typer.echo(f"{r.name} {r.kind} {r.year}: form {r.form} {r.status}{last}")


@app.command("check")
def article7_check(
    ctx: typer.Context,
    year: Annotated[int | None, typer.Option("--year", help="Only reports covering this year.")] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", metavar="DATE", help="The day to check from (default: today).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    plain: Plain = False,
) -> None:
    """Completeness: forms a state's obligations call for but marked not applicable or missing;
    annual reports owed, on time, late and missing per year (Art. 7(2))."""
    from datetime import date

    from ccmtui.domain.dates import parse_date
    from ccmtui.domain.obligations import REPORT_FORMS
    from ccmtui.reports.article7 import form_gaps, reports_by_year

    context = app_context(ctx)
    on = parse_date(as_of, "--as-of") if as_of else date.today()
    if on > date.today():
        from ccmtui.domain.errors import InputError

        raise InputError(f"--as-of {on.isoformat()} is after today: reports are checked as of a day that has come")
    gaps = form_gaps(context.reader(), year)
    years = [y for y in reports_by_year(context.reader(), context.register(), on) if year is None or y.year == year]
    if as_json or plain:
        print_json({"gaps": [g.as_json() for g in gaps], "years": [vars(y) for y in years]})
        return
    typer.echo(f"Forms expected but not applicable or missing: {len(gaps)}")
    for g in gaps:
        typer.echo(f"  {g.name} {g.kind} {g.year}: form {g.form} ({REPORT_FORMS[g.form]}) {g.problem}")
    typer.echo("Annual reports by covering year (owed / on time / late / missing; recorded):")
    for y in years:
        note = "" if y.recorded else "  (none recorded: missing means not recorded here)"
        typer.echo(f"  {y.year}: {y.owed} / {y.on_time} / {y.late} / {y.missing}; {y.recorded}{note}")
