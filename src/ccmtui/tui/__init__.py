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
    early = EarlyDashboard(source, keep=True)
    from ccmtui.tui.app import CCMApp  # Textual loads while the thread reads

    CCMApp(source.target, started=started, source=source, early=early, ask_identity=True).run()
