"""The Textual app: `ccm` with no subcommand, or `ccm tui`.

Only the command that opens the app imports this package, so the other commands
never load Textual.
"""

from __future__ import annotations


def run(target: str, config: dict | None = None) -> None:
    from ccmtui.tui.app import CCMApp

    CCMApp(target, config=config).run()
