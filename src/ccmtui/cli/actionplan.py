"""`ccm actionplan` and `ccm indicator`: the action plans' actions, and what each State Party has done on them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ccmtui.cli._common import AppContext, Plain, app_context, say
from ccmtui.cli._records import Source
from ccmtui.cli._tables import TableFormat, TableOutput, TableRedact, emit, wanted

app = typer.Typer(
    help="The action plans (Vientiane, Dubrovnik, Lausanne): actions, sources, counts.", no_args_is_help=True
)
indicator_app = typer.Typer(
    help="Indicator values: what a State Party has done on an action, year by year.", no_args_is_help=True
)

Until = Annotated[
    int | None,
    typer.Option("--year", metavar="YEAR", help="Count the values recorded up to this year (default: this year)."),
]
Area = Annotated[str | None, typer.Option("--area", "-a", help="One thematic area (default: all).")]
PlanOption = Annotated[
    str | None, typer.Option("--plan", metavar="VAP|DAP|LAP", help="One action plan (default: all).")
]


def _table(title: str, headings: tuple[str, ...], rows: list[tuple], caption: str | None = None) -> None:
    from ccmtui.cli._records import record_table

    record_table(title, headings, rows, caption)


@app.command("list")
def actionplan_list(
    ctx: typer.Context,
    plan: PlanOption = None,
    area: Area = None,
    year: Until = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    plain: Plain = False,
    format_: TableFormat = None,
    output: TableOutput = None,
    redact: TableRedact = False,
) -> None:
    """Every action with the States Parties it concerns and those that have done it."""
    from ccmtui.domain.action_plan import parse_plan
    from ccmtui.domain.areas import AREAS, parse_area
    from ccmtui.reports.action_plan import action_plan

    chosen_area = parse_area(area) if area else None
    actions = action_plan(app_context(ctx).reader(), year, parse_plan(plan) if plan else None)
    actions = [a for a in actions if chosen_area is None or a.area == chosen_area]
    if wanted(as_json, format_, output):
        emit([a.as_json() for a in actions], as_json, format_, output, "actions", redact=redact)
        return
    _table(
        f"Action plans — {len(actions)} actions",
        ("Action", "Area", "Concerned", "Done", "Title"),
        [(a.code, AREAS.get(a.area, "—"), len(a.concerned) or "", len(a.done) or "", a.title or "—") for a in actions],
        "Concerned: States Parties with a value other than not applicable; Done: every such indicator done."
        " Title —: the public record reachable when ccm was built is silent.",
    )


@app.command("show")
def actionplan_show(
    ctx: typer.Context,
    action: Annotated[str, typer.Argument(help="The action: VAP-20, DAP-4.1, LAP-12…")],
    year: Until = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """One action: its plan, area, title, indicators and source, and each State Party's values."""
    from ccmtui.actions.action_plan import known_actions
    from ccmtui.cli._common import console, print_json
    from ccmtui.domain.action_plan import ACTION_PLANS, INDICATOR_VALUES, parse_action
    from ccmtui.domain.areas import AREAS
    from ccmtui.reports.action_plan import NOT_SHIPPED, one_action

    reader = app_context(ctx).reader()
    code = parse_action(action, known_actions(reader))
    found = one_action(reader, code, year)
    if as_json:
        print_json(found.as_json(with_states=True))
        return
    out = console()
    out.print(f"{found.code} — {ACTION_PLANS[found.plan]}, action {found.number}", markup=False, highlight=False)
    out.print(f"Area: {AREAS.get(found.area, 'the public record reachable here is silent')}", markup=False)
    out.print(f"Title: {found.title or 'the public record reachable here is silent'}", markup=False)
    if found.indicators:
        for number, text in enumerate(found.indicators, 1):
            out.print(f"Indicator {number}: {text}", markup=False)
    else:
        out.print(f"Indicators: {NOT_SHIPPED}", markup=False)
    out.print(f"Source: {found.source}", markup=False, highlight=False)
    out.print(
        f"States Parties concerned: {len(found.concerned)}; done: {len(found.done)}", markup=False, highlight=False
    )
    if found.states:
        _table(
            f"{found.code}: values recorded",
            ("State", "Year", "Standing", "Indicators", "Source"),
            [
                (
                    s.name,
                    s.year,
                    INDICATOR_VALUES[s.state],
                    ", ".join(f"{n}: {v}" for n, v in sorted(s.values.items())),
                    s.source,
                )
                for s in found.states
            ],
        )
    else:
        out.print(f"No values recorded yet: `ccm indicator set STATE {found.code} --year YEAR --value done --source …`")


