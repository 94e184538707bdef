"""Where the configuration and the database live.

The database is chosen by, in order: `--db PATH|URL`, the `CCM_DB` environment
variable, `db` in config.toml, and `ccm.db` in the user data directory.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "ccmtui"


def config_path() -> Path:
    """config.toml in the user config directory; `CCM_CONFIG` points elsewhere (tests, teams)."""
    override = os.environ.get("CCM_CONFIG")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "config.toml"


def default_database_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "ccm.db"


def resolve_database(explicit: str | None, configured: str | None) -> str:
    """The database target (a file path or a URL) by the order above."""
    for candidate in (explicit, os.environ.get("CCM_DB"), configured):
        if candidate:
            return candidate
    return str(default_database_path())
