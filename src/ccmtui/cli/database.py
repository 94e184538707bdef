"""`ccm db`: the database's schema revision and its upgrade."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ccmtui.cli._common import app_context, print_json

app = typer.Typer(help="The database itself: schema revision and upgrade.", no_args_is_help=True)


def _database(ctx):
    from ccmtui.db.session import Database

    return Database(app_context(ctx).target)


def init(
    ctx: typer.Context,
    path: Annotated[
        str | None,
        typer.Argument(metavar="[PATH|URL]", help="Where (default: --db, CCM_DB, config.toml, the data directory)."),
    ] = None,
) -> None:
    """Create a database with its reference data (an existing one is left as it is)."""
    from ccmtui.db.session import Database
    from ccmtui.db.target import check_database_target

    context = app_context(ctx)
    if path is not None:
        target = check_database_target(path, "PATH")
    else:
        context.create = True
        target = context.target
    database = Database(target)
    try:
        if database.exists():
            typer.echo(f"{database.display}: already a database; nothing changed")
            return
        database.ensure()
    finally:
        database.dispose()
    typer.echo(f"{database.display}: created")


@app.command("status")
def status(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON object (docs/json.md).")] = False,
) -> None:
    """Show the database, its schema revision and this ccm's."""
    from ccmtui.db import migrate
    from ccmtui.db.session import translate_errors

    database = _database(ctx)
    try:
        head = migrate.head()
        revision = None
        if database.exists():
            with translate_errors(database.display), database.engine.connect() as connection:
                revision = migrate.check(connection, database.display)
    finally:
        database.dispose()
    if as_json:
        state = "missing" if revision is None else "current" if revision == head else "behind"
        print_json(
            {"database": database.display, "backend": "sqlite" if database.path else "postgresql",
             "exists": revision is not None, "revision": revision, "ccm_revision": head, "state": state}
        )  # fmt: skip
    elif revision is None:
        typer.echo(f"{database.display}: no database yet (created on first use, at revision {head})")
    else:
        state = "up to date" if revision == head else f"behind: `ccm db upgrade` brings it to {head}"
        typer.echo(f"{database.display}: schema revision {revision} ({state})")


@app.command("upgrade")
def upgrade(
    ctx: typer.Context,
    backup_file: Annotated[
        Path | None,
        typer.Option("--backup-file", help="On a server: first save the database there with pg_dump (custom format)."),
    ] = None,
) -> None:
    """Upgrade the database to this ccm's schema (a SQLite file is copied aside first; on a server, back it up first)."""
    database = _database(ctx)
    try:
        if not database.exists():
            database.ensure()
            typer.echo(f"{database.display}: created at the current revision")
            return
        if database.path is None:
            from ccmtui.db import migrate
            from ccmtui.db.session import translate_errors

            with translate_errors(database.display), database.engine.connect() as connection:
                before = migrate.check(connection, database.display)
            if before != migrate.head():
                if backup_file is not None:
                    from ccmtui.db.backup import pg_dump

                    pg_dump(database.target, backup_file)
                    typer.echo(f"{database.display}: saved to {backup_file} (pg_dump)")
                else:
                    typer.echo(
                        f"{database.display}: no backup taken; take one first (`ccm db upgrade --backup-file FILE` "
                        "runs pg_dump) when the team's data matters",
                        err=True,
                    )
        elif backup_file is not None:
            import shutil

            from ccmtui.db import migrate
            from ccmtui.db.session import translate_errors

            with translate_errors(database.display), database.engine.connect() as connection:
                behind = migrate.check(connection, database.display) != migrate.head()
            if behind:  # besides the copy made beside the file
                database.dispose()
                database.sqlite_pragma("wal_checkpoint(TRUNCATE)")
                shutil.copy2(database.path, backup_file)
                backup_file.chmod(0o600)
        from ccmtui.cli._progress import progress

        with progress("Upgrading the database (a step per revision)") as advance:
            result = database.upgrade(on_progress=advance)
    finally:
        database.dispose()
    if result.before == result.after:
        typer.echo(f"{database.display}: already at revision {result.after}")
        return
    backup = f"; backup: {result.backup}" if result.backup else ""
    typer.echo(f"{database.display}: upgraded {result.before} → {result.after}{backup}")
