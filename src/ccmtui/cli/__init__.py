"""The `ccm` command line: one Typer app, one sub-app per noun.

Commands import what they need inside their bodies, so `ccm status` loads neither Textual nor
SQLAlchemy. This module names the commands; Typer (`ccmtui.cli._app`) builds only the one run, and
the most frequent ones start leaner still, without Typer (`ccmtui.cli.lean`).
"""

from __future__ import annotations

import sys

# Every command: its name, the module under ccmtui.cli that defines it and the name there (a
# function, or a sub-app for a noun). Only the module of the command about to run is imported.
COMMANDS: dict[str, tuple[str | None, str]] = {
    "tui": ("_app", "tui"),
    "init": ("database", "init"),
    "status": ("status", "status"),
    "summary": ("summary", "summary"),
    "log": ("journal", "log"),
    "classify": ("journal", "classify"),
    "reply": ("journal", "reply"),
    "done": ("journal", "done"),
    "undo": ("journal", "undo"),
    "changes": ("journal", "changes"),
    "engagements": ("lookup", "engagements"),
    "show": ("records", "show"),
    "edit": ("records", "edit"),
    "delete": ("records", "delete"),
    "history": ("lookup", "history"),
    "due": ("lookup", "due"),
    "handover": ("export", "handover"),
    "search": ("lookup", "search"),
    "whatif": ("whatif", "whatif"),
    "next": ("universalization", "next_"),
    "momentum": ("universalization", "momentum"),
    "groupings": ("universalization", "groupings"),
    "reasons": ("universalization", "reasons"),
    "votes": ("votes", "app"),
    "attach": ("attachments", "attach"),
    "attachment": ("attachments", "app"),
    "merge": ("team", "merge"),
    "sync": ("team", "sync"),
    "team": ("team", "team_app"),
    "conflicts": ("conflicts", "app"),
    "campaign": ("campaigns", "app"),
    "import": ("imports", "app"),
    "config": ("config", "app"),
    "db": ("database", "app"),
    "states": ("states", "app"),
    "sample": ("sample", "app"),
    "workplan": ("workplan", "app"),
    "milestone": ("workplan", "milestone_app"),
    "export": ("export", "app"),
    "obligation": ("obligations", "app"),
    "extension": ("extensions", "extension_app"),
    "meeting": ("extensions", "meeting_app"),
    "margins": ("margins", "app"),
    "retention": ("retention", "app"),
    "practice": ("practices", "app"),
    "transparency": ("transparency", "app"),
    "measures": ("measures", "app"),
    "cooperation": ("cooperation", "app"),
    "org": ("counterparts", "org_app"),
    "person": ("counterparts", "person_app"),
    "coalition": ("coalitions", "app"),
    "report": ("report", "app"),
    "article7": ("article7", "app"),
    "actionplan": ("actionplan", "app"),
    "indicator": ("actionplan", "indicator_app"),
}


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


def main() -> None:
    name = invoked(sys.argv[1:])
    from ccmtui.cli.lean import LEAN, run

    if name in LEAN:
        run(name, sys.argv[1:])  # returns only when the words need Typer (help, a mistake, a rare option)
    from ccmtui.cli._app import only

    only(name)(prog_name="ccm")


def __getattr__(name: str):
    # The Typer side, imported on first use: `app` (every command), `only`, `everything`, `root`.
    if name in ("app", "only", "everything", "root", "tui"):
        from ccmtui.cli import _app

        return getattr(_app, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