@app.command("import")
def actionplan_import(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="CSV or .xlsx: code, area, title, indicators, source.")],
) -> None:
    """Add or reword actions from an updated plan; actions the file leaves out are kept."""
    from ccmtui.actions.action_plan import import_plan

    say(import_plan(app_context(ctx).writing, file).message)


@indicator_app.command("set")
def indicator_set(
    ctx: typer.Context,
    state: Annotated[str, typer.Argument(help="ISO3 code or name.")],
    action: Annotated[str, typer.Argument(help="The action: VAP-20, DAP-4.1, LAP-12…")],
    year: Annotated[str, typer.Option("--year", metavar="YEAR", help="The calendar year the value is for.")],
    value: Annotated[str, typer.Option("--value", metavar="VALUE", help="done, partly, not-done or not-applicable.")],
    source: Source = None,
    indicator: Annotated[
        str, typer.Option("--indicator", metavar="N", help="The indicator's number within the action (default 1).")
    ] = "1",
    note: Annotated[str, typer.Option("--note", help="What the source says, in a line.")] = "",
) -> None:
    """Record what a State Party has done on an action's indicator in a year (replaces that year's value)."""
    from ccmtui.actions.action_plan import set_indicator

    context = app_context(ctx)
    written = set_indicator(
        context.register(),
        context.reader(),
        context.writing,
        state=state,
        action=action,
        indicator=indicator,
        year=year,
        value=value,
        note=note,
        source=source,
    )
    say(written.message)


@indicator_app.command("import")
def indicator_import(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="CSV or .xlsx: state, action, indicator, year, value, note, source.")],
) -> None:
    """Import indicator values: every row valid, or nothing written."""
    from ccmtui.actions.action_plan import import_indicators

    context = app_context(ctx)
    say(import_indicators(context.register(), context.reader(), context.writing, file).message)


@indicator_app.command("list")
def indicator_list(
    ctx: typer.Context,
    states: Annotated[
        list[str] | None, typer.Argument(metavar="[STATE]...", help="ISO3 codes or names (default: all).")
    ] = None,
    action: Annotated[str | None, typer.Option("--action", metavar="ACTION", help="One action only.")] = None,
    year: Annotated[int | None, typer.Option("--year", help="One year only.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    plain: Plain = False,
    format_: TableFormat = None,
    output: TableOutput = None,
    redact: TableRedact = False,
) -> None:
    """Every indicator value recorded, by action and state."""
    from datetime import date

    from ccmtui.actions.action_plan import known_actions
    from ccmtui.domain.action_plan import INDICATOR_VALUES, parse_action

    context = app_context(ctx)
    code = parse_action(action, known_actions(context.reader())) if action else None
    rows = _values(context, states, year, code, date.today().year)
    records = [
        {
            "id": r.uuid,
            "iso3": r.iso3,
            "name": r.name,
            "action": r.action,
            "indicator": r.indicator,
            "year": r.year,
            "value": r.value,
            "note": r.note,
            "source": r.source,
        }
        for r in rows
    ]
    if wanted(as_json, format_, output):
        emit(records, as_json, format_, output, "indicators", redact=redact)
        return
    from ccmtui.db.ids import short

    _table(
        f"Indicator values — {len(rows)} recorded",
        ("Id", "Action", "State", "Indicator", "Year", "Value", "Source"),
        [(short(r.uuid), r.action, r.name, r.indicator, r.year, INDICATOR_VALUES[r.value], r.source) for r in rows],
        "Correct a value by setting it again; remove one with `ccm delete ID`.",
    )


def _values(context: AppContext, states: list[str] | None, year: int | None, code: str | None, until: int) -> list:
    from ccmtui.cli._records import chosen_states
    from ccmtui.db.queries import Q

    chosen = chosen_states(context.register(), states)
    return [
        r
        for r in context.reader().rows(Q.indicator_values, until=until)
        if (chosen is None or r.iso3 in chosen)
        and (year is None or r.year == year)
        and (code is None or r.action == code)
    ]
