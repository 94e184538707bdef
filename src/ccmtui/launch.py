"""`ccm`: the app at once when that is all that was asked, every other command through Typer.

`ccm`, `ccm tui`, `ccm --db PATH` and `ccm --db PATH tui` open the app. They skip loading the
command line's parser, and the dashboard's figures are read while Textual loads (tui/dashboard_data.py).
"""

from __future__ import annotations

import sys
import time


def app_request(argv: list[str], interactive: bool) -> tuple[bool, str | None]:
    """Whether these arguments only open the app, and the --db they name."""
    db = None
    rest = list(argv)
    if rest[:1] == ["--db"] and len(rest) >= 2:
        db, rest = rest[1], rest[2:]
    elif rest[:1] and rest[0].startswith("--db="):
        db, rest = rest[0].removeprefix("--db="), rest[1:]
    if rest == ["tui"] or (not rest and interactive):
        return True, db
    return False, None


def main() -> None:
    started = time.perf_counter()
    wanted, db = app_request(sys.argv[1:], sys.stdin.isatty() and sys.stdout.isatty())
    if not wanted:
        from ccmtui.cli import main as commands

        commands()
        return
    from ccmtui.domain.errors import CCMError

    if db is not None and "://" not in db and db != ":memory:":
        from pathlib import Path

        try:
            missing = not Path(db).expanduser().exists()
        except OSError:
            missing = False  # not a name a file can have: opening it says why
        if missing:  # as for every command: a mistyped --db never becomes a new, empty database
            print(f"Error: {db}: no such database; create it with `ccm init {db}`, or check the path", file=sys.stderr)
            sys.exit(3)
    from ccmtui.tui import open_app

    try:
        open_app(db, started=started)
    except CCMError as error:
        print(f"Error: {error}", file=sys.stderr)
        sys.exit(error.exit_code)
