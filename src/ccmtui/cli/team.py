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
            "the other version is in `ccm changes`."
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


def _where(context) -> str:
    from ccmtui.db.session import mask_password

    target = context.target
    return mask_password(target) if "://" in target else str(Path(target).expanduser().resolve())


def merge(
    ctx: typer.Context,
    other: Annotated[Path, typer.Argument(metavar="OTHER.db", help="Another coordinator's ccm file.")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Bring another ccm file's records into this database (the other file is only read)."""
    from ccmtui.db.read import sqlite_path
    from ccmtui.db.sync import synchronize
    from ccmtui.db.write import writing
    from ccmtui.domain.errors import InputError

    context = app_context(ctx)
    if not other.is_file():
        raise InputError(f"{other}: no such file")
    here_path = sqlite_path(context.target)
    if here_path is not None and here_path.exists() and here_path.resolve() == other.resolve():
        raise InputError(f"{other} is the database in use; nothing to merge")
    check_ccm_file(other)
    # The other file is opened in a transaction for a consistent read; with push=False nothing is written there.
    with writing(str(other), by=context.identity(), command="read for merge") as there:
        with context.writing(f"merge from {other.name}") as here:
            report = synchronize(here, there, here_label=_where(context), there_label=str(other.resolve()), push=False)
    _print_report(report, as_json)


def check_ccm_file(path: Path) -> None:
    """A one-line error unless `path` is a ccm database."""
    import sqlite3

    from ccmtui.domain.errors import InputError

    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            connection.close()
    except sqlite3.Error:
        raise InputError(f"{path} is not a ccm database (not an SQLite file)") from None
    missing = {"states", "engagements", "changesets", "database_info"} - tables
    if missing:
        raise InputError(f"{path} is not a ccm database (no {', '.join(sorted(missing))} table)")


def sync(
    ctx: typer.Context,
    url: Annotated[str, typer.Argument(metavar="URL|FILE", help="The team database (postgresql+psycopg://…) or a file.")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Push and pull between this database and the team's: both end with every record."""
    from ccmtui.db.session import mask_password
    from ccmtui.db.sync import synchronize
    from ccmtui.db.write import writing

    from ccmtui.db.read import sqlite_path
    from ccmtui.db.targets import check_database_target
    from ccmtui.domain.errors import InputError

    context = app_context(ctx)
    check_database_target(url, "the URL or file to sync with")
    label = mask_password(url) if "://" in url else str(Path(url).resolve())
    if "://" not in url:
        if not Path(url).is_file():
            raise InputError(f"{url}: no such file")
        here_path = sqlite_path(context.target)
        if here_path is not None and here_path.exists() and here_path.resolve() == Path(url).resolve():
            raise InputError(f"{url} is the database in use; nothing to sync")
        check_ccm_file(Path(url))
    with writing(url, by=context.identity(), command=f"sync with {context.target if '://' not in context.target else mask_password(context.target)}") as there:
        with context.writing(f"sync with {label}") as here:
            report = synchronize(here, there, here_label=_where(context), there_label=label, push=True)
    _print_report(report, as_json)
