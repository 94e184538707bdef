"""`ccm obligation`, `ccm retention`, `ccm transparency`, `ccm measures`, `ccm cooperation`:
what States Parties owe and report, recorded with its source.
"""

from __future__ import annotations

import re
from typing import Annotated

import typer

from ccmtui.cli._common import app_context, print_json

obligation_app = typer.Typer(
    help="Art. 3 stockpile destruction, Art. 4 clearance and Art. 5 victim assistance obligations.",
    no_args_is_help=True,
)
retention_app = typer.Typer(help="Cluster munitions retained under Art. 3(6)-(8), per state and year.", no_args_is_help=True)
transparency_app = typer.Typer(help="Art. 7 transparency reports: initial and annual, due and submitted.", no_args_is_help=True)
measures_app = typer.Typer(help="Art. 9 national implementation measures.", no_args_is_help=True)
cooperation_app = typer.Typer(help="Art. 6 cooperation and assistance: who reported needing or providing it.", no_args_is_help=True)

States = Annotated[list[str] | None, typer.Argument(metavar="[STATE]...", help="ISO3 codes or names (default: all).")]
Json = Annotated[bool, typer.Option("--json", help="Print a JSON array.")]
Source = Annotated[str | None, typer.Option("--source", help="Where it comes from: document, page, date (required).")]
Article = Annotated[str, typer.Option("--article", "-a", metavar="3|4|5", help="3 stockpiles, 4 clearance, 5 victim assistance.")]


FREE_TEXT = ("Source", "Purpose", "Details", "Measure")


def _chosen(register, states: list[str] | None) -> set[str] | None:
    return {register.index.resolve(s) for s in states} if states else None


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _table(title: str, headings: tuple[str, ...], rows: list[tuple], caption: str | None = None) -> None:
    """A listing; free text (sources, purposes) is cut to the line, --json has it whole."""
    from rich import box
    from rich.table import Table

    from ccmtui.cli._common import console

    out = console()
    cells = [tuple("" if cell is None else str(cell) for cell in row) for row in rows]
    widths = [max([len(heading), *(len(row[i]) for row in cells)]) for i, heading in enumerate(headings)]
    free = [i for i, heading in enumerate(headings) if heading in FREE_TEXT]
    if "State" in headings:
        widths[headings.index("State")] = min(widths[headings.index("State")], 14)
    fixed = sum(w for i, w in enumerate(widths) if i not in free) + 3 * len(headings) + 1
    share = (out.width - fixed) // max(1, len(free))
    if free and share < 12:
        # Too narrow for the free text: leave it to --json rather than squeeze the dates.
        keep = [i for i in range(len(headings)) if i not in free]
        headings = tuple(headings[i] for i in keep)
        widths = [widths[i] for i in keep]
        cells = [tuple(row[i] for i in keep) for row in cells]
        free = []
        caption = " ".join(filter(None, (caption, "Sources and notes: widen the terminal or use --json.")))
    table = Table(title=title, caption=caption, box=box.SIMPLE_HEAD, header_style="bold")
    for index, heading in enumerate(headings):
        if index in free:
            table.add_column(heading, no_wrap=True, overflow="ellipsis", max_width=share)
        else:
            table.add_column(heading, no_wrap=heading != "State", overflow="fold", min_width=widths[index])
    for row in cells:
        table.add_row(*row)
    out.print(table)


# -- obligations


def _obligation_input(
    register,
    deadline,
    extension_requested,
    requested_to,
    extension_granted,
    extended_to,
    completed,
    status,
    source,
    notes,
):
    from ccmtui.actions.obligations import ObligationInput
    from ccmtui.domain.dates import parse_date, parse_partial_date
    from ccmtui.domain.obligations import parse_obligation_status

    granted = None
    if extension_granted:
        text = extension_granted.strip()
        if re.fullmatch(r"\d{4}(-\d{1,2}){0,2}", text):
            granted = parse_partial_date(text, "--extension-granted")
        else:
            # A meeting grants an extension by its close: the last day of the meeting.
            granted = parse_partial_date(register.meeting(text).end.isoformat(), "--extension-granted")
    return ObligationInput(
        deadline=parse_date(deadline, "--deadline") if deadline else None,
        extension_requested=parse_partial_date(extension_requested, "--extension-requested") if extension_requested else None,
        extension_requested_to=parse_date(requested_to, "--requested-to") if requested_to else None,
        extension_granted=granted,
        extended_to=parse_date(extended_to, "--extended-to") if extended_to else None,
        completed=parse_partial_date(completed, "--completed") if completed else None,
        status=parse_obligation_status(status) if status else None,
        source=source,
        notes=notes,
    )


