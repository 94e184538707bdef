"""What every command shares that needs no command-line parser: the database and configuration
(`AppContext`), a line of output, a failure said in one line, and the console for tables.

A command run by the lean start (`ccmtui.cli.lean`) uses only these, so Typer is not loaded.
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from contextlib import AbstractContextManager
    from pathlib import Path

    from ccmtui.db.read import OpenReader
    from ccmtui.db.target import Target
    from ccmtui.db.write import Writer
    from ccmtui.reports.register import Register
    from ccmtui.workspace import Workspace

INTERNAL_ERROR = 70  # EX_SOFTWARE

# What Click removes from a line written to anything but a terminal (`click.echo`): a colour or style.
_ANSI = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")


def echo(message: object = "", err: bool = False) -> None:
    """A line on stdout (stderr with `err`), written as `typer.echo` writes it."""
    stream = sys.stderr if err else sys.stdout
    if stream is None:
        return
    text = f"{message}\n"
    if "\033" in text and not _isatty(stream):
        text = _ANSI.sub("", text)
    stream.write(text)
    stream.flush()


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except Exception:
        return False


def failed(error: BaseException) -> int | None:
    """Say in one line on stderr what stopped the command and give its exit code; None: let it propagate."""
    from ccmtui.domain.errors import CCMError

    if isinstance(error, CCMError):
        echo(f"Error: {error}", err=True)
        return error.exit_code
    if not isinstance(error, Exception):
        return None
    if isinstance(error, OverflowError):
        echo("Error: a number given is too large; nothing was written", err=True)
        return 1
    if isinstance(error, BrokenPipeError):
        # The reader of the output went away (`ccm … | head`): nothing more to say, to anyone.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        return 0
    if os.environ.get("CCM_DEBUG"):
        return None
    first = str(error).strip().splitlines()[0] if str(error).strip() else ""
    echo(
        f"Error: internal error ({type(error).__name__}: {first}); nothing was written. "
        "Run with CCM_DEBUG=1 for details.",
        err=True,
    )
    return INTERNAL_ERROR


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
            from ccmtui.cli._common import ask_identity

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


class _Output:
    """How this command's listing is printed: `--plain` sets tab-separated lines instead of JSON."""

    plain = False


OUTPUT = _Output()


def wanted(as_json: bool, format_: str | None, output: Path | None) -> bool:
    """Whether the listing is to give records (JSON, --plain lines or a spreadsheet) rather than print its table."""
    return bool(as_json or OUTPUT.plain or format_ or output)


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


# Output that is not a terminal is laid out this wide (or at COLUMNS when set): no column is dropped.
WIDE = 250


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
