"""`ccm states`: the register's own data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ccmtui.cli._common import app_context, input_file

app = typer.Typer(help="Maintain the register of states.", no_args_is_help=True)


@app.command("update")
def update(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE.csv", help="A file with the columns of states.csv.")],
) -> None:
    """Refresh the register from a CSV file: every row checked first, all or nothing."""
    from ccmtui.db.reference import update_register

    with input_file(file, ".csv") as path, app_context(ctx).writing(f"states update from {path.name}") as writer:
        result = update_register(writer, path)
    typer.echo(
        f"{len(result.added)} added, {len(result.changed)} changed, {result.unchanged} unchanged"
        + (f", {len(result.not_in_file)} not in the file (left as they were)" if result.not_in_file else "")
    )
    if result.added:
        typer.echo("added: " + ", ".join(result.added))
    if result.changed:
        typer.echo("changed: " + ", ".join(result.changed))


@app.command("export")
def export(
    ctx: typer.Context,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write here, .csv or .xlsx (default: print CSV)."),
    ] = None,
) -> None:
    """The register as a file with the columns of states.csv: edit it and give it to `ccm states update`."""
    from ccmtui.cli._tables import emit
    from ccmtui.db.queries import Q

    rows = app_context(ctx).reader().rows(Q.states_file)
    records = [{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row._asdict().items()} for row in rows]
    emit(records, False, "csv" if output is None else None, output, "states")
