"""`ccm status`: the register of states, filtered, as a table, JSON or a count."""

from __future__ import annotations

from typing import Annotated

import typer

from ccmtui.cli._common import Plain, app_context
from ccmtui.cli._tables import TableFormat, TableOutput, TableRedact, emit, wanted


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
    from ccmtui.config import category_max_age
    from ccmtui.domain.categories import is_stale
    from ccmtui.reports.register import build_filter

    context = app_context(ctx)
    register = context.register()
    months = category_max_age(context.config)
    day = register.resolve_day(as_of, "--as-of")
    chosen = build_filter(
        register, states=states or (), statuses=status_ or (), categories=category or (), regions=region or ()
    )
    every = register.on(day)
    rows = [state for state in every if chosen.keeps(state)]
    if stale:
        rows = [state for state in rows if is_stale(state.category_since, day, months)]
    if grouping:
        from ccmtui.reports.momentum import grouping_book

        book = grouping_book()
        members = set().union(*(book.members_on(book.resolve(text).code, day) for text in grouping))
        rows = [state for state in rows if state.iso3 in members]
    reasons_of: dict[str, tuple[str, ...]] = {}
    if reason or not count:
        from ccmtui.reports.reasons import current_assessments

        reasons_of = {iso3: a.reasons for iso3, a in current_assessments(context.reader(), day).items()}
    if reason:
        from ccmtui.domain.reasons import parse_reasons

        held_back_by = set(parse_reasons(reason, context.config.get("reasons")))
        rows = [s for s in rows if s.category and held_back_by & set(reasons_of.get(s.iso3, ()))]
    if count:
        typer.echo(len(rows))
    elif wanted(as_json, format_, output):
        records = [
            {
                **state.as_json(),
                "category_stale": is_stale(state.category_since, day, months),
                "reasons": list(reasons_of.get(state.iso3, ())) if state.category else [],
            }
            for state in rows
        ]
        emit(records, as_json, format_, output, "status", redact=redact)
    elif not rows:
        typer.echo(_nothing(every, day, months, stale=stale, by_category=bool(category)))
    else:
        from ccmtui.cli._common import console
        from ccmtui.reports.render import register_table

        out = console()
        out.print(register_table(rows, day, out.width, max_age=months, reasons=reasons_of))


def _nothing(every, day, months: int, *, stale: bool, by_category: bool) -> str:
    """What is empty, and how to start."""
    assessed = [s for s in every if s.category]
    if (stale or by_category) and not assessed:
        return (
            f"No state has been assessed yet (Category I, II or III) as of {day.isoformat()}. "
            'Record an assessment with `ccm classify STATE II -r "why"`.'
        )
    if stale:
        return (
            f"No assessment is older than {months} months as of {day.isoformat()} "
            f"({len(assessed)} states assessed; `ccm config set category_max_age N` changes the age)."
        )
    if not every:
        return "The register is empty. Create the database with `ccm init`, or try the sample: `ccm --db sample.db status`."
    return f"No state matches these filters as of {day.isoformat()}."
