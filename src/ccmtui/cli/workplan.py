"""`ccm workplan` and `ccm milestone`: thematic work plans and their timeline."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ccmtui.cli._common import Plain, app_context, deliver, input_file, print_json, say
from ccmtui.cli._tables import TableFormat, TableOutput, TableRedact, emit, wanted
from ccmtui.db.queries import Q
from ccmtui.domain.dates import iso

if TYPE_CHECKING:
    from ccmtui.db.read import Reader

app = typer.Typer(help="Thematic work plans: list, show, import and export them as TOML.", no_args_is_help=True)
milestone_app = typer.Typer(
    help="Timeline milestones of the work plans: add, start, done, slip, drop, list.", no_args_is_help=True
)

Area = Annotated[str | None, typer.Option("--area", "-a", help="Thematic area (e.g. stockpile-destruction).")]
Plan = Annotated[
    str | None, typer.Argument(metavar="[PLAN]", help="Work plan id, or a thematic area for its latest plan.")
]
Json = Annotated[bool, typer.Option("--json", help="Print JSON.")]
Date = Annotated[str | None, typer.Option("--date", "-d", metavar="DATE", help="YYYY-MM-DD (default: today).")]
MilestoneId = Annotated[str, typer.Argument(metavar="MILESTONE", help="Milestone id (its first characters suffice).")]


def _plan(reader: Reader, text: str | None) -> str:
    from ccmtui.reports.workplan import find_work_plan, only_work_plan

    return find_work_plan(reader, text) if text else only_work_plan(reader)


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return iso(value)


@app.command("list")
def list_plans(ctx: typer.Context, area: Area = None, as_json: Json = False, plain: Plain = False) -> None:
    """List the work plans with their period, coordinators and milestones done."""
    from ccmtui.domain.areas import AREAS, parse_area
    from ccmtui.domain.workplan import period_label

    reader = app_context(ctx).reader()
    plans = reader.rows(Q.work_plans, area=parse_area(area) if area else None)
    states = reader.rows(Q.work_plan_states, uuids=[p.uuid for p in plans]) if plans else []
    coordinators = {
        p.uuid: [s.name for s in states if s.work_plan_uuid == p.uuid and s.role == "coordinator"] for p in plans
    }
    if as_json or plain:
        print_json(
            [
                {
                    "id": p.uuid,
                    "title": p.title,
                    "area": p.area,
                    "starts_on": p.starts_on.isoformat(),
                    "ends_on": p.ends_on.isoformat(),
                    "coordinators": coordinators[p.uuid],
                    "milestones": p.milestones,
                    "done": p.done,
                }
                for p in plans
            ]
        )
        return
    if not plans:
        typer.echo(
            "No work plans yet: start one with `ccm workplan new AREA --title … --period 2026-2027`, "
            "or import one with `ccm workplan import FILE.toml`."
        )
        return
    from rich.table import Table

    from ccmtui.cli._common import console
    from ccmtui.db.ids import short

    table = Table(title="Work plans", header_style="bold", expand=True)
    table.add_column("Id", no_wrap=True)
    table.add_column("Area", ratio=1)
    table.add_column("Period", no_wrap=True)
    table.add_column("Coordinators", ratio=1)
    table.add_column("Done", no_wrap=True)
    table.add_column("Title", ratio=3)
    for p in plans:
        table.add_row(
            short(p.uuid),
            AREAS[p.area],
            period_label(p.starts_on, p.ends_on),
            ", ".join(coordinators[p.uuid]),
            f"{p.done}/{p.milestones}",
            p.title,
        )
    console().print(table)


@app.command("show")
def show(ctx: typer.Context, plan: Plan = None, as_json: Json = False, plain: Plain = False) -> None:
    """Show a work plan whole: background, objectives, strategy, outputs, timeline, budget, partners."""
    from datetime import date

    from ccmtui.reports.workplan import work_plan_detail

    reader = app_context(ctx).reader()
    detail = work_plan_detail(reader, _plan(reader, plan))
    if as_json or plain:
        print_json(_jsonable(detail.data()))
        return
    from ccmtui.cli._common import console
    from ccmtui.reports.quarter import milestone_lines
    from ccmtui.reports.render import work_plan_view

    lines = milestone_lines(reader, detail.milestones, date.today(), redact=False)
    console().print(work_plan_view(detail, lines))


@app.command("new")
def new_plan(
    ctx: typer.Context,
    area: Annotated[
        str | None,
        typer.Argument(metavar="[AREA]", help="Thematic area, e.g. stockpile-destruction (default: --from's)."),
    ] = None,
    title: Annotated[str, typer.Option("--title", "-t", help="The plan's title.")] = "",
    period: Annotated[
        str, typer.Option("--period", metavar="YYYY-YYYY", help="The years it covers, e.g. 2026-2027.")
    ] = "",
    coordinators: Annotated[
        list[str] | None,
        typer.Option("--coordinators", help="Coordinating states, by ISO3 or name (comma-separated or repeated)."),
    ] = None,
    from_plan: Annotated[
        str | None,
        typer.Option(
            "--from", metavar="PLAN", help="Start from this plan: its objectives and milestones copied as new records."
        ),
    ] = None,
    shift: Annotated[
        int | None,
        typer.Option(
            "--shift", metavar="N", help="Move the copied milestones N quarters on (default: by the periods' gap)."
        ),
    ] = None,
    area_option: Annotated[
        str | None, typer.Option("--area", "-a", help="Copy a --from plan of another area into this area.")
    ] = None,
) -> None:
    """Start a work plan in the tool: a title, an area and a period; or a previous plan moved on (--from)."""
    from ccmtui.actions.workplan_new import new_work_plan

    context = app_context(ctx)
    written = new_work_plan(
        context.register(),
        context.writing,
        area=area,
        title=title,
        period=period,
        coordinators=coordinators or [],
        from_plan=from_plan,
        shift=shift,
        area_option=area_option,
    )
    say(written.message)


@app.command("import")
def import_plan(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE.toml", help="A work plan in TOML (see docs/workplans.md).")],
    replace: Annotated[
        bool,
        typer.Option(
            "--replace", help="Overwrite the plan with the file's id even if its area, title or period differ."
        ),
    ] = False,
    as_new: Annotated[
        bool, typer.Option("--as-new", help="Import the file as a new plan (new ids), beside the one it came from.")
    ] = False,
) -> None:
    """Import a work plan from TOML; the same plan already there is brought to what the file says."""
    from ccmtui.actions.workplan import import_work_plan_file

    context = app_context(ctx)
    with input_file(file, ".toml") as path:
        say(import_work_plan_file(context.register(), context.writing, path, replace=replace, as_new=as_new).message)


@app.command("export")
def export_plan(
    ctx: typer.Context,
    plan: Plan = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE.toml", help="Write here (default: print).")
    ] = None,
) -> None:
    """Export a work plan as TOML, for editing and `ccm workplan import` (an exact round trip)."""
    from ccmtui.reports.export_toml import render_work_plan
    from ccmtui.reports.workplan import work_plan_detail

    reader = app_context(ctx).reader()
    text = render_work_plan(work_plan_detail(reader, _plan(reader, plan)).data())
    if output is None:
        typer.echo(text, nl=False)
        return
    deliver(output, text)


# -- milestones


@milestone_app.command("add")
def add(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(help="What is to be achieved, in one line.")],
    due: Annotated[str, typer.Option("--due", metavar="QUARTER|DATE", help="2025Q1, 2025-Q1, Q1 2025 or YYYY-MM-DD.")],
    plan: Annotated[
        str | None,
        typer.Option("--plan", "-p", help="Work plan id or area (default: the one whose period holds --due)."),
    ] = None,
    notes: Annotated[str, typer.Option("--notes", help="Free notes.")] = "",
    action_point: Annotated[
        list[str] | None, typer.Option("--ap", help="Action-plan points: LAP-17 (repeatable).")
    ] = None,
    engagement: Annotated[
        list[str] | None, typer.Option("--engagement", "-e", help="An engagement that delivers it (id; repeatable).")
    ] = None,
) -> None:
    """Add a milestone to a work plan's timeline, due by a quarter or on a date."""
    from ccmtui.actions.milestones import add_milestone

    context = app_context(ctx)
    written = add_milestone(
        context.reader(),
        context.writing,
        title=title,
        due=due,
        plan=plan,
        notes=notes,
        action_points=action_point or [],
        engagements=engagement or [],
        config=context.config,
    )
    say(written.message)