Deadline = Annotated[str | None, typer.Option("--deadline", metavar="DATE", help="Default: the Convention's (Art. 3(2), 4(1)).")]
Requested = Annotated[
    str | None, typer.Option("--extension-requested", metavar="YYYY[-MM[-DD]]", help="When an extension was requested.")
]
RequestedTo = Annotated[str | None, typer.Option("--requested-to", metavar="DATE", help="The deadline the request asks for.")]
Granted = Annotated[
    str | None,
    typer.Option("--extension-granted", metavar="DATE|MEETING", help="When it was granted: a date or a meeting (9MSP)."),
]
ExtendedTo = Annotated[str | None, typer.Option("--extended-to", metavar="DATE", help="The extended deadline granted.")]
Completed = Annotated[
    str | None,
    typer.Option("--completed", metavar="YYYY[-MM[-DD]]", help="Completion declared: 2010, 2023-06 or 2014-03-20, as the source gives it."),
]
StatusOption = Annotated[
    str | None,
    typer.Option("--status", metavar="STATUS", help="outstanding, completed, 'no stockpile reported' or uncertain."),
]
Notes = Annotated[str | None, typer.Option("--notes", "-n", help="Free notes.")]


def _obligation_command(action: str):
    """`obligation add` and `obligation update`: the same options, read the same way."""

    def command(
        ctx: typer.Context,
        state: Annotated[str, typer.Argument(help="ISO3 code or name.")],
        article: Article,
        source: Source = None,
        deadline: Deadline = None,
        extension_requested: Requested = None,
        requested_to: RequestedTo = None,
        extension_granted: Granted = None,
        extended_to: ExtendedTo = None,
        completed: Completed = None,
        status: StatusOption = None,
        notes: Notes = None,
    ) -> None:
        from ccmtui.actions.obligations import add_obligation, update_obligation
        from ccmtui.domain.obligations import ARTICLES, parse_article

        context = app_context(ctx)
        register = context.register()
        record = register.resolve(state)
        number = parse_article(article)
        given = _obligation_input(
            register, deadline, extension_requested, requested_to, extension_granted, extended_to, completed, status, source, notes
        )
        with context.writing(f"obligation {action} {record.name} Art. {number}") as writer:
            row = (add_obligation if action == "add" else update_obligation)(writer, record, number, given)
        if action == "add":
            deadline_text = f", deadline {row['deadline'].isoformat()}" if row["deadline"] else ""
            typer.echo(f"{record.name}: Art. {number} ({ARTICLES[number]}) obligation recorded, {row['status']}{deadline_text}.")
        else:
            extra = f", completed {row['completed']}" if row["completed"] else ""
            extra += f", extended to {row['extended_to'].isoformat()}" if row["extended_to"] else ""
            typer.echo(f"{record.name}: Art. {number} obligation now {row['status']}{extra}.")

    command.__name__ = f"obligation_{action}"
    command.__doc__ = {
        "add": "Record a state's obligation under Art. 3, 4 or 5, with its source.",
        "update": "Change an obligation: completion declared, extension requested or granted, status.",
    }[action]
    return command


obligation_add = obligation_app.command("add")(_obligation_command("add"))
obligation_update = obligation_app.command("update")(_obligation_command("update"))


@obligation_app.command("list")
def obligation_list(
    ctx: typer.Context,
    states: States = None,
    article: Annotated[str | None, typer.Option("--article", "-a", metavar="3|4|5", help="One article only.")] = None,
    status: StatusOption = None,
    as_json: Json = False,
) -> None:
    """List recorded obligations with deadlines, extensions, completion and source."""
    from ccmtui.domain.obligations import ARTICLES, parse_article, parse_obligation_status

    context = app_context(ctx)
    register = context.register()
    chosen = _chosen(register, states)
    number = parse_article(article) if article else None
    wanted = parse_obligation_status(status) if status else None
    rows = [
        r
        for r in context.reader().rows("obligations", article=number)
        if (chosen is None or r.iso3 in chosen) and (wanted is None or r.status == wanted)
    ]
    if as_json:
        print_json(
            [
                {
                    "iso3": r.iso3,
                    "name": r.name,
                    "article": r.article,
                    "obligation": ARTICLES[r.article],
                    "deadline": _iso(r.deadline),
                    "extension_requested": r.extension_requested,
                    "extension_requested_to": _iso(r.extension_requested_to),
                    "extension_granted": r.extension_granted,
                    "extended_to": _iso(r.extended_to),
                    "completed": r.completed,
                    "status": r.status,
                    "status_as_of": _iso(r.status_as_of),
                    "source": r.source,
                    "notes": r.notes,
                }
                for r in rows
            ]
        )
        return
    _table(
        f"Obligations — {len(rows)} recorded",
        ("State", "Art.", "Deadline", "Extended", "Completed", "Status", "Source"),
        [
            (r.name, r.article, _iso(r.deadline), _iso(r.extended_to), r.completed, r.status, r.source)
            for r in rows
        ],
        caption="Status as last recorded (see `status_as_of` in --json). Completion dates as the source gives them.",
    )


