"""`ccm merge` and `ccm sync`: a coordinator's file and the team's records, without loss."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ccmtui.cli._common import app_context, print_json


def _print_report(report, as_json: bool) -> None:
    if as_json:
        print_json(
            {
                "here": report.here,
                "there": report.there,
                "came_in": dict(report.came_in),
                "went_out": dict(report.went_out),
                "deleted_here": dict(report.deleted_here),
                "deleted_there": dict(report.deleted_there),
                "conflicts": [c.__dict__ for c in report.conflicts],
                "refused": [r.__dict__ for r in report.refused],
                "compared": report.compared,
                "whole": report.whole,
            }
        )
        return
    out = typer
    _print_refused(report)
    if report.changed_nothing:
        out.echo(f"Already in step with {report.there}: nothing came in, nothing went out.")
        return

    def counts(counter) -> str:
        return ", ".join(f"{n} {table}" for table, n in sorted(counter.items())) or "nothing"

    out.echo(f"Came in from {report.there}: {counts(report.came_in)}")
    out.echo(f"Went out to {report.there}: {counts(report.went_out)}")
    if report.deleted_here or report.deleted_there:
        out.echo(f"Deleted here: {counts(report.deleted_here)}; deleted there: {counts(report.deleted_there)}")
    for conflict in report.conflicts:
        if conflict.deleted:
            _print_deletion_conflict(report, conflict)
            continue
        kept = "the edit made here" if conflict.kept == "here" else f"the edit from {report.there}"
        out.echo(
            f"Conflict: {conflict.table} {conflict.uuid[:8]} was edited on both sides "
            f"(here {conflict.here_updated[:19]}, there {conflict.there_updated[:19]}); kept {kept}, the later; "
            + (
                f"both versions: `ccm conflicts`; to keep the other: `ccm conflicts keep {conflict.id[:8]} mine|theirs`."
                if conflict.id
                else "the other version is in `ccm changes`."
            )
        )


def _print_deletion_conflict(report, conflict) -> None:
    deleted_where = "here" if conflict.deleted == "here" else f"in {report.there}"
    edited_where = report.there if conflict.deleted == "here" else "here"
    won = "the deletion" if conflict.kept == conflict.deleted else "the edit"
    out = f"{conflict.table} {conflict.uuid[:8]} was deleted {deleted_where} and edited {edited_where}"
    typer.echo(
        f"Conflict: {out}; kept {won}, the later (with its linked records); the other version is in `ccm changes`."
    )


def _print_refused(report) -> None:
    for refused in report.refused:
        where = "this database" if refused.into == "here" else report.there
        typer.echo(
            f"Left out: {refused.table} {refused.uuid[:8]}, which {where} cannot hold: {refused.why}; "
            "correct it where it was made and sync again.",
            err=True,
        )


def merge(
    ctx: typer.Context,
    other: Annotated[Path, typer.Argument(metavar="OTHER.db", help="Another coordinator's ccm file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Bring another ccm file's records into this database (the other file is only read)."""
    from ccmtui.actions.sync import merge_file
    from ccmtui.cli._progress import progress

    context = app_context(ctx)
    context.identity()
    with progress(f"Merging {other.name}") as advance:
        report = merge_file(context.workspace, other, on_progress=advance, on_total=advance.set_total)
    _print_report(report, as_json)


def sync(
    ctx: typer.Context,
    url: Annotated[
        str, typer.Argument(metavar="URL|FILE", help="The team database (postgresql+psycopg://…) or a file.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Push and pull between this database and the team's: both end with every record."""
    from ccmtui.actions.sync import sync_with
    from ccmtui.cli._progress import progress

    context = app_context(ctx)
    context.identity()
    with progress("Syncing") as advance:
        report = sync_with(context.workspace, url, on_progress=advance, on_total=advance.set_total)
    _print_report(report, as_json)


team_app = typer.Typer(help="A team's PostgreSQL database: its group role and members.", no_args_is_help=True)


@team_app.command("init")
def team_init(
    url: Annotated[str, typer.Argument(metavar="URL", help="The team database, as the server's administrator.")],
    members: Annotated[
        list[str], typer.Option("--member", metavar="LOGIN", help="A coordinator's login (repeat for each).")
    ],
    readers: Annotated[
        list[str] | None, typer.Option("--reader", metavar="LOGIN", help="A read-only login (the ISU, the Presidency).")
    ] = None,
    group: Annotated[str, typer.Option("--group", help="The group role that owns the tables.")] = "ccm_team",
) -> None:
    """Set up a team database: ccm's tables owned by a group role granted to each member, readers read-only."""
    from ccmtui.db.target import Target
    from ccmtui.db.team import init_team

    setup = init_team(url, members=members, readers=readers or [], group=group)
    typer.echo(f"{Target.parse(url).masked}: {setup.tables} tables owned by the group role {setup.group}")
    typer.echo(f"Members (read and write): {', '.join(setup.members)}")
    if setup.readers:
        typer.echo(f"Readers (read only): {', '.join(setup.readers)}")


@team_app.command("add-member")
def team_add_member(
    url: Annotated[str, typer.Argument(metavar="URL", help="The team database, as the server's administrator.")],
    login: Annotated[str, typer.Argument(metavar="LOGIN", help="An existing login.")],
    reader: Annotated[bool, typer.Option("--reader", help="Read only, instead of a member who writes.")] = False,
) -> None:
    """Let one more login work on the team database (or, with --reader, read it)."""
    from ccmtui.db.team import add_member

    group = add_member(url, login, reader=reader)
    if reader:
        typer.echo(f"{login} may now read the team database")
    else:
        typer.echo(f"{login} is now a member of {group}")
