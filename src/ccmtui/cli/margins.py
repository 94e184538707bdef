"""`ccm margins`: bilateral meetings planned in the margins of an MSP or intersessional week."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ccmtui.cli._common import Plain, app_context, console, deliver, say
from ccmtui.cli._tables import TableFormat, TableOutput, TableRedact, emit, wanted

app = typer.Typer(
    help="Bilateral meetings in a meeting's margins: plan, suggest, show, brief, record the outcome.",
    no_args_is_help=True,
)

Meeting = Annotated[str, typer.Argument(metavar="MEETING", help="The meeting's code or name, e.g. 13MSP.")]
SlotId = Annotated[str, typer.Argument(metavar="SLOT", help="The slot's id (its first characters) or its state.")]
With = Annotated[str, typer.Option("--with", metavar="STATE", help="The state to meet: ISO3 code or name.")]
Day = Annotated[str, typer.Option("--day", metavar="DATE", help="The day, within the meeting's dates.")]
Times = Annotated[str, typer.Option("--slot", metavar="HH:MM-HH:MM", help="When: start and end, e.g. 10:00-10:30.")]
Room = Annotated[str, typer.Option("--room", help="Where: a room or a delegation's office.")]
Objective = Annotated[str, typer.Option("--objective", help="What the meeting is to achieve.")]
Json = Annotated[bool, typer.Option("--json", help="Print JSON.")]


@app.command("add")
def add(
    ctx: typer.Context,
    meeting: Meeting,
    state: With = "",
    day: Day = "",
    times: Times = "",
    room: Room = "",
    objective: Objective = "",
) -> None:
    """Plan a bilateral meeting: refused when its room, or the state, is already taken at that time."""
    from ccmtui.actions.margins import add_slot

    context = app_context(ctx)
    written = add_slot(
        context.register(),
        context.writing,
        meeting=meeting,
        state=state,
        day=day,
        slot=times,
        room=room,
        objective=objective,
    )
    say(written.message)


@app.command("edit")
def edit(
    ctx: typer.Context,
    meeting: Meeting,
    slot: SlotId,
    state: Annotated[str | None, typer.Option("--with", metavar="STATE", help="Meet another state instead.")] = None,
    day: Annotated[str | None, typer.Option("--day", metavar="DATE", help="Move it to this day.")] = None,
    times: Annotated[str | None, typer.Option("--slot", metavar="HH:MM-HH:MM", help="Move it to these times.")] = None,
    room: Annotated[str | None, typer.Option("--room", help="Another room.")] = None,
    objective: Annotated[str | None, typer.Option("--objective", help="Another objective.")] = None,
) -> None:
    """Move a slot or change its state, room or objective (what is not given stays)."""
    from ccmtui.actions.margins import edit_slot

    context = app_context(ctx)
    written = edit_slot(
        context.register(),
        context.writing,
        meeting=meeting,
        slot=slot,
        state=state,
        day=day,
        times=times,
        room=room,
        objective=objective,
    )
    say(written.message)


@app.command("cancel")
def cancel(ctx: typer.Context, meeting: Meeting, slot: SlotId) -> None:
    """Cancel a planned slot: it stays in the schedule, marked cancelled, its room and time free again."""
    from ccmtui.actions.margins import cancel_slot

    context = app_context(ctx)
    say(cancel_slot(context.register(), context.writing, meeting=meeting, slot=slot).message)


@app.command("outcome")
def outcome(
    ctx: typer.Context,
    meeting: Meeting,
    slot: SlotId,
    summary: Annotated[str, typer.Option("--summary", "-m", help="One line: what was said or agreed.")] = "",
    follow_up: Annotated[str | None, typer.Option("--follow-up", metavar="DATE", help="When to follow up.")] = None,
    area: Annotated[
        str | None, typer.Option("--area", "-a", help="Thematic area (default: yours, from config).")
    ] = None,
    notes: Annotated[str, typer.Option("--notes", help="Free notes.")] = "",
) -> None:
    """Record what a held slot came to: an engagement (a meeting) with the state, with its follow-up."""
    from ccmtui.actions.margins import record_outcome

    context = app_context(ctx)
    written = record_outcome(
        context.register(),
        context.writing,
        meeting=meeting,
        slot=slot,
        summary=summary,
        follow_up=follow_up,
        area=area,
        notes=notes,
        config=context.config,
    )
    say(written.message)


@app.command("show")
def show(
    ctx: typer.Context,
    meeting: Meeting,
    as_json: Json = False,
    plain: Plain = False,
    format_: TableFormat = None,
    output: TableOutput = None,
    redact: TableRedact = False,
) -> None:
    """The meeting's schedule of bilateral meetings, day by day, with each one's outcome."""
    from ccmtui.actions.margins import find_meeting, meeting_slots
    from ccmtui.reports.margins import schedule_json

    register = app_context(ctx).register()
    chosen = find_meeting(register, meeting)
    slots = meeting_slots(register, chosen)
    if wanted(as_json, format_, output):
        records = [{"meeting": chosen.code, **row} for row in schedule_json(chosen, slots)["slots"]]
        emit(records, as_json, format_, output, sheet=f"margins {chosen.code}", redact=redact)
        return
    span = f"{chosen.start.isoformat()} to {chosen.end.isoformat()}"
    if not slots:
        typer.echo(
            f"No bilateral meetings planned at {chosen.code} ({span}). "
            f"Plan one with `ccm margins add {chosen.code} --with STATE --day DATE --slot 10:00-10:30`, "
            f"or see `ccm margins suggest {chosen.code}`."
        )
        return
    from rich import box
    from rich.table import Table

    from ccmtui.db.ids import short

    table = Table(
        title=f"Bilateral meetings at {chosen.code}, {span}", box=box.SIMPLE_HEAD, header_style="bold", expand=True
    )
    for heading in ("Day", "Time", "Room", "State", "Objective", "Status", "Id"):
        wide = heading in ("Objective", "Status")
        table.add_column(
            heading,
            overflow="fold",
            no_wrap=heading in ("Day", "Time", "Id"),
            ratio=2 if wide else 1 if heading in ("Room", "State") else None,
        )
    last = None
    for s in slots:
        status = s.status
        if s.status == "held":
            status = f"held: {s.outcome or 'engagement deleted'}"
            if s.follow_up_on:
                status += f" (follow up {s.follow_up_on.isoformat()})"
        table.add_row(
            s.day.isoformat() if s.day != last else "",
            f"{s.starts}-{s.ends}",
            s.room,
            s.name,
            s.objective,
            status,
            short(s.uuid),
            style="dim" if s.status == "cancelled" else None,
        )
        last = s.day
    console().print(table)


@app.command("suggest")
def suggest(
    ctx: typer.Context,
    meeting: Meeting,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many states.")] = 10,
    as_json: Json = False,
    plain: Plain = False,
) -> None:
    """States to meet there: open follow-ups due by the meeting's end, then `ccm next`'s ranking."""
    from datetime import date

    from ccmtui.actions.margins import find_meeting, meeting_slots
    from ccmtui.config import category_max_age
    from ccmtui.reports.margins import suggest as build

    context = app_context(ctx)
    register = context.register()
    chosen = find_meeting(register, meeting)
    found = build(
        register,
        chosen,
        meeting_slots(register, chosen),
        config=context.config,
        today=date.today(),
        limit=limit,
        max_age=category_max_age(context.config),
    )
    if as_json or plain:
        from ccmtui.cli._common import print_json

        print_json([s.as_json() for s in found])
        return
    if not found:
        typer.echo(f"Nothing to suggest at {chosen.code}: every state with a follow-up or a rank is in its schedule.")
        return
    from rich import box
    from rich.table import Table

    table = Table(title=f"States to meet at {chosen.code}", box=box.SIMPLE_HEAD, header_style="bold")
    for heading in ("State", "Status", "Category", "Why"):
        table.add_column(heading, overflow="fold", no_wrap=heading in ("Status", "Category"))
    for s in found:
        table.add_row(s.name, s.status, s.category or "—", "\n".join(s.because))
    out = console()
    out.print(table)
    out.print(
        f"Plan one: ccm margins add {chosen.code} --with STATE --day DATE --slot 10:00-10:30. "
        "Who attends is not recorded: every state is taken as there.",
        markup=False,
        soft_wrap=True,
    )


@app.command("brief")
def brief(
    ctx: typer.Context,
    meeting: Meeting,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE.md|FILE.docx|-", help="Write the briefs here (default: print)."),
    ] = None,
) -> None:
    """A one-page brief per bilateral meeting: status, category and reasons, last contacts, pending
    replies, what joining commits the state to."""
    from datetime import date

    from ccmtui.actions.margins import find_meeting, meeting_slots
    from ccmtui.domain.errors import InputError
    from ccmtui.reports.margins import briefs, render_docx, render_markdown

    context = app_context(ctx)
    register = context.register()
    if output is not None and str(output) != "-" and output.suffix.lower() not in (".md", ".docx"):
        raise InputError(f"{output.name}: the briefs are written as .md or .docx")
    chosen = find_meeting(register, meeting)
    made = briefs(
        register,
        chosen,
        meeting_slots(register, chosen),
        today=date.today(),
        extra_reasons=context.config.get("reasons"),
    )
    if output is None:
        typer.echo(render_markdown(chosen, made), nl=False)
        return
    if output.suffix.lower() == ".docx":
        from ccmtui.reports.docx_layout import parse_paper

        content: str | bytes = render_docx(chosen, made, parse_paper(context.config.get("paper")))
    else:
        content = render_markdown(chosen, made)
    deliver(output, content, f" ({len(made)} brief{'s' * (len(made) != 1)}, {chosen.code})")
