"""`ccm obligation`: Art. 3 stockpile destruction, Art. 4 clearance and Art. 5 victim assistance
obligations, recorded with their source.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ccmtui.cli._common import Plain, app_context
from ccmtui.cli._records import Json, Source, States, chosen_states, record_form, record_table
from ccmtui.cli._tables import TableFormat, TableOutput, TableRedact, emit
from ccmtui.db.queries import Q
from ccmtui.domain.dates import iso

if TYPE_CHECKING:
    pass

app = typer.Typer(
    help="Art. 3 stockpile destruction, Art. 4 clearance and Art. 5 victim assistance obligations.",
    no_args_is_help=True,
)

Article = Annotated[
    str, typer.Option("--article", metavar="3|4|5", help="3 stockpiles, 4 clearance, 5 victim assistance.")
]


Deadline = Annotated[
    str | None, typer.Option("--deadline", metavar="DATE", help="Default: the Convention's (Art. 3(2), 4(1)).")
]
Requested = Annotated[
    str | None, typer.Option("--extension-requested", metavar="YYYY[-MM[-DD]]", help="When an extension was requested.")
]
RequestedTo = Annotated[
    str | None, typer.Option("--requested-to", metavar="DATE", help="The deadline the request asks for.")
]
Granted = Annotated[
    str | None,
    typer.Option(
        "--extension-granted", metavar="DATE|MEETING", help="When it was granted: a date or a meeting (9MSP)."
    ),
]
ExtendedTo = Annotated[str | None, typer.Option("--extended-to", metavar="DATE", help="The extended deadline granted.")]
Completed = Annotated[
    str | None,
    typer.Option(
        "--completed",
        metavar="YYYY[-MM[-DD]]",
        help="Completion declared: 2010, 2023-06 or 2014-03-20, as the source gives it.",
    ),
]
StatusOption = Annotated[
    str | None,
    typer.Option("--status", metavar="STATUS", help="outstanding, completed, 'no stockpile reported' or uncertain."),
]
Notes = Annotated[str | None, typer.Option("--notes", help="Free notes.")]


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
        from ccmtui.actions.treaty_records import record_obligation

        record_form(
            ctx,
            record_obligation,
            update=action == "update",
            state=state,
            article=article,
            source=source,
            deadline=deadline,
            extension_requested=extension_requested,
            requested_to=requested_to,
            extension_granted=extension_granted,
            extended_to=extended_to,
            completed=completed,
            status=status,
            notes=notes,
        )

    command.__name__ = f"obligation_{action}"
    command.__doc__ = {
        "add": "Record a state's obligation under Art. 3, 4 or 5, with its source.",
        "update": "Change an obligation: completion declared, extension requested or granted, status.",
    }[action]
    return command


obligation_add = app.command("add")(_obligation_command("add"))
obligation_update = app.command("update")(_obligation_command("update"))


@app.command("list")
def obligation_list(
    ctx: typer.Context,
    states: States = None,
    article: Annotated[str | None, typer.Option("--article", metavar="3|4|5", help="One article only.")] = None,
    status: StatusOption = None,
    as_json: Json = False,
    plain: Plain = False,
    format_: TableFormat = None,
    output: TableOutput = None,
    redact: TableRedact = False,
) -> None:
    """List recorded obligations with deadlines, extensions, completion and source."""
    from ccmtui.domain.obligations import ARTICLES, parse_article, parse_obligation_status

    context = app_context(ctx)
    register = context.register()
    chosen = chosen_states(register, states)
    number = parse_article(article) if article else None
    wanted = parse_obligation_status(status) if status else None
    rows = [
        r
        for r in context.reader().rows(Q.obligations, article=number)
        if (chosen is None or r.iso3 in chosen) and (wanted is None or r.status == wanted)
    ]
    if as_json or plain or format_ or output:
        emit(
            [
                {
                    "iso3": r.iso3,
                    "name": r.name,
                    "article": r.article,
                    "obligation": ARTICLES[r.article],
                    "deadline": iso(r.deadline),
                    "extension_requested": r.extension_requested,
                    "extension_requested_to": iso(r.extension_requested_to),
                    "extension_granted": r.extension_granted,
                    "extended_to": iso(r.extended_to),
                    "completed": r.completed,
                    "status": r.status,
                    "status_as_of": iso(r.status_as_of),
                    "source": r.source,
                    "notes": r.notes,
                }
                for r in rows
            ],
            as_json,
            format_,
            output,
            "obligations",
            redact=redact,
        )
        return
    record_table(
        f"Obligations — {len(rows)} recorded",
        ("State", "Art.", "Deadline", "Extended", "Completed", "Status", "Source"),
        [(r.name, r.article, iso(r.deadline), iso(r.extended_to), r.completed, r.status, r.source) for r in rows],
        caption="Status as last recorded (see `status_as_of` in --json). Completion dates as the source gives them.",
    )
