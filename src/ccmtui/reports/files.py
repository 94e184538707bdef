"""Writing exports: whole or not at all, readable by the owner only (they may hold notes)."""

from __future__ import annotations

import os
from pathlib import Path

from ccmtui.domain.errors import InputError


def write_private(path: Path, content: str | bytes) -> Path:
    """Write `content` to `path` through a temporary file, mode 0600."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    path = Path(path).expanduser()
    if path.is_dir():
        raise InputError(f"cannot write {path}: it is a directory")
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise InputError(f"cannot write {path}: {error.strerror or error}") from None
    return path