def _move(ctx: typer.Context, move: str, milestone: str, date_: str | None, note: str, **values) -> None:
    """`ccm milestone start|done|slip|drop`: one action, told which change to make."""
    from ccmtui.actions.milestones import move_milestone

    context = app_context(ctx)
    written = move_milestone(
        context.register(), context.writing, move=move, milestone=milestone, date=date_, note=note, **values
    )
    say(written.message)


@milestone_app.command("start")
def start(
    ctx: typer.Context,
    milestone: MilestoneId,
    date_: Date = None,
    note: Annotated[str, typer.Option("--note", help="A dated line added to its notes.")] = "",
) -> None:
    """Mark a milestone in progress."""
    _move(ctx, "start", milestone, date_, note)


@milestone_app.command("done")
def done(
    ctx: typer.Context,
    milestone: MilestoneId,
    date_: Date = None,
    note: Annotated[str, typer.Option("--note", help="A dated line added to its notes.")] = "",
    engagement: Annotated[
        list[str] | None, typer.Option("--engagement", "-e", help="An engagement that delivered it (id; repeatable).")
    ] = None,
) -> None:
    """Mark a milestone done on a day, with the engagements that delivered it."""
    _move(ctx, "done", milestone, date_, note, engagements=engagement or [])


@milestone_app.command("slip")
def slip(
    ctx: typer.Context,
    milestone: MilestoneId,
    to: Annotated[str, typer.Argument(metavar="QUARTER|DATE", help="The new due quarter or date.")],
    reason: Annotated[str, typer.Option("--reason", help="Why it slipped.")] = "",
    date_: Date = None,
    extend_period: Annotated[
        bool, typer.Option("--extend-period", help="Past the plan's period: extend the period to the new due date.")
    ] = False,
) -> None:
    """Move a milestone's due date later; the old and new dates are kept for the summary."""
    _move(ctx, "slip", milestone, date_, reason, new_due=to, extend_period=extend_period)


