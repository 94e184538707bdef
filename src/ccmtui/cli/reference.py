"""The command reference, docs/cli.md, written from the commands themselves.

    python -m ccmtui.cli.reference > docs/cli.md

Every command, in the order `ccm --help` lists them, with its usage, its help and a line per
argument and option, as `--help` gives them but in plain text of a fixed width, so the page is
the same on every machine. `tests/test_docs.py` fails when the committed page is not what this
prints.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import click

REGENERATE = "python -m ccmtui.cli.reference > docs/cli.md"
WIDTH = 100
# Where the help column starts; a longer option name puts its help on the next line.
HELP_COLUMN = 30


def root_command():
    """The click command behind `ccm`."""
    import typer.main

    from ccmtui.cli import app

    return typer.main.get_command(app)


def walk(
    command=None, path: tuple[str, ...] = ("ccm",), parent=None
) -> Iterator[tuple[tuple[str, ...], object, object]]:
    """Every visible command and group, depth first: (path, command, click context)."""
    import typer

    command = command or root_command()
    context = typer.Context(command, info_name=path[-1], parent=parent)
    yield path, command, context
    for name in subcommand_names(command, context):
        yield from walk(command.get_command(context, name), (*path, name), context)


def subcommand_names(command, context: click.Context) -> list[str]:
    if not hasattr(command, "list_commands"):
        return []
    return [name for name in command.list_commands(context) if not command.get_command(context, name).hidden]


def parameters(command) -> list:
    """The parameters a user types: without --help and hidden ones."""
    return [p for p in command.params if p.name != "help" and not getattr(p, "hidden", False)]


def _rows(rows: list[tuple[str, str]]) -> list[str]:
    """Two columns, the second wrapped; a name too long for the first puts its help below it."""
    column = min(HELP_COLUMN, 2 + max(len(name) for name, _ in rows) + 2)
    lines = []
    for name, help_text in rows:
        wrapped = textwrap.wrap(" ".join(help_text.split()), WIDTH - column) or [""]
        if len(name) + 2 > column - 2:
            lines.append(f"  {name}".rstrip())
            lines.extend(" " * column + line for line in wrapped)
        else:
            lines.append(f"  {name:<{column - 2}}{wrapped[0]}".rstrip())
            lines.extend(" " * column + line for line in wrapped[1:])
    return lines


def _help_record(parameter, context: click.Context) -> tuple[str, str]:
    record = parameter.get_help_record(context)
    if record is None:  # an argument without help
        return parameter.make_metavar(context) if hasattr(parameter, "make_metavar") else parameter.name, ""
    return record


def section(path: tuple[str, ...], command, context: click.Context) -> str:
    """One command's part of the page."""
    name = " ".join(path)
    out = [f"## {name}", ""]
    help_text = inspect_help(command)
    if help_text:
        out += [help_text, ""]
    usage = " ".join([name, *command.collect_usage_pieces(context)])
    block = [f"Usage: {usage}"]
    arguments = [p for p in parameters(command) if p.param_type_name == "argument"]
    options = [p for p in parameters(command) if p.param_type_name == "option"]
    if arguments:
        block += ["", "Arguments:", *_rows([_help_record(p, context) for p in arguments])]
    if options:
        block += ["", "Options:", *_rows([_help_record(p, context) for p in options])]
    names = subcommand_names(command, context)
    if names:
        rows = [(sub, first_paragraph(command.get_command(context, sub))) for sub in names]
        block += ["", "Commands:", *_rows(rows)]
    out += ["```text", *block, "```", ""]
    return "\n".join(out)


def inspect_help(command) -> str:
    """The command's help as written (docstring or help=), paragraphs kept."""
    import inspect

    text = command.help or command.short_help or ""
    return inspect.cleandoc(text).replace("\b\n", "")


def first_paragraph(command) -> str:
    """What the list of a group's commands says of one of them."""
    return command.short_help or inspect_help(command).split("\n\n")[0]


def short_options() -> dict[str, dict[str, list[str]]]:
    """Each one-letter option: the long option it stands for, and the commands that have it."""
    found: dict[str, dict[str, list[str]]] = {}
    for path, command, _context in walk():
        for parameter in parameters(command):
            longs = [o for o in parameter.opts if o.startswith("--")]
            for short in (o for o in parameter.opts if len(o) == 2 and o.startswith("-")):
                found.setdefault(short, {}).setdefault(longs[0] if longs else short, []).append(" ".join(path))
    return dict(sorted(found.items(), key=lambda item: (item[0].lower(), item[0])))


def short_table() -> str:
    """The one-letter options as a Markdown table: one meaning each, in every command."""
    lines = [
        "## Short options",
        "",
        "A one-letter option means the same in every command that has it (`-h` is `--help` everywhere).",
        "",
        "| Short | Long | Commands |",
        "| --- | --- | --- |",
    ]
    for short, meanings in short_options().items():
        for long, commands in meanings.items():
            lines.append(f"| `{short}` | `{long}` | {', '.join(f'`{c}`' for c in commands)} |")
    return "\n".join(lines) + "\n"


def render() -> str:
    head = [
        "# Command reference",
        "",
        f"<!-- Generated from the commands themselves: `{REGENERATE}`. Do not edit by hand. -->",
        "",
        "Every `ccm` command with its arguments and options, as `ccm COMMAND --help` gives them.",
        "The other pages show the commands at work; this one lists all of them.",
        "",
    ]
    sections = [section(path, command, context) for path, command, context in walk()]
    return "\n".join(head) + "\n" + short_table() + "\n" + "\n".join(sections).rstrip("\n") + "\n"


def main() -> None:
    sys.stdout.write(render())


if __name__ == "__main__":
    main()
