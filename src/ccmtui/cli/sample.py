"""`ccm sample`: the demonstration database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="Build the demonstration database.", no_args_is_help=True)


@app.command("build")
def build(
    path: Annotated[Path, typer.Argument(help="Where to write it.")] = Path("sample.db"),
) -> None:
    """Build sample.db from the reference data and the real 2013 universalisation record."""
    from ccmtui.db.sample import build as build_sample

    written = build_sample(path)
    typer.echo(f"wrote {written}")