# -- retention


def _count(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


@retention_app.command("add")
def retention_add(
    ctx: typer.Context,
    state: Annotated[str, typer.Argument(help="ISO3 code or name.")],
    year: Annotated[int, typer.Option("--year", "-y", help="The calendar year the figures are for.")],
    source: Source = None,
    munitions: Annotated[int | None, typer.Option("--munitions", help="Cluster munitions retained.")] = None,
    submunitions: Annotated[int | None, typer.Option("--submunitions", help="Explosive submunitions retained.")] = None,
    used_munitions: Annotated[int | None, typer.Option("--used-munitions", help="Cluster munitions used that year.")] = None,
    used_submunitions: Annotated[
        int | None, typer.Option("--used-submunitions", help="Explosive submunitions used that year.")
    ] = None,
    purpose: Annotated[str, typer.Option("--purpose", help="What they are kept or used for (Art. 3(6)).")] = "",
) -> None:
    """Record what a State Party retained in a year for permitted purposes, and what it used."""
    from ccmtui.actions.obligations import RetentionInput, add_retention

    context = app_context(ctx)
    record = context.register().resolve(state)
    given = RetentionInput(year, munitions, submunitions, used_munitions, used_submunitions, purpose, source)
    with context.writing(f"retention {record.name} {year}") as writer:
        row = add_retention(writer, record, given)
    parts = []
    if row["munitions_retained"] is not None:
        parts.append(f"{row['munitions_retained']:,} cluster munitions")
    if row["submunitions_retained"] is not None:
        parts.append(f"{row['submunitions_retained']:,} submunitions")
    typer.echo(f"{record.name}, {year}: retained {' and '.join(parts)}.")


@retention_app.command("list")
def retention_list(
    ctx: typer.Context,
    states: States = None,
    year: Annotated[int | None, typer.Option("--year", "-y", help="One year only.")] = None,
    as_json: Json = False,
) -> None:
    """List retention figures per state and year; an empty 'used' cell means use not reported."""
    context = app_context(ctx)
    chosen = _chosen(context.register(), states)
    rows = [
        r
        for r in context.reader().rows("retention")
        if (chosen is None or r.iso3 in chosen) and (year is None or r.year == year)
    ]
    if as_json:
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
                    "purpose": r.purpose,
                    "source": r.source,
                }
                for r in rows
            ]
        )
        return
    _table(
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


# -- transparency


@transparency_app.command("add")
def transparency_add(
    ctx: typer.Context,
    state: Annotated[str, typer.Argument(help="ISO3 code or name.")],
    source: Source = None,
    year: Annotated[int | None, typer.Option("--year", "-y", help="Annual report: the calendar year it covers.")] = None,
    initial: Annotated[bool, typer.Option("--initial", help="The initial report (Art. 7(1)).")] = False,
    submitted: Annotated[str | None, typer.Option("--submitted", metavar="DATE", help="When it was submitted.")] = None,
    due: Annotated[
        str | None, typer.Option("--due", metavar="DATE", help="Default: 180 days after entry into force, or 30 April.")
    ] = None,
) -> None:
    """Record an Art. 7 report: the initial one (--initial) or the annual update covering --year."""
    from ccmtui.actions.obligations import add_transparency_report
    from ccmtui.domain.dates import parse_date

    context = app_context(ctx)
    record = context.register().resolve(state)
    kind = "initial" if initial else "annual"
    with context.writing(f"transparency {record.name} {kind} {year or ''}".strip()) as writer:
        row = add_transparency_report(
            writer,
            record,
            kind,
            year,
            parse_date(submitted, "--submitted") if submitted else None,
            parse_date(due, "--due") if due else None,
            source,
        )
    what = "initial report" if kind == "initial" else f"annual report covering {row['year']}"
    when = f"submitted {row['submitted'].isoformat()}" if row["submitted"] else "not submitted"
    late = " (late)" if row["submitted"] and row["submitted"] > row["due"] else ""
    typer.echo(f"{record.name}: {what}, due {row['due'].isoformat()}, {when}{late}.")


@transparency_app.command("list")
def transparency_list(
    ctx: typer.Context,
    states: States = None,
    year: Annotated[int | None, typer.Option("--year", "-y", help="One year only.")] = None,
    as_json: Json = False,
) -> None:
    """List recorded Art. 7 reports with their due and submission dates."""
    context = app_context(ctx)
    chosen = _chosen(context.register(), states)
    rows = [
        r
        for r in context.reader().rows("transparency_reports")
        if (chosen is None or r.iso3 in chosen) and (year is None or r.year == year)
    ]
    if as_json:
        print_json(
            [
                {
                    "iso3": r.iso3,
                    "name": r.name,
                    "kind": r.kind,
                    "year": r.year,
                    "due": _iso(r.due),
                    "submitted": _iso(r.submitted),
                    "late": bool(r.submitted and r.submitted > r.due),
                    "source": r.source,
                }
                for r in rows
            ]
        )
        return
    _table(
        f"Art. 7 reports — {len(rows)} recorded",
        ("State", "Report", "Due", "Submitted", "Source"),
        [
            (
                r.name,
                "initial" if r.kind == "initial" else f"annual {r.year}",
                _iso(r.due),
                (_iso(r.submitted) or "—") + (" (late)" if r.submitted and r.submitted > r.due else ""),
                r.source,
            )
            for r in rows
        ],
    )


# -- national implementation measures


@measures_app.command("add")
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
    measure: Annotated[str, typer.Option("--measure", "-m", help="The law or measure, e.g. 'Law No. 29 of 2012'.")] = "",
) -> None:
    """Record an Art. 9 national implementation measure (or that a state reported none)."""
    from ccmtui.actions.obligations import add_measure
    from ccmtui.domain.dates import parse_partial_date
    from ccmtui.domain.obligations import MEASURE_STATUSES, parse_measure_status

    context = app_context(ctx)
    record = context.register().resolve(state)
    chosen = parse_measure_status(status)
    day = parse_partial_date(dated, "--date")
    with context.writing(f"measures {record.name} {chosen} {day}") as writer:
        add_measure(writer, record, chosen, day, measure, source)
    typer.echo(f"{record.name}: {MEASURE_STATUSES[chosen]} ({day}).")


