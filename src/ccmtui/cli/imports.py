"""`ccm import`: engagements and replies from a spreadsheet saved as CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ccmtui.cli._common import app_context, input_file
from ccmtui.cli._progress import progress

app = typer.Typer(help="Import records from CSV files: every row checked first, all or nothing.", no_args_is_help=True)


def _rows(path: Path) -> int | None:
    """About how many rows the file holds (its lines, less the header), for the progress bar's total.

    None (no total) when it is not a plain file, or one too large to count first.
    """
    try:
        if not path.is_file() or path.stat().st_size > 256 * 1024 * 1024:
            return None
        with path.open("rb") as file:
            return max(sum(1 for _ in file) - 1, 1)
    except OSError:
        return None


def _twice(rows: int | None) -> int | None:
    """Each row is counted when checked and when written."""
    return None if rows is None else 2 * rows


@app.command("engagements")
def engagements(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE.csv", help="The engagements, one a row.")],
) -> None:
    """Columns: date, kind, states (separated by ;), area, summary; optional channel, by, notes, action_points, follow_up."""
    from ccmtui.actions.imports import import_engagements

    context = app_context(ctx)
    register = context.register()
    with input_file(file, ".csv") as path, context.writing(f"import engagements from {path.name}") as writer:
        with progress("Importing engagements", _twice(_rows(path))) as advance:
            result = import_engagements(writer, path, register, context.config.get("area"), on_progress=advance)
    typer.echo(f"Imported {result.rows} engagement{'s' * (result.rows != 1)} from {file}.")


@app.command("replies")
def replies(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE.csv", help="The replies, one a row.")],
) -> None:
    """Columns: engagement (campaign or engagement id), state, date, stance; optional summary, category."""
    from ccmtui.actions.campaigns import reply_target
    from ccmtui.actions.imports import import_replies

    context = app_context(ctx)
    register = context.register()
    reader = context.reader()
    with input_file(file, ".csv") as path, context.writing(f"import replies from {path.name}") as writer:
        with progress("Importing replies", _twice(_rows(path))) as advance:
            result = import_replies(writer, path, register, lambda text: reply_target(reader, text), advance)
    typer.echo(f"Imported {result.rows} repl{'y' if result.rows == 1 else 'ies'} from {file}.")