@milestone_app.command("drop")
def drop(
    ctx: typer.Context,
    milestone: MilestoneId,
    reason: Annotated[str, typer.Option("--reason", help="Why it was dropped (added to its notes).")] = "",
    date_: Date = None,
) -> None:
    """Drop a milestone: it stays on record, no longer expected."""
    _move(ctx, "drop", milestone, date_, reason)


@milestone_app.command("list")
def list_milestones(
    ctx: typer.Context,
    quarter: Annotated[
        str | None, typer.Option("--quarter", "-q", help="Due in this quarter: 2025Q1, 2025-Q1, Q1 2025.")
    ] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only those still open after their due date.")] = False,
    area: Area = None,
    plan: Annotated[str | None, typer.Option("--plan", "-p", help="Work plan id or area.")] = None,
    as_json: Json = False,
    plain: Plain = False,
    format_: TableFormat = None,
    output: TableOutput = None,
    redact: TableRedact = False,
) -> None:
    """List milestones by due date, with status and slips."""
    from datetime import date

    from ccmtui.domain.areas import parse_area
    from ccmtui.domain.workplan import Quarter
    from ccmtui.reports.workplan import find_work_plan, milestone_listing

    reader = app_context(ctx).reader()
    chosen = Quarter.parse(quarter) if quarter else None
    lines = milestone_listing(
        reader,
        today=date.today(),
        quarter=chosen,
        overdue=overdue,
        area=parse_area(area) if area else None,
        work_plan=find_work_plan(reader, plan) if plan else None,
    )
    if wanted(as_json, format_, output):
        from ccmtui.reports.quarter import milestone_data

        emit([_jsonable(milestone_data(m)) for m in lines], as_json, format_, output, "milestones", redact=redact)
        return
    if not lines:
        if quarter or overdue or area or plan:
            typer.echo("No milestone matches these filters.")
        elif not reader.rows(Q.work_plans, area=None):
            typer.echo(
                "No work plans yet, so no milestones: start one with `ccm workplan new AREA --title … --period 2026-2027`."
            )
        else:
            typer.echo("No milestones yet: add one with `ccm milestone add TITLE --due 2026Q3`.")
        return
    from ccmtui.cli._common import console
    from ccmtui.reports.render import milestone_table

    title = "Overdue milestones" if overdue else "Milestones"
    several_plans = len({m.work_plan for m in lines}) > 1
    console().print(
        milestone_table(lines, f"{title}{f' due in {chosen.label}' if chosen else ''}", with_plan=several_plans)
    )
