"""`ccm sample`: the demonstration database, and large invented ones for speed work."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="Build the demonstration database.", no_args_is_help=True)


@app.command("build")
def build(
    path: Annotated[Path, typer.Argument(help="Where to write it.")] = Path("sample.db"),
    large: Annotated[
        int | None,
        typer.Option(
            "--large",
            metavar="N",
            min=1,
            help="Instead, an invented database of N engagements over 2015-2025 (for speed work and the TUI).",
        ),
    ] = None,
    seed: Annotated[int | None, typer.Option("--seed", help="With --large: the same seed gives the same file.")] = None,
) -> None:
    """Build sample.db from the reference data and the real 2013 universalisation record."""
    from ccmtui.db.rebuild import prepare_target

    prepare_target(path)
    if large is None:
        if seed is not None:
            raise typer.BadParameter("--seed goes with --large", param_hint="--seed")
        from ccmtui.seed.sample import build as build_sample

        written = build_sample(path)
        typer.echo(f"wrote {written}")
        return
    from ccmtui.cli._progress import progress
    from ccmtui.seed.generate import DEFAULT_SEED, generate

    with progress("Inventing engagements", large) as advance:
        built = generate(path, large, DEFAULT_SEED if seed is None else seed, on_progress=advance)
    counts = built.counts
    typer.echo(
        f"wrote {built.path}: {counts['engagements']:,} engagements, {counts['campaigns']:,} campaigns, "
        f"{counts['replies']:,} replies, {counts['classifications']:,} classifications"
    )