@measures_app.command("list")
def measures_list(ctx: typer.Context, states: States = None, as_json: Json = False) -> None:
    """List recorded national implementation measures, oldest first for each state."""
    from ccmtui.domain.obligations import MEASURE_STATUSES

    context = app_context(ctx)
    chosen = _chosen(context.register(), states)
    rows = [r for r in context.reader().rows("national_measures") if chosen is None or r.iso3 in chosen]
    if as_json:
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
    _table(
        f"National implementation measures (Art. 9) — {len(rows)} recorded",
        ("State", "Date", "Status", "Measure", "Source"),
        [(r.name, r.dated, MEASURE_STATUSES[r.status], r.measure, r.source) for r in rows],
    )


# -- cooperation and assistance


@cooperation_app.command("add")
def cooperation_add(
    ctx: typer.Context,
    state: Annotated[str, typer.Argument(help="ISO3 code or name.")],
    role: Annotated[str, typer.Argument(metavar="needs|provides", help="Reported needing, or providing, assistance.")],
    year: Annotated[int, typer.Option("--year", "-y", help="The year reported on.")],
    source: Source = None,
    details: Annotated[str, typer.Option("--details", help="What for, how much, to whom.")] = "",
) -> None:
    """Record that a state reported needing or providing cooperation and assistance (Art. 6) in a year."""
    from ccmtui.actions.obligations import add_cooperation
    from ccmtui.domain.obligations import COOPERATION_ROLES, parse_role

    context = app_context(ctx)
    record = context.register().resolve(state)
    chosen = parse_role(role)
    with context.writing(f"cooperation {record.name} {chosen} {year}") as writer:
        add_cooperation(writer, record, year, chosen, details, source)
    typer.echo(f"{record.name}: {COOPERATION_ROLES[chosen]} in {year}.")


@cooperation_app.command("list")
def cooperation_list(
    ctx: typer.Context,
    states: States = None,
    year: Annotated[int | None, typer.Option("--year", "-y", help="One year only.")] = None,
    as_json: Json = False,
) -> None:
    """List recorded reports of needing or providing cooperation and assistance."""
    context = app_context(ctx)
    chosen = _chosen(context.register(), states)
    rows = [
        r
        for r in context.reader().rows("cooperation_reports")
        if (chosen is None or r.iso3 in chosen) and (year is None or r.year == year)
    ]
    if as_json:
        print_json(
            [
                {"iso3": r.iso3, "name": r.name, "year": r.year, "role": r.role, "details": r.details, "source": r.source}
                for r in rows
            ]
        )
        return
    _table(
        f"Cooperation and assistance (Art. 6) — {len(rows)} recorded",
        ("State", "Year", "Role", "Details", "Source"),
        [(r.name, r.year, r.role, r.details, r.source) for r in rows],
    )
