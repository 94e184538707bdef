"""Where a builder writes its database: checked first, leftovers of a killed build removed, replaced whole.

A builder writes a hidden `.NAME.PID.KIND` file beside the target and moves it into place. A build
killed half-way leaves that file behind; the next build of the same target removes it (when the
process that wrote it is gone). The old database's `-wal` and `-shm` go before the new file takes
its name: replayed onto the new file they would make it "malformed".
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ccmtui.domain.errors import InputError

SIDE_FILES = ("-wal", "-shm", "-journal")


def prepare_target(path: Path) -> Path:
    """`path` checked as a place for a new database file; leftovers of earlier killed builds removed."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path} is a folder; give the database file's name (e.g. {path / 'sample.db'})")
    folder = path.parent
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder")
    try:
        os.fsencode(path.name)
        if len(os.fsencode(path.name)) > 200:
            raise InputError(f"{path.name[:40]}…: the file name is too long")
    except UnicodeError:
        raise InputError("the file name is not valid text") from None
    remove_leftovers(path)
    return path


def remove_leftovers(path: Path) -> list[Path]:
    """The hidden files of builds of `path` whose process no longer runs: removed, and returned."""
    pattern = re.compile(rf"^\.{re.escape(path.name)}\.(\d+)\.[a-z]+(?:-wal|-shm|-journal)?$")
    removed = []
    try:
        candidates = list(path.parent.iterdir())
    except OSError:
        return removed
    for candidate in candidates:
        found = pattern.match(candidate.name)
        if found is None or _running(int(found.group(1))):
            continue
        try:
            candidate.unlink()
            removed.append(candidate)
        except OSError:
            pass
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except (OverflowError, OSError):
        return False
    return True


def replace_target(building: Path, path: Path) -> None:
    """The finished file takes `path`'s name; the old database's journal files go first."""
    for suffix in SIDE_FILES:
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(building, path)
