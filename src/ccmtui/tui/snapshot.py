"""The dashboard's figures kept between starts of the app, for a database file that has not changed.

`ccm tui` reads them from here instead of the database when the file is exactly as it was when
they were read: the same size, time and header of the file and of its write-ahead log (SQLite only
appends to the log, and starts it again under a new header; a checkpoint only makes the figures
be read afresh). A changed file, another day, another config or another ccm reads the database.
The snapshot is owner-only, as the database is; one that is not is ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from pathlib import Path

FORMAT = 1
HEADER_BYTES = {"": 100, "-wal": 32}  # SQLite's file header; the log's, with its salts and checkpoint


def snapshot_path(database: Path) -> Path:
    """Where the snapshot of this database file lives: the user cache directory."""
    from platformdirs import user_cache_path

    from ccmtui.paths import APP_NAME

    digest = hashlib.sha256(str(database.resolve()).encode("utf-8")).hexdigest()[:20]
    return user_cache_path(APP_NAME, appauthor=False) / "dashboard" / f"{digest}.pickle"


def file_state(database: Path) -> tuple | None:
    """What changes whenever the file's content does: None if the file is not there."""
    state = []
    for suffix, length in HEADER_BYTES.items():
        try:
            with open(f"{database}{suffix}", "rb") as handle:
                facts = os.fstat(handle.fileno())
                state.append((suffix, facts.st_ino, facts.st_size, facts.st_mtime_ns, handle.read(length)))
        except FileNotFoundError:
            if not suffix:
                return None
        except OSError:
            return None
    return tuple(state)


def snapshot_key(database: Path, today, config: dict) -> tuple | None:
    from ccmtui import __version__

    state = file_state(database)
    if state is None:
        return None
    settings = json.dumps(config, sort_keys=True, default=str)
    return (FORMAT, __version__, str(database.resolve()), today.isoformat(), settings, state)


def load(path: Path, key: tuple) -> tuple | None:
    """The (data, ranking) kept under `key`; None when there is none, it is stale or not private."""
    try:
        with open(path, "rb") as handle:
            facts = os.fstat(handle.fileno())
            if facts.st_uid != os.getuid() or facts.st_mode & 0o077:
                return None
            kept_key, data, ranking = pickle.load(handle)
    except Exception:  # missing, unreadable or from another ccm: the database is read instead
        return None
    return (data, ranking) if kept_key == key else None


def save(path: Path, key: tuple, data, ranking) -> None:
    """Keep the figures for the next start; a cache that cannot be written is no error."""
    from ccmtui.domain.errors import CCMError
    from ccmtui.files import write_private

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_private(path, pickle.dumps((key, data, ranking), protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, CCMError, pickle.PicklingError):
        pass
