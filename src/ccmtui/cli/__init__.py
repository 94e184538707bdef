"""The `ccm` command line: one Typer app, one sub-app per noun.

Commands import what they need inside their bodies, so `ccm status` loads
neither Textual nor SQLAlchemy.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ccmtui import __version__
from ccmtui.cli import article7 as article7_commands
from ccmtui.cli import attachments as attachment_commands
from ccmtui.cli import campaigns as campaign_commands
from ccmtui.cli import config as config_commands
from ccmtui.cli import conflicts as conflict_commands
from ccmtui.cli import cooperation as cooperation_commands
from ccmtui.cli import database as database_commands
from ccmtui.cli import export as export_commands
from ccmtui.cli import extensions as extension_commands
from ccmtui.cli import imports as import_commands
from ccmtui.cli import journal as journal_commands
from ccmtui.cli import lookup as lookup_commands
from ccmtui.cli import measures as measures_commands
from ccmtui.cli import obligations as obligation_commands
from ccmtui.cli import records as record_commands
from ccmtui.cli import report as report_commands
from ccmtui.cli import retention as retention_commands
from ccmtui.cli import sample as sample_commands
from ccmtui.cli import states as states_commands
from ccmtui.cli import status as status_commands
from ccmtui.cli import summary as summary_commands
from ccmtui.cli import team as team_commands
from ccmtui.cli import transparency as transparency_commands
from ccmtui.cli import universalization as universalization_commands
from ccmtui.cli import whatif as whatif_commands
from ccmtui.cli import workplan as workplan_commands
from ccmtui.cli._common import AppContext, CCMGroup, app_context

app = typer.Typer(
    cls=CCMGroup,
    name="ccm",
    help="Track the Convention on Cluster Munitions: states, démarches, categories, work plans.",
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ccm {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option("--db", metavar="PATH|URL", help="Database file or URL (default: CCM_DB, config.toml, data dir)."),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    ctx.obj = AppContext(db_option=db)
    ctx.call_on_close(ctx.obj.close)
    if ctx.invoked_subcommand is None:
        # A terminal opens the app; a pipe or a script gets the help.
        if sys.stdin.isatty() and sys.stdout.isatty():
            tui(ctx)
        else:
            typer.echo(ctx.get_help())


def tui(ctx: typer.Context) -> None:
    """Open the app: dashboard, states, log, engagements, campaigns, work plans, summaries, changes."""
    from ccmtui.tui import open_app

    context = app_context(ctx)
    open_app(context.db_option, context.config)


app.command("tui")(tui)
app.command("status")(status_commands.status)
app.command("summary")(summary_commands.summary)
app.command("log")(journal_commands.log)
app.command("classify")(journal_commands.classify)
app.command("reply")(journal_commands.reply)
app.command("done")(journal_commands.done)
app.command("undo")(journal_commands.undo)
app.command("changes")(journal_commands.changes)
app.command("engagements")(lookup_commands.engagements)
app.command("show")(record_commands.show)
app.command("edit")(record_commands.edit)
app.command("delete")(record_commands.delete)
app.command("history")(lookup_commands.history)
app.command("due")(lookup_commands.due)
app.command("search")(lookup_commands.search)
app.command("whatif")(whatif_commands.whatif)
app.command("next")(universalization_commands.next_)
app.command("momentum")(universalization_commands.momentum)
app.command("groupings")(universalization_commands.groupings)
app.command("reasons")(universalization_commands.reasons)
app.command("attach")(attachment_commands.attach)
app.add_typer(attachment_commands.app, name="attachment")
app.command("merge")(team_commands.merge)
app.command("sync")(team_commands.sync)
app.add_typer(team_commands.team_app, name="team")
app.add_typer(conflict_commands.app, name="conflicts")
app.add_typer(campaign_commands.app, name="campaign")
app.add_typer(import_commands.app, name="import")
app.add_typer(config_commands.app, name="config")
app.add_typer(database_commands.app, name="db")
app.add_typer(states_commands.app, name="states")
app.add_typer(sample_commands.app, name="sample")
app.add_typer(workplan_commands.app, name="workplan")
app.add_typer(workplan_commands.milestone_app, name="milestone")
app.add_typer(export_commands.app, name="export")
app.add_typer(obligation_commands.app, name="obligation")
app.add_typer(extension_commands.extension_app, name="extension")
app.add_typer(extension_commands.meeting_app, name="meeting")
app.add_typer(retention_commands.app, name="retention")
app.add_typer(transparency_commands.app, name="transparency")
app.add_typer(measures_commands.app, name="measures")
app.add_typer(cooperation_commands.app, name="cooperation")
app.add_typer(report_commands.app, name="report")
app.add_typer(article7_commands.app, name="article7")


# The global options that take a value: the word after them is not the command.
GLOBAL_OPTIONS_WITH_VALUE = ("--db",)


def invoked(argv: list[str]) -> str | None:
    """The command named on the line, after the global options (None: there is none)."""
    words = iter(argv)
    for word in words:
        if word == "--":
            return next(words, None)
        if word in GLOBAL_OPTIONS_WITH_VALUE:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def only(name: str | None) -> typer.Typer:
    """The app with only the command about to run.

    Typer builds every command's options before running one, at a cost that grows with the
    number of commands; the others are left out. An unknown name keeps them all, so that the
    error can suggest the closest.
    """
    import copy

    commands = [c for c in app.registered_commands if c.name == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if not commands and not groups:
        return app
    lean = copy.copy(app)
    lean.registered_commands = commands
    lean.registered_groups = groups
    return lean


def main() -> None:
    only(invoked(sys.argv[1:]))(prog_name="ccm")
