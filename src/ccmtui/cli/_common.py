"""What every command shares: the database target, errors as one line, output helpers."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated

import typer
from typer.core import TyperGroup

from ccmtui.domain.errors import CCMError

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from ccmtui.db.read import OpenReader
    from ccmtui.db.target import Target
    from ccmtui.db.write import Writer
    from ccmtui.reports.register import Register
    from ccmtui.workspace import Workspace

INTERNAL_ERROR = 70  # EX_SOFTWARE


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
        except CCMError as error:
            typer.echo(f"Error: {error}", err=True)
            raise typer.Exit(error.exit_code) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt, EOFError):
            raise
        except OverflowError:
            typer.echo("Error: a number given is too large; nothing was written", err=True)
            raise typer.Exit(1) from None
        except BrokenPipeError:
            # The reader of the output went away (`ccm … | head`): nothing more to say, to anyone.
            try:
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            except (OSError, ValueError, AttributeError):
                pass
            raise typer.Exit(0) from None
        except Exception as error:
            # Typer's and Click's own exceptions (a usage error) are theirs to show; older Typers have no TyperException.
            click = sys.modules[typer.BadParameter.__module__]
            theirs = (getattr(typer, "TyperException", click.ClickException), click.ClickException)
            if isinstance(error, theirs) or os.environ.get("CCM_DEBUG"):
                raise
            first = str(error).strip().splitlines()[0] if str(error).strip() else ""
            typer.echo(
                f"Error: internal error ({type(error).__name__}: {first}); nothing was written. "
                "Run with CCM_DEBUG=1 for details.",
                err=True,
            )
            raise typer.Exit(INTERNAL_ERROR) from None


def readable_anywhere() -> None:
    """On a terminal whose locale cannot show every character (Latin-1, ASCII), show a `?` rather than fail."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if encoding not in ("utf-8", "utf8") and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="replace")
            except (ValueError, OSError):
                pass


# The options of `ccm` itself that may also be written after the command (`ccm status --db x.db`).
GLOBAL_VALUE_OPTIONS = ("--db",)
GLOBAL_FLAGS = ("--create", "--quiet")


def hoist_global_options(args: list[str]) -> list[str]:
    """The arguments with `--db PATH` (and `--create`) moved before the command, wherever they were written."""
    front: list[str] = []
    rest: list[str] = []
    words = iter(args)
    for word in words:
        if word == "--":
            rest += [word, *words]
            break
        name = word.split("=", 1)[0]
        if name in GLOBAL_VALUE_OPTIONS and "=" in word:
            front.append(word)
        elif word in GLOBAL_VALUE_OPTIONS:
            value = next(words, None)
            front += [word] if value is None else [word, value]
        elif word in GLOBAL_FLAGS:
            front.append(word)
        else:
            rest.append(word)
    return front + rest


def usage_line(error) -> str:
    """A usage error in one line: the command, what is wrong, and the help to read."""
    message = " ".join(error.format_message().split())
    message = message.replace(". Did you mean", "; did you mean").replace("No such command", "unknown command")
    message = message[:1].lower() + message[1:]
    message = re.sub(r"^no such option '([^']+)'", r"no such option: \1", message)  # Click 8.2+ quotes it
    context = getattr(error, "ctx", None)
    path = context.command_path if context is not None else "ccm"
    return f"{path}: {message.rstrip('.')} (see `{path} -h`)"


@dataclass
class AppContext:
    """The global options, resolved lazily so a command only pays for what it uses.

    Which database and who is writing are a `Workspace` (shared with the app); this adds
    the command line's ways: one reader for the whole command, and asking who you are.
    """

    db_option: str | None = None
    create: bool = False
    _config: dict | None = field(default=None, repr=False)
    _workspace: Workspace | None = field(default=None, repr=False)
    _reader: OpenReader | None = field(default=None, repr=False)

    @property
    def config(self) -> dict:
        if self._config is None:
            from ccmtui import config

            self._config = config.load()
        return self._config

    @config.setter
    def config(self, values: dict) -> None:
        self._config = values
        if self._workspace is not None:
            self._workspace.config = values

    @property
    def workspace(self) -> Workspace:
        if self._workspace is None:
            from ccmtui.workspace import Workspace

            workspace = Workspace.resolve(self.db_option, self.config)
            if self.db_option is not None and not self.create:
                refuse_missing(workspace.target)
            self._workspace = workspace
        return self._workspace

    @property
    def target(self) -> Target:
        return self.workspace.target

    def reader(self) -> OpenReader:
        """The fast read path (no SQLAlchemy on SQLite), one for the whole command."""
        if self._reader is None:
            self._reader = self.workspace.open_reader()
        return self._reader

    def identity(self) -> str | None:
        """The coordinator's identity; asked for on first interactive use."""
        if not self.config.get("name") and sys.stdin.isatty() and sys.stdout.isatty():
            ask_identity(self)
        return self.workspace.by

    def writing(self, command: str) -> AbstractContextManager[Writer]:
        """One write transaction, stamped with the coordinator's identity."""
        self.identity()
        return self.workspace.writing(command)

    def close(self) -> None:
        """Release connections (a server has a limited number)."""
        if self._reader is not None:
            self._reader.close()
        self._reader = None

    def register(self) -> Register:
        from ccmtui.reports.register import Register

        return Register(self.reader())


