"""What every command shares: the database target, errors as one line, output helpers.

What needs no command-line parser lives in `ccmtui.cli._context` (imported here too).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from typer.core import TyperGroup

from ccmtui.cli._context import (
    OUTPUT,
    AppContext,
    console,
    failed,
    hoist_global_options,
    print_json,
    readable_anywhere,
    with_offsets,
)

__all__ = [
    "OUTPUT",
    "AppContext",
    "console",
    "print_json",
    "with_offsets",
]  # also here, beside the helpers that need Typer


class CCMGroup(TyperGroup):
    """Turns a user's mistake anywhere below into `Error: …` on stderr and an exit code."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """Run the command line: a usage error is one line naming the command and the help to read (exit 2)."""
        # Click's exceptions, wherever this Typer keeps its Click.
        click = sys.modules[typer.BadParameter.__module__]
        arguments = hoist_global_options(list(sys.argv[1:] if args is None else args))
        OUTPUT.plain = False
        readable_anywhere()
        if os.environ.get(complete_var or "_CCM_COMPLETE"):  # the shell asks for completions
            from ccmtui.cli._complete import attach

            attach(self)
        elif any(word in ("--install-completion", "--show-completion") for word in arguments):
            from typer.completion import completion_init

            completion_init()  # Typer's shells, which it registers only with its own options
        try:
            result = super().main(arguments, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as error:
            if type(error).__name__ == "NoArgsIsHelpError":  # a group alone: its help was the answer
                if error.format_message().strip():
                    typer.echo(error.format_message(), err=True)
            else:
                typer.echo(f"Error: {usage_line(error)}", err=True)
            code = error.exit_code
        except click.ClickException as error:
            typer.echo(f"Error: {error.format_message()}", err=True)
            code = error.exit_code
        except (typer.Abort, getattr(click, "Abort", typer.Abort)):
            typer.echo("Aborted.", err=True)
            code = 1
        else:
            code = result if isinstance(result, int) else 0
        if not standalone_mode:
            return code
        sys.exit(code)

    def parse_args(self, ctx, args):
        for argument in args:
            try:
                argument.encode("utf-8")
            except UnicodeEncodeError:
                shown = argument.encode("utf-8", "surrogateescape")[:40]
                typer.echo(f"Error: an argument is not valid UTF-8 text ({shown!r})", err=True)
                raise typer.Exit(2) from None
        return super().parse_args(ctx, args)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, KeyboardInterrupt, EOFError):
            raise
        except Exception as error:
            # Typer's and Click's own exceptions (a usage error) are theirs to show; older Typers have no TyperException.
            click = sys.modules[typer.BadParameter.__module__]
            theirs = (getattr(typer, "TyperException", click.ClickException), click.ClickException)
            code = None if isinstance(error, theirs) else failed(error)
            if code is None:
                raise
            raise typer.Exit(code) from None


def usage_line(error) -> str:
    """A usage error in one line: the command, what is wrong, and the help to read."""
    message = " ".join(error.format_message().split())
    message = message.replace(". Did you mean", "; did you mean").replace("No such command", "unknown command")
    message = message[:1].lower() + message[1:]
    message = re.sub(r"^no such option '([^']+)'", r"no such option: \1", message)  # Click 8.2+ quotes it
    context = getattr(error, "ctx", None)
    path = context.command_path if context is not None else "ccm"
    return f"{path}: {message.rstrip('.')} (see `{path} -h`)"


def app_context(ctx: typer.Context) -> AppContext:
    root = ctx.find_root()
    if not isinstance(root.obj, AppContext):
        root.obj = AppContext()
    return root.obj


def ask_identity(context: AppContext) -> None:
    """First use: ask who the coordinator is and keep it in config.toml."""
    from ccmtui import config
    from ccmtui.domain.areas import AREAS, parse_area

    typer.echo("First use: ccm stamps what you record with who you are (ccm config set changes it).")
    values = dict(context.config)
    values["name"] = typer.prompt("Your name").strip()
    state = typer.prompt("The state you coordinate for (ISO3 or name, blank to skip)", default="", show_default=False)
    if state.strip():
        values["state"] = context.register().index.resolve(state)
    area = typer.prompt(f"Your thematic area ({', '.join(AREAS)}; blank to skip)", default="", show_default=False)
    if area.strip():
        values["area"] = parse_area(area)
    path = config.save(values)
    context.config = values
    typer.echo(f"Saved to {path}.")


def say(message: str) -> None:
    """A result's one line on stdout; the stored values in it shown as text, never acted on."""
    from ccmtui.textsafe import visible

    typer.echo(visible(message, lines=False))


def _set_plain(value: bool) -> bool:
    OUTPUT.plain = bool(value)
    return value


# The option every listing takes beside --json (the listing's `if as_json or plain:` prints either).
Plain = Annotated[
    bool,
    typer.Option(
        "--plain", callback=_set_plain, help="Print tab-separated lines, a header first (for cut, awk, sort)."
    ),
]


def to_stdout(path) -> bool:
    """`-` as a file name: stdout (for `-o -`) or stdin (for a file read)."""
    return path is not None and str(path) == "-"


def deliver(output, content: str | bytes, note: str = "") -> None:
    """Write `content` to the file, whole or not at all, and say so; `-o -`: the content alone on stdout."""
    if to_stdout(output):
        data = content.encode("utf-8") if isinstance(content, str) else content
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from ccmtui.files import write_private

    typer.echo(f"wrote {write_private(output, content)}{note}")


@contextmanager
def input_file(path, suffix: str = "") -> Iterator:
    """The file to read; `-`: what stdin holds, kept meanwhile in a private temporary file."""
    if not to_stdout(path):
        yield path
        return
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory(prefix="ccm-") as folder:
        copy = Path(folder) / f"stdin{suffix}"
        copy.write_bytes(sys.stdin.buffer.read())
        yield copy
