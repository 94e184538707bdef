"""The lean start: the most frequent commands run without loading Typer.

Building Typer's command line costs more than `ccm status` does itself. For the commands in
`LEAN`, the words are read by the commands' own declarations, taken from Typer once and kept in
`lean_spec.py` (`python -m ccmtui.cli.lean` writes it again, `--check` compares), and the command's
work is called with them. Only words written plainly are read here: `--help`, completion, a
mistake, `--`, `--quiet`, an option whose value Typer converts (a path) or a value that looks like
an option all go to Typer, which answers as it always has.
"""

from __future__ import annotations

import os
import sys
from importlib import import_module

from ccmtui.cli.lean_spec import ROOT, SPEC

LEAN = frozenset(SPEC)

# How an option is read: a flag; `--plain`, a flag that also sets how listings print; a value; a
# value each time it is given. Any other option is read by Typer.
FLAG, PLAIN, ONE, MANY = "flag", "plain", "one", "many"


def _option(declared: dict, words: list[str], at: int, values: dict) -> int | None:
    """Read the option at `words[at]` into `values`: the index of the next word, or None (Typer reads these words)."""
    word = words[at]
    name, equals, attached = word.partition("=")
    if equals and not name.startswith("--"):
        return None
    param, kind = declared.get(name if equals else word, (None, None))
    if kind in (FLAG, PLAIN) and not equals:
        values[param] = True
        return at + 1
    if kind not in (ONE, MANY):
        return None
    if equals:
        value, after = attached, at + 1
    elif at + 1 < len(words):
        value, after = words[at + 1], at + 2
    else:
        return None
    if value.startswith("-") and len(value) > 1:
        return None
    if kind == MANY:
        values.setdefault(param, []).append(value)
    else:
        values[param] = value
    return after


def parse(name: str, argv: list[str]) -> tuple[dict, dict] | None:
    """The global options and the command's, by parameter name, or None when Typer is to read the words."""
    from ccmtui.cli._context import hoist_global_options

    if name not in SPEC or os.environ.get("_CCM_COMPLETE"):
        return None
    try:
        for word in argv:
            word.encode("utf-8")
    except UnicodeEncodeError:
        return None
    words = hoist_global_options(argv)
    spec = SPEC[name]
    first, at = {}, 0
    while at < len(words) and words[at] != name:
        at = _option(ROOT, words, at, first)
        if at is None:
            return None
    if at == len(words):
        return None
    values: dict = {}
    arguments: list[str] = []
    at += 1
    while at < len(words):
        if words[at].startswith("-"):
            at = _option(spec["options"], words, at, values)
            if at is None:
                return None
        elif spec["argument"]:
            arguments.append(words[at])
            at += 1
        else:
            return None
    if spec["argument"]:
        param, kind = spec["argument"]
        if kind == ONE:  # one word, required
            if len(arguments) != 1:
                return None
            values[param] = arguments[0]
        elif arguments:
            values[param] = arguments
    return first, values


def run(name: str, argv: list[str]) -> None:
    """Run the command and exit with its code; return at once when Typer is to read these words."""
    parsed = parse(name, argv)
    if parsed is None:
        return
    first, values = parsed
    from ccmtui.cli._context import OUTPUT, AppContext, echo, failed, readable_anywhere

    readable_anywhere()
    spec = SPEC[name]
    OUTPUT.plain = any(values.get(param) for param, kind in spec["options"].values() if kind == PLAIN)
    module, function = spec["run"]
    context = AppContext(db_option=first.get("db"), create=bool(first.get("create")))
    code = 0
    try:
        getattr(import_module(module), function)(context, **values)
    except KeyboardInterrupt:
        code = 130  # as Click says it: no message
    except EOFError:
        echo("", err=True)
        echo("Aborted.", err=True)
        code = 1
    except Exception as error:
        code = failed(error)
        if code is None:
            raise
    finally:
        context.close()
    sys.exit(code)


# The commands that start lean, and the function doing each one's work (it takes an AppContext and
# the options by their parameter names, and imports no command-line parser).
RUNS = {
    "status": ("ccmtui.cli.status_run", "status"),
    "engagements": ("ccmtui.cli.lookup_run", "engagements"),
    "history": ("ccmtui.cli.lookup_run", "history"),
    "due": ("ccmtui.cli.lookup_run", "due"),
}


def _kind(param) -> str | None:
    from ccmtui.cli._common import _set_plain

    if param.envvar or getattr(param, "count", False) or param.nargs != 1:
        return None
    if getattr(param, "is_flag", False) and not param.secondary_opts and type(param.type).__name__ == "BoolParamType":
        callback = getattr(param.callback, "__wrapped__", param.callback)  # as Typer wraps it
        return PLAIN if callback is _set_plain else FLAG if callback is None else None
    if (
        param.callback is None
        and type(param.type).__name__ == "StringParamType"
        and not getattr(param, "is_flag", False)
    ):
        return MANY if param.multiple else ONE
    return None


def declared() -> tuple[dict, dict]:
    """ROOT and SPEC as Typer declares the commands now."""
    import inspect

    import typer.main

    from ccmtui.cli._app import only

    root_options: dict = {}
    spec: dict = {}
    for name, (module, function) in RUNS.items():
        group = typer.main.get_command(only(name))
        for param in group.params:
            if param.name in ("db", "create"):
                root_options.update({opt: (param.name, _kind(param)) for opt in param.opts})
        command = group.commands[name]
        defaults = inspect.signature(getattr(import_module(module), function)).parameters
        options, argument = {}, None
        for param in command.params:
            # The work's own defaults stand for what is not on the line: they must be Typer's.
            if param.required:
                wanted = inspect.Parameter.empty
            else:
                wanted = None if param.multiple or param.nargs == -1 else param.default
            if param.name not in defaults or defaults[param.name].default != wanted:
                raise SystemExit(f"{module}.{function}: {param.name} must default to {wanted!r}, as `ccm {name}` does")
            if param.param_type_name == "argument":
                if type(param.type).__name__ != "StringParamType" or (param.nargs, param.required) not in (
                    (-1, False),
                    (1, True),
                ):
                    raise SystemExit(f"ccm {name}: on the lean start, the argument is a list of words or one word")
                argument = (param.name, MANY if param.nargs == -1 else ONE)
                continue
            options.update({opt: (param.name, _kind(param)) for opt in param.opts})
        spec[name] = {"run": (module, function), "argument": argument, "options": options}
    return root_options, spec


def _source(root_options: dict, spec: dict) -> str:
    import pprint

    return (
        '"""Generated by `python -m ccmtui.cli.lean` from the Typer commands; do not edit."""\n\n'
        f"ROOT: dict = {pprint.pformat(root_options, width=110, sort_dicts=False)}\n\n"
        f"SPEC: dict = {pprint.pformat(spec, width=110, sort_dicts=False)}\n"
    )


def main() -> None:
    from pathlib import Path

    target = Path(__file__).with_name("lean_spec.py")
    source = _source(*declared())
    if sys.argv[1:] == ["--check"]:
        if target.read_text(encoding="utf-8") != source:
            raise SystemExit(f"{target} is out of date: run python -m ccmtui.cli.lean")
        return
    target.write_text(source, encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
