"""The `ccm` command line as Typer builds it: the root's global options and the commands asked for."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ccmtui import __version__
from ccmtui.cli import COMMANDS
from ccmtui.cli._common import AppContext, CCMGroup, app_context

# The root: global options only; commands are added by `only` and `everything`.
_root = typer.Typer(
    cls=CCMGroup,
    name="ccm",
    help="Track the Convention on Cluster Munitions: states, démarches, categories, work plans.",
    add_completion=False,  # ours below: Typer's would load its completion code on every command
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ccm {__version__}")
        raise typer.Exit()


def _install_completion(ctx: typer.Context, param: typer.CallbackParam, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from typer.completion import install_callback

        install_callback(ctx, param, value)


def _show_completion(ctx: typer.Context, param: typer.CallbackParam, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from typer.completion import show_callback

        show_callback(ctx, param, value)


@_root.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option("--db", metavar="PATH|URL", help="Database file or URL (default: CCM_DB, config.toml, data dir)."),
    ] = None,
    create: Annotated[
        bool, typer.Option("--create", help="Create the --db file when it does not exist (otherwise refused).")
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", help="Print nothing on success (errors still go to stderr, with their exit code): for scripts."
        ),
    ] = False,
    install_completion: Annotated[
        bool,
        typer.Option(
            "--install-completion",
            callback=_install_completion,
            is_eager=True,
            expose_value=False,
            help="Install completion of commands, options, states, meetings and ids for this shell (bash, zsh, fish, PowerShell).",
        ),
    ] = False,
    show_completion: Annotated[
        bool,
        typer.Option(
            "--show-completion",
            callback=_show_completion,
            is_eager=True,
            expose_value=False,
            help="Print the completion script for this shell, to install it by hand.",
        ),
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    ctx.obj = AppContext(db_option=db, create=create)
    if quiet:
        import os

        quiet_stdout = open(os.devnull, "w", encoding="utf-8")  # closed with the command
        ctx.call_on_close(quiet_stdout.close)
        ctx.with_resource(_redirected(quiet_stdout))
    ctx.call_on_close(ctx.obj.close)
    if ctx.invoked_subcommand is None:
        # A terminal opens the app; a pipe or a script gets the help.
        if sys.stdin.isatty() and sys.stdout.isatty():
            tui(ctx)
        else:
            typer.echo(ctx.get_help())


def _redirected(stream):
    from contextlib import redirect_stdout

    return redirect_stdout(stream)


def tui(ctx: typer.Context) -> None:
    """Open the app: dashboard, states, log, engagements, campaigns, work plans, summaries, changes."""
    from ccmtui.tui import open_app

    context = app_context(ctx)
    open_app(context.db_option, context.config)


def _with(names) -> typer.Typer:
    """A copy of the root app with the commands `names`, their modules imported now."""
    import copy
    from importlib import import_module

    built = copy.copy(_root)
    built.registered_commands, built.registered_groups = [], []
    for name in names:
        module, attribute = COMMANDS[name]
        found = getattr(import_module(f"ccmtui.cli.{module}"), attribute)
        if isinstance(found, typer.Typer):
            built.add_typer(found, name=name)
        else:
            built.command(name)(found)
    return built


def everything() -> typer.Typer:
    """The app with every command (for help, completion, suggestions and the reference)."""
    global _everything
    if _everything is None:
        _everything = _with(COMMANDS)
    return _everything


_everything: typer.Typer | None = None


def __getattr__(name: str):
    # `app`: every command, built on first use.
    if name == "app":
        return everything()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def only(name: str | None) -> typer.Typer:
    """The app with only the command about to run.

    Importing every command's module and building its options costs more than running most
    commands, so only the one named is loaded. No name, or an unknown one, gives them all, so
    that help lists every command and an error can suggest the closest.
    """
    if name not in COMMANDS:
        return everything()
    return _with([name])
