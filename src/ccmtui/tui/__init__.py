"""The Textual app: `ccm` with no subcommand, or `ccm tui`.

Only the command that opens the app imports this package, so the other commands
never load Textual.
"""

from __future__ import annotations

import time


def open_app(db_option: str | None, config: dict | None = None, started: float | None = None) -> None:
    """Resolve the database as every command does, start reading the dashboard, then run the app."""
    import gc

    # No garbage collection while the app starts: it allocates tens of thousands of objects that
    # live as long as it does, and each full collection over them costs tens of milliseconds.
    # The app collects again, over what it makes from then on, once the dashboard is drawn.
    gc.disable()
    from ccmtui import config as config_file
    from ccmtui.paths import resolve_database
    from ccmtui.tui.dashboard_data import EarlyDashboard
    from ccmtui.tui.source import Source

    started = time.perf_counter() if started is None else started
    config = config_file.load() if config is None else config
    source = Source(resolve_database(db_option, config.get("db")), config)
    # The "Contact next" ranking is read with the figures only when the terminal is wide enough to
    # show it at once; otherwise after the first frame, which it would slow.
    from shutil import get_terminal_size

    from ccmtui.tui.sections import ROOMY

    early = EarlyDashboard(source, keep=True, rank=get_terminal_size((0, 0)).columns >= ROOMY)
    from ccmtui.tui.app import CCMApp  # Textual loads while the figures are read

    CCMApp(source.target, started=started, source=source, early=early, ask_identity=True).run()