def refuse_missing(target: Target) -> None:
    """A `--db` file that is not there is a mistyped path far more often than a wish for a new database."""
    path = target.path
    try:
        if path is None or path.exists() or str(path) == ":memory:":
            return
    except OSError:  # not a name a file can have: opening it says why
        return
    from ccmtui.domain.errors import DatabaseError

    raise DatabaseError(
        f"{path}: no such database; create it with `ccm init {path}` (or add --create), "
        "or check the path (`ccm config show` shows the database in use)"
    )


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


class _Output:
    """How this command's listing is printed: `--plain` sets tab-separated lines instead of JSON."""

    plain = False


OUTPUT = _Output()


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

# Output that is not a terminal is laid out this wide (or at COLUMNS when set): no column is dropped.
WIDE = 250


def _cell(value) -> str:
    """One value of a tab-separated line: lists joined with `;`, tabs and line breaks shown as \\t and \\n."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return ";".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    from ccmtui.textsafe import visible

    text = str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n")
    return visible(text, lines=False)


def _table_lines(rows: list[dict], first: tuple[str, ...] = ()) -> list[str]:
    columns: list[str] = list(first)
    for row in rows:
        columns += [key for key in row if key not in columns]
    return ["\t".join(columns)] + ["\t".join(_cell(row.get(key)) for key in columns) for row in rows]


def _rows_of(value) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def print_plain(value) -> None:
    """A listing as tab-separated lines: a header of field names, then a line per row.

    An object with lists of rows (`ccm due`, `ccm campaign show`) gives one table of them all, a
    `section` column naming the list; an object of plain values gives a `field<TAB>value` line each.
    """
    if isinstance(value, list):
        lines = _table_lines([row if isinstance(row, dict) else {"value": row} for row in value])
    elif any(_rows_of(v) or v == [] for v in value.values()) and any(_rows_of(v) for v in value.values()):
        sections = [{"section": key, **row} for key, rows in value.items() if _rows_of(rows) for row in rows]
        lines = _table_lines(sections, ("section",))
    else:
        lines = [f"{key}\t{_cell(v)}" for key, v in value.items()]
    for line in lines:
        sys.stdout.write(line + "\n")


def with_offsets(value, key: str = ""):
    """The value with every stored moment (a key ending in `_at`) as ISO 8601 with its UTC offset."""
    if isinstance(value, dict):
        return {k: with_offsets(v, k) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [with_offsets(v, key) for v in value]
    if key.endswith("_at") and value is not None:
        from ccmtui.domain.dates import utc_timestamp

        return utc_timestamp(value)
    return value


def print_json(value) -> None:
    """A listing as JSON (docs/json.md), or as tab-separated lines when the command was given --plain."""
    from ccmtui.textsafe import json_safe

    if OUTPUT.plain:
        print_plain(with_offsets(value))
        return
    # The data exactly, but no character a terminal would act on (DEL, C1 controls) left unescaped.
    sys.stdout.write(json_safe(json.dumps(with_offsets(value), ensure_ascii=False, indent=2, default=str)))
    sys.stdout.write("\n")


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


def console():
    """A console for tables: a terminal's width, or, for a pipe or a file, wide enough to drop no column."""
    from ccmtui.textsafe import safe_console

    if sys.stdout.isatty() or os.environ.get("COLUMNS"):
        return safe_console()
    out = safe_console(width=WIDE)
    printing = out.print

    def print_unpadded(*objects, **options):
        for thing in objects:
            if hasattr(thing, "expand") and hasattr(thing, "columns"):  # a Table: its natural width, not WIDE
                thing.expand = False
        printing(*objects, **options)

    out.print = print_unpadded
    return out
