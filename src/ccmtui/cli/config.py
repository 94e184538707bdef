"""`ccm config`: the coordinator's identity and defaults in config.toml."""

from __future__ import annotations

from typing import Annotated

import typer

from ccmtui.cli._common import app_context

app = typer.Typer(help="Show and set your identity and defaults (config.toml).", no_args_is_help=True)


@app.command("set")
def set_value(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="name, state, area, theme, kind, category_max_age, paper or db.")],
    value: Annotated[str, typer.Argument(help="The new value.")],
) -> None:
    """Set a value: `ccm config set name "Ana Silva"`, `ccm config set state PRT`."""
    from ccmtui import config
    from ccmtui.domain.areas import parse_area

    context = app_context(ctx)
    config.check_key(key)
    cleaned = value.strip()
    if key == "state":
        cleaned = context.register().index.resolve(cleaned)
    elif key == "area":
        cleaned = parse_area(cleaned)
    elif key == "theme":
        cleaned = config.parse_theme(cleaned)
    elif key == "kind":
        cleaned = config.parse_kind(cleaned)
    elif key == "category_max_age":
        from ccmtui.domain.categories import parse_max_age

        cleaned = parse_max_age(cleaned)
    elif key == "paper":
        from ccmtui.reports.docx_layout import parse_paper

        cleaned = parse_paper(cleaned)
    elif not cleaned:
        raise typer.BadParameter("the value is empty", param_hint="VALUE")
    values = {**context.config, key: cleaned}
    path = config.save(values)
    typer.echo(f"{key} = {cleaned}  ({path})")


@app.command("show")
def show(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON object (docs/json.md).")] = False,
) -> None:
    """Show the configuration and which database is in use."""
    from ccmtui import config
    from ccmtui.db.target import Target
    from ccmtui.paths import config_path

    context = app_context(ctx)
    values = {}
    for key in config.KEYS:
        value = context.config.get(key)
        if key == "db" and value:
            value = Target.parse(value).masked
        values[key] = value
    if as_json:
        from ccmtui.cli._common import print_json

        print_json(
            {"values": values, "config_file": str(config_path()),
             "database": context.target.masked}
        )  # fmt: skip
        return
    for key, value in values.items():
        typer.echo(f"{key} = {value if value is not None else ''}")
    typer.echo(f"# config file: {config_path()}")
    typer.echo(f"# database in use: {context.target.masked}")
